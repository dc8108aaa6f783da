/**
 * `npm run bench -- similarity`: compares a class of 200 submissions, each the eight exercise
 * files, generated from the independent styles of tests/fixtures/similarity (no two students
 * sharing a style in more than two files) with ten planted copies under the disguises. Target: within a minute on 2
 * cores. Prints the median and p95 of five runs of the comparison (Dolos on every file, every
 * pair scored, the fragments of every flagged pair), and the pair pages' rendering.
 */
import { performance } from 'node:perf_hooks';
import { similarityPairHtml } from '../reports/similarity-pair.js';
import { analyzeClass, type ClassSources } from '../grader/similarity/analyze.js';
import { resolveSimilarityOptions } from '../grader/similarity/options.js';
import { DISGUISES, disguise, EXERCISES, independentCombos, starters, submissionOf, type Submission } from '../tests/support/similarity-class.js';
import { formatMs } from './stats.js';

const SIZE = 200;
const COPIES = 10;
const RUNS = 5;

function makeClass(): ClassSources {
  const combos = independentCombos(SIZE - COPIES, { seed: 200 });
  const subs: Submission[] = combos.map(submissionOf);
  const kinds = Object.values(DISGUISES);
  for (let k = 0; k < COPIES; k++) subs.push(disguise(subs[k * 7]!, kinds[k % kinds.length]!));
  const names = subs.map((_, i) => `s${String(i).padStart(3, '0')}`);
  const files = new Map<string, Map<number, string>>();
  subs.forEach((sub, i) => {
    for (const [file, text] of sub) {
      if (!files.has(file)) files.set(file, new Map());
      files.get(file)!.set(i, text);
    }
  });
  return { names, files, starters: starters(), skipped: [] };
}

export async function benchSimilarity(): Promise<void> {
  const sources = makeClass();
  const options = resolveSimilarityOptions();
  const compare: number[] = [];
  const cpu: number[] = [];
  const render: number[] = [];
  let flagged = 0;
  for (let run = 0; run < RUNS; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await analyzeClass(sources, options);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    const text = (name: string, file: string): string => sources.files.get(file)?.get(sources.names.indexOf(name)) ?? '';
    const page = similarityPairHtml.compile();
    for (const pair of report.pairs.filter((p) => p.flagged)) page({ pair, threshold: report.threshold, text }, { lang: 'en', exercises: [] });
    const t2 = performance.now();
    compare.push(t1 - t0);
    render.push(t2 - t1);
    flagged = report.pairs.filter((p) => p.flagged).length;
  }
  console.log(`class of ${SIZE} submissions x ${EXERCISES.length} files (${(SIZE * (SIZE - 1)) / 2} pairs, ${flagged} flagged)`);
  console.log(`compare (Dolos + scoring + fragments): ${formatMs(compare)}  target < 60000 ms`);
  console.log(`  its CPU time (one thread; wall time above grows with the machine's load): ${formatMs(cpu)}`);
  console.log(`render the flagged pairs' pages:       ${formatMs(render)}`);
}
