// `npm run bench -- models-exercise`: the time to grade the whole `models` exercise for one
// submission (target: at most 60 s on 2 cores, no GPU).
// - correct: the example submission; every learning check sees the notes' model and skips training;
// - buggy, cold: four models differ from the notes' (tests/fixtures/models/several-mistakes), in a
//   fresh grading environment: the student's four trainings plus the reference's four;
// - buggy, warm: the same submission again in the same environment, as the next submission of a
//   batch: the reference's results come from the environment's memo.
// Prints medians of a few runs and the per-check medians of the cold buggy runs. Training
// throughput itself (deepCnnModel at batch 64, target >= 300 samples/s) is `bench/models.ts`.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubmissionResult } from '../grader/model/results.js';
import { createEnvironment } from '../grader/execute/environment.js';
import { gradeSubmission, type GradingEnvironment } from '../grader/execute/grade-submission.js';
import { quantile } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORRECT = path.join(root, 'examples', 'submissions', 'correct');
const BUGGY = path.join(root, 'tests', 'fixtures', 'models', 'several-mistakes');
const RUNS = Number(process.env.NEUROGRADE_BENCH_RUNS ?? 3);

const median = (xs: readonly number[]): number => quantile(xs, 0.5);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function gradeModels(env: GradingEnvironment, dir: string): Promise<{ ms: number; result: SubmissionResult }> {
  const t0 = performance.now();
  const result = await gradeSubmission(env, dir, { concurrency: 1 });
  return { ms: performance.now() - t0, result };
}

function line(label: string, runs: readonly { ms: number; result: SubmissionResult }[]): string {
  const e = runs[0]!.result.exercises[0]!;
  const all = runs.map((r) => r.ms);
  return `  ${label.padEnd(14)} median ${seconds(median(all))} (min ${seconds(Math.min(...all))}, max ${seconds(Math.max(...all))}, n=${all.length}); score ${e.score}/${e.maxScore}`;
}

/** Prints the whole-exercise grading times (see the file header). */
export async function benchModelsExercise(): Promise<void> {
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const correct: { ms: number; result: SubmissionResult }[] = [];
  const cold: { ms: number; result: SubmissionResult }[] = [];
  const warm: { ms: number; result: SubmissionResult }[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh environment per run: its memo is what makes the second buggy grading warm.
    const env = await createEnvironment({ only: ['models'] });
    correct.push(await gradeModels(env, CORRECT));
    cold.push(await gradeModels(env, BUGGY));
    warm.push(await gradeModels(env, BUGGY));
  }
  console.log(`grading the whole models exercise of one submission (target <= 60 s), backend ${correct[0]!.result.environment.tfBackend}:`);
  console.log(line('correct', correct));
  console.log(line('buggy, cold', cold));
  console.log(line('buggy, warm', warm));
  console.log('per check, buggy cold (median ms):');
  const checks = cold[0]!.result.exercises[0]!.checks;
  for (const c of checks) {
    const ms = cold.map((r) => r.result.exercises[0]!.checks.find((x) => x.id === c.id)!.durationMs);
    console.log(`  ${c.id.padEnd(22)} ${String(Math.round(median(ms))).padStart(6)} ms  ${c.status}`);
  }
}
