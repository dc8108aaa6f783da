import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { messages } from '../grader/i18n/index.js';
import { childScript } from '../grader/sandbox/child-bundle.js';
import { LAUNCHER_IDS, type Launcher } from '../grader/sandbox/launcher.js';
import { readHost } from '../grader/sandbox/launchers/host.js';
import { detectLauncher } from '../grader/sandbox/launchers/index.js';
import { baseNodeArgs, CHILD_ENV, permissionNodeArgs, prlimitArgs } from '../grader/sandbox/launchers/node-args.js';
import { Session, type SessionLimits } from '../grader/sandbox/session.js';
import { createEnvironment, dependencyPaths } from '../grader/execute/environment.js';
import { gradeSubmission } from '../grader/execute/grade-submission.js';
import { stats } from './stats.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';

const RUNS = 30;
const GAP_MS = 150;
const SUBMISSION_RUNS = 10;
const LIMITS: SessionLimits = { timeMs: 10_000, graderMs: 30_000, memoryMb: 4096, outputBytes: 16 * 1024 * 1024, processes: 64, maxItems: 4_000_000 };
/** Targets of the issue, on a 2-core machine. */
const TARGET_EXERCISE_MS = 150;
const TARGET_SUBMISSION_MS = 1500;


const ms = (x: number): string => `${x.toFixed(0).padStart(5)} ms`;

/**
 * Spawn, load a one-line module, answer one case, close: what every exercise pays besides its
 * checks. `ahead`: each child is booted during the gap before it (Session.boot), as a ChildLease does.
 */
async function overhead(launcher: Launcher, script: string, readPaths: readonly string[], { ahead }: { readonly ahead: boolean }): Promise<number[]> {
  const samples: number[] = [];
  const options = { launcher, launch: { childScript: script, readPaths }, limits: LIMITS, code: 'export const add = (a, b) => a + b;\n', exports: ['add'] };
  let booted = ahead ? Session.boot(options) : undefined;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const outcome = await Session.start(options, booted);
    booted = ahead ? Session.boot(options) : undefined;
    if (!outcome.ok) throw new Error(`${launcher.id}: ${JSON.stringify(outcome.failure)}`);
    const run = await outcome.session.run([[{ op: 'call', fn: 'add', args: [{ data: 1 }, { data: 2 }] }]]);
    if (!run.ok) throw new Error(`${launcher.id}: ${JSON.stringify(run.failure)}`);
    outcome.session.close();
    samples.push(performance.now() - started);
    // The checks of a real exercise take this long at least: time for a warm child to boot.
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  booted?.close();
  return samples;
}

/**
 * Per-exercise sandbox overhead for each launcher this machine has (median and p95 of 30 runs),
 * and the time to grade one whole numeric submission (every exercise present but `models`, the
 * reference as the submission) with the launcher `auto` picks.
 */
export async function benchSandbox(): Promise<void> {
  console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const script = await childScript();
  const readPaths = [dirname(script), ...dependencyPaths()];
  const t = messages('en');
  console.log('\nper-exercise overhead: spawn + load + one trivial run + close');
  for (const id of LAUNCHER_IDS) {
    let launcher: Launcher;
    try {
      launcher = await detectLauncher({ childScript: script, readPaths, t, choice: id });
    } catch {
      console.log(`  ${id.padEnd(11)} unavailable here`);
      continue;
    }
    for (const [label, ahead] of [[id, false], [`${id}, warm`, true]] as const) {
      const { median, p95 } = stats(await overhead(launcher, script, readPaths, { ahead }));
      const verdict = median <= TARGET_EXERCISE_MS ? 'ok' : `over the ${TARGET_EXERCISE_MS} ms target`;
      console.log(`  ${label.padEnd(17)} median ${ms(median)}  p95 ${ms(p95)}  ${verdict}  (${launcher.name})`);
    }
  }

  console.log('\nwhat each layer adds (cold, same measure):');
  const host = readHost();
  const prlimit = host.which('prlimit');
  const layered: [string, Launcher['spec']][] = [
    ['node alone', (r) => ({ command: host.node, args: [...baseNodeArgs(r, host), r.childScript], env: CHILD_ENV, cwd: dirname(r.childScript) })],
    ['+ permission', (r) => ({ command: host.node, args: [...baseNodeArgs(r, host), ...permissionNodeArgs(r), r.childScript], env: CHILD_ENV, cwd: dirname(r.childScript) })],
    // Not used any more (see permissionNodeArgs): measured to show what it would cost.
    ['+ frozen (unused)', (r) => ({ command: host.node, args: [...baseNodeArgs(r, host), ...permissionNodeArgs(r), '--frozen-intrinsics', r.childScript], env: CHILD_ENV, cwd: dirname(r.childScript) })],
    ...(prlimit
      ? ([['+ prlimit', (r) => ({ command: prlimit, args: [...prlimitArgs(r, { countProcesses: false }), host.node, ...baseNodeArgs(r, host), ...permissionNodeArgs(r), r.childScript], env: CHILD_ENV, cwd: dirname(r.childScript) })]] as [string, Launcher['spec']][])
      : []),
  ];
  for (const [label, spec] of layered) {
    const { median, p95 } = stats(await overhead({ id: 'none', name: label, warnings: [], spec }, script, readPaths, { ahead: false }));
    console.log(`  ${label.padEnd(17)} median ${ms(median)}  p95 ${ms(p95)}`);
  }
  console.log('  (then + bwrap + setpriv: the bwrap line above)');

  // Models train for seconds under a budget of their own: not a measure of the sandbox.
  const numeric = readdirSync(join(PACKAGE_ROOT, 'exercises')).filter((id) => id !== 'models' && existsSync(join(PACKAGE_ROOT, 'exercises', id, 'exercise.json')));
  const env = await createEnvironment({ only: numeric });
  const ids = env.exercises.map((e) => e.manifest.id);
  const submission = join(PACKAGE_ROOT, 'reference');
  // Cold and prewarmed runs alternate, so that a change of load on the machine hits both alike.
  const variants = { cold: { ...env, prewarm: false }, prewarmed: env };
  for (const v of Object.values(variants)) await gradeSubmission(v, submission);
  const totals: Record<keyof typeof variants, number[]> = { cold: [], prewarmed: [] };
  const perExercise = new Map<string, number[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < SUBMISSION_RUNS; i++) {
    for (const [name, v] of Object.entries(variants) as [keyof typeof variants, typeof env][]) {
      const started = performance.now();
      const result = await gradeSubmission(v, submission);
      totals[name].push(performance.now() - started);
      if (name === 'prewarmed') for (const e of result.exercises) perExercise.get(e.id)!.push(e.durationMs);
      if (result.score !== result.maxScore) throw new Error(`the reference scored ${result.score}/${result.maxScore}`);
    }
  }
  console.log(`\nwhole numeric submission (${ids.join(', ')}) under ${env.launcher.name}, ${SUBMISSION_RUNS} runs each`);
  for (const [name, samples] of Object.entries(totals)) {
    const { median, p95 } = stats(samples);
    const verdict = median <= TARGET_SUBMISSION_MS ? 'ok' : `over the ${TARGET_SUBMISSION_MS} ms target`;
    console.log(`  ${name.padEnd(11)} median ${ms(median)}  p95 ${ms(p95)}  ${verdict}`);
  }
  console.log('  per exercise, prewarmed:');
  for (const [id, samples] of perExercise) {
    const s = stats(samples);
    console.log(`    ${id.padEnd(11)} median ${ms(s.median)}  p95 ${ms(s.p95)}`);
  }
}
