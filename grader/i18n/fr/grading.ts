import type { Messages } from '../types.js';

/** Messages de la chaîne de notation, en français. Chaque phrase suit « X devait être Y, mais on obtient Z. » */
export const grading: Messages['grading'] = {
  missingFile: (file) => `Le fichier ${file} devait être dans le rendu, mais il est absent.`,
  nestedFile: (file, found) =>
    `Le fichier ${file} devait être à la racine du rendu, mais on l'obtient dans un sous-dossier : trouvé ${found} : les fichiers doivent être à la racine.`,
  outsideFile: (file, target) =>
    `${file} devait être un fichier du rendu, mais c'est un lien qui en sort (${target}) ; il n'a pas été lu.`,
  compileError: (location, text) => `${location} ne compile pas : le compilateur signale « ${text} ».`,
  sourceTooLarge: (file, bytes, limit) =>
    `${file} devait être un fichier source d'au plus ${Math.round(limit / 1024)} Kio, mais il fait ${Math.round(bytes / 1024)} Kio ; il n'a pas été compilé.`,
  sourceTooDeep: (location, limit) =>
    `${location} devait imbriquer les parenthèses et crochets sur au plus ${limit} niveaux, mais on obtient davantage ; le fichier n'a pas été compilé.`,
  sourceTooMuch: (file, limit) =>
    `Le fichier d'un exercice et tout ce qu'il importe devaient totaliser au plus ${Math.round(limit / 1024)} Kio de source, mais on dépasse en lisant ${file} ; il n'a pas été compilé.`,
  sourceNotAFile: (file) => `${file} devait être un fichier ordinaire, mais c'est un tube, un périphérique ou un dossier ; il n'a pas été lu.`,
  bundlerCrashed: (file) =>
    `L'assembleur devait compiler ${file}, mais il a planté dessus (un fichier ou un import qu'il n'a pas pu lire, ou qui a épuisé sa mémoire) ; aucun autre exercice n'a été touché.`,
  bundlerTimeout: (file, limitMs) =>
    `L'assembleur devait compiler ${file} en ${limitMs} ms au plus (limite de temps), mais rien n'est venu à temps ; il a été arrêté, et aucun autre exercice n'a été touché.`,
  loadError: (file, name, message) => `${file} devait se charger, mais on obtient l'erreur ${name} à l'import : « ${message} ».`,
  patched: (file, changes) =>
    `${file} devait laisser les objets prédéfinis de JavaScript tels quels, mais on obtient des modifications à l'import : ${changes}. Le code noté ne peut pas modifier le langage.`,
  missingExport: (file, name) => `${file} devait exporter « ${name} », mais aucun export ne porte ce nom.`,
  notCallable: (name, expected) => `« ${name} » devait être une ${expected === 'class' ? 'classe' : expected === 'method' ? 'méthode' : 'fonction'}, mais on obtient une valeur qu'on ne peut pas appeler.`,
  threw: (name, errName, message) => `${name} devait renvoyer une valeur, mais on obtient l'erreur ${errName} : « ${message} ».`,
  unencodable: (message) => `La réponse devait être lisible par le correcteur, mais elle n'a pas pu être transmise : ${message}.`,
  timeout: (limitMs) => `La vérification devait finir en ${limitMs} ms (limite de temps), mais aucune réponse n'est arrivée à temps ; le processus a été arrêté.`,
  graderTime: (limitMs) =>
    `Le correcteur devait lancer le processus et transmettre ses réponses en ${limitMs} ms (son propre budget, distinct de la limite de temps), mais aucune réponse n'est arrivée à temps : la machine de correction était trop chargée ou en panne, pas le code ; une nouvelle correction devrait réussir.`,
  memory: (limitMb) => `Le code devait tenir en ${limitMb} Mio (limite de mémoire), mais le processus a manqué de mémoire.`,
  outputLimit: (limitBytes) => `Les réponses devaient faire au plus ${Math.round(limitBytes / 1024)} Kio (limite de sortie), mais elles sont plus grandes ; le processus a été arrêté.`,
  answerTooLarge: (limitBytes) =>
    `Les réponses devaient tenir en ${Math.round(limitBytes / 1024)} Kio au plus (limite de sortie), mais on obtient une réponse qui ne peut pas tenir ; elle a été refusée avant d'être envoyée.`,
  graderFault: (exercise, check, detail) =>
    `Le correcteur devait vérifier cette réponse (${exercise}/${check}), mais il a lui-même échoué dessus (${detail}) ; seule cette vérification est touchée.`,
  evidenceOmitted: (kib) => `(non conservé : les valeurs de ce cas dépassent les ${kib} Kio de pièces qu'un résultat peut garder)`,
  printLimit: (limitBytes) =>
    `Le code devait afficher au plus ${Math.round(limitBytes / 1024)} Kio (limite de sortie), mais il a affiché davantage ; le processus a été arrêté.`,
  processLimit: (limit) => `Le code devait tenir en ${limit} processus et threads (limite de processus), mais le processus n'a pas pu en démarrer un de plus.`,
  crashSignal: (signal) => `Le processus devait continuer, mais il s'est arrêté brutalement (signal ${signal}).`,
  crashExit: (code) => `Le processus devait continuer, mais il s'est arrêté brutalement (code de sortie ${code ?? 'inconnu'}).`,
  protocol: (problem) => `Le processus enfant devait répondre au correcteur, mais sa réponse est inacceptable (${problem}).`,
  protocolProblem: {
    'dirty-fresh-child': 'un processus neuf a signalé des modifications',
    'not-ready': "le module n'a pas été signalé prêt",
    'unknown-exports': 'le processus a listé des exports que personne ne demandait',
    'answer-mismatch': 'la réponse ne correspond pas à la demande',
    closed: 'la session est fermée',
    'not-json': "le processus a envoyé autre chose que du JSON",
    'unknown-form': "le processus a envoyé un message d'une forme inconnue",
    unasked: 'le processus a envoyé un message que personne ne demandait',
    'foreign-clock': "le processus a envoyé un message d'horloge qui ne vient pas de son exécuteur",
    'dry-run': "une exécution à blanc n'a pas de processus",
  },
  skipped: (strikes, limit) =>
    `Cette vérification devait être lancée, mais elle a été sautée : ${strikes === 1 ? '1 vérification précédente de cet exercice a' : `${strikes} vérifications précédentes de cet exercice ont`} atteint la ${limit}, donc le reste de l'exercice n'a pas été lancé.`,
  limitNames: { timeout: 'limite de temps', memory: 'limite de mémoire' },
  caseLabel: (caseId) => `cas « ${caseId} »`,
  propertyCases: { counterexample: 'contre-exemple', random: (n) => `entrée aléatoire n° ${n}` },
  hiddenFailed: (what) => `La vérification cachée devait donner la réponse de référence, mais on obtient une réponse différente (${what}).`,
  hiddenError: (where, errName) => `${where} devait renvoyer une valeur, mais on obtient ${errName} (les détails d'une vérification cachée ne sont pas montrés).`,
  hiddenFault: { threw: 'une erreur', crash: 'un plantage', protocol: 'une réponse que le correcteur ne peut pas accepter', 'load-error': "une erreur à l'import", patched: 'des modifications des objets prédéfinis' },
  hiddenWhat: { type: 'mauvais type de valeur', shape: 'mauvaise forme', values: 'mauvaises valeurs', mutated: 'un argument modifié sur place' },
  sandboxMissing: (sandbox, programs) => `Le bac à sable ${sandbox} devait trouver ${programs}, mais ce programme est absent de cette machine.`,
  sandboxFailed: (sandbox, detail) => `Le bac à sable ${sandbox} devait démarrer un processus enfant, mais on obtient : ${detail}.`,
  sandboxGap: {
    filesystem: "Une couche du système devait cacher les fichiers de cette machine au code noté, mais seul le modèle de permissions de Node le fait, une simple ceinture de sécurité selon sa propre documentation.",
    network: "Le code noté devait être coupé du réseau, mais aucune couche ne bloque les connexions (pas même vers 127.0.0.1).",
    signals: "Le code noté ne devait pas pouvoir envoyer de signal au correcteur, mais il a le même utilisateur et le même espace de PID ; seul le retrait de process.kill par l'exécuteur l'en empêche.",
    processes: "Le nombre de processus et de threads du code noté devait être limité, mais aucune limite imposée par le noyau ne tient ici.",
    memory: "Toute la mémoire du code noté devait être plafonnée, mais seul le tas JavaScript l'est (les tableaux typés peuvent le dépasser).",
    cpu: "Le temps processeur du code noté devait être plafonné, mais seule la limite de temps réel de chaque requête s'applique.",
    'node-permissions': "Le modèle de permissions de Node devait entourer le code noté, mais il est absent : le code peut lire et écrire des fichiers, lancer des processus et lire l'environnement d'autres processus.",
  },
  propertyFailed: (runs) => `trouvé après ${runs} entrées aléatoires, réduit à la plus petite entrée qui échoue encore`,
};
