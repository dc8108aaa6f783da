import type { Messages } from '../types.js';

/** L'étape de similarité : la section de la page de classe, les pages de paires, la commande. */
export const similarity: Messages['similarity'] = {
  notABatch: (dir) => `${dir} n'est pas le résultat d'un batch terminé : pas de results.json valide (lancez d'abord neurograde batch)`,
  done: (pairs, flagged, seconds) => `${pairs} paire(s) de rendus comparée(s) : ${flagged} signalée(s), en ${seconds} s.`,
  section: {
    heading: 'Similarité entre les rendus',
    intro: (threshold) =>
      `Chaque paire de rendus est comparée fichier d'exercice par fichier d'exercice avec Dolos (empreintes de l'arbre syntaxique : noms, mise en page et commentaires ne comptent pas), sans le code de départ ni le code que la plupart de la classe partage. Les paires à ${threshold} % ou plus sont signalées : lisez les deux fichiers côte à côte avant de conclure.`,
    noPairs: "Aucun rendu ne partage de code avec un autre au-delà du code de départ et de ce que la plupart de la classe écrit.",
    topPairs: 'Paires les plus semblables',
    rank: 'n°',
    pair: 'Paire',
    similarity: 'Similarité',
    longest: 'Plus long fragment',
    longestValue: (kgrams, file) => `${kgrams} k-grammes dans ${file}`,
    flagged: 'Signalée',
    open: 'côte à côte',
    clusters: 'Étudiants qui partagent du code',
    clustersIntro: "Étudiants reliés par des paires signalées, directement ou l'un par l'autre.",
    noClusters: "Aucune paire n'est signalée.",
    members: 'Étudiants',
    histogram: 'Répartition de la similarité',
    histogramCaption: (pairs) => `Nombre de paires par similarité (${pairs} paires)`,
    histogramBar: (from, to, count) => `de ${from} % à ${to} % : ${count} paire(s)`,
    skipped: (name, file) => `${file} de ${name} n'a pas été comparé : plus grand que la limite de la comparaison.`,
  },
  page: {
    title: (left, right) => `Similarité : ${left} et ${right}`,
    summary: (similarity, threshold) => `Similarité ${similarity} % (signalée à partir de ${threshold} %).`,
    legend: "Surligné : les passages dont les arbres syntaxiques correspondent, fragment par fragment (le même numéro des deux côtés). Noms, mise en page et commentaires ne sont pas comparés ; le code de départ est exclu.",
    file: 'Fichier',
    fileSummary: (similarity, longest) => `similarité ${similarity} %, plus long fragment ${longest} k-grammes`,
    fragments: 'Fragments communs',
    fragment: (k) => `fragment ${k}`,
    lines: (from, to) => (from === to ? `ligne ${from}` : `lignes ${from} à ${to}`),
    missing: 'non rendu',
    back: 'Retour à la vue de la classe',
  },
};
