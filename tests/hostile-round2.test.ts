import { spawn } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckDefinition } from '../grader/kit/check.js';
import type { Limits } from '../grader/model/manifest.js';
import type { ExerciseResult, SubmissionResult } from '../grader/model/results.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { testEnvironment } from './support/sandbox.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { SUBMISSION_REPORTERS } from '../reports/index.js';
import { hiddenOnlyInputs } from './support/hidden-inputs.js';
import { FIXTURES, grade, withExerciseLimits } from './support/grade.js';

/**
 * The second round of attacks (issue 19): each costs its own exercise, never another exercise
 * or another student, and nothing of a hidden check (input, value, message of the code, time)
 * reaches an output. Submissions are assembled in a temporary folder from the reference's files
 * and the attack's own (tests/fixtures/hostile-round2/<name>).
 */
const EXERCISES = ['shapes', 'pooling', 'sequences'] as const;
const BIN = join(PACKAGE_ROOT, 'bin', 'neurograde.mjs');
const HIDDEN_TEMPLATE = /details are not shown for a hidden check|Expected the hidden check to match the reference|\(time limit\)|\(memory limit\)|\(output limit\)/;
const SCREEN = 'd-screen\u001b[2J\u001b]0;pwned\u0007';
const RLO = 'e-u\u202egnp.exe';
const work = mkdtempSync(join(tmpdir(), 'ng-hostile2-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
/** A submission: the reference's file for every exercise (also under impl/, for wrappers), then `files` over them. */
function submission(files: Readonly<Record<string, string>>, name = `s${++counter}`, root = work): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'impl'), { recursive: true });
  for (const id of EXERCISES) {
    cpSync(join(PACKAGE_ROOT, 'reference', `${id}.ts`), join(dir, `${id}.ts`));
    cpSync(join(PACKAGE_ROOT, 'reference', `${id}.ts`), join(dir, 'impl', `${id}.ts`));
  }
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** A fixture folder's files, by name. */
function fixture(name: string): Record<string, string> {
  const dir = join(FIXTURES, 'hostile-round2', name);
  return Object.fromEntries(['shapes.ts', 'pooling.ts', 'sequences.ts', 'stash.ts'].flatMap((f) => {
    try {
      return [[f, readFileSync(join(dir, f), 'utf8')]];
    } catch {
      return [];
    }
  }));
}

function untimed<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'durationMs' || k === 'gradedAt' ? undefined : v))) as T;
}

const others = (r: SubmissionResult, attacked: string): ExerciseResult[] => untimed(r.exercises.filter((e) => e.id !== attacked));

/** Source files that kill or stall esbuild, in pooling.ts. */
const BOMBS = [
  // The file: an array literal 300,000 deep (esbuild's stack overflows on it), refused before parsing.
  ['nested 300,000 deep', `export const maxpooling = ${'['.repeat(300_000)}${']'.repeat(300_000)};\n`, /nest brackets at most 500 deep/],
  ['3.5 MB', `export const maxpooling = [${'0,'.repeat(1_750_000)}];\n`, /a source file of at most 1024 KiB, but got 3418 KiB/],
  // Within every bound checked before parsing, and still a crash of esbuild: its process dies, not the grader's.
  ['a conditional chain that crashes esbuild', `declare const a: boolean;\nexport const maxpooling = ${'a?1:'.repeat(250_000)}0;\n`, /a bundler that crashed on it/],
] as const;

/**
 * An import bomb in pooling.ts: 300 hard links to one 1 MiB file, 300 MiB for esbuild from 1 MiB
 * on disk (unbounded, it kept esbuild busy 150 s and took 1.7 GB of its memory).
 */
function importBomb(dir: string): string {
  writeFileSync(join(dir, 'mib.ts'), `export const v = [${'0,'.repeat(500_000)}];\n`);
  for (let i = 0; i < 300; i++) linkSync(join(dir, 'mib.ts'), join(dir, `link${i}.ts`));
  writeFileSync(join(dir, 'pooling.ts'), `${Array.from({ length: 300 }, (_, i) => `export { v as v${i} } from './link${i}.js';`).join('\n')}\nexport const maxpooling = 0;\n`);
  return dir;
}

/** Every file under `dir`, hidden ones included, by path relative to it. */
function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(dir, join(rel, d.name)) : [join(rel, d.name)]));
}

/** The seed every grading here uses (the grader's default): the hidden inputs scanned for are this seed's. */
const SEED = 20261127;

describe('hostile submissions, round 2', () => {
  let env: GradingEnvironment;
  let twin: SubmissionResult;
  beforeAll(async () => {
    env = await testEnvironment({ only: [...EXERCISES] });
    twin = await grade(env, submission({}));
  });
  afterAll(() => env.bundler?.close());

  it.each(BOMBS)('bundler bomb (%s) costs pooling alone, with a message that says why', async (_name, source, says) => {
    const result = await grade(env, submission({ 'pooling.ts': source }));
    const pooling = result.exercises.find((e) => e.id === 'pooling')!;
    expect(pooling.score).toBe(0);
    for (const c of pooling.checks) expect(c.message).toMatch(says);
    expect(others(result, 'pooling')).toEqual(others(twin, 'pooling'));
    // The next submission graded with the same bundler is graded in full.
    expect(untimed((await grade(env, submission({}))).exercises)).toEqual(untimed(twin.exercises));
  });

  it('an import bomb costs pooling alone: refused once one build has read 4 MiB of source', async () => {
    const result = await grade(env, importBomb(submission({})));
    const pooling = result.exercises.find((e) => e.id === 'pooling')!;
    expect(pooling).toMatchObject({ score: 0, status: 'compile-error' });
    for (const c of pooling.checks) expect(c.message).toMatch(/^Expected an exercise's file and everything it imports to total at most 4096 KiB of source, but got more when reading link\d+\.ts; it was not compiled\.$/);
    expect(others(result, 'pooling')).toEqual(others(twin, 'pooling'));
  });

  it('exploding-answer: an answer that cannot fit the output limit is refused in the child, and costs shapes alone', async () => {
    const result = await grade(env, submission(fixture('exploding-answer')));
    const shapes = result.exercises.find((e) => e.id === 'shapes')!;
    expect(shapes.score).toBe(0);
    for (const c of shapes.checks) {
      expect(c.message).toMatch(c.visibility === 'public' ? /answers of at most 16384 KiB \(output limit\), but got one that cannot fit/ : new RegExp(`output limit|time limit|${HIDDEN_TEMPLATE.source}`));
    }
    expect(others(result, 'shapes')).toEqual(others(twin, 'shapes'));
  });

  it('stash-leak: inputs kept where the state check does not look reach no output, hidden ones or messages of the code', async () => {
    const seed = 20261127;
    const hidden = await hiddenOnlyInputs(env, 'shapes', seed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const concurrency of [1, 2]) {
      const result = await grade(env, submission(fixture('stash-leak')), { seed, concurrency });
      const text = JSON.stringify(result);
      expect(hidden.filter((input) => text.includes(input.replace(/"/g, '\\"')) || text.includes(input))).toEqual([]);
      for (const e of result.exercises) for (const c of e.checks) if (c.visibility === 'hidden' && c.status !== 'passed') expect(c.message).toMatch(HIDDEN_TEMPLATE);
      // The right answers of shapes.ts still score.
      expect(result.exercises.find((e) => e.id === 'shapes')!.score).toBe(twin.exercises.find((e) => e.id === 'shapes')!.score);
    }
  });

  it('slow-hidden: no hidden check says how long it took, in results.json, junit.xml, gradescope.json or the report', async () => {
    const result = await grade(env, submission(fixture('slow-hidden')));
    const shapes = result.exercises.find((e) => e.id === 'shapes')!;
    const hiddenChecks = shapes.checks.filter((c) => c.visibility === 'hidden');
    expect(hiddenChecks.length).toBeGreaterThan(0);
    for (const c of hiddenChecks) expect(c.durationMs).toBe(0);
    // The exercise's time counts its public checks alone; the submission's is whole seconds.
    const publicMs = shapes.checks.filter((c) => c.visibility === 'public').reduce((s, c) => s + c.durationMs, 0);
    expect(shapes.durationMs).toBeGreaterThanOrEqual(publicMs);
    expect(result.durationMs % 1000).toBe(0);
    const junit = String(SUBMISSION_REPORTERS.junit!.render(result, { lang: 'en', exercises: env.exercises }));
    for (const c of hiddenChecks) expect(junit).toContain(`<testcase name="${c.id}" classname="shapes" time="0.000"`);
    const gradescope = JSON.parse(String(SUBMISSION_REPORTERS.gradescope!.render(result, { lang: 'en', exercises: env.exercises }))) as { execution_time: number };
    expect(gradescope.execution_time).toBe(Math.max(1, result.durationMs / 1000));
  });

  describe("faults of the grader's own work on an answer", () => {
    /** The environment with shapes' first check replaced by `run`. */
    const withFirstCheck = (run: CheckDefinition['run'], limits: Limits = {}): { env: GradingEnvironment; id: string } => {
      const shapes = env.exercises.find((e) => e.manifest.id === 'shapes')!;
      const id = shapes.checks[0]!.id;
      return {
        id,
        env: {
          ...withExerciseLimits(env, 'shapes', limits),
          exercises: withExerciseLimits(env, 'shapes', limits).exercises.map((e) => (e.manifest.id === 'shapes' ? { ...e, checks: e.checks.map((c) => (c.id === id ? { ...c, run } : c)) } : e)),
        },
      };
    };

    it("an exception in the grader's code on an answer is that check's error, and the submission is graded in full", async () => {
      const { env: broken, id } = withFirstCheck(async () => {
        throw new RangeError('Invalid string length');
      });
      const result = await grade(broken, submission({}));
      const shapes = result.exercises.find((e) => e.id === 'shapes')!;
      expect(shapes.checks.find((c) => c.id === id)).toMatchObject({ status: 'error', code: 'grader-fault', message: expect.stringMatching(/fault of the grader on it \(Invalid string length\)/) });
      expect(untimed(shapes.checks.filter((c) => c.id !== id))).toEqual(untimed(twin.exercises.find((e) => e.id === 'shapes')!.checks.filter((c) => c.id !== id)));
      expect(others(result, 'shapes')).toEqual(others(twin, 'shapes'));
    });

    it('a check whose every request is answered just under the time limit ends at its budget, as a time-out that counts as a strike', async () => {
      let requests = 0;
      const { env: slow, id } = withFirstCheck(async (ctx) => {
        for (let i = 0; i < 20; i++) {
          requests++;
          const r = await ctx.run([[{ op: 'call', fn: 'convOutputShape', args: [{ data: { W: 9, H: 9, D: 1 } }, { data: { K: 1, F: 3, S: 1, P: 0 } }] }]]);
          if (!r.ok) return { status: 'sandbox', failure: r.failure };
        }
        return { status: 'passed' };
      }, { timeMs: 1000 });
      const spin = 'const end = Date.now() + 700; while (Date.now() < end);';
      const slowShapes = readFileSync(join(PACKAGE_ROOT, 'reference', 'shapes.ts'), 'utf8').replace('const { K, F, S, P } = layer;', `${spin}\n  const { K, F, S, P } = layer;`);
      const result = await grade(slow, submission({ 'shapes.ts': slowShapes }));
      const check = result.exercises.find((e) => e.id === 'shapes')!.checks.find((c) => c.id === id)!;
      expect(check).toMatchObject({ status: 'timeout', limitMs: 1000 });
      // Two time limits' worth of answers at most, then one refused request: not twenty.
      expect(requests).toBeLessThanOrEqual(4);
    });
  });

  it('grade prints no control or bidi character of a folder name, a file name or a model layer name: each shows escaped', async () => {
    const dir = join(work, 'f-\u001b[2J\u001b]0;pwned\u0007\u202e\u009b');
    // shapes.ts in a sub-folder whose name clears the screen; pooling.ts importing a file whose name colours the terminal (it does not compile).
    const sub = join(dir, 'sub\u001b[2J\u202e');
    mkdirSync(sub, { recursive: true });
    cpSync(join(PACKAGE_ROOT, 'reference', 'shapes.ts'), join(sub, 'shapes.ts'));
    const evil = 'evil\u001b[31m\u202e\u0085';
    writeFileSync(join(dir, `${evil}.ts`), 'export const x = ;\n');
    writeFileSync(join(dir, 'pooling.ts'), `export { x as maxpooling } from './${evil}.js';\n`);
    // Every model's first layer is named with an escape sequence, and tfjs quotes the name in its error.
    const layer = 'dense\u001b[2J\u001b]0;pwned\u0007\u202e\u009b';
    writeFileSync(join(dir, 'models.ts'), [
      "import * as tf from '@tensorflow/tfjs';",
      'function bad(): tf.LayersModel {',
      '  const m = tf.sequential();',
      `  m.add(tf.layers.dense({ name: ${JSON.stringify(layer)}, inputShape: [784], units: 10 }));`,
      '  m.add(tf.layers.conv2d({ filters: 2, kernelSize: 3 }));',
      '  return m;',
      '}',
      'export const denseModel = bad, cnnModel = bad, deepCnnModel = bad, rnnModel = bad, lstmModel = bad;',
    ].join('\n'));
    const out = join(work, 'grade-names-out');
    const child = spawn(process.execPath, [BIN, 'grade', dir, '--out', out, '--exercises', 'shapes,pooling,models'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => chunks.push(d));
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    const log = Buffer.concat(chunks).toString('utf8');
    expect(code, log).toBe(0);
    // The bytes as the terminal gets them: line breaks aside, no C0 or C1 control, no ESC, no bidi control.
    expect(log).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(log).toContain('Not graded (no exercise uses them): evil\\x1B[31m\\u202E\\x85.ts.');
    expect(log).toContain('does not compile (evil\\x1B[31m\\u202E\\x85.ts:1:18)');
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(report).toContain('sub\\x1B[2J\\u202E/shapes.ts');
    expect(report).toContain('dense\\x1B[2J\\x1B]0;pwned\\x07\\u202E\\x9B');
  });

  describe('in batch, on one worker', () => {
    it('a bundler-killing file, an exploding answer, stashed hidden inputs and hidden time each cost their own exercise; the students graded after them on the same worker keep every grade; names reach no output raw', async () => {
      const root = join(work, 'class');
      submission(fixture('exploding-answer'), 'a-explode', root);
      submission(fixture('stash-leak'), 'a-stash', root);
      submission(fixture('slow-hidden'), 'a-slow', root);
      // The file (nested 300,000 deep); the crash of esbuild itself is the third bomb, graded above.
      submission({ 'pooling.ts': BOMBS[0][1] }, 'a-bomb', root);
      importBomb(submission({}, 'a-import-bomb', root));
      submission({}, 'b-correct', root);
      submission({}, 'c-correct', root);
      // Names that would clear the teacher's screen, retitle the window, or read backwards.
      submission({}, SCREEN, root);
      submission({}, RLO, root);
      const out = join(work, 'class-out');
      const child = spawn(process.execPath, [BIN, 'batch', root, '--out', out, '--jobs', '1', '--exercises', EXERCISES.join(',')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      child.stdout.on('data', (d: Buffer) => (log += d));
      child.stderr.on('data', (d: Buffer) => (log += d));
      const code = await new Promise<number | null>((ok) => child.on('close', ok));
      expect(code, log).toBe(0);
      const read = (name: string): SubmissionResult => JSON.parse(readFileSync(join(out, name, 'results.json'), 'utf8')) as SubmissionResult;
      const bomb = read('a-bomb');
      expect(bomb.exercises.find((e) => e.id === 'pooling')).toMatchObject({ score: 0, status: 'compile-error' });
      expect(others(bomb, 'pooling')).toEqual(others(twin, 'pooling'));
      const imports = read('a-import-bomb');
      expect(imports.exercises.find((e) => e.id === 'pooling')).toMatchObject({ score: 0, status: 'compile-error', message: expect.stringMatching(/at most 4096 KiB of source/) });
      expect(others(imports, 'pooling')).toEqual(others(twin, 'pooling'));
      const explode = read('a-explode');
      expect(explode.exercises.find((e) => e.id === 'shapes')!.score).toBe(0);
      expect(others(explode, 'shapes')).toEqual(others(twin, 'shapes'));
      for (const name of ['b-correct', 'c-correct']) expect(untimed(read(name).exercises)).toEqual(untimed(twin.exercises));

      // No hidden input, of the stashing student or anyone, in any file the batch wrote (reports, gradebooks, caches, copies).
      const hidden = await hiddenOnlyInputs(env, 'shapes', SEED);
      expect(hidden.length).toBeGreaterThan(0);
      const files = filesUnder(out);
      expect(files).toEqual(expect.arrayContaining([join('a-stash', 'results.json'), join('a-stash', 'report.html'), join('a-stash', 'summary.md'), 'gradebook.csv', 'index.html']));
      for (const file of files) {
        const text = readFileSync(join(out, file), 'utf8');
        expect(hidden.filter((input) => text.includes(input) || text.includes(input.replace(/"/g, '\\"')) || text.includes(input.replace(/"/g, '&quot;'))), file).toEqual([]);
      }

      // No hidden check's time in the files handed to the student whose hidden checks spin in proportion to their inputs.
      const slow = read('a-slow');
      const hiddenIds = slow.exercises.find((e) => e.id === 'shapes')!.checks.filter((c) => c.visibility === 'hidden').map((c) => c.id);
      expect(hiddenIds.length).toBeGreaterThan(0);
      for (const e of slow.exercises) for (const c of e.checks) if (c.visibility === 'hidden') expect(c.durationMs, c.id).toBe(0);
      const junit = readFileSync(join(out, 'a-slow', 'junit.xml'), 'utf8');
      for (const id of hiddenIds) expect(junit).toMatch(new RegExp(`<testcase name="${id}" classname="shapes" time="0\\.000"`));
      expect(slow.durationMs % 1000).toBe(0);
      // No control or bidi character of a name reaches the terminal, the gradebook or the class page: they show escaped.
      expect(log).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(log).toContain('d-screen\\x1B[2J\\x1B]0;pwned\\x07');
      for (const file of ['gradebook.csv', 'index.html', join(RLO, 'report.html')]) {
        const text = readFileSync(join(out, file), 'utf8');
        expect(text, file).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(text, file).toContain('e-u\\u202Egnp.exe');
      }
    });
  });
});
