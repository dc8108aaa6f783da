import { problemText } from '../grader/i18n/layout-text.js';
import type { BatchEntry } from '../grader/model/class-results.js';
import { observations } from '../grader/diagnose/describe.js';
import { messages, type Messages } from '../grader/i18n/index.js';
import type { Exercise } from '../grader/load/exercise.js';
import type { CheckResult, SubmissionResult } from '../grader/model/results.js';
import type { ClassReporter, SubmissionReporter } from './types.js';
import { visibleText } from '../grader/io/unsafe-text.js';

/**
 * Text for XML 1.0 content and attributes: the five special characters escaped, and characters
 * XML cannot hold at all (control characters, lone surrogates) replaced, since a student's
 * error message may contain anything.
 */
export function xmlText(value: string): string {
  return visibleText(value, { multiline: true })
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  ms: number;
}

/** The failure type of a check the student's code did not pass. */
function failureType(check: Exclude<CheckResult, { status: 'passed' }>): string {
  if (check.status === 'failed') return check.diagnosis ?? 'wrong-answer';
  return check.status === 'timeout' ? 'timeout' : 'error';
}

/** A frame in the form annotators parse (`at name (file.ts:line:col)`), so a CI reporter places the failure on its line. */
function frame(check: CheckResult): string | undefined {
  if (check.status === 'passed' || check.status === 'skipped' || !check.location) return undefined;
  const at = check.location;
  return `    at ${check.id} (${at.file}:${at.line}:${at.column})`;
}

function testcase(check: CheckResult, classname: string, t: Messages): { xml: string; kind: 'ok' | 'failure' | 'error' | 'skipped' } {
  const attrs = `name="${xmlText(check.id)}" classname="${xmlText(classname)}" time="${seconds(check.durationMs)}"`;
  if (check.status === 'passed') return { xml: `    <testcase ${attrs}/>`, kind: 'ok' };
  // Not run: earlier checks of the exercise used up its strikes (those are the failures).
  if (check.status === 'skipped') return { xml: `    <testcase ${attrs}>\n      <skipped message="${xmlText(check.message)}"/>\n    </testcase>`, kind: 'skipped' };
  const detail = (extra: readonly (string | undefined)[]): string => xmlText([check.message, ...extra].filter(Boolean).join('\n'));
  const where = check.status === 'error' && check.stack ? check.stack : frame(check);
  // The grader's own faults (its time budget ran out) are <error>s: grading again may succeed.
  if (check.status === 'error' && check.code) {
    return { xml: `    <testcase ${attrs}>\n      <error message="${xmlText(check.message)}" type="${xmlText(check.code)}">${detail([])}</error>\n    </testcase>`, kind: 'error' };
  }
  // Whatever the student's code did (a wrong answer, a throw, a crash, a time-out) is a
  // <failure>: readers such as dorny/test-reporter count only those as failed.
  const named = check.status === 'failed' ? [...(check.mistake ? [check.mistake] : []), ...(check.alsoMistakes ?? [])].map((m) => `${m.title}: ${m.explanation}`) : [];
  const diag = check.status === 'failed' ? [...(named.length > 0 ? named : [check.diagnosis]), ...observations(check, t)] : [];
  return {
    xml: `    <testcase ${attrs}>\n      <failure message="${xmlText(check.message)}" type="${xmlText(failureType(check))}">${detail([...diag, where])}</failure>\n    </testcase>`,
    kind: 'failure',
  };
}

function suites(result: SubmissionResult, prefix: string, exercises: readonly Exercise[], total: Counts): string[] {
  const out: string[] = [];
  for (const ex of result.exercises) {
    const name = prefix ? `${prefix}.${ex.id}` : ex.id;
    const c: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: ex.durationMs };
    const cases: string[] = [];
    for (const check of ex.checks) {
      const tc = testcase(check, name, messages(result.lang));
      c.tests += 1;
      if (tc.kind === 'failure') c.failures += 1;
      if (tc.kind === 'error') c.errors += 1;
      if (tc.kind === 'skipped') c.skipped += 1;
      cases.push(tc.xml);
    }
    // Checks that did not run (hidden ones in `check` mode) are listed as skipped, so a CI
    // dashboard shows that the grade is partial.
    const ran = new Set(ex.checks.map((k) => k.id));
    const def = exercises.find((e) => e.manifest.id === ex.id);
    for (const check of def?.checks ?? []) {
      if (ran.has(check.id)) continue;
      c.tests += 1;
      c.skipped += 1;
      cases.push(`    <testcase name="${xmlText(check.id)}" classname="${xmlText(name)}" time="0.000">\n      <skipped/>\n    </testcase>`);
    }
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
    total.skipped += c.skipped;
    total.ms += c.ms;
    // The exercise's file is a property: Jenkins' junit-4 schema (JUnit 5's jenkins-junit.xsd)
    // has no `file` attribute on a testsuite, and the document must pass it and junit-10.xsd alike.
    out.push(
      `  <testsuite name="${xmlText(name)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(c.ms)}">\n` +
        `    <properties>\n      <property name="file" value="${xmlText(ex.file)}"/>\n      <property name="score" value="${ex.score}"/>\n      <property name="maxScore" value="${ex.maxScore}"/>\n    </properties>\n` +
        `${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return out;
}

function document(body: readonly string[], c: Counts): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    // No `skipped` here: neither junit-10.xsd nor jenkins-junit.xsd allows it on <testsuites>.
    `<testsuites name="neurograde" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" time="${seconds(c.ms)}">\n` +
    (body.length ? body.join('\n') + '\n' : '') +
    '</testsuites>\n'
  );
}

function errorSuite(entry: { readonly name: string; readonly message: string; readonly type: string }, total: Counts): string {
  total.tests += 1;
  total.errors += 1;
  const name = xmlText(entry.name);
  return (
    `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0" time="0.000">\n` +
    `    <testcase name="grading" classname="${name}" time="0.000">\n      <error message="${xmlText(entry.message)}" type="${entry.type}">${xmlText(entry.message)}</error>\n    </testcase>\n` +
    '  </testsuite>'
  );
}

/** `junit.xml` of one submission: a testsuite per exercise, a testcase per check. */
export const junitSubmission: SubmissionReporter = {
  name: 'junit',
  fileName: 'junit.xml',
  render(result, ctx) {
    const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: 0 };
    const body = suites(result, '', ctx.exercises, total);
    return document(body, total);
  },
};

/**
 * `junit.xml` of a class, for CI dashboards: a testsuite per submission and exercise, named
 * `<submission>.<exercise>`, a testcase per check (a failure for any fault of the student's
 * code, skipped for a check that did not run); a submission that could not be graded, or not
 * as handed in, or a check the grader's own time budget cut, is an <error>.
 */
export const junitClass: ClassReporter = {
  name: 'junit',
  fileName: 'junit.xml',
  render({ entries }, ctx) {
    const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: 0 };
    const body: string[] = [];
    for (const entry of entries) {
      if (entry.status === 'error') body.push(errorSuite({ ...entry, type: 'not-graded' }, total));
      else if (entry.status === 'ungradable') body.push(errorSuite({ name: entry.name, message: problemText(messages(ctx.lang), entry.problem), type: 'not-gradable' }, total));
      else if (entry.status === 'not-submitted') body.push(errorSuite({ name: entry.name, message: messages(ctx.lang).teacher.status['not-submitted'], type: 'not-submitted' }, total));
      else body.push(...suites(entry.result, entry.name, ctx.exercises, total));
    }
    return document(body, total);
  },
};
