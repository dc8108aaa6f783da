import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../grader/model/localized.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { sampleExercises } from '../tests/fixtures/report/samples.js';
import { html } from './html.js';
import { markdown } from './markdown.js';
import { junitSubmission } from './junit.js';
import { gradescope } from './gradescope.js';

const SCRIPT = '<script>alert(1)</script>';

/** A result whose failed check names two mistakes, a relation and which cases fail. */
function result(lang: Lang): SubmissionResult {
  const mistake = (id: string, title: string) => ({ id, title, explanation: `${title}: why`, hint: `${title}: hint` });
  return {
    schemaVersion: 1,
    grader: { name: 'neurograde', version: 'test' },
    submission: 'alice',
    lang,
    mode: 'grade',
    score: 0,
    maxScore: 1,
    gradedAt: '2026-11-28T10:00:00.000Z',
    durationMs: 1,
    environment: { node: 'v20', sandbox: 'test', warnings: [] },
    exercises: [
      {
        id: 'convolution',
        title: 'Convolution',
        file: 'convolution.ts',
        score: 0,
        maxScore: 1,
        status: 'graded',
        durationMs: 1,
        checks: [
          {
            id: 'stride',
            title: 'Stride',
            score: 0,
            maxScore: 1,
            visibility: 'public',
            durationMs: 1,
            status: 'failed',
            message: `case "${SCRIPT}": Expected the output to have shape 3x3, but got shape 4x4.`,
            diagnosis: 'conv-flipped-kernel',
            mistake: mistake('conv-flipped-kernel', 'Kernel flipped'),
            alsoMistakes: [mistake('conv-stride-ignored', `Stride ignored ${SCRIPT}`)],
            relation: { id: 'cropped', params: { top: 0, bottom: 1, left: 0, right: 1 }, scope: 'every', sameParams: true, failing: 3 },
            cases: { by: 'parameter', name: 'options.stride', failing: [2, 3], passing: [1, null] },
          },
        ],
      },
    ],
  } as SubmissionResult;
}

const RELATION = { en: 'In every failing case: Your output equals the expected output without its last row and last column.', fr: 'Dans chaque cas qui échoue : Votre sortie est égale à la sortie attendue privée de sa dernière ligne et sa dernière colonne.' };
const CASES = { en: 'Every case with options.stride = 2 or 3 fails; every case with options.stride = 1 or not given passes.', fr: 'Chaque cas avec options.stride = 2 ou 3 échoue ; chaque cas avec options.stride = 1 ou non donné réussit.' };

describe.each(['en', 'fr'] as const)('a diagnosis in every report (%s)', (lang) => {
  const ctx = { lang, exercises: sampleExercises() };

  it('report.html shows both mistakes and what the grader sees, student text escaped', () => {
    const text = html.render(result(lang), ctx) as string;
    const doc = new JSDOM(text).window.document;
    const titles = [...doc.querySelectorAll('.diagnosis h5')].map((h) => h.textContent ?? '');
    expect(titles.some((t) => t.includes('Kernel flipped'))).toBe(true);
    expect(titles.some((t) => t.includes('Stride ignored'))).toBe(true);
    expect([...doc.querySelectorAll('.dx-observation')].map((li) => li.textContent)).toEqual([RELATION[lang], CASES[lang]]);
    expect(doc.querySelector('script')).toBeNull();
    expect(text).not.toContain(SCRIPT);
  });

  it('summary.md, junit.xml and gradescope.json carry the same sentences', () => {
    const md = markdown.render(result(lang), ctx) as string;
    expect(md).toContain('Kernel flipped');
    expect(md).toContain('Stride ignored');
    expect(md).toContain(RELATION[lang].replace(/[()]/g, (c) => `\\${c}`));
    expect(junitSubmission.render(result(lang), ctx) as string).toContain(CASES[lang].replace(/'/g, '&apos;'));
    expect(JSON.stringify(gradescope.render(result(lang), ctx))).toContain(RELATION[lang]);
  });
});
