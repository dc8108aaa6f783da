import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectSubmission, skippedFiles } from './layout.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-layout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** A submission folder holding these files (a path ending in `/` is an empty folder). */
function folder(files: readonly string[]): string {
  const root = join(work, `s${n++}`);
  mkdirSync(root);
  for (const f of files) {
    if (f.endsWith('/')) mkdirSync(join(root, f), { recursive: true });
    else {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), '// x');
    }
  }
  return root;
}

const EXPECTED = ['shapes.ts', 'sequences.ts'];

describe('inspectSubmission', () => {
  it.each<[string, string[], unknown]>([
    ['an empty folder', [], { code: 'empty' }],
    ['only system litter and empty folders', ['.DS_Store', '__MACOSX/shapes.ts', 'src/'], { code: 'empty' }],
    ['stray files and no expected one', ['notes.txt', 'x.zip.txt'], { code: 'no-expected-file', expected: EXPECTED, found: ['notes.txt', 'x.zip.txt'] }],
    ['expected files in several sub-folders', ['a/shapes.ts', 'b/sequences.ts'], { code: 'nested', found: ['a/shapes.ts', 'b/sequences.ts'] }],
  ])('%s cannot be graded as handed in', (_, files, problem) => {
    expect(inspectSubmission(folder(files), EXPECTED).problem).toEqual(problem);
  });

  it('grades from the one sub-folder that holds the expected files', () => {
    const root = folder(['src/shapes.ts', 'src/sequences.ts', 'src/notes.txt', 'README.md']);
    const layout = inspectSubmission(root, EXPECTED);
    expect(layout).toMatchObject({ root: join(root, 'src'), folder: 'src' });
    expect(layout.problem).toBeUndefined();
    expect(layout.topFiles).toEqual(['notes.txt', 'sequences.ts', 'shapes.ts']);
  });

  it('a file below the top, when another is at the top, is named for its exercise', () => {
    const layout = inspectSubmission(folder(['shapes.ts', 'src/sequences.ts']), EXPECTED);
    expect(layout.problem).toBeUndefined();
    expect([...layout.elsewhere]).toEqual([['sequences.ts', 'src/sequences.ts']]);
  });

  it('a path that is not a folder is unreadable', () => {
    const file = join(work, 'plain-file');
    writeFileSync(file, 'x');
    expect(inspectSubmission(file, EXPECTED).problem).toEqual({ code: 'unreadable', detail: 'ENOTDIR' });
  });

  it('looks at a bounded number of entries and levels', () => {
    const wide = folder(Array.from({ length: 30 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`).concat(['zz/shapes.ts']));
    expect(inspectSubmission(wide, EXPECTED, { maxEntries: 10 }).problem).toMatchObject({ code: 'no-expected-file' });
    expect(inspectSubmission(wide, EXPECTED).folder).toBe('zz');
    const deep = folder(['a/b/c/d/shapes.ts']);
    expect(inspectSubmission(deep, EXPECTED, { maxDepth: 2 }).problem).toMatchObject({ code: 'no-expected-file' });
    expect(inspectSubmission(deep, EXPECTED).folder).toBe('a/b/c/d');
  });
});

describe('skippedFiles', () => {
  it('lists the top files no exercise used, but not the usual project files', () => {
    const layout = inspectSubmission(folder(['shapes.ts', 'utils.ts', 'notes.txt', 'x.zip.txt', 'package.json', 'README.md', 'vitest.config.ts']), EXPECTED);
    expect(skippedFiles(layout, new Set(['shapes.ts', 'utils.ts']))).toEqual({ skipped: ['notes.txt', 'x.zip.txt'], more: 0 });
    expect(skippedFiles(layout, new Set(['shapes.ts', 'utils.ts']), 1)).toEqual({ skipped: ['notes.txt'], more: 1 });
  });
});
