import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEnvironment } from '../grader/execute/environment.js';
import { gradeSubmission, type GradingEnvironment } from '../grader/execute/grade-submission.js';
import { formatMs, quantile } from './stats.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';

const RUNS = 10;
const DIAGNOSIS_FIXTURES = path.join(PACKAGE_ROOT, 'tests', 'fixtures', 'diagnosis');

interface Timed {
  /** Unrounded wall time of gradeSubmission (results.json rounds its total to whole seconds). */
  readonly total: number;
  /** CPU time of this process (the grader: the diagnosis runs here, the student's code in children), ms. */
  readonly graderCpu: number;
  readonly perExercise: ReadonlyMap<string, number>;
}

async function timed(env: GradingEnvironment, dir: string, seed: number): Promise<Timed> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const r = await gradeSubmission(env, dir, { seed });
  const used = process.cpuUsage(cpu);
  const graderCpu = (used.user + used.system) / 1000;
  return { total: performance.now() - started, graderCpu, perExercise: new Map(r.exercises.map((e) => [e.id, e.durationMs])) };
}

/**
 * One wrong submission per kind of tests/fixtures/diagnosis ('uncatalogued': no catalogue
 * mistake fits, so the diagnosis tries every variant; 'combo': two mistakes at once), its files
 * gathered from each exercise's fixture (an exercise's own file wins over another's helper copy).
 */
function wrongSubmission(exercises: readonly string[], kind: 'uncatalogued' | 'combo'): string {
  const dir = mkdtempSync(path.join(tmpdir(), `neurograde-bench-${kind}-`));
  const fixtures = readdirSync(DIAGNOSIS_FIXTURES).filter((f) => f.includes(`-${kind}-`));
  for (const f of fixtures) {
    const meta = JSON.parse(readFileSync(path.join(DIAGNOSIS_FIXTURES, f, 'fixture.json'), 'utf8')) as { exercise: string };
    if (!exercises.includes(meta.exercise)) continue;
    for (const file of readdirSync(path.join(DIAGNOSIS_FIXTURES, f)).filter((n) => n.endsWith('.ts'))) {
      const own = file === `${meta.exercise}.ts`;
      if (own || !existsSync(path.join(dir, file))) copyFileSync(path.join(DIAGNOSIS_FIXTURES, f, file), path.join(dir, file));
    }
  }
  return dir;
}

const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;

/** Grades `dir` RUNS times with the diagnosis on and off, alternating which goes first, and prints both and the cost. */
async function onAndOff(name: string, dir: string, envs: { on: GradingEnvironment; off: GradingEnvironment }): Promise<void> {
  // One run each to warm the esbuild service and the module caches, as a long batch would be.
  await gradeSubmission(envs.on, dir);
  await gradeSubmission(envs.off, dir);
  const runs: { on: Timed; off: Timed }[] = [];
  const before = load();
  for (let i = 0; i < RUNS; i++) {
    // The same seed for both, a new one each run: the same cases, met for the first time by each
    // environment's own memo (as a single `grade` meets them; a batch would reuse them).
    const first = i % 2 === 0 ? 'on' : 'off';
    const a = await timed(envs[first], dir, i + 1);
    const b = await timed(envs[first === 'on' ? 'off' : 'on'], dir, i + 1);
    runs.push(first === 'on' ? { on: a, off: b } : { on: b, off: a });
  }
  const on = runs.map((r) => r.on.total);
  const off = runs.map((r) => r.off.total);
  const paired = quantile(runs.map((r) => r.on.total / r.off.total - 1), 0.5);
  console.log(`${name}: whole submission, diagnosis on ${formatMs(on, 1)}; off ${formatMs(off, 1)}`);
  console.log(`  diagnosis cost: ${pct(quantile(on, 0.5) / quantile(off, 0.5) - 1)} of the medians, ${pct(paired)} median of paired runs (load average ${before} -> ${load()})`);
  // The children's CPU is left out: a sandbox is reaped after its submission ends and the next one
  // is started ahead, so /proc's cutime does not fall in the window of the submission it served.
  const cpu = (mode: 'on' | 'off'): number[] => runs.map((r) => r[mode].graderCpu);
  console.log(`  CPU of the grader process (where the diagnosis runs): on ${formatMs(cpu('on'), 1)}; off ${formatMs(cpu('off'), 1)}`);
  for (const id of runs[0]!.on.perExercise.keys()) {
    console.log(`  ${id}: on ${formatMs(runs.map((r) => r.on.perExercise.get(id)!))}; off ${formatMs(runs.map((r) => r.off.perExercise.get(id)!))}`);
  }
}

/**
 * Grading time of one submission for a group of exercises, per exercise and in total, with the
 * diagnosis on and off in the same run: the example correct submission (nothing to diagnose), the
 * literal port of the notes (a few failures) and two wrong submissions from the diagnosis
 * fixtures (every check of theirs that fails is diagnosed; 'uncatalogued' replays every variant).
 */
export async function benchGradingTime(exercises: readonly string[]): Promise<void> {
  const envs = { on: await createEnvironment({ only: exercises }), off: await createEnvironment({ only: exercises, diagnosis: false }) };
  const wrong = { uncatalogued: wrongSubmission(exercises, 'uncatalogued'), combo: wrongSubmission(exercises, 'combo') };
  try {
    for (const name of ['correct', 'notes-port']) await onAndOff(name, path.join(PACKAGE_ROOT, 'examples', 'submissions', name), envs);
    for (const [name, dir] of Object.entries(wrong)) await onAndOff(`${name} (tests/fixtures/diagnosis)`, dir, envs);
  } finally {
    for (const dir of Object.values(wrong)) rmSync(dir, { recursive: true, force: true });
    for (const env of Object.values(envs)) env.bundler?.close();
  }
}
