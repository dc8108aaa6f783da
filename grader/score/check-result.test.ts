import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import type { MistakeDefinition } from '../kit/mistake.js';
import { toCheckResult } from './check-result.js';

const mistake = (id: string): MistakeDefinition => ({
  id,
  title: { en: `${id} title`, fr: `titre ${id}` },
  explanation: { en: 'why', fr: 'pourquoi' },
  hint: { en: 'hint', fr: 'piste' },
  overrides: {},
});
const verdict = { status: 'failed', message: 'case "S=2, P=1": Expected the output to have shape 3x3, but got shape 4x4.' } as const;
const relation = (scope: 'every' | 'shown') => ({ id: 'cropped', params: { top: 0, bottom: 1, left: 0, right: 1 }, scope, sameParams: true, failing: 2 });
const cases = { by: 'parameter' as const, name: 'options.stride', failing: [2], passing: [1] };
const ctx = (visibility: 'public' | 'hidden') => ({ id: 'stride', title: 'Stride', points: 1, visibility, durationMs: 3, file: 'convolution.ts', lang: 'fr' as const, t: messages('fr') });

describe('a diagnosis in a check result', () => {
  it('carries both mistakes named, in the result language, the relation and the failing-case pattern', () => {
    const r = toCheckResult(verdict, { ...ctx('public'), diagnosis: { mistakes: [mistake('a'), mistake('b')], relation: relation('shown'), cases } });
    expect(r).toMatchObject({
      diagnosis: 'a',
      mistake: { id: 'a', title: 'titre a', explanation: 'pourquoi', hint: 'piste' },
      alsoMistakes: [{ id: 'b', title: 'titre b' }],
      relation: relation('shown'),
      cases,
    });
  });

  it('keeps, for a hidden check, the mistakes and a relation every failing case shows, never which cases fail nor one case\'s relation', () => {
    const every = toCheckResult(verdict, { ...ctx('hidden'), diagnosis: { mistakes: [mistake('a')], relation: relation('every'), cases } });
    expect(every).toMatchObject({ diagnosis: 'a', relation: relation('every') });
    expect(every).not.toHaveProperty('cases');
    expect(JSON.stringify(every)).not.toContain('S=2');
    const shown = toCheckResult(verdict, { ...ctx('hidden'), diagnosis: { mistakes: [], relation: relation('shown'), cases } });
    expect(shown).not.toHaveProperty('relation');
    expect(shown).not.toHaveProperty('diagnosis');
  });
});
