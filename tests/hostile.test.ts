import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../grader/i18n/index.js';
import type { Limits } from '../grader/model/manifest.js';
import { SubmissionResultSchema, type CheckResult, type ExerciseResult, type SubmissionResult } from '../grader/model/results.js';
import type { LauncherId } from '../grader/sandbox/launcher.js';
import { validator } from '../grader/schema/validate.js';
import { createEnvironment } from '../grader/execute/environment.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { fixtureDirs, FIXTURES, grade, withExerciseLimits } from './support/grade.js';
import { expectScoresAsBefore } from './support/parity.js';
import { hiddenOnlyInputs } from './support/hidden-inputs.js';
import { CI, CI_LAUNCHER, launcherUnavailable, skipReason, testEnvironment, testLauncher } from './support/sandbox.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';

/**
 * The hostile corpus: each folder of tests/fixtures/hostile attacks the grader through shapes.ts
 * and holds correct code, copied from reference/, for every other exercise. Whatever the attack,
 * that exercise scores 0 with a message naming what happened, every other exercise grades as it
 * would without the attack, nothing is written outside the output folder, and no secret, hidden
 * value or environment variable of the grader shows in any output.
 */
const ATTACKED = 'shapes';
const SECRET = `s3cr3t-${process.pid}-${Date.now()}`;
const FORGED = 'FORGED-RESULTS-7f3a';
/** What the socket-localhost fixture holds in place of the port its listener got from the OS. */
const PORT_PLACEHOLDER = '__LISTENER_PORT__';
const HIDDEN_MESSAGE = /details are not shown for a hidden check|Expected the hidden check to match the reference/;
/** What an attacker would read off disk: if any shows in a result, it was read. */
const SOLUTION_MARKERS: readonly [string, string][] = [
  ['reference/shapes.ts', 'Reference for the `shapes.ts` exercise'],
  ['reference/shapes.ts', 'Math.floor((input.W - F + 2 * P) / S) + 1'],
  ['exercises/shapes/checks/random-shapes.ts', 'Seeded random layers'],
  ['exercises/shapes/checks/param-count-property.ts', 'fc.integer({ min: 1, max: 11 })'],
];

interface Attack {
  readonly name: string;
  /** Every check of the attacked exercise says this (hidden checks may say only that they failed). */
  readonly says: RegExp;
  /** Limits of the attacked exercise for this attack: a time bomb needs no 3 s per check to prove its point. */
  readonly limits?: Limits;
  /** Attacks the machine rather than the answer: also run under every other launcher this machine has. */
  readonly os?: boolean;
}

const ATTACKS: readonly Attack[] = [
  { name: 'infinite-loop', says: /time limit/, limits: { timeMs: 1000 }, os: true },
  { name: 'never-settles', says: /time limit/, limits: { timeMs: 1000 } },
  { name: 'memory-bomb', says: /memory limit/, limits: { memoryMb: 256 }, os: true },
  // V8 collects garbage for seconds before it admits the heap is full: a time limit far past that
  // leaves only the memory limit to end it, however busy the machine.
  { name: 'heap-bomb', says: /memory limit/, limits: { timeMs: 120_000, memoryMb: 256 } },
  { name: 'deep-recursion', says: /Maximum call stack size exceeded/ },
  { name: 'stdout-spam', says: /print at most .* \(output limit\)/, os: true },
  { name: 'huge-array', says: /more than 4000000/ },
  { name: 'huge-answer', says: /answers of at most 1024 KiB \(output limit\)/, limits: { outputKb: 1024 } },
  { name: 'exit-fake-results', says: /keep running, but got a crash \(exit code 0\)/, os: true },
  { name: 'kill-parent', says: /process\.kill is not available/, os: true },
  { name: 'throw-hostile', says: /to return, but got/ },
  { name: 'print-fake-results', says: /Expected the output/ },
  { name: 'write-fake-files', says: /could not write: .*(ERR_ACCESS_DENIED|EROFS|EACCES)/, os: true },
  { name: 'read-secrets', says: /to return, but got Error: (nothing read|listing)/, os: true },
  { name: 'read-env', says: /to return, but got Error: env: /, os: true },
  { name: 'spawn-process', says: /Access to this API has been restricted/, os: true },
  { name: 'socket-localhost', says: /no network: socket: (ECONNREFUSED|ENETUNREACH)/, os: true },
  { name: 'start-worker', says: /Access to this API has been restricted/, os: true },
  { name: 'patch-globals', says: /to leave JavaScript's built-in objects as they are, but got changes at import: .*Array\.prototype\.every changed, Math\.abs changed.*Graded code may not patch the language/, os: true },
  { name: 'lying-proxy', says: /Expected the output|could not send/ },
  { name: 'lying-getters', says: /Expected the output/ },
  { name: 'nan-outputs', says: /but got (NaN|Infinity|-Infinity)/ },
  { name: 'syntax-error', says: /shapes\.ts:3:\d+ to compile/ },
  { name: 'wrong-types', says: /Expected the output to be/ },
  { name: 'symlink-passwd', says: /a link that leads outside it \(\/etc\/passwd\)/ },
  { name: 'symlink-out-of-folder', says: /a link that leads outside it/ },
  { name: 'symlink-import', says: /leads outside the submission folder/ },
  { name: 'forge-protocol', says: /answer it could not accept/ },
  { name: 'giant-strings', says: /longer than 10000 characters|to return, but got/ },
  { name: 'hidden-leak', says: /Expected the output|to return, but got/ },
];

/** Results without timings, which differ from run to run. */
function untimed<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'durationMs' || k === 'gradedAt' ? undefined : v))) as T;
}

function withLimits(env: GradingEnvironment, limits: Limits | undefined): GradingEnvironment {
  return limits ? withExerciseLimits(env, ATTACKED, limits) : env;
}

/** Every file under a folder with a hash of its content (links by their target), to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isSymbolicLink()) out[p] = `-> ${readlinkSync(p)}`;
      else if (entry.isDirectory()) walk(p);
      else out[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Where a forged results file would be dropped. */
function forgeryTargets(dirs: readonly string[]): string[] {
  return [...new Set(dirs)].flatMap((d) => ['results.json', 'report.html', 'neurograde-pwned-7f3a.txt'].map((n) => join(d, n)));
}

/**
 * The targets that hold a forged file, with when each was written. Some are shared folders (/tmp):
 * anything else on the machine may write a results.json there, so only the forgery counts.
 */
function forgeries(targets: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const p of targets) {
    try {
      if (statSync(p).isFile() && readFileSync(p, 'utf8').includes(FORGED)) found.set(p, statSync(p).mtimeMs);
    } catch {
      // Absent or unreadable: nothing forged there.
    }
  }
  return found;
}

/** Forged files written since `before` was taken. */
function newForgeries(targets: readonly string[], before: Map<string, number>): string[] {
  return [...forgeries(targets)].filter(([p, mtime]) => before.get(p) !== mtime).map(([p]) => p);
}

function gradingTargets(env: GradingEnvironment, fixture: string): string[] {
  return forgeryTargets([process.cwd(), resolve('..'), resolve('../..'), '/tmp', tmpdir(), dirname(env.childScript), fixture, resolve('out')]);
}

/** A listener on 127.0.0.1, on a port the OS picks: no graded code may connect to it. */
async function listen(): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}

/** The folder to grade for a fixture: itself, or for socket-localhost a copy in `work` that connects to `port`. */
function fixtureFolder(name: string, work: string, port: number): string {
  const fixture = join(FIXTURES, 'hostile', name);
  if (name !== 'socket-localhost') return fixture;
  const copy = join(work, `${name}-${port}`);
  if (existsSync(copy)) return copy;
  cpSync(fixture, copy, { recursive: true });
  const file = join(copy, 'shapes.ts');
  const source = readFileSync(file, 'utf8');
  if (!source.includes(PORT_PLACEHOLDER)) throw new Error(`${name}/shapes.ts lost its ${PORT_PLACEHOLDER} placeholder`);
  writeFileSync(file, source.replaceAll(PORT_PLACEHOLDER, String(port)));
  return copy;
}

/** No secret, forged result or solution text in an output; results stay small whatever the code sent. */
function assertClean(text: string): void {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(FORGED);
  for (const [, marker] of SOLUTION_MARKERS) expect(text).not.toContain(marker);
}

function assertCleanResult(result: SubmissionResult): void {
  const text = JSON.stringify(result);
  assertClean(text);
  expect(text.length).toBeLessThan(200_000);
}

function assertAttackedScoresZero(exercise: ExerciseResult, says: RegExp): void {
  expect(exercise.score).toBe(0);
  for (const c of exercise.checks) {
    expect(c.score).toBe(0);
    if (c.visibility === 'public') expect(c.message).toMatch(says);
    else {
      expect(c.message).toMatch(new RegExp(`${says.source}|${HIDDEN_MESSAGE.source}`));
      // Hidden checks never carry values.
      expect(Object.keys(c)).not.toContain('evidence');
      expect(Object.keys(c)).not.toContain('mismatch');
    }
  }
}

describe('hostile submissions', () => {
  const dirs = fixtureDirs('hostile');
  let env: GradingEnvironment;
  let twin: SubmissionResult;
  let listener: Awaited<ReturnType<typeof listen>>;
  let work: string;

  beforeAll(async () => {
    process.env.NEUROGRADE_TEST_SECRET = SECRET;
    work = mkdtempSync(join(tmpdir(), 'ng-hostile-'));
    listener = await listen();
    // The exercises whose correct file the fixtures carry: models train for seconds each and add
    // time, not coverage of the sandbox; an exercise added later joins once its file is copied in.
    const carried = readdirSync(join(PACKAGE_ROOT, 'exercises')).filter((id) => {
      const manifest = join(PACKAGE_ROOT, 'exercises', id, 'exercise.json');
      return existsSync(manifest) && existsSync(join(FIXTURES, 'hostile', 'infinite-loop', (JSON.parse(readFileSync(manifest, 'utf8')) as { file: string }).file));
    });
    env = await testEnvironment({ only: carried });
    // The clean twin: every file correct. Each fixture's other files are byte-identical copies.
    twin = await grade(env, join(PACKAGE_ROOT, 'reference'));
  });
  afterAll(async () => {
    delete process.env.NEUROGRADE_TEST_SECRET;
    if (work) rmSync(work, { recursive: true, force: true });
    if (listener) await new Promise((ok) => listener.server.close(ok));
  });
  afterEach(() => {
    expect(listener.connections()).toBe(0);
  });

  it('grades the clean twin exactly as before (tests/parity/hostile.json)', () => {
    expectScoresAsBefore('hostile', 'the reference (clean twin)', twin);
  });

  it('records in results.json the launcher that graded', () => {
    expect(twin.environment.sandbox).toBe(env.launcher.name);
  });

  it.skipIf(!CI)(`grades under ${CI_LAUNCHER}, the launcher .ci/run installs (required when CI is set; skipped otherwise)`, () => {
    expect(env.launcher.id).toBe(CI_LAUNCHER);
    expect(twin.environment.sandbox.split('+')[0]).toBe(CI_LAUNCHER);
  });

  it('covers every fixture of the corpus, and every fixture copies the reference for the other exercises', () => {
    expect(ATTACKS.map((a) => a.name).sort()).toEqual(dirs);
    for (const name of dirs) {
      for (const e of env.exercises.filter((x) => x.manifest.id !== ATTACKED)) {
        const file = e.manifest.file;
        expect(readFileSync(join(FIXTURES, 'hostile', name, file), 'utf8'), `${name}/${file}`).toBe(readFileSync(join(PACKAGE_ROOT, 'reference', file), 'utf8'));
      }
    }
    for (const [file, marker] of SOLUTION_MARKERS) expect(readFileSync(join(PACKAGE_ROOT, file), 'utf8')).toContain(marker);
    expect(twin.exercises.find((e) => e.id === ATTACKED)?.score).toBeGreaterThan(0);
  });

  it.for(ATTACKS)('$name: scores 0 with a message that says so, and changes nothing else', async ({ name, says, limits }, ctx) => {
    // A launcher without a network namespace lets this one through; its warnings say so (tested below).
    ctx.skip(
      name === 'socket-localhost' && env.launcher.warnings.includes(messages('en').grading.sandboxGap.network),
      `the ${env.launcher.name} launcher here cannot block the network, and says so in its warnings`,
    );
    const fixture = fixtureFolder(name, work, listener.port);
    const before = snapshot(fixture);
    const targets = gradingTargets(env, fixture);
    const forgedBefore = forgeries(targets);
    const result = await grade(withLimits(env, limits), fixture);

    expectScoresAsBefore('hostile', name, result);
    const attacked = result.exercises.find((e) => e.id === ATTACKED)!;
    assertAttackedScoresZero(attacked, says);
    expect(untimed(result.exercises.filter((e) => e.id !== ATTACKED))).toEqual(untimed(twin.exercises.filter((e) => e.id !== ATTACKED)));
    assertCleanResult(result);
    expect(snapshot(fixture)).toEqual(before);
    expect(newForgeries(targets, forgedBefore)).toEqual([]);
  });

  it('hidden-leak: no hidden input reaches a message, because public checks run before hidden ones', async () => {
    // Each check run against a child that never answers, to learn the inputs it sends. An input a
    // public check sends too (conv 5x5, stride 1...) may show: it is not a hidden one.
    const hiddenInputs = await hiddenOnlyInputs(env, ATTACKED, 20261127);
    expect(hiddenInputs.length).toBeGreaterThan(0);
    const result = await grade(env, join(FIXTURES, 'hostile', 'hidden-leak'), { seed: 20261127 });
    const text = JSON.stringify(result);
    // The module hands back every input it has seen: hidden ones must not show, public ones do.
    expect(hiddenInputs.filter((input) => text.includes(input.replace(/"/g, '\\"')) || text.includes(input))).toEqual([]);
    expect(text).toContain('[[3,1,64]]');
  });

  it('giant-strings: results stay small however large what the code throws or returns', async () => {
    const result = await grade(env, join(FIXTURES, 'hostile', 'giant-strings'));
    const attacked = result.exercises.find((e) => e.id === ATTACKED)!;
    const longest = Math.max(...attacked.checks.map((c: CheckResult) => c.message?.length ?? 0));
    expect(longest).toBeLessThan(5_000);
  });
});

/** Why each weaker launcher cannot run here, if it cannot: probed once, before the suites are collected. */
const UNAVAILABLE = { unshare: await launcherUnavailable('unshare'), permission: await launcherUnavailable('permission') };

/** The launchers weaker than the one this machine picks still hold against the attacks on the machine. */
function underLauncher(id: LauncherId): void {
  let env: GradingEnvironment;
  let listener: Awaited<ReturnType<typeof listen>>;
  let work: string;
  // Node's permission model alone lets a child connect to 127.0.0.1: a documented gap, reported as a warning.
  const attacks = ATTACKS.filter((a) => a.os && !(id === 'permission' && a.name === 'socket-localhost'));

  beforeAll(async () => {
    process.env.NEUROGRADE_TEST_SECRET = SECRET;
    work = mkdtempSync(join(tmpdir(), `ng-hostile-${id}-`));
    listener = await listen();
    env = await createEnvironment({ only: [ATTACKED], sandbox: id });
  });
  afterAll(async () => {
    delete process.env.NEUROGRADE_TEST_SECRET;
    if (work) rmSync(work, { recursive: true, force: true });
    if (listener) await new Promise((ok) => listener.server.close(ok));
  });

  it.each(attacks)('$name', async ({ name, says, limits }) => {
    const fixture = fixtureFolder(name, work, listener.port);
    const before = snapshot(fixture);
    const targets = gradingTargets(env, fixture);
    const forgedBefore = forgeries(targets);
    const result = await grade(withLimits(env, limits), fixture);
    expect(result.environment.sandbox).toBe(env.launcher.name);
    expect(env.launcher.id).toBe(id);
    assertAttackedScoresZero(result.exercises[0]!, says);
    assertCleanResult(result);
    expect(snapshot(fixture)).toEqual(before);
    expect(newForgeries(targets, forgedBefore)).toEqual([]);
    expect(listener.connections()).toBe(0);
  });

  it('reports in the environment what it cannot block', () => {
    const gaps = id === 'permission' ? ['network', 'filesystem'] : ['filesystem'];
    const t = messages('en').grading.sandboxGap;
    expect(env.launcher.warnings).toEqual(expect.arrayContaining(gaps.map((g) => t[g as keyof typeof t])));
  });
}

for (const id of ['unshare', 'permission'] as const) {
  const skipped = skipReason(id, UNAVAILABLE[id]);
  describe.skipIf(skipped)(`hostile submissions under the ${id} launcher${skipped ? ` (${skipped})` : ''}`, () => underLauncher(id));
}

/** The launcher a `neurograde grade` process picks here, with the tests' sandbox choice. */
const PICKED = await testLauncher();

describe('the grade command on hostile submissions', () => {
  // read-env here too: only a grader started with the secret has it in /proc/<pid>/environ.
  it.each(['exit-fake-results', 'kill-parent', 'stdout-spam', 'read-env', 'write-fake-files'])('%s: exits 0 with a valid results.json that scores the attack 0', async (name) => {
    if (PICKED instanceof Error) throw PICKED;
    const out = mkdtempSync(join(tmpdir(), 'ng-hostile-cli-'));
    const fixture = join(FIXTURES, 'hostile', name);
    const targets = forgeryTargets([process.cwd(), resolve('..'), '/tmp', tmpdir(), fixture, resolve('out')]);
    const forgedBefore = forgeries(targets);
    try {
      const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'neurograde.mjs'), 'grade', fixture, '--out', out, '--exercises', ATTACKED], {
        env: { ...process.env, NEUROGRADE_TEST_SECRET: SECRET, NEUROGRADE_SANDBOX: PICKED.id },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
      const code = await new Promise<number | null>((ok) => child.on('close', ok));
      expect(code, stdout).toBe(0);
      expect(stdout).not.toContain(FORGED);
      const text = readFileSync(join(out, 'results.json'), 'utf8');
      const parsed = validator(SubmissionResultSchema)(JSON.parse(text));
      expect(parsed.ok).toBe(true);
      const result = JSON.parse(text) as SubmissionResult;
      // results.json names the launcher that graded: under CI, bwrap (testSandbox), which .ci/run installs.
      expect(result.environment.sandbox).toBe(PICKED.name);
      expect(result.exercises.map((e) => [e.id, e.score])).toEqual([[ATTACKED, 0]]);
      assertCleanResult(result);
      for (const f of readdirSync(out)) if (lstatSync(join(out, f)).isFile()) assertClean(readFileSync(join(out, f), 'utf8'));
      expect(newForgeries(targets, forgedBefore)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
