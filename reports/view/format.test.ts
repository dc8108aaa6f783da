import { describe, expect, it } from 'vitest';
import { messages } from '../../grader/i18n/index.js';
import type { Lang } from '../../grader/model/localized.js';
import { formatDate, formatSeconds } from './format.js';

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** What the report wrote with Intl before: the texts must not change now that it does without. */
const intlDate = (lang: Lang, iso: string): string => `${new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;

describe('the report formats dates and durations without Intl, as Intl did', () => {
  it.each([
    ['en', '2026-11-29T01:05:00.000Z'],
    ['fr', '2026-11-29T01:05:00.000Z'],
    ['en', '2027-01-01T23:59:59.999Z'],
    ['fr', '2027-08-07T00:00:00.000Z'],
    ['fr', '2026-02-28T12:30:00.000Z'],
  ] as const)('%s %s', (lang, iso) => {
    expect(formatDate(messages(lang).report, iso)).toBe(intlDate(lang, iso));
  });

  it('keeps a date it cannot read as it is', () => {
    expect(formatDate(messages('en').report, 'yesterday')).toBe('yesterday');
  });

  it.each([
    ['en', 2.25, '2.3'],
    ['fr', 2.25, '2,3'],
    ['en', 0.04, '0'],
    ['fr', 12, '12'],
    ['en', 0.66, '0.7'],
  ] as const)('%s: %s s reads %s', (lang, seconds, text) => {
    expect(formatSeconds(lang, seconds)).toBe(text);
    expect(formatSeconds(lang, seconds)).toBe(new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(seconds));
  });
});
