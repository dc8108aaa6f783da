import type { Messages } from '../types.js';

/** La forme du rendu : pourquoi il ne peut être corrigé tel quel, et ce qui n'a pas été corrigé. En français. */
export const layout: Messages['layout'] = {
  problem: {
    empty: () => 'Le rendu devait contenir les fichiers des exercices, mais on obtient un dossier vide. Non corrigé.',
    unreadable: (detail) => `Le rendu devait être lisible par le correcteur, mais on obtient une erreur en le lisant (${detail}). Non corrigé.`,
    'no-expected-file': (expected, found) =>
      `Le rendu devait contenir à sa racine au moins un fichier parmi ${expected}, mais on n'en obtient aucun${found ? ` (trouvé : ${found})` : ''}. Non corrigé.`,
    nested: (found) =>
      `Les fichiers des exercices devaient être à la racine du rendu, mais on les obtient dans plusieurs sous-dossiers : trouvé ${found} : les fichiers doivent être à la racine. Non corrigé.`,
  },
  gradedFrom: (folder) => `Les fichiers des exercices étaient dans ${folder}/, pas à la racine du rendu : corrigés depuis ce dossier.`,
  skipped: (files, more) => `Non corrigés (aucun exercice ne les utilise) : ${files}${more > 0 ? ` et ${more} autre(s)` : ''}.`,
  status: 'non corrigeable tel que rendu',
};
