import type { Messages } from '../types.js';

/**
 * Chaînes des réglages de l'enseignant (date limite et retards, modifications de notes, liste de
 * la classe, envoi des retours), en français. Les problèmes suivent « X devait être Y, mais on obtient Z. »
 */
export const teacher: Messages['teacher'] = {
  at: (file, line) => (/\.json$/i.test(file) ? `${file}, élément ${line}` : `${file}:${line}`),
  problem: {
    unreadable: (file, detail) => `${file} : le fichier devait être lisible, mais on obtient ${detail}.`,
    'bad-json': (file, detail) => `${file} : le fichier devait être du JSON, mais on obtient ${detail}.`,
    'bad-shape': (file, detail) =>
      `${file} : ${detail.startsWith('entry ') ? `chaque élément devait avoir student, exercise, points (check et comment facultatifs), mais on obtient ${detail.replace(/^entry/, 'élément')}` : `le fichier devait être une liste de { student, exercise, check?, points, comment }, mais on obtient autre chose`}.`,
    'missing-column': (file, column, found) => `${file}:1 : une colonne « ${column} » était attendue, mais on obtient ${found || 'aucune ligne d’en-tête'}.`,
    'bad-date': (where, value) => `${where} : une date telle que 2026-11-20T23:59 ou 2026-11-20T23:59+01:00 était attendue, mais on obtient « ${value} » ; ligne ignorée.`,
    'bad-points': (where, value) => `${where} : les points devaient être un nombre positif ou nul, mais on obtient « ${value} » ; ligne ignorée.`,
    'empty-cell': (where, column) => `${where} : la colonne ${column} devait être remplie, mais la case est vide ; ligne ignorée.`,
    duplicate: (where, other) => `${where} : chaque étudiant devait figurer une fois, mais on le retrouve (déjà ligne ${other}) ; ligne ignorée.`,
    'unknown-student': (where, student) => `${where} : un étudiant de la classe ou de la liste était attendu, mais on obtient « ${student} » ; ligne ignorée.`,
    'not-submitted': (where, student) => `${where} : une remise de « ${student} » était attendue, mais il n'y en a pas (non rendu) ; modification non appliquée.`,
    'unknown-exercise': (where, exercise, known) => `${where} : un exercice corrigé dans ce lot (${known}) était attendu, mais on obtient « ${exercise} » ; ligne ignorée.`,
    'unknown-check': (where, exercise, check) => `${where} : un test de ${exercise} était attendu, mais on obtient « ${check} » ; ligne ignorée.`,
    'above-max': (where, points, max) => `${where} : au plus ${String(max).replace('.', ',')} points étaient attendus, mais on obtient ${String(points).replace('.', ',')} ; ligne ignorée.`,
    'bad-option': (option, value) =>
      option === '--late-penalty'
        ? `--late-penalty : un pourcentage de 0 à 100 (retiré par jour de retard entamé) était attendu, mais on obtient « ${value} ».`
        : `${option} : une date telle que 2026-11-20 (la fin de ce jour), 2026-11-20T23:59 ou 2026-11-20T23:59+01:00 était attendue, mais on obtient « ${value} ».`,
    'cutoff-before-deadline': (cutoff, deadline) => `--late-cutoff : une date postérieure à la date limite ${deadline} était attendue, mais on obtient ${cutoff}.`,
    'no-deadline': (option) => `${option} : --deadline devait l'accompagner, mais il manque.`,
  },
  refused: (problems) => `Rien n'a été corrigé : les options et fichiers de l'enseignant posent problème :\n  - ${problems}`,
  skipped: (n, problems) => `${n} ligne(s) des fichiers de l'enseignant n'ont pas été appliquées :\n  - ${problems}`,
  source: { dates: 'fichier de dates', git: 'commit git', zip: 'fichier du zip', none: 'inconnue' },
  times: (parts) => `Heures de remise : ${parts}.`,
  timesPart: (count, source, names) => `${count} d'après le ${source} (${names})`,
  timesUnknown: (names) => `aucune heure pour ${names} (ni dépôt git, ni zip, ni fichier de dates) : pas de pénalité`,
  lateList: (list) => `En retard : ${list}.`,
  lateItem: (name, days, penalty, source) => `${name} (${days} jour(s), -${penalty} %, ${source})`,
  notSubmittedList: (names) => `Dans la liste de la classe, non rendu (0 point) : ${names}.`,
  overridesApplied: (n, students) => `${n} modification(s) de note appliquée(s) à ${students} étudiant(s).`,
  status: {
    'not-submitted': 'non rendu',
    late: 'en retard',
    'compile-error': 'ne compile pas',
    missing: 'fichier absent',
    'not-graded': 'non corrigé',
    ungradable: 'non corrigeable tel que rendu',
    overridden: 'note modifiée par l’enseignant',
    'on-time': 'à l’heure',
  },
  note: {
    late: (days, penalty, at, source, deadline) =>
      `Rendu le ${at} (${source}), ${days} jour(s) après la date limite du ${deadline} : ${penalty} % retirés à chaque exercice.`,
    cutoff: (at, source, cutoff) => `Rendu le ${at} (${source}), après la dernière date acceptée, le ${cutoff} : la note est 0.`,
    onTime: (at, source, deadline) => `Rendu le ${at} (${source}), avant la date limite du ${deadline}.`,
    unknownTime: (deadline) => `Aucune heure de remise trouvée (ni commit git, ni zip, ni fichier de dates) : la date limite du ${deadline} n'a pas été appliquée.`,
    override: (what, points, raw, comment) => `Votre enseignant a fixé ${what} à ${points} points (le correcteur donnait ${raw})${comment ? ` : « ${comment} »` : '.'}`,
    overrideCheck: (exercise, check) => `« ${check} » de ${exercise}`,
    raw: (score, max) => `Avant les modifications de l’enseignant : ${score} / ${max}.`,
  },
  page: {
    search: 'Rechercher',
    searchHint: 'Nom ou statut, par ex. retard',
    shown: 'étudiants affichés',
    status: 'Statut',
    submitted: 'Rendu le',
    statistics: 'Statistiques de la classe',
    problems: "Lignes des fichiers de l'enseignant non appliquées",
    notSubmitted: 'Non rendus',
    late: 'En retard',
    policy: (deadline, penalty, cutoff) => `Date limite : ${deadline} ; ${penalty} % retirés par jour de retard entamé${cutoff ? ` ; 0 après le ${cutoff}` : ''}.`,
  },
  columns: { status: 'statut', submitted: 'rendu_le', source: 'source_heure', daysLate: 'jours_de_retard', penalty: 'penalite_retard_pourcent', rawTotal: 'total_correcteur', overrides: 'commentaires_enseignant',
    feedback: (title) => `${title} (commentaire)`,
  },
  feedback: {
    wrote: (n, dir) => `Retours de ${n} étudiant(s) écrits dans ${dir}`,
    columns: { student: 'etudiant', name: 'nom', email: 'email', score: 'note', max: 'note_max', status: 'statut', file: 'fichier' },
    noClass: (dir) => `${dir} devait contenir le results.json d'un lot, mais on n'en obtient aucun.`,
  },
};
