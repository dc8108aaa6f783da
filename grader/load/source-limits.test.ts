import { describe, expect, it } from 'vitest';
import { firstTooDeep, refuseSource } from './source-limits.js';

describe('firstTooDeep', () => {
  it.each([
    ['brackets nested past the limit', `const x = ${'['.repeat(11)}${']'.repeat(11)};`, 1],
    ['on the line where the limit is passed', `const x = (\n${'('.repeat(10)}1${')'.repeat(11)};`, 2],
    ['prefix operators in a row', `const x = ${'!'.repeat(11)}1;`, 1],
    ['template substitutions nested', 'const s = `${`${`${`${`${`${`${`${`${`${`${1}`}`}`}`}`}`}`}`}`}`}`;', 1],
  ])('finds %s', (_name, text, line) => {
    expect(firstTooDeep(text, 10)).toBe(line);
  });

  it.each([
    ['brackets inside strings', `const s = "${'('.repeat(50)}"; const t = '${'['.repeat(50)}';`],
    ['brackets inside comments', `// ${'('.repeat(50)}\n/* ${'{'.repeat(50)} */ const x = 1;`],
    ['brackets inside template text', `const s = \`${'('.repeat(50)}\${1}${'['.repeat(50)}\`;`],
    ['brackets inside a regular expression', `const r = /${'\\('.repeat(50)}[(]/g;`],
    ['many balanced groups side by side', 'f(a[1], {b: (2)});'.repeat(1000)],
    ['operators apart', 'x = a - -b + +c - 1;'.repeat(100)],
  ])('ignores %s', (_name, text) => {
    expect(firstTooDeep(text, 10)).toBeUndefined();
  });
});

describe('refuseSource', () => {
  it('refuses a file over the size limit before scanning it, and names both sizes', () => {
    expect(refuseSource('x', 2048, { maxFileBytes: 1024, maxDepth: 10, maxTotalBytes: 4096 })).toEqual({ kind: 'too-large', bytes: 2048, limit: 1024 });
  });
  it('passes the notes-sized files of the reference', () => {
    expect(refuseSource('export const f = (a: number[][]) => a.map((r) => r.map((v) => [v]));', 70)).toBeUndefined();
  });
});
