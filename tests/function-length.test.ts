import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionSpans, functionsUnder } from './support/function-lengths.js';

const ROOT = join(import.meta.dirname, '..');
/** About a screen: a function longer than this does more than one thing. */
const MAX_LINES = 60;

/**
 * Functions already longer when the limit came in, with the length they may not grow past.
 * The list only shrinks: a function split below the limit leaves it, a new long one fails.
 */
const KNOWN_LONG: Readonly<Record<string, number>> = {
  'grader/batch/pool.ts:processPool': 105,
  'grader/batch/run-batch.ts:runBatch': 110,
  'grader/batch/summary.ts:summarizeClass': 83,
  'grader/batch/unzip.ts:unzipSubmission': 79,
  'grader/sandbox/child/main.ts:main': 77,
  'grader/sandbox/steps.ts:runSteps': 68,
};

describe('functions in grader/ stay short', () => {
  it(`has no function over ${MAX_LINES} lines but the known ones, and none of those grew`, () => {
    const long = functionsUnder(ROOT, 'grader').filter((f) => f.lines > MAX_LINES);
    const problems = long
      .filter((f) => f.lines > (KNOWN_LONG[`${f.file}:${f.name}`] ?? MAX_LINES))
      .map((f) => `${f.file}:${f.line} ${f.name} is ${f.lines} lines (at most ${KNOWN_LONG[`${f.file}:${f.name}`] ?? MAX_LINES})`);
    expect(problems).toEqual([]);
  });

  it('keeps the list of known long functions honest: each still exists and is still long', () => {
    const lengths = new Map(functionsUnder(ROOT, 'grader').map((f) => [`${f.file}:${f.name}`, f.lines]));
    const stale = Object.keys(KNOWN_LONG).filter((k) => (lengths.get(k) ?? 0) <= MAX_LINES);
    expect(stale).toEqual([]);
  });

  it.each([
    ['a function declaration', 'function f() {\n  return 1;\n}\n', 'f', 3],
    ['an arrow function in a const', 'const g = (a: number): number => {\n  const b = a;\n  return b;\n};\n', 'g', 4],
    ['a method', 'class C {\n  m(): void {\n    return;\n  }\n}\n', 'm', 3],
  ])('measures %s from its first line to its last', (_name, text, name, lines) => {
    expect(functionSpans('x.ts', text).find((f) => f.name === name)).toMatchObject({ line: expect.any(Number), lines });
  });
});
