/**
 * Strings of the teacher's controls (deadline and late policy, overrides, roster, feedback
 * bundle), in English. Problems follow "Expected X to be Y, but got Z."
 */
export const teacher = {
  /** Where in a teacher file: a CSV's line, a JSON array's entry. */
  at: (file: string, line: number) => (/\.json$/i.test(file) ? `${file}, entry ${line}` : `${file}:${line}`),
  problem: {
    unreadable: (file: string, detail: string) => `${file}: expected a readable file, but got ${detail}.`,
    'bad-json': (file: string, detail: string) => `${file}: expected JSON, but got ${detail}.`,
    'bad-shape': (file: string, detail: string) => `${file}: expected ${detail.startsWith('entry ') ? `each entry to have student, exercise, points (check and comment optional), but got ${detail}` : `${detail}, but got something else`}.`,
    'missing-column': (file: string, column: string, found: string) => `${file}:1: expected a "${column}" column, but got ${found || 'no header row'}.`,
    'bad-date': (where: string, value: string) => `${where}: expected a date such as 2026-11-20T23:59 or 2026-11-20T23:59+01:00, but got "${value}"; the line was skipped.`,
    'bad-points': (where: string, value: string) => `${where}: expected points as a number of at least 0, but got "${value}"; the line was skipped.`,
    'empty-cell': (where: string, column: string) => `${where}: expected a ${column}, but got an empty cell; the line was skipped.`,
    duplicate: (where: string, other: number) => `${where}: expected each student once, but got this one again (first on line ${other}); the line was skipped.`,
    'unknown-student': (where: string, student: string) => `${where}: expected a student of the class or the roster, but got "${student}"; the line was skipped.`,
    'not-submitted': (where: string, student: string) => `${where}: expected a submission from "${student}", but got none (not submitted); the override was not applied.`,
    'unknown-exercise': (where: string, exercise: string, known: string) => `${where}: expected an exercise graded in this batch (${known}), but got "${exercise}"; the line was skipped.`,
    'unknown-check': (where: string, exercise: string, check: string) => `${where}: expected a check of ${exercise}, but got "${check}"; the line was skipped.`,
    'above-max': (where: string, points: number, max: number) => `${where}: expected at most ${max} points, but got ${points}; the line was skipped.`,
    'bad-option': (option: string, value: string) =>
      option === '--late-penalty'
        ? `--late-penalty: expected a percentage from 0 to 100 (taken off per started day late), but got "${value}".`
        : `${option}: expected a date such as 2026-11-20 (the end of that day), 2026-11-20T23:59 or 2026-11-20T23:59+01:00, but got "${value}".`,
    'cutoff-before-deadline': (cutoff: string, deadline: string) => `--late-cutoff: expected a date after the deadline ${deadline}, but got ${cutoff}.`,
    'no-deadline': (option: string) => `${option}: expected --deadline with it, but got none.`,
  },
  refused: (problems: string) => `Nothing was graded: the teacher's options and files have problems:\n  - ${problems}`,
  skipped: (n: number, problems: string) => `${n} line(s) of the teacher's files were not applied:\n  - ${problems}`,
  source: { dates: 'dates file', git: 'git commit', zip: 'zip entry', none: 'unknown' },
  times: (parts: string) => `Submission times: ${parts}.`,
  timesPart: (count: number, source: string, names: string) => `${count} from the ${source} (${names})`,
  timesUnknown: (names: string) => `no time for ${names} (not a git repository, no zip, not in the dates file): not penalised`,
  lateList: (list: string) => `Late: ${list}.`,
  lateItem: (name: string, days: number, penalty: string, source: string) => `${name} (${days} day(s), -${penalty}%, ${source})`,
  notSubmittedList: (names: string) => `In the roster, not submitted (0 points): ${names}.`,
  overridesApplied: (n: number, students: number) => `Applied ${n} override(s) to ${students} student(s).`,
  status: {
    'not-submitted': 'not submitted',
    late: 'late',
    'compile-error': 'does not compile',
    missing: 'file missing',
    'not-graded': 'not graded',
    ungradable: 'not gradable as handed in',
    overridden: 'changed by the teacher',
    'on-time': 'on time',
  },
  note: {
    late: (days: number, penalty: string, at: string, source: string, deadline: string) =>
      `Handed in ${at} (${source}), ${days} day(s) after the deadline of ${deadline}: ${penalty}% taken off every exercise.`,
    cutoff: (at: string, source: string, cutoff: string) => `Handed in ${at} (${source}), after the last accepted date ${cutoff}: the score is 0.`,
    onTime: (at: string, source: string, deadline: string) => `Handed in ${at} (${source}), before the deadline of ${deadline}.`,
    unknownTime: (deadline: string) => `No submission time was found (no git commit, zip or dates file entry): the deadline of ${deadline} was not applied.`,
    override: (what: string, points: string, raw: string, comment: string) =>
      `Your teacher set ${what} to ${points} points (the grader gave ${raw})${comment ? `: “${comment}”` : '.'}`,
    overrideCheck: (exercise: string, check: string) => `“${check}” of ${exercise}`,
    raw: (score: string, max: string) => `Before the teacher's changes: ${score} / ${max}.`,
  },
  page: {
    search: 'Search',
    searchHint: 'Name or status, e.g. late',
    shown: 'students shown',
    status: 'Status',
    submitted: 'Handed in',
    statistics: 'Class statistics',
    problems: "Lines of the teacher's files that were not applied",
    notSubmitted: 'Not submitted',
    late: 'Late',
    policy: (deadline: string, penalty: string, cutoff: string) => `Deadline ${deadline}; ${penalty}% off per started day late${cutoff ? `; 0 after ${cutoff}` : ''}.`,
  },
  columns: { status: 'status', submitted: 'submitted', source: 'time_source', daysLate: 'days_late', penalty: 'late_penalty_percent', rawTotal: 'grader_total', overrides: 'teacher_comments',
    feedback: (title: string) => `${title} (feedback)`,
  },
  feedback: {
    wrote: (n: number, dir: string) => `Wrote the feedback bundle of ${n} student(s) to ${dir}`,
    columns: { student: 'student', name: 'name', email: 'email', score: 'score', max: 'max_score', status: 'status', file: 'file' },
    noClass: (dir: string) => `Expected ${dir} to hold a batch's results.json, but got none.`,
  },
};
