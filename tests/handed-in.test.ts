import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassResultSchema } from '../grader/model/class-results.js';
import { runBatch, type BatchSummary } from '../grader/batch/run-batch.js';
import { SubmissionResultSchema } from '../grader/model/results.js';
import { validator } from '../grader/schema/validate.js';
import { environment, EXAMPLES, grade } from './support/grade.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-handed-in-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const CORRECT = join(EXAMPLES, 'correct');
const rows = (out: string): string[] => readFileSync(join(out, 'gradebook.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
const resultsOf = (out: string, name: string) => JSON.parse(readFileSync(join(out, name, 'results.json'), 'utf8'));

/**
 * Submissions as students hand them in: right, empty, in one sub-folder (a zipped src/), in two,
 * with only a stray file, with a file both at the top and below it, and with stray files.
 */
function makeClass(root: string): void {
  const put = (name: string, files: Record<string, string>): void => {
    for (const [path, from] of Object.entries(files)) {
      mkdirSync(join(root, name, path, '..'), { recursive: true });
      if (from.startsWith('text:')) writeFileSync(join(root, name, path), from.slice(5));
      else cpSync(join(CORRECT, from), join(root, name, path));
    }
  };
  put('ann', { 'shapes.ts': 'shapes.ts', 'sequences.ts': 'sequences.ts' });
  mkdirSync(join(root, 'bea'));
  put('cal', { 'src/shapes.ts': 'shapes.ts', 'src/sequences.ts': 'sequences.ts' });
  put('dov', { 'part1/shapes.ts': 'shapes.ts', 'part2/sequences.ts': 'sequences.ts' });
  put('eli', { 'notes.txt': 'text:I will hand in tomorrow' });
  put('fay', { 'shapes.ts': 'shapes.ts', 'src/sequences.ts': 'sequences.ts' });
  put('gus', { 'shapes.ts': 'shapes.ts', 'sequences.ts': 'sequences.ts', 'notes.txt': 'text:n', 'x.zip.txt': 'text:z', 'package.json': 'text:{}' });
}

describe('submissions that cannot be graded as handed in', () => {
  const klass = join(work, 'class');
  const out = join(work, 'graded');
  let summary: BatchSummary;
  beforeAll(async () => {
    makeClass(klass);
    summary = await runBatch({ input: klass, out, exercises: ['shapes', 'sequences'], jobs: 2, workers: 'inline' });
  });

  it('an empty, nested or file-less submission never counts as graded, and stays out of the class statistics', () => {
    expect(summary.ungradable).toEqual(['bea', 'dov', 'eli']);
    expect(summary.errors).toEqual([]);
    const byName = Object.fromEntries(summary.entries.map((e) => [e.name, e.status]));
    expect(byName).toEqual({ ann: 'graded', bea: 'ungradable', cal: 'graded', dov: 'ungradable', eli: 'ungradable', fay: 'graded', gus: 'graded' });
    const klassResults = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(validator(ClassResultSchema)(klassResults).ok).toBe(true);
    const graded = summary.entries.flatMap((e) => (e.status === 'graded' ? [e.result.score] : []));
    expect(klassResults.summary).toMatchObject({ submissions: 7, graded: 4, ungradable: 3, errors: 0, meanScore: graded.reduce((a, b) => a + b, 0) / 4 });
    expect(klassResults.checks.every((c: { total: number }) => c.total === 4)).toBe(true);
    expect(klassResults.submissions.find((s: { name: string }) => s.name === 'bea')).toEqual({ name: 'bea', status: 'ungradable', problem: { code: 'empty' }, results: 'bea/results.json' });
    expect(rows(out)).toEqual(expect.arrayContaining(['bea,,,', 'dov,,,', 'eli,,,']));
  });

  it('says why in each results.json, as a code with its parameters, and in the reports', () => {
    const validate = validator(SubmissionResultSchema);
    const dov = resultsOf(out, 'dov');
    expect(validate(dov).ok).toBe(true);
    expect(dov).toMatchObject({ status: 'ungradable', problem: { code: 'nested', found: ['part1/shapes.ts', 'part2/sequences.ts'] } });
    expect(dov.exercises.map((e: { message: string }) => e.message)).toEqual([
      'Expected shapes.ts at the top level of the submission, but got it in a sub-folder: found part1/shapes.ts: files must be at the top level.',
      'Expected sequences.ts at the top level of the submission, but got it in a sub-folder: found part2/sequences.ts: files must be at the top level.',
    ]);
    expect(resultsOf(out, 'eli').problem).toEqual({ code: 'no-expected-file', expected: ['shapes.ts', 'sequences.ts'], found: ['notes.txt'] });
    const report = new JSDOM(readFileSync(join(out, 'eli', 'report.html'), 'utf8')).window.document;
    expect(report.querySelector('.notice')?.textContent).toMatch(/Expected at least one of shapes\.ts, sequences\.ts at the top level of the submission, but got none \(found: notes\.txt\)\. Not graded\./);
    expect(readFileSync(join(out, 'bea', 'summary.md'), 'utf8')).toMatch(/> Expected the exercise files in the submission, but got an empty folder\. Not graded\./);
    const index = new JSDOM(readFileSync(join(out, 'index.html'), 'utf8')).window.document;
    const dovRow = [...index.querySelectorAll('tr')].find((tr) => tr.textContent?.includes('dov'));
    expect(dovRow?.textContent).toMatch(/not gradable as handed in[\s\S]*found part1\/shapes\.ts, part2\/sequences\.ts: files must be at the top level/);
    const junit = new JSDOM(readFileSync(join(out, 'junit.xml'), 'utf8'), { contentType: 'text/xml' }).window.document;
    expect(junit.querySelector('testsuite[name="bea"] error')?.getAttribute('type')).toBe('not-gradable');
  });

  it('grades files from the one sub-folder that holds them, and says so', async () => {
    const cal = resultsOf(out, 'cal');
    expect(cal).toMatchObject({ status: 'graded', layout: { folder: 'src', skipped: [] } });
    const alone = await grade(await environment(['shapes', 'sequences']), join(klass, 'ann'));
    expect(cal.score).toBe(alone.score);
    expect(cal.score).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'cal', 'summary.md'), 'utf8')).toContain('The exercise files were in src/, not at the top level of the submission: graded from there.');
  });

  it('names where a file below the top was found, for its exercise only', () => {
    const fay = resultsOf(out, 'fay');
    expect(fay.status).toBe('graded');
    const [shapes, sequences] = fay.exercises;
    expect(shapes).toMatchObject({ status: 'graded', score: 10 });
    expect(sequences).toMatchObject({ status: 'missing', score: 0 });
    expect(sequences.message).toMatch(/found src\/sequences\.ts: files must be at the top level/);
  });

  it('lists the stray files it skipped, per submission, in English and French', async () => {
    expect(resultsOf(out, 'gus').layout).toEqual({ skipped: ['notes.txt', 'x.zip.txt'] });
    // Markdown escapes the parentheses.
    expect(readFileSync(join(out, 'gus', 'summary.md'), 'utf8')).toMatch(/> Not graded \\\(no exercise uses them\\\): notes\.txt, x\.zip\.txt\./);
    const fr = join(work, 'graded-fr');
    await runBatch({ input: klass, out: fr, exercises: ['shapes', 'sequences'], jobs: 2, workers: 'inline', lang: 'fr' });
    expect(readFileSync(join(fr, 'gus', 'summary.md'), 'utf8')).toMatch(/> Non corrigés \\\(aucun exercice ne les utilise\\\) : notes\.txt, x\.zip\.txt\./);
    expect(resultsOf(fr, 'fay').exercises[1].message).toMatch(/trouvé src\/sequences\.ts : les fichiers doivent être à la racine/);
    expect(readFileSync(join(fr, 'bea', 'summary.md'), 'utf8')).toContain('on obtient un dossier vide. Non corrigé.');
  });

  it('a rerun takes the ungradable ones from the cache and still counts them apart', async () => {
    const again = await runBatch({ input: klass, out, exercises: ['shapes', 'sequences'], jobs: 2, workers: 'inline' });
    expect(again.graded).toEqual([]);
    expect(again.ungradable).toEqual(['bea', 'dov', 'eli']);
    expect(again.cached).toEqual(['ann', 'cal', 'fay', 'gus']);
  });
});
