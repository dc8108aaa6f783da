import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimilarityReportSchema, type SimilarityReport } from '../grader/model/similarity.js';
import { validator } from '../grader/schema/validate.js';
import { makeZip } from './fixtures/batch/zip.js';
import { DISGUISES, independentCombos, submissionOf } from './support/similarity-class.js';

// End to end: `batch --similarity` on a class folder with a zip and a name that tests escaping,
// then `similarity` again on the finished batch. Two quick exercises keep grading short.

const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');
const EXERCISES = ['sequences', 'data'];
const HOSTILE = `<img src=x onerror=alert(1)>&o'brien`;
const work = mkdtempSync(join(tmpdir(), 'neurograde-similarity-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const validate = validator(SimilarityReportSchema);
const readReport = (out: string): SimilarityReport => {
  const v = validate(JSON.parse(readFileSync(join(out, 'similarity.json'), 'utf8')));
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.value;
};
const only = (files: ReadonlyMap<string, string>): Array<[string, string]> => [...files].filter(([f]) => EXERCISES.includes(f.replace(/\.ts$/, '')));

describe('batch --similarity, then similarity on the finished batch', () => {
  const classDir = join(work, 'class');
  const out = join(work, 'graded');
  let first: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    const combos = independentCombos(5);
    combos.forEach((c, i) => {
      const name = i === 0 ? HOSTILE : `student-${i}`;
      mkdirSync(join(classDir, name), { recursive: true });
      for (const [file, text] of only(submissionOf(c))) writeFileSync(join(classDir, name, file), text);
    });
    // The copier hands in a zip of student-2's files, functions reordered and layout changed.
    const copied = only(submissionOf(combos[2]!)).map(([file, text]) => ({ name: `copier/${file}`, data: DISGUISES.reformat(DISGUISES.reorderFunctions(text, file), file) }));
    writeFileSync(join(classDir, 'copier.zip'), makeZip([{ name: 'copier/' }, ...copied]));
    first = await cli(['batch', classDir, '--out', out, '--exercises', EXERCISES.join(','), '--jobs', '2', '--similarity']);
  });

  it('keeps every submission\u2019s exercise files with its output, a zip\u2019s too', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(join(out, 'copier', 'sources')).sort()).toEqual(['data.ts', 'sequences.ts']);
    expect(readFileSync(join(out, HOSTILE, 'sources', 'data.ts'), 'utf8')).toBe(readFileSync(join(classDir, HOSTILE, 'data.ts'), 'utf8'));
  });

  it('flags the copy alone, and writes its side-by-side page', () => {
    const report = readReport(out);
    expect(report.submissions).toHaveLength(6);
    expect(report.pairs.filter((p) => p.flagged).map((p) => [p.left, p.right])).toEqual([['copier', 'student-2']]);
    const page = report.pairs[0]!.page!;
    expect(page).toBe('similarity/pair-1.html');
    const html = readFileSync(join(out, page), 'utf8');
    expect(html).toContain('<mark class="t0"');
    expect(first.stdout).toMatch(/Compared 15 pair\(s\) of submissions: 1 flagged/);
  });

  it('adds the similarity section to index.html, every name escaped', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    const doc = new JSDOM(html).window.document;
    const section = doc.querySelector('section[aria-labelledby="similarity"]');
    expect(section?.textContent).toContain('Similarity between submissions');
    expect(section?.querySelector('a[href="similarity/pair-1.html"]')).not.toBeNull();
    expect(section?.textContent).toContain('copier, student-2');
    // The one script is the template's own (sorting and searching the students' table).
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelector('script')!.textContent).not.toContain(HOSTILE);
    // The hostile name is a student row of the index, as text.
    expect([...doc.querySelectorAll('td')].some((td) => td.textContent === HOSTILE)).toBe(true);
  });

  it('compares the finished batch again with another threshold, and drops the pages no longer flagged', async () => {
    const again = await cli(['similarity', out, '--threshold', '100%', '--lang', 'fr']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/15 paire\(s\) de rendus comparée\(s\) : 0 signalée\(s\)/);
    const report = readReport(out);
    expect(report.threshold).toBe(1);
    expect(report.pairs.filter((p) => p.flagged)).toEqual([]);
    expect(existsSync(join(out, 'similarity'))).toBe(false);
    const section = new JSDOM(readFileSync(join(out, 'index.html'), 'utf8')).window.document.querySelector('section[aria-labelledby="similarity"]');
    expect(section?.textContent).toContain("Aucune paire n'est signalée.");
  });

  it.each([
    ['a folder no batch wrote', ['similarity', join(work, 'nowhere')], /is not a finished batch/],
    ['a threshold above 1', ['similarity', '--threshold', '1.5', join(work, 'graded')], /--threshold must be a fraction/],
    ['--threshold without --similarity', ['batch', join(work, 'class'), '--out', join(work, 'x'), '--threshold', '0.5'], /--threshold and --common go with --similarity/],
    ['--similarity on one shard', ['batch', join(work, 'class'), '--out', join(work, 'x'), '--similarity', '--shard', '1/2'], /merge the shards/],
  ])('refuses %s with exit 2 and a message that says why', async (_label, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
