/**
 * `npm run bench -- batch`: grades a generated class of 100 submissions on the numeric exercises
 * with `--jobs 2`, then again from the cache. Target: at least 200 submissions per minute on
 * 2 cores. Prints submissions/min, median and p95 per submission, CPU time, and the cached
 * rerun's speed-up. `BENCH_BATCH_VARIANTS=1` also measures the in-process pool and more
 * exercise concurrency, to compare.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runBatch, type BatchSummary } from '../grader/batch/run-batch.js';
import type { BatchOptions } from '../grader/batch/options.js';
import { createEnvironment } from '../grader/execute/environment.js';
import { quantile } from './stats.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';

const NUMERIC = ['convolution', 'image', 'pooling', 'shapes', 'rnn', 'sequences', 'data'];
const CORRECT = join(PACKAGE_ROOT, 'examples', 'submissions', 'correct');
const MISTAKES = join(PACKAGE_ROOT, 'tests', 'fixtures', 'mistakes');
const HOSTILE = join(PACKAGE_ROOT, 'tests', 'fixtures', 'hostile');

const dirs = (root: string): string[] =>
  existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];

/**
 * 100 submissions: 60 correct, 35 with one catalogued mistake each (cycling through the
 * fixtures), 5 hostile (cycling through tests/fixtures/hostile, when the sandbox isolates
 * signals; a hostile submission costs its time limits, which is the point of including them).
 */
function makeClass(root: string, exercises: readonly string[], hostileOk: boolean): { correct: number; buggy: number; hostile: number } {
  const files = exercises.map((e) => `${e}.ts`).filter((f) => existsSync(join(CORRECT, f)));
  const correctFolder = (dest: string): void => {
    mkdirSync(dest, { recursive: true });
    for (const f of files) cpSync(join(CORRECT, f), join(dest, f));
  };
  const mistakes = dirs(MISTAKES).filter((m) => {
    const fixture = JSON.parse(readFileSync(join(MISTAKES, m, 'fixture.json'), 'utf8')) as { exercise: string };
    return exercises.includes(fixture.exercise);
  });
  const hostile = hostileOk ? dirs(HOSTILE) : [];
  const counts = { correct: 0, buggy: 0, hostile: 0 };
  for (let i = 0; i < 100; i++) {
    const name = `s${String(i).padStart(3, '0')}`;
    const dest = join(root, name);
    if (i % 20 === 19 && hostile.length > 0) {
      correctFolder(dest);
      cpSync(join(HOSTILE, hostile[counts.hostile % hostile.length]!), dest, { recursive: true });
      counts.hostile++;
    } else if (i % 20 >= 12 && mistakes.length > 0) {
      correctFolder(dest);
      cpSync(join(MISTAKES, mistakes[counts.buggy % mistakes.length]!), dest, { recursive: true });
      counts.buggy++;
    } else {
      correctFolder(dest);
      counts.correct++;
    }
  }
  return counts;
}

async function timed(options: BatchOptions): Promise<{ summary: BatchSummary; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await runBatch(options);
  const used = process.cpuUsage(cpu);
  return { summary, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

function report(label: string, r: { summary: BatchSummary; wallMs: number }): void {
  const n = r.summary.entries.length;
  const perMin = (n / r.wallMs) * 60_000;
  const g = r.summary.gradingMs;
  console.log(
    `${label}: ${n} submissions in ${(r.wallMs / 1000).toFixed(1)} s = ${perMin.toFixed(0)}/min; ` +
      `graded ${r.summary.graded.length}, cached ${r.summary.cached.length}, errors ${r.summary.errors.length}; ` +
      `per submission median ${quantile(g, 0.5).toFixed(0)} ms, p95 ${quantile(g, 0.95).toFixed(0)} ms, max ${quantile(g, 1).toFixed(0)} ms`,
  );
}

export async function benchBatch(): Promise<void> {
  const env = await createEnvironment({ only: NUMERIC.filter((e) => existsSync(join(PACKAGE_ROOT, 'exercises', e))) });
  const exercises = env.exercises.map((e) => e.manifest.id);
  const sandbox = env.launcher.name;
  // Hostile fixtures try to kill every process they can signal: only run them where a PID
  // namespace keeps that inside the sandbox.
  const hostileOk = /bwrap|unshare/.test(sandbox);
  const work = mkdtempSync(join(tmpdir(), 'neurograde-bench-batch-'));
  try {
    const klass = join(work, 'class');
    const counts = makeClass(klass, exercises, hostileOk);
    console.log(`exercises: ${exercises.join(', ')}; sandbox: ${sandbox}; class: ${JSON.stringify(counts)}`);

    const out = join(work, 'out');
    const first = await timed({ input: klass, out, exercises, jobs: 2 });
    report('batch --jobs 2', first);
    const rerun = await timed({ input: klass, out, exercises, jobs: 2 });
    report('cached rerun', rerun);
    console.log(`cached rerun: ${(first.wallMs / rerun.wallMs).toFixed(1)}x faster (${rerun.summary.graded.length} regraded)`);
    const target = 200;
    const perMin = (first.summary.entries.length / first.wallMs) * 60_000;
    console.log(perMin >= target ? `target met: ${perMin.toFixed(0)} >= ${target}/min` : `TARGET MISSED: ${perMin.toFixed(0)} < ${target}/min`);

    if (process.env.BENCH_BATCH_VARIANTS) {
      for (const [label, o] of [
        ['inline pool, jobs 2', { workers: 'inline' as const }],
        ['process pool, jobs 2, 2 exercises at once', { exerciseConcurrency: 2 }],
        ['process pool, jobs 3', { jobs: 3 }],
      ] as const) {
        const r = await timed({ input: klass, out: join(work, `out-${label.replace(/\W+/g, '-')}`), exercises, jobs: 2, ...o });
        report(label, r);
        console.log(`  parent CPU ${(r.cpuMs / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
