import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMinScore } from '../grader/cli/options.js';
import { discoverSubmissions } from '../grader/batch/discover.js';
import { hashTree } from '../grader/batch/hash.js';
import type { BatchEntry } from '../grader/model/class-results.js';
import { createProgress, formatDuration } from '../grader/batch/progress.js';
import { parseShard, selectShard } from '../grader/batch/shard.js';
import { summarizeClass } from '../grader/batch/summary.js';
import { messages } from '../grader/i18n/index.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { csvField, gradebookCsv } from '../reports/gradebook-csv.js';
import { gradescope } from '../reports/gradescope.js';
import { junitSubmission, xmlText } from '../reports/junit.js';
import { markdown, mdText } from '../reports/markdown.js';
import { histogram } from '../reports/class-html.js';
import { minPoints } from '../grader/score/min-score.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-batch-units-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NASTY = 'a "quote", <tag> & \'apos\' | pipe *star* `tick` \u0001ctl \uD800 lone\nnewline';

/** A result with one passed, one failed (diagnosed), one error and one hidden failed check. */
function result(name = 'alice', score = 3): SubmissionResult {
  const base = { title: 'T', durationMs: 12 };
  return {
    schemaVersion: 1,
    grader: { name: 'neurograde', version: '0.1.0' },
    submission: name,
    lang: 'en',
    mode: 'grade',
    score,
    maxScore: 10,
    gradedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1500,
    environment: { node: 'v20', sandbox: 'process', warnings: [] },
    exercises: [
      {
        id: 'shapes',
        title: 'Shapes',
        file: 'shapes.ts',
        score,
        maxScore: 10,
        status: 'graded',
        durationMs: 100,
        checks: [
          { ...base, id: 'ok', status: 'passed', score: 3, maxScore: 3, visibility: 'public' },
          {
            ...base,
            id: 'flooring',
            status: 'failed',
            score: 0,
            maxScore: 2,
            visibility: 'public',
            message: NASTY,
            diagnosis: 'shape-no-flooring',
            mistake: { id: 'shape-no-flooring', title: 'Division not floored', explanation: 'Take the floor <b>now</b>.', hint: 'Math.floor' },
          },
          { ...base, id: 'boom', status: 'error', score: 0, maxScore: 2, visibility: 'public', message: 'Expected f to return, but got Error: x', stack: 'Error: x\n    at f (shapes.ts:3:9)' },
          { ...base, id: 'hidden-one', status: 'failed', score: 0, maxScore: 3, visibility: 'hidden', message: 'Expected the hidden check to match.' },
        ],
      },
    ],
  };
}

describe('shards', () => {
  const items = ['e', 'a', 'd', 'b', 'c', 'f', 'g'].map((name) => ({ name }));
  it.each([1, 2, 3, 7, 9])('splits a class into %i disjoint parts that cover it, by sorted name', (count) => {
    const parts = Array.from({ length: count }, (_, i) => selectShard(items, { index: i + 1, count }).map((x) => x.name));
    expect(parts.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(new Set(parts.flat()).size).toBe(7);
    expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
  });
  it('deals round-robin over sorted names, the same on every run', () => {
    expect(selectShard(items, { index: 2, count: 3 }).map((x) => x.name)).toEqual(['b', 'e']);
  });
  it.each(['0/2', '3/2', '1/0', 'a/b', '1-2', ''])('refuses --shard %j', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard/);
  });
});

describe('discovering submissions', () => {
  it('takes folders and zips, skips hidden entries and the output folder, and rejects clashes', () => {
    const root = join(work, 'class');
    for (const d of ['alice', 'bob', '.git', 'node_modules', 'out', 'index.html']) mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, 'bob.zip'), 'zip');
    writeFileSync(join(root, 'carol.ZIP'), 'zip');
    writeFileSync(join(root, 'notes.txt'), 'not a submission');
    symlinkSync(join(root, 'alice'), join(root, 'alias'));
    const d = discoverSubmissions(root, { exclude: join(root, 'out'), reserved: ['index.html'] });
    expect(d.sources.map((s) => `${s.name}:${s.kind}`)).toEqual(['alias:dir', 'alice:dir', 'bob:dir', 'carol:zip']);
    expect(d.rejected).toEqual([
      { name: 'bob.zip', reason: 'duplicate' },
      { name: 'index.html', reason: 'reserved' },
    ]);
  });

  it('gives no two submissions the same output folder under case folding or accent composition', () => {
    const root = join(work, 'class-case');
    // 'Élodie' composed (one code point) and decomposed (E + combining accent).
    for (const d of ['Alice', 'alice', '\u00c9lodie', 'E\u0301lodie', 'bob']) mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, 'BOB.zip'), 'zip');
    const d = discoverSubmissions(root);
    // Sorted by code point, the first of each clash is graded and the other gets an error row naming it.
    expect(d.sources.map((s) => `${s.name}:${s.kind}`)).toEqual(['Alice:dir', 'BOB:zip', 'E\u0301lodie:dir']);
    expect(d.rejected).toEqual([
      { name: 'alice', reason: 'case-clash', other: 'Alice' },
      { name: 'bob', reason: 'case-clash', other: 'BOB' },
      { name: '\u00c9lodie', reason: 'case-clash', other: 'E\u0301lodie' },
    ]);
  });
});

describe('content hash', () => {
  it('depends on paths and bytes, not on timestamps or creation order', () => {
    const a = join(work, 'ha');
    const b = join(work, 'hb');
    mkdirSync(join(a, 'sub'), { recursive: true });
    mkdirSync(join(b, 'sub'), { recursive: true });
    writeFileSync(join(a, 'x.ts'), '1');
    writeFileSync(join(a, 'sub', 'y.ts'), '2');
    writeFileSync(join(b, 'sub', 'y.ts'), '2');
    writeFileSync(join(b, 'x.ts'), '1');
    expect(hashTree(a)).toBe(hashTree(b));
    writeFileSync(join(b, 'x.ts'), '3');
    expect(hashTree(a)).not.toBe(hashTree(b));
    writeFileSync(join(b, 'x.ts'), '1');
    writeFileSync(join(b, 'z.ts'), '');
    expect(hashTree(a)).not.toBe(hashTree(b));
  });
});

describe('progress', () => {
  const t = messages('en');
  it('prints one plain line per submission when not on a terminal', () => {
    const lines: string[] = [];
    const p = createProgress({ total: 3, tty: false, t, write: (s) => lines.push(s), now: () => 0 });
    p.tick({ name: 'alice', status: 'graded', score: 7.5, maxScore: 10, durationMs: 1234 });
    p.tick({ name: 'bob', status: 'cached', score: 10, maxScore: 10, durationMs: 1 });
    p.tick({ name: 'carol', status: 'error', message: 'Expected a zip\nsecond line' });
    p.finish();
    expect(lines).toEqual([
      '[1/3] alice: 7.5/10 (1.2 s)\n',
      '[2/3] bob: 10/10 (unchanged, from the previous run)\n',
      '[3/3] carol: not graded: Expected a zip\n',
    ]);
  });
  it('says beside the score which exercises could not run (a compile error with its place), on a log and above the bar', () => {
    const lines: string[] = [];
    const chloe = { name: 'chloe', status: 'graded', score: 80, maxScore: 90, durationMs: 1000, unrun: [{ file: 'pooling.ts', status: 'compile-error', at: { line: 2, column: 13 } }, { file: 'models.ts', status: 'missing' }] } as const;
    const p = createProgress({ total: 1, tty: false, t: messages('fr'), write: (s) => lines.push(s), now: () => 0 });
    p.tick(chloe);
    expect(lines).toEqual(['[1/1] chloe : 80/90 (1.0 s) (pooling.ts:2:13 ne compile pas ; models.ts fichier absent)\n']);
    const out: string[] = [];
    createProgress({ total: 1, tty: true, t, write: (s) => out.push(s), now: () => 0 }).tick(chloe);
    expect(out[0]).toBe('\r\x1b[2Kchloe: 80/90 (1.0 s) (pooling.ts:2:13 does not compile; models.ts file missing)\n');
  });
  it('redraws one bar in place on a terminal, with count, rate and ETA', () => {
    let clock = 0;
    const out: string[] = [];
    const p = createProgress({ total: 4, tty: true, t, write: (s) => out.push(s), now: () => clock, columns: 100 });
    clock = 30_000;
    p.tick({ name: 'alice', status: 'graded', score: 1, maxScore: 1, durationMs: 1 });
    expect(out[0]).toMatch(/^\r\x1b\[2K\[#+-+\] 1\/4 {2}2\/min {2}ETA 1:30 {2}alice$/);
    p.finish();
    expect(out.at(-1)).toBe('\n');
  });
  it('formats durations', () => {
    expect([formatDuration(0), formatDuration(61_000), formatDuration(3_723_000)]).toEqual(['0:00', '1:01', '1:02:03']);
  });
});

describe('exports render student text safely', () => {
  const ctx = { lang: 'en' as const, exercises: [] };

  it('CSV: RFC 4180 quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('JUnit: escapes markup and drops characters XML cannot hold', () => {
    const xml = String(junitSubmission.render(result(), ctx));
    const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelectorAll('testcase')).toHaveLength(4);
    expect(doc.querySelector('testcase[name="flooring"] failure')?.getAttribute('type')).toBe('shape-no-flooring');
    // A throw of the student's code is a failure (readers count only those), typed as an error.
    expect(doc.querySelector('testcase[name="boom"] failure')?.getAttribute('type')).toBe('error');
    expect(doc.querySelector('testcase[name="boom"] failure')?.textContent).toContain('shapes.ts:3:9');
    expect(doc.querySelector('error')).toBeNull();
    expect(doc.querySelector('testcase[name="flooring"] failure')?.getAttribute('message')).toContain('<tag> & \'apos\'');
    // A control character shows escaped, visibly; a lone surrogate, which XML cannot hold, is replaced.
    expect(xmlText('\u0001\u202E\uD800')).toBe('\\x01\\u202E\uFFFD');
  });

  it('Gradescope: the documented fields, hidden checks shown after publication, errors as failed', () => {
    const doc = JSON.parse(String(gradescope.render(result(), ctx)));
    expect(doc).toMatchObject({ score: 3, execution_time: 2, visibility: 'visible', stdout_visibility: 'hidden' });
    expect(doc.tests.map((x: { name: string; number: string; status: string; visibility: string; max_score: number }) => [x.number, x.status, x.visibility, x.max_score])).toEqual([
      ['1.1', 'passed', 'visible', 3],
      ['1.2', 'failed', 'visible', 2],
      ['1.3', 'failed', 'visible', 2],
      ['1.4', 'failed', 'after_published', 3],
    ]);
    expect(doc.tests[1].output).toContain('Division not floored');
  });

  it('Markdown: a student message can neither add markup nor break the table', () => {
    const md = String(markdown.render(result(), ctx));
    expect(md).not.toContain('<tag>');
    expect(md).toContain('&lt;tag&gt;');
    expect(md).toContain('\\| pipe \\*star\\* \\`tick\\`');
    expect(md).not.toContain('<b>now</b>');
    expect(md.split('\n').filter((l) => l.startsWith('| ')).length).toBe(3);
    expect(mdText('[link](javascript:x)')).toBe('\\[link\\]\\(javascript:x\\)');
  });

  it('Markdown: an exercise that does not compile is one entry with its message, not one per check', () => {
    const message = messages('fr').grading.compileError('pooling.ts:2:13', 'Unexpected ";"');
    const broken: SubmissionResult = {
      ...result(),
      lang: 'fr',
      exercises: [{ id: 'pooling', title: 'Pooling', file: 'pooling.ts', status: 'compile-error', message, score: 0, maxScore: 7, durationMs: 0, checks: Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, title: `C${i}`, status: 'error' as const, message, score: 0, maxScore: 1, visibility: 'public' as const, durationMs: 0 })) }],
    };
    const md = String(markdown.render(broken, { lang: 'fr', exercises: [] }));
    expect(md.match(/ne compile pas : le compilateur signale/g)).toHaveLength(1);
    expect(md).toContain('- **pooling** (ne compile pas): pooling.ts:2:13 ne compile pas');
  });

  it('gradebook: one row per entry, an error row with empty cells', () => {
    const entries: BatchEntry[] = [
      { name: 'b', status: 'graded', result: result('b', 7.25) },
      { name: 'a', status: 'error', message: 'no' },
    ];
    const summary = summarizeClass(entries, { lang: 'en', exercises: [], version: '0.1.0' });
    const csv = String(gradebookCsv.render({ entries: [...entries].reverse(), summary: { ...summary, exercises: [{ id: 'shapes', title: 'S', maxScore: 10 }] }, submissionFiles: [] }, ctx));
    expect(csv).toBe('\uFEFFstudent,shapes,total\r\na,,\r\nb,7.25,7.25\r\n');
  });

  it('histogram: every score in one bin, the maximum in the last', () => {
    const bars = histogram([0, 0.5, 5, 9.99, 10, 10], 10, { bins: 10 });
    expect(bars.map((b) => b.count)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 3]);
    expect(bars[9]!.height).toBe(160);
  });
});

describe('--min-score', () => {
  it.each([
    ['12', 40, 12],
    ['60%', 40, 24],
    ['0', 40, 0],
    ['100%', 7, 7],
  ])('%s of %d is %d points', (text, max, points) => {
    expect(minPoints(parseMinScore(text)!, max)).toBe(points);
  });
  it.each(['-1', '120%', 'half', '1e3'])('refuses %j', (text) => {
    expect(() => parseMinScore(text)).toThrow(/--min-score/);
  });
});
