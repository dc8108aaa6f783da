import type { Messages } from '../types.js';

/**
 * Chaînes des commandes de correction d'une classe (batch, merge), des commandes des étudiants
 * (check, ci, pack) et des exports, en français. Les fautes suivent « X devait être Y, mais on obtient Z. »
 */
export const batch: Messages['batch'] = {
  progress: {
    eta: (time) => `reste ${time}`,
    graded: (name, score, max, seconds) => `${name} : ${score}/${max} (${seconds} s)`,
    cached: (name, score, max) => `${name} : ${score}/${max} (inchangé depuis la correction précédente)`,
    error: (name, message) => `${name} : non corrigé : ${message}`,
    unrun: (items) => ` (${items.join(' ; ')})`,
  },
  zip: {
    path: (entry) => `Chaque fichier du zip devait rester à l'intérieur, mais on obtient « ${entry} », qui en sort ; le zip n'a pas été décompressé.`,
    link: (entry) => `Le zip devait contenir des fichiers ordinaires, mais on obtient un lien symbolique « ${entry} » ; le zip n'a pas été décompressé.`,
    entries: (limit) => `Le zip devait contenir au plus ${limit} fichiers, mais on en obtient davantage ; il n'a pas été décompressé.`,
    size: (limitMb) => `Le zip devait occuper au plus ${limitMb} Mio une fois décompressé, mais on obtient davantage ; il n'a pas été décompressé.`,
    ratio: (entry, limit) =>
      `« ${entry} » devait être compressé au plus ${limit} fois, mais on obtient bien davantage (une bombe zip) ; le zip n'a pas été décompressé.`,
    encrypted: (entry) => `Le zip devait être sans mot de passe, mais on obtient un fichier chiffré « ${entry} ».`,
    duplicate: (entry) => `Chaque fichier devait figurer une fois dans le zip, mais on obtient « ${entry} » deux fois ; le zip n'a pas été décompressé.`,
    corrupt: (detail) => `Le zip devait être lisible, mais on obtient un fichier illisible (${detail}).`,
  },
  rejected: {
    duplicate: (name) => `Une seule remise devait s'appeler « ${name.replace(/\.zip$/, '')} », mais on obtient un dossier et un zip ; le zip n'a pas été corrigé.`,
    reserved: (name) => `Le nom de la remise devait différer de « ${name} », mais on obtient un nom qu'utilisent les fichiers de la classe ; renommez-la.`,
    'case-clash': (name, other) =>
      `Les noms des remises devaient différer par plus que la casse ou les accents, mais on obtient « ${name} » et « ${other} », qui partageraient un dossier de sortie ; « ${name} » n'a pas été corrigée : renommez-la.`,
  },
  noInput: (path) => `Le dossier de la classe devait se trouver à ${path}, mais on n'obtient rien à cet endroit.`,
  graderFault: (detail) => `Le correcteur devait corriger cette remise, mais on obtient une faute du correcteur : ${detail}`,
  workerDied: (detail) => `Le processus de correction devait terminer cette remise, mais on obtient son arrêt (${detail}).`,
  done: (graded, cached, ungradable, errors, seconds) =>
    `${graded} remise(s) corrigée(s), ${cached} inchangée(s) depuis la correction précédente, ${ungradable} non corrigeable(s) telle(s) que rendue(s), ${errors} non corrigée(s), en ${seconds} s.`,
  wrote: (path) => `Écrit : ${path}`,
  regrade: {
    kept: (ids) => `Notes de ${ids} conservées pour chaque remise depuis la correction précédente (--replace les abandonne).`,
    lang: (out, lang, ids) =>
      `Une nouvelle correction devait être dans la langue des notes qu'elle conserve, mais on obtient ${out} corrigé en ${lang} (${ids}) ; passez --lang ${lang}, ou --replace pour abandonner ces notes.`,
    gone: (out, ids) =>
      `Les exercices corrigés dans ${out} devaient exister encore, mais on n'obtient aucun exercice ${ids} ; passez --replace pour abandonner leurs notes.`,
  },
  merge: {
    noClass: (dir) => `${dir} devait contenir le results.json d'une correction, mais on n'en obtient aucun.`,
    duplicate: (name) => `Chaque remise devait figurer dans une seule part, mais on obtient « ${name} » dans deux.`,
    exercises: (dir) => `Toutes les parts devaient corriger les mêmes exercices, mais on obtient un autre ensemble dans ${dir}.`,
    merged: (count, shards) => `${count} remise(s) fusionnée(s) depuis ${shards} part(s).`,
    problem: {
      missing: (shard) => `La part ${shard} devait figurer parmi les sorties, mais on n'en obtient aucune.`,
      duplicate: (shard, dirs) => `La part ${shard} devait figurer une fois, mais on l'obtient dans ${dirs}.`,
      count: (dir, shard, expected) => `Chaque part devait diviser la classe en ${expected}, mais on obtient ${shard} dans ${dir}.`,
      mismatch: (dir, other) =>
        `Chaque part devait être corrigée de la même façon, mais on obtient ${dir} corrigée avec un autre correcteur, d'autres exercices, une autre langue ou une autre graine que ${other}.`,
      unsharded: (dir) => `${dir} devait être une part (batch --shard i/n), mais on obtient la sortie d'une correction entière.`,
    },
    refused: (problems) => `${problems} Rien n'a été fusionné ; passez --allow-partial pour les fusionner quand même.`,
    partial: (problems) => `Fusion partielle : ${problems}`,
  },
  classPage: {
    documentTitle: 'Vue de la classe',
    heading: 'Vue de la classe',
    submissions: 'Remises',
    graded: 'Corrigées',
    partial: 'Cette classe est incomplète : fusion partielle des parts.',
    notGradable: 'Non corrigeables telles que rendues',
    notGraded: 'Non corrigées',
    mean: 'Note moyenne',
    median: 'Note médiane',
    histogram: 'Répartition des notes',
    histogramCaption: (max) => `Nombre de remises par note totale (sur ${max})`,
    histogramBar: (from, to, count) => `de ${from} à ${to} : ${count} remise(s)`,
    checks: 'Taux de réussite par vérification',
    exercise: 'Exercice',
    check: 'Vérification',
    visibility: 'Visibilité',
    public: 'publique',
    hidden: 'cachée',
    passed: 'Réussies',
    rate: 'Taux',
    mistakes: 'Erreurs les plus fréquentes',
    mistake: 'Erreur',
    count: 'Remises',
    noMistakes: "Aucune erreur connue n'a été diagnostiquée.",
    students: 'Toutes les remises',
    student: 'Étudiant·e',
    total: 'Total',
    report: 'Rapport',
    open: 'ouvrir',
    status: 'État',
    error: 'non corrigée',
    none: '—',
  },
  markdown: {
    title: (submission) => `Correction de ${submission}`,
    score: (score, max, percent) => `**Note : ${score} / ${max}** (${percent} %)`,
    checkMode: 'Seules les vérifications publiques ont tourné ; la note finale compte aussi les vérifications cachées.',
    columns: { exercise: 'Exercice', score: 'Note', checks: 'Vérifications', status: 'État' },
    passedOf: (passed, total) => `${passed}/${total}`,
    failures: 'À corriger',
    allPassed: 'Toutes les vérifications réussissent.',
    diagnosis: (title, explanation) => `Diagnostic : ${title} : ${explanation}`,
    hint: (text) => `Indice : ${text}`,
    exerciseStatus: { graded: 'corrigé', missing: 'fichier absent', 'compile-error': 'ne compile pas', 'load-error': 'ne se charge pas' },
    checkStatus: { passed: 'réussie', failed: 'échouée', error: 'erreur', timeout: 'temps dépassé', skipped: 'sautée' },
  },
  gradescope: {
    output: (score, max) => `neurograde : ${score} / ${max}. Le rapport HTML détaille chaque vérification.`,
    passed: 'Réussie.',
  },
  check: {
    watching: (dir) => `Surveillance des fichiers .ts de ${dir} (Ctrl+C pour arrêter).`,
    regrading: (file) => `${file} a changé : nouvelle vérification.`,
    stopped: 'Surveillance arrêtée.',
    notFolder: (dir) => `${dir} devait être un dossier, mais on obtient autre chose.`,
  },
  roster: {
    unmatched: (names) => `Chaque rendu devait figurer dans la liste de la classe, mais ${names} n'y figure(nt) pas : absent(s) de gradebook-moodle.csv et gradebook-canvas.csv (gradebook.csv les contient).`,
  },
  classroom: {
    heading: 'Note avec toutes les vérifications (cachées comprises)',
    score: (score, max) => `Note : ${score} / ${max}`,
    exercise: 'Exercice',
    points: 'Points',
    hidden: 'Vérifications cachées réussies',
    toFix: 'À corriger',
    mistake: 'Erreur reconnue',
    hiddenFailed: (n) => `${n} vérification(s) cachée(s) échoue(nt) ; leurs entrées restent cachées, lancez npx neurograde check et relisez l'énoncé.`,
    footer: "_Publié par la correction de votre enseignant ; mis à jour à chaque correction._",
    fetched: (n, failed) => `${n} dépôts récupérés, ${failed} n'ont pas pu l'être.`,
    fetchFailed: (f) => {
      const why =
        f.reason === 'no-repository'
          ? 'La liste devait donner un dépôt, mais on n\'en trouve aucun'
          : f.reason === 'bad-repository'
            ? `Le dépôt de la liste devait être propriétaire/nom ou une URL GitHub, mais on obtient « ${f.detail ?? ''} »`
            : f.reason === 'bad-key'
              ? `La clé de l'étudiant devait pouvoir servir de nom de dossier, mais on obtient « ${f.detail ?? ''} »`
              : f.reason === 'empty-repository'
                ? `La branche par défaut de ${f.repo ?? ''} devait avoir un commit, mais on n'en trouve aucun`
                : `git clone ${f.repo ?? ''} a échoué : ${f.detail ?? ''}`;
      const kept = f.kept ? ` ; la copie récupérée auparavant (commit ${f.kept.slice(0, 7)}) reste en place et est corrigée` : '';
      return `  ${f.key} : ${why}${kept}.`;
    },
    posted: (n, where) => `Retours pour ${n} étudiant(s) : ${where}`,
    dryRun: 'écrits dans des fichiers (essai), rien envoyé',
    sent: 'envoyés à GitHub',
  },
  ci: {
    belowMin: (score, min) => `La note devait être d'au moins ${min}, mais on obtient ${score}.`,
    reached: (score, min) => `La note ${score} atteint le minimum de ${min}.`,
    annotationTitle: (exercise, check) => `${exercise} / ${check}`,
    othersInExercise: (n) => `(et ${n} autre(s) vérification(s) en échec dans cet exercice : voir le résumé de la tâche)`,
    moreProblems: (n) => `${n} autre(s) problème(s) ne sont pas annotés (GitHub en montre dix par étape, un par exercice ici) : le rapport les donne tous.`,
    summaryWritten: (path) => `Résumé de la tâche écrit dans ${path}`,
  },
  pack: {
    wrote: (dir, exercises, cases) => `Dépôt étudiant écrit dans ${dir} : ${exercises} exercice(s), ${cases} cas public(s) pour npm test.`,
    wroteTeacher: (dir) => `Dépôt de correction de l'enseignant écrit dans ${dir} (il contient les solutions de référence : gardez-le privé).`,
    notEmpty: (dir) => `${dir} devait être vide ou absent, mais on obtient des fichiers ; ajoutez --force pour écraser.`,
    teacher: {
      title: 'Correction de la classe (privé)',
      intro: "Ce dépôt corrige le dépôt de chaque étudiant avec toutes les vérifications, cachées comprises, et publie chaque note sur la pull request de l'étudiant. Il contient les solutions de référence : gardez-le privé, sans accès pour les étudiants.",
      setup: 'Mise en place',
      steps: [
        "Remplir roster.csv : un étudiant par ligne, son identifiant GitHub (github), son dépôt owner/nom (repository) et ce qui l'identifie dans votre ENT (username, email, student_id).",
        "Créer un jeton qui lit les dépôts des étudiants et écrit statuts et commentaires de pull request (jeton à granularité fine : Contents en lecture, Commit statuses et Pull requests en écriture), et l'enregistrer comme secret CLASS_TOKEN de ce dépôt.",
        "Committer et pousser. Lancer le workflow une fois à la main avec dry-run coché : l'artefact feedback montre chaque commentaire et chaque requête qu'il publierait.",
      ],
      runs: 'Ce qu\'il fait',
      schedule: (cron, shards) => `Selon le calendrier \`${cron}\` (UTC) et à la demande : récupérer chaque dépôt, corriger la classe en ${shards} parts, fusionner, publier chaque note (un statut de commit et un commentaire sur chaque pull request ouverte, mis à jour à chaque passage).`,
      outputs: "Artefacts : gradebook (gradebook.csv, gradebook-moodle.csv, gradebook-canvas.csv, index.html, results.json, junit.xml) et reports (le rapport de chaque étudiant).",
      dryRun: 'Un passage en dry-run écrit les requêtes GitHub dans feedback/requests.jsonl et chaque commentaire dans feedback/comments/<étudiant>.md, sans rien envoyer.',
    },
    readme: {
      title: 'Exercices : réseaux convolutifs et récurrents',
      intro: "Chaque exercice est un fichier TypeScript à la racine de ce dépôt. Son énoncé est dans statements/.",
      exercises: 'Exercices',
      commands: 'Commandes',
      install: 'Installer les dépendances, une fois (le correcteur vient de vendor/, dans ce dépôt) :',
      test: 'Lancer les vérifications publiques (rapide, sans le correcteur) :',
      check: 'Obtenir le retour complet (diagnostic des erreurs connues, rapport HTML dans .neurograde/) :',
      watch: 'Vérifier à chaque enregistrement :',
      ci: "Chaque pull request est corrigée par GitHub Actions : le résumé de la tâche donne la note, les lignes fautives sont annotées et le rapport HTML est joint à l'exécution.",
      minScore: (min) => `La vérification de la pull request échoue sous ${min}.`,
      teacherOnly: "Ces vérifications publiques ont besoin de la solution de référence : seule la correction de l'enseignant les lance :",
    },
    npmTest: {
      inputs: 'Entrées :',
      notShipped: (title) => `${title} : pas lancée par npm test (ses cas sont tirés au hasard ou entraînés par le correcteur) ; npx neurograde check la lance`,
      diagnosis: "npm test ne compare que les sorties. Pour le diagnostic (l'erreur nommée, une piste, le rapport), lancez : npx neurograde check",
      summary: (c) =>
        `Tests : ${[c.passed && `${c.passed} ${c.passed > 1 ? 'réussis' : 'réussi'}`, c.failed && `${c.failed} ${c.failed > 1 ? 'échoués' : 'échoué'}`, c.skipped && `${c.skipped} non ${c.skipped > 1 ? 'lancés' : 'lancé'}`].filter(Boolean).join(', ') || 'aucun'} (${c.passed + c.failed + c.skipped})`,
      duration: (ms) => `Durée : ${(ms / 1000).toFixed(1).replace('.', ',')} s`,
      notLoaded: (file) => `${file} n'a pas pu être chargé :`,
      labelled: (label, text) => `${label} : ${text}`,
      runError: 'Erreur hors de tout cas :',
    },
  },
};
