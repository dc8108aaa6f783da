import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import type { Lang } from '../model/localized.js';
import { casesCheck, named } from './cases.js';
import { fakeContext } from './fake-context.js';
import { call } from './steps.js';

const check = casesCheck({
  id: 'double',
  title: { en: 'Doubles', fr: 'Double' },
  cases: () => [{ ...named({ en: 'a negative number', fr: 'un nombre négatif' }), steps: [call('double', -2)] }],
});

describe('case names', () => {
  it.each([
    ['en', /^case "a negative number": /],
    ['fr', /^cas « un nombre négatif » : /],
  ] as const)('reach a %s message in its language', async (lang: Lang, label) => {
    const ctx = { ...fakeContext({ reference: { double: (x: number) => 2 * x }, student: { double: (x: number) => x } }), lang, t: messages(lang) };
    const verdict = await check.run(ctx);
    expect(verdict.status === 'failed' && verdict.message).toMatch(label);
  });

  it('keep the English name as the stable id, and a one-language name as both', () => {
    expect(named({ en: 'zero image', fr: 'image nulle' })).toEqual({ id: 'zero image', title: { en: 'zero image', fr: 'image nulle' } });
    expect(named('conv 28x28, F=3, S=2 -> 13')).toEqual({ id: 'conv 28x28, F=3, S=2 -> 13' });
  });
});
