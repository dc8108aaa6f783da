import type { MistakeDefinition } from 'neurograde/kit';
import { shapeQuirk } from './quirks.js';

export const biasNotCounted: MistakeDefinition = {
  id: 'param-bias-not-counted',
  title: { fr: 'Biais non comptés', en: 'Biases not counted' },
  explanation: {
    fr: 'Chaque filtre (ou neurone) a un biais entraînable en plus de ses poids : F*F*D poids + 1 biais par filtre, inputs + 1 par neurone dense.',
    en: 'Each filter (or unit) has one trainable bias besides its weights: F*F*D weights + 1 bias per filter, inputs + 1 per dense unit.',
  },
  hint: { fr: 'Comparez avec le résumé du cours : Conv2D 3x3 de 1 vers 64 filtres = 640, pas 576.', en: "Compare with the notes' summary: a 3x3 Conv2D from 1 to 64 filters has 640 parameters, not 576." },
  ...shapeQuirk({ biasNotCounted: true }, ['convParamCount', 'denseParamCount', 'simpleRnnParamCount']),
};
