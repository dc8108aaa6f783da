import type { MistakeDefinition } from 'neurograde/kit';

export const splitTrainOneShort: MistakeDefinition = {
  id: 'split-train-one-short',
  title: { fr: 'Une paire perdue à la coupure', en: 'One pair lost at the cut' },
  explanation: {
    fr: "slice(début, fin) s'arrête avant fin : X.slice(0, trainCount) contient déjà les trainCount premières paires, et le test commence à l'indice trainCount. Avec trainCount - 1 pour la fin de l'entraînement (ou trainCount + 1 pour le début du test), une paire n'est ni dans l'entraînement ni dans le test.",
    en: 'slice(start, end) stops before end: X.slice(0, trainCount) already holds the first trainCount pairs, and the test starts at index trainCount. With trainCount - 1 as the end of training (or trainCount + 1 as the start of the test), one pair is in neither training nor test.',
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
  // The pair lost at the start of the test instead: X.slice(trainCount + 1).
  forms: [
    {
      chronologicalSplit: <T>(X: T[], Y: T[], trainCount: number) => ({
        xTrain: X.slice(0, trainCount),
        yTrain: Y.slice(0, trainCount),
        xTest: X.slice(trainCount + 1),
        yTest: Y.slice(trainCount + 1),
      }),
    },
  ],
};
