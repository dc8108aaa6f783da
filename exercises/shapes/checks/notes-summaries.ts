import { casesCheck, call, named } from 'neurograde/kit';

/** The parameter counts printed in the notes' model summaries. */
export const notesSummaries = casesCheck({
  id: 'notes-summaries',
  title: { fr: 'Nombres de paramètres des résumés du cours', en: "Parameter counts of the notes' model summaries" },
  cases: () => [
    { ...named({ en: 'conv2d 3x3, 1 -> 64 filters (640)', fr: 'conv2d 3x3, 1 -> 64 filtres (640)' }), steps: [call('convParamCount', 3, 1, 64)], input: { F: 3, D: 1, K: 64 } },
    { id: 'dense 10816 -> 10 (108,170)', steps: [call('denseParamCount', 10816, 10)], input: { inputs: 10816, units: 10 } },
    { id: 'simple_rnn 1 -> 20 (440)', steps: [call('simpleRnnParamCount', 1, 20)], input: { inputDim: 1, units: 20 } },
    { id: 'dense 20 -> 5 (105)', steps: [call('denseParamCount', 20, 5)], input: { inputs: 20, units: 5 } },
    { id: 'dense 5 -> 1 (6)', steps: [call('denseParamCount', 5, 1)], input: { inputs: 5, units: 1 } },
    { id: 'dense 784 -> 100 (78,500)', steps: [call('denseParamCount', 784, 100)], input: { inputs: 784, units: 100 } },
    { id: 'dense 100 -> 10 (1,010)', steps: [call('denseParamCount', 100, 10)], input: { inputs: 100, units: 10 } },
  ],
});
