import type { MistakeDefinition } from 'neurograde/kit';

export const splitPartsSwapped: MistakeDefinition = {
  id: 'split-parts-swapped',
  title: { fr: 'Les dernières paires entraînent, les premières testent', en: 'The last pairs train, the first ones test' },
  explanation: {
    fr: "Le schéma du cours coupe la série entre le passé (entraînement) et le futur (test). Votre découpage entraîne sur les trainCount paires les plus récentes et teste sur les plus anciennes : le modèle apprend le futur pour prédire le passé.",
    en: "The notes' diagram cuts the series between the past (training) and the future (test). Your split trains on the most recent trainCount pairs and tests on the oldest: the model learns the future to predict the past.",
  },
  hint: { fr: 'xTrain = X.slice(0, trainCount), xTest = X.slice(trainCount).', en: 'xTrain = X.slice(0, trainCount), xTest = X.slice(trainCount).' },
  overrides: {
    chronologicalSplit: <T>(X: T[], Y: T[], trainCount: number) => {
      const cut = X.length - trainCount;
      return { xTrain: X.slice(cut), yTrain: Y.slice(cut), xTest: X.slice(0, cut), yTest: Y.slice(0, cut) };
    },
  },
};
