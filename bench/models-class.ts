/**
 * `npm run bench -- models-class`: a class's `models` exercise as a teacher grades it,
 * `neurograde batch --jobs 2 --exercises models` in a fresh process: a correct submission, the
 * notes' models written other ways (tests/fixtures/models/correct-variants), seven one-mistake
 * models, and three of those mistakes handed in again after all the first copies. Prints the
 * batch's wall time, each submission's models exercise time, and per repeated mistake its copy's
 * time over its first copy's (target < 20%: a repeated model is not trained again, see
 * ModelResults). BENCH_RUNS runs (default 3), medians.
 *
 * A copy graded by one worker while the other still trains its first copy waits for that
 * training rather than training again: its time is then the first copy's remaining training, not
 * a repeated grading, and it is reported apart ("waited"), never mixed into the ratio. The order
 * makes that rare, as in a class larger than its workers: the costliest first copy (a deep CNN
 * without pooling, about 15 s here) is graded first, its copy last, after
 * about as much work on the other worker (a CNN with the wrong filters trains about 9 s).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { quantile } from './stats.js';

const fixture = (name: string): string => join(PACKAGE_ROOT, 'tests', 'fixtures', 'models', name);
/** The mistakes handed in twice: a training of about 15 s, 1 s and 0.6 s on a quiet machine. */
const REPEATED = ['model-missing-pooling', 'model-wrong-units', 'model-sparse-loss'] as const;
const CLASS: readonly (readonly [string, string])[] = [
  ['01-model-missing-pooling', fixture('model-missing-pooling')],
  ['02-correct', join(PACKAGE_ROOT, 'examples', 'submissions', 'correct')],
  ['03-correct-variants', fixture('correct-variants')],
  ['04-model-wrong-units', fixture('model-wrong-units')],
  ['05-model-sparse-loss', fixture('model-sparse-loss')],
  ['06-model-wrong-activation', fixture('model-wrong-activation')],
  ['07-model-missing-softmax', fixture('model-missing-softmax')],
  ['08-wrong-loss', fixture('wrong-loss')],
  ['09-extra-dropout', fixture('extra-dropout')],
  ['10-model-wrong-filters', fixture('model-wrong-filters')],
  ['11-model-wrong-units-again', fixture('model-wrong-units')],
  ['12-model-sparse-loss-again', fixture('model-sparse-loss')],
  ['13-model-missing-pooling-again', fixture('model-missing-pooling')],
];
const firstOf = (m: string): string => CLASS.find(([n]) => n.endsWith(m))![0];
const copyOf = (m: string): string => CLASS.find(([n]) => n.endsWith(`${m}-again`))![0];

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** When a submission's models exercise ran, in ms since the epoch, from its results.json. */
interface Span {
  readonly start: number;
  readonly end: number;
}

function runBatch(work: string): { wallMs: number; spans: Map<string, Span> } {
  const klass = join(work, 'class');
  for (const [name, from] of CLASS) {
    mkdirSync(join(klass, name), { recursive: true });
    // Another student's file makes the same mistake in other words: never the same bytes, so
    // only what the grader derives from the models themselves can be reused, not the file.
    writeFileSync(join(klass, name, 'models.ts'), `// ${name}\n${readFileSync(join(from, 'models.ts'), 'utf8')}`);
  }
  const out = join(work, 'graded');
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'neurograde.mjs'), 'batch', klass, '--out', out, '--jobs', '2', '--exercises', 'models'], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`batch failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  // The models exercise's own time in ms (the submission's total is rounded to whole seconds); it
  // ends as the submission's result is made (gradedAt).
  const span = (name: string): Span => {
    const result = JSON.parse(readFileSync(join(out, name, 'results.json'), 'utf8')) as { gradedAt: string; exercises: { id: string; durationMs: number }[] };
    const end = Date.parse(result.gradedAt);
    return { start: end - result.exercises.find((e) => e.id === 'models')!.durationMs, end };
  };
  return { wallMs, spans: new Map(CLASS.map(([name]) => [name, span(name)])) };
}

export async function benchModelsClass(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  console.log(`  load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${CLASS.length} submissions, batch --jobs 2 --exercises models, ${runs} runs`);
  const walls: number[] = [];
  const per = new Map<string, number[]>(CLASS.map(([name]) => [name, []]));
  const ratios = new Map<string, number[]>(REPEATED.map((m) => [m, []]));
  const waited = new Map<string, number[]>(REPEATED.map((m) => [m, []]));
  for (let i = 0; i < runs; i++) {
    const work = mkdtempSync(join(tmpdir(), 'neurograde-bench-models-class-'));
    try {
      const { wallMs, spans } = runBatch(work);
      walls.push(wallMs);
      for (const [name, s] of spans) per.get(name)!.push(s.end - s.start);
      for (const m of REPEATED) {
        const first = spans.get(firstOf(m))!;
        const copy = spans.get(copyOf(m))!;
        // Started while its first copy was still being graded: it waited for that training.
        if (copy.start < first.end) waited.get(m)!.push(copy.end - copy.start);
        else ratios.get(m)!.push((copy.end - copy.start) / (first.end - first.start));
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(`  batch wall time: median ${seconds(median(walls))} [${walls.map(seconds).join(', ')}]`);
  for (const [name, ms] of per) console.log(`    ${name.padEnd(32)} median ${seconds(median(ms))}`);
  for (const m of REPEATED) {
    const r = ratios.get(m)!;
    const w = waited.get(m)!;
    const ratio = r.length > 0 ? `median ${(median(r) * 100).toFixed(0)}% (target < 20%) [${r.map((x) => `${(x * 100).toFixed(0)}%`).join(', ')}]` : 'no run graded it after its first copy';
    console.log(`  ${m}: repeated copy / first copy, ${ratio}${w.length > 0 ? `; in ${w.length} run(s) graded while its first copy still trained, waited for it: ${w.map(seconds).join(', ')}` : ''}`);
  }
  console.log(`  load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}
