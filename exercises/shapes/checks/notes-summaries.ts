import { casesCheck, call, named } from 'neurograde/kit';

/** The parameter counts printed in the notes' model summaries. */
export const notesSummaries = casesCheck({
  id: 'notes-summaries',
  title: { fr: 'Nombres de paramètres des résumés du cours', en: "Parameter counts of the notes' model summaries" },
  cases: () => [
    { ...named({ en: 'conv2d 3x3, 1 -> 64 filters (640)', fr: 'conv2d 3x3, 1 -> 64 filtres (640)' }), steps: [call('convParamCount', 3, 1, 64)], input: { F: 3, D: 1, K: 64 } },
    { ...named({ en: 'dense 10816 -> 10 (108,170)', fr: 'dense 10816 -> 10 (108 170)' }), steps: [call('denseParamCount', 10816, 10)], input: { inputs: 10816, units: 10 } },
    { ...named({ en: 'simple_rnn 1 -> 20 (440)', fr: 'simple_rnn 1 -> 20 (440 paramètres)' }), steps: [call('simpleRnnParamCount', 1, 20)], input: { inputDim: 1, units: 20 } },
    { ...named({ en: 'dense 20 -> 5 (105)', fr: 'dense 20 -> 5 (105 paramètres)' }), steps: [call('denseParamCount', 20, 5)], input: { inputs: 20, units: 5 } },
    { ...named({ en: 'dense 5 -> 1 (6)', fr: 'dense 5 -> 1 (6 paramètres)' }), steps: [call('denseParamCount', 5, 1)], input: { inputs: 5, units: 1 } },
    { ...named({ en: 'dense 784 -> 100 (78,500)', fr: 'dense 784 -> 100 (78 500)' }), steps: [call('denseParamCount', 784, 100)], input: { inputs: 784, units: 100 } },
    { ...named({ en: 'dense 100 -> 10 (1,010)', fr: 'dense 100 -> 10 (1 010)' }), steps: [call('denseParamCount', 100, 10)], input: { inputs: 100, units: 10 } },
  ],
});
