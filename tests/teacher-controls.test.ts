import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../grader/io/roster.js';
import type { ClassResult } from '../grader/model/class-results.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { makeZip } from './fixtures/batch/zip.js';
import { FIXTURES } from './support/grade.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');
const TEACHER = join(FIXTURES, 'teacher');
const work = mkdtempSync(join(tmpdir(), 'neurograde-teacher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DEADLINE = '2026-11-20T23:59:00Z';

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

/** Makes `dir` a git repository with one commit at `date`, as a student's pushed work is. */
function commitAt(dir: string, date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=Student', '-c', 'user.email=s@uni.example', 'commit', '-q', '-m', 'work']]) {
    const r = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  }
}

/**
 * The class: alice on time by her git commit, bob two started days late by his, carol whose
 * grades the teacher overrides, dave whose shapes.ts does not compile, frank a zip whose newest
 * entry is before the deadline, and erin in the roster with nothing handed in.
 */
function makeClass(root: string): void {
  for (const name of ['alice', 'bob', 'carol', 'dave']) cpSync(join(TEACHER, name), join(root, name), { recursive: true });
  commitAt(join(root, 'alice'), '2026-11-19T18:00:00Z');
  commitAt(join(root, 'bob'), '2026-11-22T12:00:00Z');
  const files = ['shapes.ts', 'convolution.ts'].map((f) => ({ name: f, data: readFileSync(join(TEACHER, 'alice', f)), modified: new Date('2026-11-20T10:00:00Z') }));
  writeFileSync(join(root, 'frank.zip'), makeZip(files));
}

const ROSTER = `submission,username,email,name
alice,a.martin,alice@uni.example,"Martin, Alice"
bob,b.durand,bob@uni.example,Bob Durand
carol,c.petit,carol@uni.example,Carol Petit
dave,d.leroy,dave@uni.example,Dave Leroy
erin,e.blanc,erin@uni.example,Erin Blanc
frank,f.noir,frank@uni.example,Frank Noir
`;
const OVERRIDES = `student,exercise,check,points,comment
carol,shapes,,8.5,"Flooring explained in person, regraded by hand"
c.petit,convolution,stride,1.5,The stride bug was the notes' own
`;

const csvRows = (path: string): string[][] => parseCsv(readFileSync(path, 'utf8'));
const row = (rows: string[][], name: string): Record<string, string> => {
  const r = rows.find((x) => x[0] === name);
  if (!r) throw new Error(`no row ${name}`);
  return Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]!]));
};
const studentResult = (out: string, name: string): SubmissionResult => JSON.parse(readFileSync(join(out, name, 'results.json'), 'utf8'));

const klass = join(work, 'class');
const out = join(work, 'graded');
const bundle = join(work, 'feedback');
const roster = join(work, 'roster.csv');
const overrides = join(work, 'overrides.csv');
const common = ['--exercises', 'shapes,convolution', '--jobs', '2', '--inline', '--lang', 'en', '--roster', roster];
let first: { code: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  mkdirSync(klass);
  makeClass(klass);
  writeFileSync(roster, ROSTER);
  writeFileSync(overrides, OVERRIDES);
  first = await cli(['batch', klass, '--out', out, ...common, '--deadline', DEADLINE, '--late-penalty', '10', '--overrides', overrides, '--feedback', bundle]);
}, 300_000);

describe('a deadline, an override and a roster in one batch', () => {
  it('runs, and says where each time came from, who is late, who did not submit, what was overridden', () => {
    expect(first.stderr).not.toMatch(/neurograde:/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Submission times: 2 from the git commit \(alice, bob\); 1 from the zip entry \(frank\); no time for carol, dave \(not a git repository, no zip, not in the dates file\): not penalised\./);
    expect(first.stdout).toMatch(/Late: bob \(2 day\(s\), -20%, git commit\)\./);
    expect(first.stdout).toMatch(/In the roster, not submitted \(0 points\): erin\./);
    expect(first.stdout).toMatch(/Applied 2 override\(s\) to 1 student\(s\)\./);
  });

  it('gradebook.csv: the late penalty, the overrides and the not-submitted row, with the time and its source', () => {
    const rows = csvRows(join(out, 'gradebook.csv'));
    expect(rows[0]).toEqual(['student', 'convolution', 'shapes', 'total', 'status', 'submitted', 'time_source', 'days_late', 'late_penalty_percent', 'grader_total', 'teacher_comments']);
    expect(row(rows, 'alice')).toMatchObject({ shapes: '10', convolution: '10', total: '20', status: '', time_source: 'git commit', days_late: '0', submitted: '2026-11-19T18:00:00.000Z' });
    expect(row(rows, 'bob')).toMatchObject({ shapes: '8', convolution: '8', total: '16', status: 'late', time_source: 'git commit', days_late: '2', late_penalty_percent: '20', grader_total: '20' });
    expect(row(rows, 'frank')).toMatchObject({ total: '20', time_source: 'zip entry', days_late: '0', submitted: '2026-11-20T10:00:00.000Z' });
    expect(row(rows, 'carol')).toMatchObject({ shapes: '8.5', status: 'changed by the teacher', time_source: 'unknown' });
    expect(row(rows, 'carol').teacher_comments).toBe("convolution/stride: The stride bug was the notes' own | shapes: Flooring explained in person, regraded by hand");
    expect(row(rows, 'dave')).toMatchObject({ shapes: '0', convolution: '10', status: 'does not compile' });
    expect(row(rows, 'erin')).toMatchObject({ shapes: '0', convolution: '0', total: '0', status: 'not submitted' });
  });

  it('the LMS files carry the adjusted grades and a 0 for the student who did not submit', () => {
    const moodle = csvRows(join(out, 'gradebook-moodle.csv'));
    expect(row(moodle, 'b.durand')).toMatchObject({ 'Output shapes and parameter counts': '8', 'Convolving an image': '8' });
    expect(row(moodle, 'c.petit')['Output shapes and parameter counts']).toBe('8.5');
    expect(row(moodle, 'e.blanc')).toMatchObject({ 'Output shapes and parameter counts': '0', 'Convolving an image': '0' });
    // One feedback column per exercise, for Moodle's "Feedback for <item>" mapping.
    expect(moodle[0]!.slice(-2)).toEqual(['Convolving an image (feedback)', 'Output shapes and parameter counts (feedback)']);
    expect(row(moodle, 'c.petit')['Output shapes and parameter counts (feedback)']).toBe('Flooring explained in person, regraded by hand');
    expect(row(moodle, 'b.durand')['Convolving an image (feedback)']).toMatch(/2 day\(s\) after the deadline .*: 20% taken off every exercise\./);
    const canvas = csvRows(join(out, 'gradebook-canvas.csv'));
    expect(canvas.find((r) => r[3] === 'e.blanc')!.slice(5)).toEqual(['0', '0']);
  });

  it('the class results.json records the policy, each late row with its source, the overrides and the not-submitted row', () => {
    const k = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ClassResult;
    expect(k.teacher).toMatchObject({ deadline: '2026-11-20T23:59:00.000Z', latePenaltyPercent: 10, overrides: overrides, problems: [] });
    const bob = k.submissions.find((s) => s.name === 'bob')!;
    expect(bob).toMatchObject({ status: 'graded', score: 16, rawScore: 20, late: { daysLate: 2, penaltyPercent: 20, source: 'git', submittedAt: '2026-11-22T12:00:00.000Z' } });
    expect(k.submissions.find((s) => s.name === 'carol')).toMatchObject({ overrides: 2 });
    expect(k.submissions.find((s) => s.name === 'erin')).toEqual({ name: 'erin', status: 'not-submitted' });
    expect(k.summary).toMatchObject({ submissions: 5, graded: 5, notSubmitted: 1, late: 1 });
  });

  it("each student's results.json keeps the grader's scores beside the teacher's", () => {
    const carol = studentResult(out, 'carol');
    const shapes = carol.exercises.find((e) => e.id === 'shapes')!;
    expect(shapes.score).toBe(8.5);
    expect(carol.adjustments!.rawExercises.shapes).toBeLessThan(10);
    expect(carol.adjustments!.overrides).toEqual([
      expect.objectContaining({ exercise: 'convolution', check: 'stride', points: 1.5, comment: "The stride bug was the notes' own" }),
      expect.objectContaining({ exercise: 'shapes', points: 8.5, raw: carol.adjustments!.rawExercises.shapes }),
    ]);
  });

  it("the student's report.html and summary.md show the late policy and each override with its comment", () => {
    const bob = readFileSync(join(out, 'bob', 'report.html'), 'utf8');
    expect(bob).toMatch(/Handed in 22 Nov 2026, 12:00 UTC \(git commit\), 2 day\(s\) after the deadline of 20 Nov 2026, 23:59 UTC: 20% taken off every exercise\./);
    expect(bob).toMatch(/Before the teacher&#x27;s changes: 20 \/ 20\./);
    const carol = readFileSync(join(out, 'carol', 'report.html'), 'utf8');
    expect(carol).toMatch(/Your teacher set Output shapes and parameter counts to 8\.5 points \(the grader gave [\d.]+\): “Flooring explained in person, regraded by hand”/);
    expect(readFileSync(join(out, 'carol', 'summary.md'), 'utf8')).toMatch(/Your teacher set .*stride.* to 1\.5 points/i);
    expect(readFileSync(join(out, 'bob', 'summary.md'), 'utf8')).toMatch(/\*\*Score: 16 \/ 20\*\*/);
  });

  it('the feedback bundle: each report named after the student, and a mail-merge CSV with the roster emails', () => {
    expect(readdirSync(bundle).sort()).toEqual(['Bob Durand.html', 'Carol Petit.html', 'Dave Leroy.html', 'Frank Noir.html', 'Martin, Alice.html', 'feedback.csv']);
    expect(readFileSync(join(bundle, 'Bob Durand.html'), 'utf8')).toBe(readFileSync(join(out, 'bob', 'report.html'), 'utf8'));
    const rows = csvRows(join(bundle, 'feedback.csv'));
    expect(rows[0]).toEqual(['student', 'name', 'email', 'score', 'max_score', 'status', 'file']);
    expect(row(rows, 'bob')).toMatchObject({ email: 'bob@uni.example', score: '16', status: 'late', file: 'Bob Durand.html' });
    expect(row(rows, 'erin')).toMatchObject({ email: 'erin@uni.example', score: '0', status: 'not submitted', file: '' });
  });
});

describe('the overrides survive every regrade, and the cache keeps only the grader scores', () => {
  it('a rerun without the overrides gives the grader scores back, from the cache; with them, the overrides again', async () => {
    const plain = await cli(['batch', klass, '--out', out, ...common, '--deadline', DEADLINE, '--late-penalty', '10']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/Graded 0 submission\(s\), 5 unchanged/);
    const carol = studentResult(out, 'carol');
    expect(carol.adjustments?.overrides ?? []).toEqual([]);
    expect(carol.exercises.find((e) => e.id === 'shapes')!.score).toBeLessThan(10);
    expect(carol.exercises.find((e) => e.id === 'shapes')!.score).not.toBe(8.5);

    const again = await cli(['batch', klass, '--out', out, ...common, '--deadline', DEADLINE, '--late-penalty', '10', '--overrides', overrides, '--csv-locale', 'fr']);
    expect(again.stdout).toMatch(/Graded 0 submission\(s\), 5 unchanged/);
    expect(again.stdout).toMatch(/Applied 2 override\(s\) to 1 student\(s\)\./);
    expect(studentResult(out, 'carol').exercises.find((e) => e.id === 'shapes')!.score).toBe(8.5);
    expect(studentResult(out, 'bob').score).toBe(16);
    // French spreadsheets: a byte-order mark, `;` between fields, a decimal comma.
    const text = readFileSync(join(out, 'gradebook.csv'), 'utf8');
    expect(text.startsWith('\uFEFFstudent;convolution;shapes;total;')).toBe(true);
    expect(text).toMatch(/\r\ncarol;[\d,]+;8,5;/);
  }, 300_000);

  it('a regrade of one exercise keeps the other\'s grades and applies the overrides of both', async () => {
    const regrade = join(work, 'regrade');
    cpSync(out, regrade, { recursive: true });
    const r = await cli(['batch', klass, '--out', regrade, ...common.map((a) => (a === 'shapes,convolution' ? 'shapes' : a)), '--force', '--deadline', DEADLINE, '--late-penalty', '10', '--overrides', overrides]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Kept every submission's grades of convolution/);
    expect(r.stdout).toMatch(/Graded 5 submission/);
    const carol = studentResult(regrade, 'carol');
    expect(carol.exercises.find((e) => e.id === 'shapes')!.score).toBe(8.5);
    expect(carol.exercises.find((e) => e.id === 'convolution')!.checks.find((c) => c.id === 'stride')!.score).toBe(1.5);
    expect(carol.adjustments!.overrides).toHaveLength(2);
    expect(studentResult(regrade, 'bob')).toMatchObject({ score: 16, adjustments: { rawScore: 20 } });
  }, 300_000);

  it('merge applies the overrides again to the merged submissions', async () => {
    const merged = join(work, 'merged');
    const r = await cli(['merge', out, '--out', merged, '--allow-partial', '--roster', roster, '--deadline', DEADLINE, '--late-penalty', '50', '--overrides', overrides]);
    expect(r.code).toBe(0);
    // The time recorded at grading is kept: bob is still 2 days late, now at 50% a day.
    expect(studentResult(merged, 'bob').score).toBe(0);
    expect(studentResult(merged, 'carol').exercises.find((e) => e.id === 'shapes')!.score).toBe(8.5);
    expect(row(csvRows(join(merged, 'gradebook.csv')), 'erin')).toMatchObject({ total: '0', status: 'not submitted' });
  }, 300_000);
});

describe('bad teacher input: every problem said at once, with its file and line, and never a lost batch', () => {
  it('lines naming an unknown student or exercise, and a malformed date, are skipped and listed together', async () => {
    const bad = join(work, 'bad-overrides.csv');
    writeFileSync(bad, 'student,exercise,points,comment\nzoe,shapes,3,who?\ncarol,pooling,2,not graded here\ncarol,shapes,12,too many\ncarol,shapes,abc,nan\n');
    const dates = join(work, 'dates.csv');
    writeFileSync(dates, 'student,submitted\ncarol,yesterday\ndave,2026-11-21T08:00:00Z\n');
    const r = await cli(['batch', klass, '--out', out, ...common, '--deadline', DEADLINE, '--dates', dates, '--overrides', bad]);
    expect(r.code).toBe(0);
    const listed = r.stdout.slice(r.stdout.indexOf("line(s) of the teacher's files were not applied"));
    expect(r.stdout).toMatch(/5 line\(s\) of the teacher's files were not applied:/);
    expect(listed).toContain(`${dates}:2: expected a date such as 2026-11-20T23:59 or 2026-11-20T23:59+01:00, but got "yesterday"; the line was skipped.`);
    expect(listed).toContain(`${bad}:5: expected points as a number of at least 0, but got "abc"`);
    expect(listed).toContain(`${bad}:2: expected a student of the class or the roster, but got "zoe"`);
    expect(listed).toContain(`${bad}:3: expected an exercise graded in this batch (convolution, shapes), but got "pooling"`);
    expect(listed).toContain(`${bad}:4: expected at most 10 points, but got 12`);
    // The good line of the dates file still applies: dave handed in a day late, by the dates file.
    expect(r.stdout).toMatch(/Late: bob \(2 day\(s\), -0%, git commit\), dave \(1 day\(s\), -0%, dates file\)\./);
    const k = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ClassResult;
    expect(k.teacher!.problems.map((p) => p.code)).toEqual(['bad-date', 'bad-points', 'unknown-student', 'unknown-exercise', 'above-max']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('expected a student of the class or the roster, but got &quot;zoe&quot;');
  }, 300_000);

  it('an unparseable deadline and penalty refuse the batch before grading, both problems in one message', async () => {
    const fresh = join(work, 'never');
    const r = await cli(['batch', klass, '--out', fresh, ...common, '--deadline', '2026-13-45', '--late-penalty', 'ten', '--overrides', join(work, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Nothing was graded');
    expect(r.stderr).toContain('--deadline: expected a date such as 2026-11-20 (the end of that day), 2026-11-20T23:59 or 2026-11-20T23:59+01:00, but got "2026-13-45".');
    expect(r.stderr).toContain('--late-penalty: expected a percentage from 0 to 100 (taken off per started day late), but got "ten".');
    expect(r.stderr).toMatch(/nope\.json: expected a readable file, but got ENOENT\./);
    expect(existsSync(fresh)).toBe(false);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const noBrowser = !existsSync(CHROMIUM) && !process.env.CI;

describe.skipIf(noBrowser)(`the class page in headless Chromium (${noBrowser ? `skipped: ${CHROMIUM} is missing; install Debian's chromium package` : CHROMIUM})`, () => {
  let context: BrowserContext;
  let profile: string;
  let page: string;

  beforeAll(async () => {
    // The class page of the first run, as the teacher opens it from disk.
    page = join(work, 'page');
    cpSync(out, page, { recursive: true });
    await cli(['batch', klass, '--out', page, ...common, '--deadline', DEADLINE, '--late-penalty', '10', '--overrides', overrides]);
    profile = mkdtempSync(join(tmpdir(), 'neurograde-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'], viewport: { width: 1200, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('puts the students first, sorts by any column, searches by name or status, and links each report.html', async () => {
    const p = await context.newPage();
    const problems: string[] = [];
    p.on('pageerror', (e) => problems.push(e.message));
    p.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await p.goto(pathToFileURL(join(page, 'index.html')).href);
    expect(await p.locator('h2').first().textContent()).toBe('Every submission');
    const names = async (): Promise<string[]> => p.locator('#students-table tbody tr:not([hidden]) td:first-child').allTextContents();
    expect(await names()).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'frank']);

    await p.getByRole('button', { name: 'Total' }).click();
    expect(await p.locator('th[aria-sort]').textContent()).toMatch(/Total/);
    const ascending = await names();
    expect(ascending[0]).toBe('erin');
    expect(ascending.slice(-2).sort()).toEqual(['alice', 'frank']);
    await p.getByRole('button', { name: 'Total' }).click();
    expect((await names()).slice(0, 2).sort()).toEqual(['alice', 'frank']);
    expect((await names()).at(-1)).toBe('erin');

    await p.getByLabel('Search').fill('late');
    expect(await names()).toEqual(['bob']);
    expect(await p.locator('#shown').textContent()).toBe('1');
    await p.getByLabel('Search').fill('does not compile');
    expect(await names()).toEqual(['dave']);
    await p.getByLabel('Search').fill('');
    expect(await names()).toHaveLength(6);

    const links = await p.locator('#students-table a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(5);
    for (const href of links) {
      expect(href).toMatch(/\/report\.html$/);
      expect(existsSync(new URL(href))).toBe(true);
    }
    expect(await p.locator('tr', { hasText: 'erin' }).locator('.badge').textContent()).toBe('not submitted');
    expect(problems).toEqual([]);
    await p.close();
  }, 120_000);
});
