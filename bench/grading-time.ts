import path from 'node:path';
import { createEnvironment } from '../grader/execute/environment.js';
import { gradeSubmission } from '../grader/execute/grade-submission.js';
import { formatMs } from './stats.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';

const RUNS = 10;

/**
 * Grading time of one submission for a group of exercises, per exercise and in total, for the
 * example correct submission and the literal port of the notes (whose failures add diagnosis
 * replays and evidence).
 */
export async function benchGradingTime(exercises: readonly string[]): Promise<void> {
  const env = await createEnvironment({ only: exercises });
  for (const name of ['correct', 'notes-port']) {
    const dir = path.join(PACKAGE_ROOT, 'examples', 'submissions', name);
    // One run to warm the esbuild service and the module caches, as a long batch would be.
    await gradeSubmission(env, dir);
    const total: number[] = [];
    const perExercise = new Map<string, number[]>();
    for (let i = 0; i < RUNS; i++) {
      const r = await gradeSubmission(env, dir, { seed: i + 1 });
      total.push(r.durationMs);
      for (const e of r.exercises) perExercise.set(e.id, [...(perExercise.get(e.id) ?? []), e.durationMs]);
    }
    console.log(`${name}: whole submission ${formatMs(total)}`);
    for (const [id, ms] of perExercise) console.log(`  ${id}: ${formatMs(ms)}`);
  }
}
