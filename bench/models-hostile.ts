// `npm run bench -- models-hostile`: what a hostile model config costs the grader, as the time to
// grade the whole models exercise of a hostile submission over that of a correct one graded in the
// same environment just before (target: at most a few times). Variants:
// - issue: the five configs of issue 19 (an aliased key building a 1.9 GB layer, a softmax over
//   the batch, an Orthogonal 2000x2000 kernel, L1L2(1e308), VarianceScaling(1e308)): refused
//   from their JSON (tests/fixtures/hostile-models/models.ts);
// - huge units, deep stack, giant input: denseModel describes itself as a Dense of 600,000 units,
//   64 Dense layers of 2,000 units, or an input of 100,000 x 100,000 values: refused from the JSON;
// - many orthogonal: 64 SimpleRNN layers of 48 units each drawing two Orthogonal matrices (0.8 s
//   of CPU a rebuild), each draw small, the whole over the bound on rebuild work: refused from the JSON;
// - costly rebuild: the most costly denseModel the JSON check accepts (the same with 3 units,
//   about 80 ms of CPU a rebuild; tests/fixtures/hostile-models/rebuild.ts): tried in the rebuild
//   process, then rebuilt once in the grader, each check working on a copy;
// - big normal draw: 3.2 million weights drawn from a normal distribution (about 75 ms), accepted;
// - heavy training: a denseModel the JSON check accepts and the grader trains, as heavy as it allows
//   (three 3x3 convolutions of 64 filters on the 28x28 image, 59 million multiply-adds a sample,
//   under the bound of 60): its training stops at twice the work of its check's reference training;
// - costly draws: the student's own code builds a SimpleRNN of 2000 units and an LSTM of 1000 in the
//   child (tests/fixtures/hostile-models/costly-draws.ts): refused by the child before its
//   Orthogonal draw (grader/sandbox/child/tf-guard.ts), where it took more than a minute a call;
// - over budget: the costly rebuild against a trial budget of 30 ms (NEUROGRADE_MODEL_REBUILD_CPU_MS): refused by its trial.
// Prints, per variant, the median of the per-run ratios hostile / correct, and the load average.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnvironment } from '../grader/execute/environment.js';
import { gradeSubmission, type GradingEnvironment } from '../grader/execute/grade-submission.js';
import type { ModelGuardOptions } from '../grader/tf/rebuild-guard.js';
import { quantile } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORRECT = path.join(root, 'examples', 'submissions', 'correct', 'models.ts');
const FIXTURES = path.join(root, 'tests', 'fixtures', 'hostile-models');
const RUNS = Number(process.env.NEUROGRADE_BENCH_RUNS ?? 3);

/** denseModel of the correct file replaced by one that describes itself with `layers`. */
function claiming(layers: unknown[]): string {
  const source = readFileSync(CORRECT, 'utf8');
  const start = source.indexOf('export function denseModel');
  const end = source.indexOf('\n}\n', start) + 3;
  const hostile = `export function denseModel(): tf.LayersModel {
  const mdl = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 10, activation: 'softmax' })] });
  compileClassifier(mdl);
  const own = mdl.toJSON(null, false) as unknown as { config: { layers: unknown[] } };
  Object.defineProperty(mdl, 'toJSON', { value: () => ({ ...own, config: { ...own.config, layers: ${JSON.stringify(layers)} } }) });
  return mdl;
}
`;
  return source.slice(0, start) + hostile + source.slice(end);
}

const NORMAL = { class_name: 'RandomNormal', config: { mean: 0, stddev: 0.05, seed: null } };
const dense = (units: number, first?: number[]) => ({ class_name: 'Dense', config: { units, ...(first ? { batch_input_shape: [null, ...first] } : {}) } });

interface Variant {
  readonly name: string;
  readonly source: string;
  readonly guard?: ModelGuardOptions;
}

const VARIANTS: readonly Variant[] = [
  { name: 'issue', source: readFileSync(path.join(FIXTURES, 'models.ts'), 'utf8') },
  { name: 'huge units', source: claiming([dense(600_000, [784])]) },
  { name: 'deep stack', source: claiming([dense(2000, [784]), ...Array.from({ length: 63 }, () => dense(2000))]) },
  { name: 'giant input', source: claiming([{ class_name: 'Flatten', config: { batch_input_shape: [null, 100_000, 100_000] } }, dense(10)]) },
  { name: 'many orthogonal', source: readFileSync(path.join(FIXTURES, 'rebuild.ts'), 'utf8').replaceAll('units: 3,', 'units: 48,').replace('[null, 2, 3]', '[null, 2, 48]') },
  { name: 'costly rebuild', source: readFileSync(path.join(FIXTURES, 'rebuild.ts'), 'utf8') },
  { name: 'big normal draw', source: claiming([{ ...dense(1800, [784]), config: { ...dense(1800, [784]).config, kernel_initializer: NORMAL } }, { ...dense(1000), config: { ...dense(1000).config, kernel_initializer: NORMAL } }]) },
  { name: 'heavy training', source: claiming([
    { class_name: 'Reshape', config: { target_shape: [28, 28, 1], batch_input_shape: [null, 784] } },
    ...[0, 1, 2].map(() => ({ class_name: 'Conv2D', config: { filters: 64, kernel_size: [3, 3], padding: 'same', activation: 'relu' } })),
    { class_name: 'Flatten', config: {} },
    { class_name: 'Dense', config: { units: 10, activation: 'softmax' } },
  ]) },
  { name: 'costly draws', source: readFileSync(path.join(FIXTURES, 'costly-draws.ts'), 'utf8') },
  { name: 'over budget', source: readFileSync(path.join(FIXTURES, 'rebuild.ts'), 'utf8'), guard: { cpuMs: 30 } },
];

async function timed(env: GradingEnvironment, dir: string): Promise<{ ms: number; score: number }> {
  const t0 = performance.now();
  const result = await gradeSubmission(env, dir, { concurrency: 1 });
  return { ms: performance.now() - t0, score: result.exercises[0]!.score };
}

function submission(work: string, name: string, source: string): string {
  const dir = path.join(work, name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'models.ts'), source);
  return dir;
}

/** Prints the hostile / correct ratios (see the file header). */
export async function benchModelsHostile(): Promise<void> {
  const asked = process.env.NEUROGRADE_BENCH_VARIANTS?.split(',');
  const work = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-hostile-'));
  try {
    const correct = path.join(work, 'correct');
    mkdirSync(correct);
    cpSync(CORRECT, path.join(correct, 'models.ts'));
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores; ${RUNS} runs`);
    console.log('the whole models exercise, hostile / correct graded just before in the same environment:');
    for (const v of VARIANTS.filter((x) => !asked || asked.includes(x.name))) {
      const dir = submission(work, v.name, v.source);
      const ratios: number[] = [];
      const times: number[] = [];
      let score = NaN;
      for (let i = 0; i < RUNS; i++) {
        const env = await createEnvironment({ only: ['models'], ...(v.guard ? { modelGuard: v.guard } : {}) });
        const base = await timed(env, correct);
        const hostile = await timed(env, dir);
        env.modelGuard?.close();
        ratios.push(hostile.ms / base.ms);
        times.push(hostile.ms);
        score = hostile.score;
      }
      console.log(`  ${v.name.padEnd(15)} ratio median ${quantile(ratios, 0.5).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}); hostile median ${(quantile(times, 0.5) / 1000).toFixed(1)} s; score ${score}/20`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
