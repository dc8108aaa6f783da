import type { MistakeDefinition } from 'neurograde/kit';

export const splitTrainOneShort: MistakeDefinition = {
  id: 'split-train-one-short',
  title: { fr: 'Une paire perdue à la coupure', en: 'One pair lost at the cut' },
  explanation: {
    fr: "slice(début, fin) s'arrête avant fin : X.slice(0, trainCount) contient déjà les trainCount premières paires. Avec trainCount - 1, la paire d'indice trainCount - 1 n'est ni dans l'entraînement ni dans le test.",
    en: 'slice(start, end) stops before end: X.slice(0, trainCount) already holds the first trainCount pairs. With trainCount - 1, the pair at index trainCount - 1 is in neither training nor test.',
  },
  hint: { fr: 'xTrain = X.slice(0, trainCount), xTest = X.slice(trainCount) : les deux parties ensemble redonnent X.', en: 'xTrain = X.slice(0, trainCount), xTest = X.slice(trainCount): together the two parts give X back.' },
  overrides: {
    chronologicalSplit: <T>(X: T[], Y: T[], trainCount: number) => ({
      xTrain: X.slice(0, trainCount - 1),
      yTrain: Y.slice(0, trainCount - 1),
      xTest: X.slice(trainCount),
      yTest: Y.slice(trainCount),
    }),
  },
};
