import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../grader/cli/check.js';
import { messages } from '../grader/i18n/index.js';
import { loadExercises } from '../grader/load/exercises.js';
import { packageRoots } from '../grader/load/roots.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { publicCases, type PublicCases } from '../grader/pack/public-cases.js';
import { FIXTURES } from './support/grade.js';

/**
 * English words that are not French: one of them in a French page means English reached it.
 * Words both languages write (on, a, but, code, message, type, score, mode, image, max, relative,
 * classes, notes...) are left out, and so are names from the code (kernel, img).
 */
const ENGLISH =
  /\b(the|expected|got|with|nothing|that|name|array|numbers?|error|exit|field|answer|nobody|asked|unknown|does|is|are|was|which|where|others|items|first|has|entry|should|could|would|missing|found|memory|output|passed|failed|hidden|of|to|and|from|for|string|object|function|ragged|typed|boolean|sent|closed|ready|case|check|checks|report|mistake|hint|random|counterexample|input|inputs|times|more|not|every|your|you|keeps|keep|rows?|columns?|only|time|limit|timed|infinity|shape|size|value|values|differ|wrote|graded|edge|edges|flat|single|window|windows|labels?|same|given|larger|default|defaults|overlapping|gaps|leftover|dropped|filter|filters)\b/i;

/** Sentences of the English catalogue: any of them (or a long piece between its parameters) in a French text is English that leaked. */
function englishSentences(): string[] {
  const out = new Set<string>();
  const walk = (en: unknown, fr: unknown): void => {
    if (typeof en === 'function') {
      try {
        const args = Array.from({ length: en.length }, () => '\u0000');
        const e = (en as (...a: unknown[]) => unknown)(...args);
        const f = typeof fr === 'function' ? (fr as (...a: unknown[]) => unknown)(...args) : undefined;
        if (typeof e === 'string' && e !== f) for (const piece of e.split('\u0000')) if (piece.trim().split(/\s+/).length >= 3) out.add(piece.trim());
      } catch {
        // A function that wants an object: its English words are still caught by ENGLISH.
      }
    } else if (typeof en === 'string') {
      if (en !== fr && en.trim().split(/\s+/).length >= 3) out.add(en.trim());
    } else if (en && typeof en === 'object') {
      for (const k of Object.keys(en)) walk((en as Record<string, unknown>)[k], (fr as Record<string, unknown> | undefined)?.[k]);
    }
  };
  walk(messages('en'), messages('fr'));
  return [...out];
}

const SENTENCES = englishSentences();

/**
 * What of a text is the grader's own prose: quoted details « ... » (a compiler's or runtime's
 * own words, kept as they are), file paths and URLs, ids (notes-kernels) and code-like tokens
 * (makeWindows, sigmoid() are taken out.
 */
function prose(text: string): string {
  return text
    .replace(/«[^»]*»/g, ' ')
    .replace(/'\w+'/g, ' ')
    .replace(/\b(?:npx )?neurograde \w+/g, ' ')
    .replace(/file:\/\/\S+/g, ' ')
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/\S+\.(?:ts|json|html|md|csv|xml|mjs)\b/g, ' ')
    .replace(/\b\w+(?:-\w+)+\b/g, ' ')
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ')
    .replace(/\b\w+\(/g, ' ');
}

/** Every English word or catalogue sentence found in some texts, with the text it was found in. */
function english(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    const p = prose(text);
    const word = ENGLISH.exec(p)?.[0];
    const sentence = SENTENCES.find((s) => text.includes(s));
    if (word || sentence) found.push(`${word ?? sentence}: ${text.trim().slice(0, 200)}`);
  }
  return found;
}

/** The text nodes of a page a student reads: not code, not the student's own program output. */
function pageTexts(page: string): string[] {
  const doc = new JSDOM(page).window.document;
  const texts: string[] = [];
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent ?? '';
    if (t.trim() === '' || n.parentElement?.closest('code, pre, style, .statement-text')) continue;
    texts.push(t);
  }
  for (const el of doc.querySelectorAll('[alt], [title], [aria-label]')) for (const a of ['alt', 'title', 'aria-label']) if (el.getAttribute(a)) texts.push(el.getAttribute(a)!);
  texts.push(doc.title);
  return texts;
}

describe('a French student never meets an English sentence', () => {
  const work = mkdtempSync(join(tmpdir(), 'neurograde-french-'));
  const dir = join(work, 'travail');
  const printed: string[] = [];
  let result: SubmissionResult;
  let page: string;
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    cpSync(join(FIXTURES, 'french', 'many-failures'), dir, { recursive: true });
    const code = await checkCommand([dir, '--lang', 'fr'], (l) => printed.push(l));
    expect(code).toBe(0);
    result = JSON.parse(readFileSync(join(dir, '.neurograde', 'results.json'), 'utf8')) as SubmissionResult;
    page = readFileSync(join(dir, '.neurograde', 'report.html'), 'utf8');
  }, 240_000);

  it('grades a submission with every kind of failure', () => {
    const statuses = new Set(result.exercises.flatMap((e) => [e.status, ...e.checks.map((c) => c.status)]));
    for (const s of ['compile-error', 'missing', 'failed', 'error', 'timeout']) expect(statuses).toContain(s);
    const mismatches = new Set(result.exercises.flatMap((e) => e.checks.flatMap((c) => (c.status === 'failed' && c.mismatch ? [c.mismatch.kind] : []))));
    expect(mismatches).toEqual(new Set(['values', 'shape']));
  });

  it('the detector finds English when there is some', () => {
    expect(english(['Expected the output to have shape 3x3, but got shape 5x5.'])).toHaveLength(1);
    expect(english([`cas « x » : ${messages('en').grading.timeout(3000)}`])).toHaveLength(1);
    expect(english(['La sortie devait avoir la forme 3x3, mais on obtient la forme 5x5.'])).toEqual([]);
  });

  it('prints no English on the terminal', () => {
    // The source line of a compile error is the student's code, shown as it is.
    const lines = printed.flatMap((l) => l.split('\n')).filter((l) => !/^\s*\d+ \| /.test(l));
    expect(lines.join('\n')).toContain('ÉCHEC');
    expect(english(lines)).toEqual([]);
  });

  it('writes no English in report.html', () => {
    expect(english(pageTexts(page))).toEqual([]);
  });

  it('writes no English in the messages of results.json', () => {
    const texts = result.exercises.flatMap((e) => [e.title, e.message ?? '', ...e.checks.flatMap((c) => [c.title, c.message ?? '', ...(c.status === 'failed' && c.mistake ? [c.mistake.title, c.mistake.explanation, c.mistake.hint] : [])])]);
    expect(english(texts)).toEqual([]);
  });
});

describe("the French pack's npm test", () => {
  let cases: PublicCases;
  beforeAll(async () => {
    cases = await publicCases(await loadExercises(packageRoots()), { seed: 20261128, lang: 'fr' });
  }, 240_000);

  it('names every exercise, check and case in French, and says in French why a check is not run', () => {
    const t = messages('fr').batch.pack.npmTest;
    const names = cases.exercises.flatMap((e) => [e.title, ...e.checks.flatMap((c) => [c.title, ...c.cases.map((k) => k.title?.fr ?? k.id)]), ...e.notShipped.map((c) => t.notShipped(c.title))]);
    expect(names.length).toBeGreaterThan(100);
    expect(english(names)).toEqual([]);
    expect(english([t.inputs, t.diagnosis, t.summary({ passed: 12, failed: 3, skipped: 2 }), t.duration(1234), t.notLoaded('pooling.ts'), t.runError])).toEqual([]);
  });
});
