import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeCommand } from '../grader/cli/grade.js';
import type { CheckResult, SubmissionResult } from '../grader/model/results.js';
import { TABLE_MAX } from '../reports/view/tables.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { html } from '../reports/html.js';
import { anchorOf } from '../reports/view/exercise.js';
import { HOSTILE_IMG, HOSTILE_SCRIPT, richResult, sampleExercises } from './fixtures/report/samples.js';
import { environment, FIXTURES, grade } from './support/grade.js';
import { expectScoresAsBefore } from './support/parity.js';

/** Where the browser test leaves its screenshots, to look at the design: NEUROGRADE_SCREENSHOTS keeps them; by default they go with the test's browser profile. */
const SCREENSHOTS = process.env.NEUROGRADE_SCREENSHOTS;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const dom = (page: string): Document => new JSDOM(page).window.document;

let out: string;
let env: GradingEnvironment;
/** Graded for real, through the CLI and the grading pipeline. */
const graded: { flooring?: { result: SubmissionResult; page: string; printed: string[] }; hostile?: SubmissionResult; broken?: SubmissionResult } = {};

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'neurograde-report-'));
  env = await environment(['shapes']);
  const printed: string[] = [];
  const dir = join(out, 'flooring');
  const code = await gradeCommand([join(FIXTURES, 'mistakes', 'shape-no-flooring'), '--out', dir, '--exercises', 'shapes', '--lang', 'fr'], (l) => printed.push(l));
  expect(code).toBe(0);
  graded.flooring = {
    result: JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as SubmissionResult,
    page: readFileSync(join(dir, 'report.html'), 'utf8'),
    printed,
  };
  graded.hostile = await grade(env, join(FIXTURES, 'report', 'hostile'), { lang: 'en' });
  graded.broken = await grade(env, join(FIXTURES, 'report', 'compile-error'), { lang: 'en' });
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const render = (result: SubmissionResult): string => html.render(result, { lang: result.lang, exercises: env.exercises }) as string;

describe('report.html of really graded submissions', () => {
  it('grades the report fixtures exactly as before (tests/parity/report.json)', () => {
    expectScoresAsBefore('report', 'shape-no-flooring (fr, through the grade command)', graded.flooring!.result);
    expectScoresAsBefore('report', 'hostile', graded.hostile!);
    expectScoresAsBefore('report', 'compile-error', graded.broken!);
  });

  it('is written next to results.json by `grade`, which prints its path', () => {
    const { printed } = graded.flooring!;
    expect(printed.some((l) => l.includes(join(out, 'flooring', 'report.html')))).toBe(true);
    expect(printed.some((l) => l.includes(join(out, 'flooring', 'results.json')))).toBe(true);
  });

  it('shows the score, every check with its status, and the diagnosed mistake (French)', () => {
    const { result, page } = graded.flooring!;
    const doc = dom(page);
    expect(doc.documentElement.lang).toBe('fr');
    expect(text(doc.querySelector('.badge-score'))).toBe(`${result.score} / ${result.maxScore}`);
    const words = { passed: 'Réussie', failed: 'Échouée', error: 'Erreur', timeout: 'Temps dépassé', skipped: 'Sautée' };
    for (const c of result.exercises[0]!.checks) {
      const article = doc.getElementById(anchorOf('ex', 'shapes', c.id))!;
      expect(text(article.querySelector('h4'))).toBe(c.title);
      expect(text(article.querySelector('.pill'))).toContain(words[c.status]);
    }
    const flooring = result.exercises[0]!.checks.find((c) => c.id === 'flooring')!;
    if (flooring.status !== 'failed' || !flooring.mistake) throw new Error('the fixture no longer makes its mistake');
    const article = doc.getElementById(anchorOf('ex', 'shapes', 'flooring'))!;
    expect(text(article.querySelector('.diagnosis h5'))).toBe(`Diagnostic : ${flooring.mistake.title}`);
    expect(text(article.querySelector('.dx-explanation'))).toBe(flooring.mistake.explanation);
    expect(text(article.querySelector('.dx-hint'))).toBe(flooring.mistake.hint);
    // The { W, H, D } answer field by field, the wrong field marked with a symbol.
    const wrong = [...article.querySelectorAll('table.record td.bad')].map(text);
    expect(wrong).toEqual(['✗ 13,5', '✗ 13,5']); // a French page: decimal comma
  });

  it('shows what a hostile submission threw, returned and printed as text, never as markup', () => {
    const page = render(graded.hostile!);
    const doc = dom(page);
    expect(doc.querySelectorAll('script').length).toBe(0);
    for (const img of doc.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    for (const el of doc.querySelectorAll('*')) expect([...el.attributes].some((a) => a.name.startsWith('on'))).toBe(false);
    const thrown = doc.getElementById(anchorOf('ex', 'shapes', 'notes-conv-shapes'))!;
    expect(text(thrown.querySelector('.message'))).toContain(`${HOSTILE_SCRIPT}${HOSTILE_IMG}`);
    expect([...thrown.querySelectorAll('.frames code')].map(text)).toEqual(['shapes.ts:8:9']);
    const returned = doc.getElementById(anchorOf('ex', 'shapes', 'notes-summaries'))!;
    expect(text(returned.querySelector('.evidence'))).toContain(HOSTILE_IMG);
  });

  it('points a compile error at its file:line:col', () => {
    const result = graded.broken!;
    expect(result.exercises[0]!.status).toBe('compile-error');
    const doc = dom(render(result));
    const locations = [...doc.querySelectorAll('.problem code.loc')].map(text);
    expect(locations).toEqual(['shapes.ts:5:20']);
    expect(text(doc.querySelector('.exercise .pill'))).toBe('⚠ Does not compile');
  });
});

describe('"to fix first"', () => {
  const page = dom(html.render(richResult('en'), { lang: 'en', exercises: sampleExercises() }) as string);
  const items = [...page.querySelectorAll('.to-fix > li')];

  it('puts the cause worth most first, and groups the checks one named mistake fails into one item', () => {
    expect(items.map((li) => text(li.querySelector('.to-fix-pts')))).toEqual(['4.5 pt at stake', '2 pt at stake', '2 pt at stake', '2 pt at stake', '1.5 pt at stake', '1.5 pt at stake', '1 pt at stake', '1 pt at stake', '1 pt at stake']);
    const flipped = items[0]!;
    expect(text(flipped.querySelector('.to-fix-cause strong'))).toBe('Kernel flipped (the mathematical convolution)');
    // Three checks (two public, one hidden) fail from the one flipped kernel: one item, three links.
    expect([...flipped.querySelectorAll('.to-fix-where a')].map((a) => a.getAttribute('href'))).toEqual([
      `#${anchorOf('ex', 'convolution', 'small-kernel')}`,
      `#${anchorOf('ex', 'convolution', 'sobel-ring')}`,
      `#${anchorOf('ex', 'convolution', 'random-cases')}`,
    ]);
    // An exercise that did not run is one item worth its every point, linked to the exercise.
    expect(text(items[1])).toContain('pooling — pooling.ts');
    expect(items[1]!.querySelector('a')!.getAttribute('href')).toBe(`#${anchorOf('ex', 'pooling')}`);
  });

  it('ranks a missing file worth 20 points above seven one-point checks', () => {
    const r = richResult('en');
    const models = { id: 'models', title: 'Models', file: 'models.ts', status: 'missing' as const, message: 'missing', score: 0, maxScore: 20, durationMs: 0, checks: [] };
    const doc = dom(html.render({ ...r, exercises: [...r.exercises, models] }, { lang: 'en', exercises: sampleExercises() }) as string);
    expect(text(doc.querySelector('.to-fix > li'))).toContain('20 pt at stake');
    expect(text(doc.querySelector('.to-fix > li'))).toContain('Models — models.ts');
  });

  it('folds the grader version, sandbox and timing away under technical details', () => {
    const technical = page.querySelector('details.technical')!;
    expect(technical.hasAttribute('open')).toBe(false);
    expect(text(technical.querySelector('summary'))).toBe('Technical details');
    expect(text(technical)).toContain('bwrap+permission+prlimit');
    expect(text(technical)).toContain('neurograde 0.1.0');
    expect(text(page.querySelector('.top > .top-text > dl.meta'))).not.toContain('bwrap');
  });
});

const noBrowser = !existsSync(CHROMIUM) && !process.env.CI;

describe.skipIf(noBrowser)(`report.html in headless Chromium (${noBrowser ? `skipped: ${CHROMIUM} is missing; install Debian's chromium package` : CHROMIUM})`, () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'neurograde-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1200, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens a page and records everything that should never happen on it. */
  async function open(name: string, page: string): Promise<{ page: Page; url: string; problems: string[]; requests: string[] }> {
    const file = join(out, `${name}.html`);
    writeFileSync(file, page);
    const url = pathToFileURL(file).href;
    const p = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    p.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    p.on('request', (r) => requests.push(r.url()));
    await p.goto(url, { waitUntil: 'load' });
    return { page: p, url, problems, requests };
  }

  async function screenshot(page: Page, name: string): Promise<string> {
    const dir = SCREENSHOTS ?? join(profile, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  it.each([
    ['graded-flooring-fr', () => graded.flooring!.page],
    ['hostile-en', () => render(graded.hostile!)],
    ['pictures-en', () => html.render(richResult('en'), { lang: 'en', exercises: sampleExercises() }) as string],
    ['pictures-fr', () => html.render(richResult('fr'), { lang: 'fr', exercises: sampleExercises() }) as string],
  ])('%s: loads with no console error, no failed or outside request, and every picture decoded', async (name, page) => {
    const { page: p, url, problems, requests } = await open(name, page());
    const images = await p.evaluate(() => [...document.images].map((i) => ({ ok: i.complete && i.naturalWidth > 0, w: i.naturalWidth, attr: i.width })));
    for (const img of images) expect(img.ok).toBe(true);
    expect(await p.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    await screenshot(p, name);
    await p.close();
    expect(problems).toEqual([]);
    expect(requests.filter((r) => !r.startsWith('data:'))).toEqual([url]);
  });

  /** A result whose names are as long as a student's can be: an unbroken submission name, long titles and a long file name. */
  const longNames = (lang: 'en' | 'fr'): SubmissionResult => {
    const r = richResult(lang);
    const long = (s: string): string => `${s} ${'tres-long-nom-sans-espace-'.repeat(6)}`;
    return {
      ...r,
      submission: `etudiante_${'x'.repeat(120)}`,
      exercises: r.exercises.map((e) => ({ ...e, title: long(e.title), file: `${'dossier-'.repeat(8)}${e.file}`, checks: e.checks.map((c) => ({ ...widest(c), title: long(c.title) })) })),
    };
  };
  /** The padding check's answer as the widest table the report draws, 12x12, each value long. */
  const widest = (c: CheckResult): CheckResult => {
    if (c.id !== 'padding' || c.status !== 'failed' || !c.evidence) return c;
    const g = (d: number) => Array.from({ length: TABLE_MAX }, (_, i) => Array.from({ length: TABLE_MAX }, (_, j) => -1234.5678 + i * 100 + j + d));
    return { ...c, evidence: { ...c.evidence, expected: g(0), got: g(0.5) } };
  };

  it.each(['fr', 'en'] as const)('%s: needs no horizontal scroll on a 390 px phone, every section open, with long names and 28x28 tensors', async (lang) => {
    const { page } = await open(`phone-${lang}`, html.render(longNames(lang), { lang, exercises: sampleExercises() }) as string);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    // The 28x28 difference map and tables are there, not left out to make the page fit.
    expect(await page.locator('.pic-diff img').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => Math.max(...[...document.querySelectorAll('table.grid thead tr')].map((tr) => tr.children.length)))).toBe(TABLE_MAX + 1);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !el.closest('.scroll-x'))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
        .slice(0, 10),
    );
    await screenshot(page, `phone-${lang}`);
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('draws the 5x5 output at 160 px, side by side with the input, obtained and difference', async () => {
    const { page } = await open('layout', html.render(richResult('en'), { lang: 'en', exercises: sampleExercises() }) as string);
    const figures = page.locator(`#${anchorOf('ex', 'convolution', 'small-kernel')} .figures figure`);
    expect(await figures.count()).toBe(4);
    const boxes = await Promise.all([0, 1, 2, 3].map(async (i) => (await figures.nth(i).boundingBox())!));
    // One row: same bottom line (figures are aligned at their base), left to right.
    for (let i = 1; i < 4; i++) {
      expect(Math.abs(boxes[i]!.y + boxes[i]!.height - (boxes[0]!.y + boxes[0]!.height))).toBeLessThan(2);
      expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.width - 1);
    }
    const img = (await page.locator(`#${anchorOf('ex', 'convolution', 'small-kernel')} .pic-expected img`).boundingBox())!;
    expect(Math.round(img.width)).toBe(162); // 160 px and a 1 px border each side
    await page.close();
  });

  it('folds passed exercises on screen and expands every section for print', async () => {
    const result = richResult('en');
    const perfect = { ...result.exercises[1]!, id: 'perfect', score: 1, maxScore: 1, checks: result.exercises[1]!.checks.filter((c) => c.status === 'passed') };
    const { page } = await open('print', html.render({ ...result, exercises: [perfect, result.exercises[1]!] }, { lang: 'en', exercises: sampleExercises() }) as string);
    const inside = `#${anchorOf('ex', 'perfect')} .checks`;
    const statement = `#${anchorOf('ex', 'image')} .statement-text`;
    const visible = (sel: string): Promise<boolean> => page.evaluate((s) => document.querySelector(s)!.checkVisibility(), sel);
    expect(await visible(inside)).toBe(false);
    expect(await visible(statement)).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await visible(inside)).toBe(true);
    expect(await visible(statement)).toBe(true);
    await screenshot(page, 'print-en');
    await page.close();
  });
});
