import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../grader/model/localized.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { HOSTILE_IMG, HOSTILE_SCRIPT, hostileResult, richResult, sampleExercises } from '../tests/fixtures/report/samples.js';
import { html } from './html.js';
import { SUBMISSION_REPORTERS } from './index.js';
import { anchorOf } from './view/exercise.js';

function render(result: SubmissionResult): Document {
  const text = html.render(result, { lang: result.lang, exercises: sampleExercises() });
  expect(typeof text).toBe('string');
  return new JSDOM(text as string).window.document;
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function decode(src: string): PNG {
  expect(src).toMatch(/^data:image\/png;base64,/);
  return PNG.sync.read(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
}

const LANGS: Lang[] = ['en', 'fr'];

describe('report.html', () => {
  // Rendering draws every picture: render each sample once and let the tests read the same page.
  const docs = new Map<string, Document>();
  beforeAll(() => {
    for (const lang of LANGS) {
      docs.set(`rich-${lang}`, render(richResult(lang)));
      docs.set(`hostile-${lang}`, render(hostileResult(lang)));
    }
  });
  const rich = (lang: Lang): Document => docs.get(`rich-${lang}`)!;
  const hostile = (lang: Lang): Document => docs.get(`hostile-${lang}`)!;

  it('is the html submission reporter, written as report.html', () => {
    expect(SUBMISSION_REPORTERS.html).toBe(html);
    expect(html.fileName).toBe('report.html');
  });

  it.each(LANGS)('puts the score at the top, in the language of the result (%s)', (lang) => {
    const doc = rich(lang);
    expect(doc.documentElement.lang).toBe(lang);
    const badge = doc.querySelector('.badge');
    expect(text(badge?.querySelector('.badge-score'))).toBe(lang === 'en' ? '3 / 19.5' : '3 / 19,5');
    expect(badge?.getAttribute('aria-label')).toContain(lang === 'en' ? 'out of' : 'sur');
    const exercises = doc.getElementById('exercises')!;
    expect(badge!.compareDocumentPosition(exercises) & 4 /* FOLLOWING */).toBeTruthy();
  });

  it.each(LANGS)('shows every check with its status as a word and a symbol (%s)', (lang) => {
    const result = richResult(lang);
    const doc = rich(lang);
    const words = { en: { passed: 'Passed', failed: 'Failed', error: 'Error', timeout: 'Timed out', skipped: 'Skipped' }, fr: { passed: 'Réussie', failed: 'Échouée', error: 'Erreur', timeout: 'Temps dépassé', skipped: 'Sautée' } }[lang];
    const symbols = { passed: '✓', failed: '✗', error: '⚠', timeout: '◷', skipped: '⤼' };
    for (const e of result.exercises) {
      for (const c of e.checks) {
        const article = doc.getElementById(anchorOf('ex', e.id, c.id));
        expect(article, `${e.id}/${c.id}`).not.toBeNull();
        expect(text(article!.querySelector('h4'))).toBe(c.title);
        expect(text(article!.querySelector('.check-head .pill'))).toBe(`${symbols[c.status]} ${words[c.status]}`);
      }
    }
  });

  it.each(LANGS)('shows the diagnosis with its title, explanation and hint (%s)', (lang) => {
    const result = richResult(lang);
    const doc = rich(lang);
    const check = result.exercises[0]!.checks.find((c) => c.id === 'small-kernel')!;
    if (check.status !== 'failed' || !check.mistake) throw new Error('sample changed');
    const dx = doc.getElementById(anchorOf('ex', 'convolution', 'small-kernel'))!.querySelector('.diagnosis')!;
    expect(text(dx.querySelector('h5'))).toContain(check.mistake.title);
    expect(text(dx.querySelector('.dx-explanation'))).toBe(check.mistake.explanation);
    expect(text(dx.querySelector('.dx-hint'))).toBe(check.mistake.hint);
    expect(text(doc.querySelector('.to-fix'))).toContain(check.mistake.title);
  });

  it('draws input, expected, obtained and difference, each PNG the size its tag says, with alt text', () => {
    const doc = rich('en');
    const imgs = [...doc.querySelectorAll('img')];
    expect(imgs.length).toBeGreaterThan(10);
    for (const img of imgs) {
      const png = decode(img.getAttribute('src')!);
      expect([png.width, png.height]).toEqual([Number(img.getAttribute('width')), Number(img.getAttribute('height'))]);
      expect(img.getAttribute('alt')!.length).toBeGreaterThan(20);
    }
    const figures = [...doc.getElementById(anchorOf('ex', 'convolution', 'small-kernel'))!.querySelectorAll('.figures figure')];
    expect(figures.map((f) => f.className)).toEqual(['pic pic-input', 'pic pic-expected', 'pic pic-got', 'pic pic-diff']);
    // The 5x5 output is scaled up to 32 px an entry: visible, not a 5 px speck.
    const expected = decode(figures[1]!.querySelector('img')!.getAttribute('src')!);
    expect([expected.width, expected.height]).toEqual([160, 160]);
    expect(figures[3]!.querySelector('img')!.getAttribute('alt')).toContain('25 of 25');
    expect(doc.querySelectorAll('.legend img').length).toBeGreaterThan(0);
  });

  it('marks the wrong entries of a small table with a symbol and says what it means', () => {
    const doc = rich('en');
    const check = doc.getElementById(anchorOf('ex', 'image', 'grayscale'))!;
    const obtained = [...check.querySelectorAll('table.grid')].find((t) => text(t.querySelector('caption')).startsWith('Obtained'))!;
    const bad = [...obtained.querySelectorAll('td.bad')];
    expect(bad).toHaveLength(32);
    for (const td of bad) expect(text(td)).toMatch(/^✗ /);
    expect(obtained.querySelectorAll('td:not(.bad)').length).toBe(16);
    expect(text(obtained.closest('figure')!.querySelector('figcaption'))).toContain('✗');
    expect(check.querySelector('.pic-input img')!.getAttribute('alt')).toContain('RGB');
  });

  it('shows a shape mismatch with both shapes and no difference picture', () => {
    const doc = rich('en');
    const check = doc.getElementById(anchorOf('ex', 'convolution', 'padding'))!;
    expect(text(check.querySelector('.mismatch-shape'))).toContain('6 × 6');
    expect(text(check.querySelector('.mismatch-shape'))).toContain('4 × 4');
    expect(check.querySelector('.pic-diff')).toBeNull();
    expect(check.querySelectorAll('.pic-expected, .pic-got')).toHaveLength(2);
  });

  it('labels a property counterexample as shrunk', () => {
    const doc = rich('en');
    expect(text(doc.getElementById(anchorOf('ex', 'convolution', 'property'))!.querySelector('.tag-shrunk'))).toBe('Shrunk counterexample');
    expect(doc.getElementById(anchorOf('ex', 'convolution', 'small-kernel'))!.querySelector('.tag-shrunk')).toBeNull();
  });

  it('gives compile errors their file:line:col and errors their stack frames in the student file', () => {
    const doc = rich('en');
    expect([...doc.querySelectorAll(`#${anchorOf('ex', 'pooling')} .problem code.loc`)].map(text)).toEqual(['pooling.ts:3:14', 'pooling.ts:9:1']);
    expect([...doc.querySelectorAll(`#${anchorOf('ex', 'rnn')} .frames code`)].map(text)).toEqual(['rnn.ts:2:15']);
    expect([...doc.getElementById(anchorOf('ex', 'convolution', 'edge-cases'))!.querySelectorAll('.frames code')].map(text)).toEqual([
      'convolution.ts:12:24',
      'convolution.ts:31:9',
    ]);
  });

  it('shows the exercise summary and statement', () => {
    const doc = rich('fr');
    const ex = doc.getElementById(anchorOf('ex', 'convolution'))!;
    expect(text(ex.querySelector('.ex-summary'))).toBe('Résumé de convolution.');
    expect(text(ex.querySelector('.statement-text'))).toContain("L'énoncé.");
  });

  it('opens the exercises that lost points and folds the others', () => {
    const result = richResult('en');
    const perfect = { ...result.exercises[0]!, id: 'perfect', score: 2, maxScore: 2, checks: result.exercises[0]!.checks.filter((c) => c.status === 'passed') };
    const doc = render({ ...result, exercises: [perfect, ...result.exercises] });
    expect(doc.getElementById(anchorOf('ex', 'perfect'))!.hasAttribute('open')).toBe(false);
    expect(doc.getElementById(anchorOf('ex', 'convolution'))!.hasAttribute('open')).toBe(true);
  });

  it('keeps headings in order: one h1, and no level skipped', () => {
    const doc = rich('en');
    const levels = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });

  it('needs no network and no script: only data: pictures, in-page links and inline CSS', () => {
    const doc = rich('en');
    expect(doc.querySelectorAll('script, link, iframe, object, embed, base, form').length).toBe(0);
    for (const el of doc.querySelectorAll('[src]')) expect(el.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    for (const el of doc.querySelectorAll('[href]')) expect(el.getAttribute('href')).toMatch(/^#[A-Za-z0-9_-]+$/);
    for (const a of doc.querySelectorAll('a[href]')) expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
    expect(doc.querySelector('style')!.textContent).toContain('@media print');
  });

  it.each(LANGS)('a submission whose strings carry <script> and <img onerror> shows them as text (%s)', (lang) => {
    const doc = hostile(lang);
    expect(doc.querySelectorAll('script').length).toBe(0);
    for (const img of doc.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    for (const el of doc.querySelectorAll('*')) {
      expect([...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)).toEqual([]);
    }
    const body = doc.body.textContent!;
    expect(body).toContain(HOSTILE_SCRIPT);
    expect(body).toContain(HOSTILE_IMG);
    expect(doc.title).toContain(HOSTILE_SCRIPT);
    // Visible where the student put it: the case id, an input name, the message, the stack, the logs.
    const check = doc.getElementById(anchorOf('ex', 'convolution', 'hostile-evidence'))!;
    expect(text(check.querySelector('.case-id code'))).toBe(`${HOSTILE_SCRIPT}${HOSTILE_IMG}`);
    expect(text(check.querySelector('.scalars dt'))).toBe(`${HOSTILE_SCRIPT}${HOSTILE_IMG}`);
    expect(text(doc.getElementById(anchorOf('ex', 'convolution', 'hostile-error'))!.querySelector('.stack-header'))).toContain(HOSTILE_IMG);
    expect(text(doc.querySelector('details.logs pre'))).toBe(`${HOSTILE_SCRIPT}${HOSTILE_IMG}`);
  });

  it('speaks French in a French result and English in an English one', () => {
    const fr = rich('fr');
    const en = rich('en');
    expect(text(fr.querySelector('.eyebrow'))).toBe('Rapport de correction');
    expect(text(en.querySelector('.eyebrow'))).toBe('Grading report');
    expect(text(fr.getElementById('overview-h'))).toBe('En bref');
    expect(text(fr.querySelector('.diagnosis dt'))).toBe('Pourquoi');
    expect(text(en.querySelector('.diagnosis dt'))).toBe('Why');
    // The report's own labels, not the texts it quotes (a compiler's message stays in English).
    const labelsOf = (doc: Document): string =>
      [...doc.querySelectorAll('h1, h2, h3 > :not(.ex-title), h5, h6, .pill, dt, caption, th, figcaption, .muted, .tag')].map(text).join(' | ');
    for (const english of ['Passed', 'Failed', 'Diagnosis', 'Expected', 'Obtained', 'Hint', 'Input', 'checks']) {
      expect(labelsOf(fr), english).not.toMatch(new RegExp(`\\b${english}\\b`));
      expect(labelsOf(en), english).toMatch(new RegExp(`\\b${english}\\b`));
    }
  });
});

describe('templates', () => {
  const dir = join(import.meta.dirname, 'templates');
  const files = [join(dir, 'report.hbs'), ...readdirSync(join(dir, 'report')).map((f) => join(dir, 'report', f))];

  it.each(files.map((f) => [f.slice(dir.length + 1), f]))('%s never prints a value unescaped', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/\{\{\{|\{\{&|\{\{~?\s*\{/);
  });
});
