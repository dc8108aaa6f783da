// `npm run bench -- convolution-image-pooling`: grading time of one submission for the exercises
// convolution, image and pooling (target: well under 1 s for the three, on 2 cores), per exercise
// and in total, for the example correct submission and the literal port of the notes (whose
// failures add the diagnosis replays and the 168x300 evidence).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnvironment } from '../grader/score/environment.js';
import { gradeSubmission } from '../grader/score/grade-submission.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 10;

function summary(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return `median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms (n=${s.length})`;
}

export async function benchConvolutionImagePooling(): Promise<void> {
  const env = await createEnvironment({ only: ['convolution', 'image', 'pooling'] });
  for (const name of ['correct', 'notes-port']) {
    const dir = path.join(root, 'examples', 'submissions', name);
    // One run to warm the esbuild service and the module caches, as a long batch would be.
    await gradeSubmission(env, dir);
    const total: number[] = [];
    const perExercise = new Map<string, number[]>();
    for (let i = 0; i < RUNS; i++) {
      const r = await gradeSubmission(env, dir, { seed: i + 1 });
      total.push(r.durationMs);
      for (const e of r.exercises) perExercise.set(e.id, [...(perExercise.get(e.id) ?? []), e.durationMs]);
    }
    console.log(`${name}: whole submission ${summary(total)}`);
    for (const [id, ms] of perExercise) console.log(`  ${id}: ${summary(ms)}`);
  }
}
