import type { FetchFailureView } from '../../model/fetch.js';

/**
 * Strings of the class-grading commands (batch, merge), the student commands (check, ci, pack)
 * and the class exports, in English. Faults follow "Expected X to be Y, but got Z."
 */
export const batch = {
  progress: {
    eta: (time: string) => `ETA ${time}`,
    graded: (name: string, score: string, max: string, seconds: string) => `${name}: ${score}/${max} (${seconds} s)`,
    cached: (name: string, score: string, max: string) => `${name}: ${score}/${max} (unchanged, from the previous run)`,
    error: (name: string, message: string) => `${name}: not graded: ${message}`,
    /** After a graded line: the exercises that could not run, e.g. "pooling.ts:2:13 does not compile". */
    unrun: (items: readonly string[]) => ` (${items.join('; ')})`,
  },
  zip: {
    path: (entry: string) => `Expected every file of the zip to stay inside it, but got "${entry}", which leads outside; the zip was not unpacked.`,
    link: (entry: string) => `Expected plain files in the zip, but got a symbolic link "${entry}"; the zip was not unpacked.`,
    entries: (limit: number) => `Expected at most ${limit} files in the zip, but got more; the zip was not unpacked.`,
    size: (limitMb: number) => `Expected the zip to unpack to at most ${limitMb} MiB, but got more; the zip was not unpacked.`,
    ratio: (entry: string, limit: number) =>
      `Expected "${entry}" to compress at most ${limit} to 1, but got far more (a zip bomb); the zip was not unpacked.`,
    encrypted: (entry: string) => `Expected no password on the zip, but got an encrypted file "${entry}".`,
    duplicate: (entry: string) => `Expected each file once in the zip, but got "${entry}" twice; the zip was not unpacked.`,
    corrupt: (detail: string) => `Expected a readable zip file, but got one that could not be read (${detail}).`,
  },
  rejected: {
    duplicate: (name: string) => `Expected one submission named "${name.replace(/\.zip$/, '')}", but got both a folder and a zip; the zip was not graded.`,
    reserved: (name: string) => `Expected a submission name other than "${name}", but got one the class files use; rename it.`,
    'case-clash': (name: string, other: string) =>
      `Expected submission names that differ by more than case or accents, but got "${name}" and "${other}", which would share one output folder; "${name}" was not graded: rename it.`,
  },
  noInput: (path: string) => `Expected a class folder at ${path}, but got nothing there.`,
  graderFault: (detail: string) => `Expected the grader to grade this submission, but got a fault of the grader: ${detail}`,
  workerDied: (detail: string) => `Expected the grading process to finish this submission, but got it stopped (${detail}).`,
  done: (graded: number, cached: number, ungradable: number, errors: number, seconds: string) =>
    `Graded ${graded} submission(s), ${cached} unchanged from the previous run, ${ungradable} not gradable as handed in, ${errors} not graded, in ${seconds} s.`,
  wrote: (path: string) => `Wrote ${path}`,
  regrade: {
    kept: (ids: string) => `Kept every submission's grades of ${ids} from the previous run (--replace drops them).`,
    lang: (out: string, lang: string, ids: string) =>
      `Expected a regrade in the language of the grades it keeps, but got ${out} graded in ${lang} (${ids}); pass --lang ${lang}, or --replace to drop those grades.`,
    gone: (out: string, ids: string) =>
      `Expected the exercises graded in ${out} to still exist, but got no exercise ${ids}; pass --replace to drop their grades.`,
  },
  merge: {
    noClass: (dir: string) => `Expected ${dir} to hold a batch's results.json, but got none.`,
    duplicate: (name: string) => `Expected each submission in one shard only, but got "${name}" in two.`,
    exercises: (dir: string) => `Expected every shard to grade the same exercises, but got a different set in ${dir}.`,
    merged: (count: number, shards: number) => `Merged ${count} submission(s) from ${shards} shard(s).`,
    problem: {
      missing: (shard: string) => `Expected shard ${shard} among the outputs, but got none.`,
      duplicate: (shard: string, dirs: string) => `Expected shard ${shard} once, but got it in ${dirs}.`,
      count: (dir: string, shard: string, expected: number) => `Expected every shard to split the class in ${expected}, but got ${shard} in ${dir}.`,
      mismatch: (dir: string, other: string) =>
        `Expected every shard graded alike, but got ${dir} graded with another grader, exercises, language or seed than ${other}.`,
      unsharded: (dir: string) => `Expected ${dir} to be a shard (batch --shard i/n), but got the output of a whole batch.`,
    },
    refused: (problems: string) => `${problems} Nothing was merged; pass --allow-partial to merge them anyway.`,
    partial: (problems: string) => `Partial merge: ${problems}`,
  },
  classPage: {
    documentTitle: 'Class overview',
    heading: 'Class overview',
    submissions: 'Submissions',
    graded: 'Graded',
    partial: 'This class is incomplete: a partial merge of shards.',
    notGradable: 'Not gradable as handed in',
    notGraded: 'Not graded',
    mean: 'Mean score',
    median: 'Median score',
    histogram: 'Score distribution',
    histogramCaption: (max: string) => `Number of submissions by total score (out of ${max})`,
    histogramBar: (from: string, to: string, count: number) => `${from} to ${to}: ${count} submission(s)`,
    checks: 'Pass rate per check',
    exercise: 'Exercise',
    check: 'Check',
    visibility: 'Visibility',
    public: 'public',
    hidden: 'hidden',
    passed: 'Passed',
    rate: 'Rate',
    mistakes: 'Most frequent mistakes',
    mistake: 'Mistake',
    count: 'Submissions',
    noMistakes: 'No known mistake was diagnosed.',
    students: 'Every submission',
    student: 'Student',
    total: 'Total',
    report: 'Report',
    open: 'open',
    status: 'Status',
    error: 'not graded',
    none: '—',
  },
  markdown: {
    title: (submission: string) => `Grading of ${submission}`,
    score: (score: string, max: string, percent: string) => `**Score: ${score} / ${max}** (${percent}%)`,
    checkMode: 'Only the public checks ran; the final grade also counts hidden checks.',
    columns: { exercise: 'Exercise', score: 'Score', checks: 'Checks', status: 'Status' },
    passedOf: (passed: number, total: number) => `${passed}/${total}`,
    failures: 'What to fix',
    allPassed: 'Every check passed.',
    diagnosis: (title: string, explanation: string) => `Diagnosis: ${title}: ${explanation}`,
    hint: (text: string) => `Hint: ${text}`,
    exerciseStatus: { graded: 'graded', missing: 'file missing', 'compile-error': 'does not compile', 'load-error': 'fails to load' },
    checkStatus: { passed: 'passed', failed: 'failed', error: 'error', timeout: 'timed out', skipped: 'skipped' },
  },
  gradescope: {
    output: (score: string, max: string) => `neurograde: ${score} / ${max}. The HTML report shows each check in detail.`,
    passed: 'Passed.',
  },
  check: {
    watching: (dir: string) => `Watching ${dir} for changes to .ts files (Ctrl+C to stop).`,
    regrading: (file: string) => `${file} changed: checking again.`,
    stopped: 'Stopped watching.',
    notFolder: (dir: string) => `Expected ${dir} to be a folder, but got something else.`,
  },
  roster: {
    unmatched: (names: string) => `Expected every submission in the roster, but got ${names} missing from it: left out of gradebook-moodle.csv and gradebook-canvas.csv (gradebook.csv has them).`,
  },
  classroom: {
    heading: 'Grade with every check (hidden ones included)',
    score: (score: string, max: string) => `Score: ${score} / ${max}`,
    exercise: 'Exercise',
    points: 'Points',
    hidden: 'Hidden checks passed',
    toFix: 'What to fix',
    mistake: 'Mistake found',
    hiddenFailed: (n: number) => `${n} hidden check(s) did not pass; their inputs stay hidden, run npx neurograde check and read the statement again.`,
    footer: "_Posted by your teacher's grading workflow; it is updated at each grading._",
    fetched: (n: number, failed: number) => `Fetched ${n} repositories, ${failed} could not be fetched.`,
    fetchFailed: (f: FetchFailureView) => {
      const why =
        f.reason === 'no-repository'
          ? 'Expected a repository in the roster, but got none'
          : f.reason === 'bad-repository'
            ? `Expected the roster's repository to be owner/name or a GitHub URL, but got "${f.detail ?? ''}"`
            : f.reason === 'bad-key'
              ? `Expected a student key that can be a folder name, but got "${f.detail ?? ''}"`
              : f.reason === 'empty-repository'
                ? `Expected a commit on the default branch of ${f.repo ?? ''}, but got none`
                : `git clone ${f.repo ?? ''} failed: ${f.detail ?? ''}`;
      const kept = f.kept ? `; the copy fetched earlier (commit ${f.kept.slice(0, 7)}) stays and is graded` : '';
      return `  ${f.key}: ${why}${kept}.`;
    },
    posted: (n: number, where: string) => `Feedback for ${n} student(s): ${where}`,
    dryRun: 'written to files (dry run), nothing sent',
    sent: 'sent to GitHub',
  },
  ci: {
    belowMin: (score: string, min: string) => `Expected a score of at least ${min}, but got ${score}.`,
    reached: (score: string, min: string) => `Score ${score} reaches the minimum of ${min}.`,
    annotationTitle: (exercise: string, check: string) => `${exercise} / ${check}`,
    othersInExercise: (n: number) => `(and ${n} more failing check(s) in this exercise: see the job summary)`,
    moreProblems: (n: number) => `${n} more problem(s) are not annotated (GitHub shows ten per step, one per exercise here): the report has them all.`,
    summaryWritten: (path: string) => `Wrote the job summary to ${path}`,
  },
  pack: {
    wrote: (dir: string, exercises: number, cases: number) => `Wrote the student pack to ${dir}: ${exercises} exercise(s), ${cases} public case(s) for npm test.`,
    wroteTeacher: (dir: string) => `Wrote the teacher's grading repository to ${dir} (it holds the reference solutions: keep it private).`,
    notEmpty: (dir: string) => `Expected ${dir} to be empty or absent, but got files in it; pass --force to overwrite.`,
    teacher: {
      title: 'Grading the class (private)',
      intro: "This repository grades every student's repository with every check, hidden ones included, and posts each grade on the student's pull request. It holds the reference solutions: keep it private, and never give students access.",
      setup: 'Set-up',
      steps: [
        'Fill roster.csv: one student a row, their GitHub login (github), their repository as owner/name (repository), and how your LMS knows them (username, email, student_id).',
        'Create a token that can read the students\' repositories and write statuses and pull-request comments (a fine-grained token with Contents: read, Commit statuses and Pull requests: write), and save it as the secret CLASS_TOKEN of this repository.',
        'Commit and push. Run the workflow once by hand with dry-run checked: the feedback artifact shows every comment and request it would post.',
      ],
      runs: 'What it does',
      schedule: (cron: string, shards: number) => `On the schedule \`${cron}\` (UTC) and on demand: fetch every repository, grade the class in ${shards} shards, merge, post each grade (a commit status and a comment on each open pull request, updated in place at each run).`,
      outputs: 'Artifacts: gradebook (gradebook.csv, gradebook-moodle.csv, gradebook-canvas.csv, index.html, results.json, junit.xml) and reports (every student\'s report).',
      dryRun: 'A run with dry-run writes the GitHub requests to feedback/requests.jsonl and each comment to feedback/comments/<student>.md, and sends nothing.',
    },
    readme: {
      title: 'Exercises: convolutional and recurrent networks',
      intro: 'Each exercise is one TypeScript file at the root of this repository. Its statement is in statements/.',
      exercises: 'Exercises',
      commands: 'Commands',
      install: 'Install the dependencies once (the grader package comes from vendor/, in this repository):',
      test: 'Run the public checks (fast, no grader needed):',
      check: 'Get the full feedback (diagnosis of known mistakes, HTML report in .neurograde/):',
      watch: 'Check again on every save:',
      ci: 'Every pull request is graded by GitHub Actions: the job summary shows the score, the lines at fault are annotated, and the HTML report is attached to the run.',
      minScore: (min: string) => `The pull request check fails below ${min}.`,
      teacherOnly: 'These public checks need the reference solution, so only the teacher\'s grading runs them:',
    },
    /** What the pack's `npm test` says. */
    npmTest: {
      inputs: 'Inputs:',
      notShipped: (title: string) => `${title}: not run by npm test (its cases are drawn or trained by the grader); npx neurograde check runs it`,
      diagnosis: 'npm test compares outputs only. For the diagnosis (the mistake named, a hint, the report), run: npx neurograde check',
      summary: (c: { passed: number; failed: number; skipped: number }) =>
        `Tests: ${[c.passed && `${c.passed} passed`, c.failed && `${c.failed} failed`, c.skipped && `${c.skipped} not run`].filter(Boolean).join(', ') || 'none'} (${c.passed + c.failed + c.skipped})`,
      duration: (ms: number) => `Time: ${(ms / 1000).toFixed(1)} s`,
      notLoaded: (file: string) => `${file} could not be loaded:`,
      labelled: (label: string, text: string) => `${label}: ${text}`,
      runError: 'Error outside any case:',
    },
  },
} as const;
