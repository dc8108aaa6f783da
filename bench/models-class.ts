/**
 * `npm run bench -- models-class`: a class's `models` exercise as a teacher grades it,
 * `neurograde batch --jobs 2 --exercises models` in a fresh process: a correct submission, the
 * notes' models written other ways (tests/fixtures/models/correct-variants), and three
 * one-mistake models each handed in twice, the copies after all the first copies. Prints the
 * batch's wall time, each submission's grading time (its models exercise's, in ms), and per mistake its repeated copy's time
 * over its first copy's (target < 20%: a repeated model is not trained again, see
 * ModelResults). BENCH_RUNS runs (default 3), medians. Two copies graded at the same moment by
 * the two workers would both train: the order keeps them apart, the per-run ratios show it if not.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { quantile } from './stats.js';

const MISTAKES = ['model-wrong-units', 'model-missing-pooling', 'model-sparse-loss'];
const CLASS: readonly (readonly [string, string])[] = [
  ['1-correct', join(PACKAGE_ROOT, 'examples', 'submissions', 'correct')],
  ['2-correct-variants', join(PACKAGE_ROOT, 'tests', 'fixtures', 'models', 'correct-variants')],
  ...MISTAKES.map((m, i) => [`${3 + i}-${m}`, join(PACKAGE_ROOT, 'tests', 'fixtures', 'models', m)] as const),
  ...MISTAKES.map((m, i) => [`${6 + i}-${m}-again`, join(PACKAGE_ROOT, 'tests', 'fixtures', 'models', m)] as const),
];

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const median = (xs: readonly number[]): number => quantile(xs, 0.5);

function runBatch(work: string): { wallMs: number; durations: Map<string, number> } {
  const klass = join(work, 'class');
  for (const [name, from] of CLASS) {
    mkdirSync(join(klass, name), { recursive: true });
    cpSync(join(from, 'models.ts'), join(klass, name, 'models.ts'));
  }
  const out = join(work, 'graded');
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'neurograde.mjs'), 'batch', klass, '--out', out, '--jobs', '2', '--exercises', 'models'], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`batch failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  // The models exercise's own time, in ms (the submission's total is rounded to whole seconds).
  const modelsMs = (name: string): number =>
    (JSON.parse(readFileSync(join(out, name, 'results.json'), 'utf8')) as { exercises: { id: string; durationMs: number }[] }).exercises.find((e) => e.id === 'models')!.durationMs;
  const durations = new Map(CLASS.map(([name]) => [name, modelsMs(name)]));
  return { wallMs, durations };
}

export async function benchModelsClass(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  console.log(`  load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${CLASS.length} submissions, batch --jobs 2 --exercises models, ${runs} runs`);
  const walls: number[] = [];
  const per = new Map<string, number[]>(CLASS.map(([name]) => [name, []]));
  const ratios = new Map<string, number[]>(MISTAKES.map((m) => [m, []]));
  for (let i = 0; i < runs; i++) {
    const work = mkdtempSync(join(tmpdir(), 'neurograde-bench-models-class-'));
    try {
      const { wallMs, durations } = runBatch(work);
      walls.push(wallMs);
      for (const [name, ms] of durations) per.get(name)!.push(ms);
      MISTAKES.forEach((m, k) => ratios.get(m)!.push(durations.get(`${6 + k}-${m}-again`)! / durations.get(`${3 + k}-${m}`)!));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(`  batch wall time: median ${seconds(median(walls))} [${walls.map(seconds).join(', ')}]`);
  for (const [name, ms] of per) console.log(`    ${name.padEnd(30)} median ${seconds(median(ms))}`);
  for (const [m, r] of ratios) console.log(`  ${m}: repeated copy / first copy, median ${(median(r) * 100).toFixed(0)}% (target < 20%) [${r.map((x) => `${(x * 100).toFixed(0)}%`).join(', ')}]`);
  console.log(`  load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}
