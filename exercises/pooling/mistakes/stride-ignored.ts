import type { MistakeDefinition } from 'neurograde/kit';
import { poolQuirk } from './quirks.js';

export const strideIgnored: MistakeDefinition = {
  id: 'pool-stride-ignored',
  title: { fr: 'Option stride ignorée', en: 'Stride option ignored' },
  explanation: {
    fr: "Les cellules du cours sont séparées de S pixels, et S peut différer de F (fenêtres qui se chevauchent si S < F, trous si S > F) : la sortie a (W - F) / S + 1 colonnes. Votre pooling déplace toujours la fenêtre de sa taille, comme si S valait F.",
    en: "The notes' cells are S pixels apart, and S may differ from F (overlapping windows when S < F, gaps when S > F): the output has (W - F) / S + 1 columns. Your pooling always moves the window by its size, as if S were F.",
  },
  hint: { fr: 'stride = options.stride ?? options.size, et la fenêtre (i, j) commence en (i * stride, j * stride).', en: 'stride = options.stride ?? options.size, and window (i, j) starts at (i * stride, j * stride).' },
  ...poolQuirk({ strideIgnored: true }, { poolingOnly: true }),
};
