// `npm run bench -- report`: how long report.html takes per submission, pictures included.
// A class of 300 graded in a batch renders 300 reports: target median under 150 ms for the
// worst case below (a 168x300 photo, its 166x298 convolution, four pictures of it).
import { compareValues } from '../grader/compare/compare.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { html } from '../reports/html.js';
import { convolution } from '../reference/convolution.js';
import { richResult, sampleExercises } from '../tests/fixtures/report/samples.js';
import { formatMs } from './stats.js';

function photoResult(): SubmissionResult {
  const img = Array.from({ length: 168 }, (_, i) => Array.from({ length: 300 }, (_, j) => (i * 7 + j * 3) % 256));
  const kernel = [
    [0, 1, 0],
    [1, -4, 1],
    [0, 1, 0],
  ];
  const want = convolution(img, kernel);
  const got = want.map((row, i) => row.map((v, j) => (i > 80 && j > 150 ? v + 1 : v)));
  const cmp = compareValues(want, got, { atol: 1e-6, rtol: 1e-6 });
  if (cmp.pass) throw new Error('bench: the photo answers agree');
  const base = richResult('en');
  return {
    ...base,
    exercises: [
      {
        ...base.exercises[0]!,
        checks: [
          { id: 'photo', title: 'photo', score: 0, maxScore: 1, visibility: 'public', durationMs: 1, status: 'failed', message: 'm', mismatch: cmp.mismatch, evidence: { caseId: 'photo', input: { img, kernel }, expected: want, got } },
        ],
      },
    ],
  };
}

function time(label: string, result: SubmissionResult, runs: number): void {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bytes = (html.render(result, { lang: result.lang, exercises: sampleExercises() }) as string).length;
    ms.push(performance.now() - t);
  }
  console.log(`${label}: ${formatMs(ms, 1)}, ${(bytes / 1024).toFixed(0)} KiB`);
}

export async function benchReport(): Promise<void> {
  time('every evidence kind (rich sample)', richResult('en'), 20);
  time('168x300 photo, four pictures', photoResult(), 10);
}
