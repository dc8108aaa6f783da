import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionSpans, functionsUnder } from './support/function-lengths.js';

const ROOT = join(import.meta.dirname, '..');
/** About a screen: a function longer than this does more than one thing. */
const MAX_LINES = 60;

describe('functions in grader/ stay short', () => {
  it(`has no function over ${MAX_LINES} lines`, () => {
    const long = functionsUnder(ROOT, 'grader').filter((f) => f.lines > MAX_LINES);
    expect(long.map((f) => `${f.file}:${f.line} ${f.name} is ${f.lines} lines`)).toEqual([]);
  });

  it('sees a long function', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const x${i} = ${i};`).join('\n');
    expect(functionSpans('x.ts', `function long() {\n${body}\n}\n`).find((f) => f.name === 'long')?.lines).toBe(MAX_LINES + 2);
  });

  it.each([
    ['a function declaration', 'function f() {\n  return 1;\n}\n', 'f', 3],
    ['an arrow function in a const', 'const g = (a: number): number => {\n  const b = a;\n  return b;\n};\n', 'g', 4],
    ['a method', 'class C {\n  m(): void {\n    return;\n  }\n}\n', 'm', 3],
  ])('measures %s from its first line to its last', (_name, text, name, lines) => {
    expect(functionSpans('x.ts', text).find((f) => f.name === name)).toMatchObject({ line: expect.any(Number), lines });
  });
});
