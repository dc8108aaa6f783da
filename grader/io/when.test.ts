import { describe, expect, it } from 'vitest';
import { dayFirstOf, parseWhen } from './when.js';

/** A local time as [year, month, day, hour, minute]. */
const local = (d: Date | undefined): number[] | undefined => d && [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];

describe('parseWhen: the dates a teacher writes', () => {
  it.each([
    ['2026-11-20T23:59:00Z', '2026-11-20T23:59:00.000Z'],
    ['2026-11-20T23:59+01:00', '2026-11-20T22:59:00.000Z'],
    ['2026-11-20 08:30:15-0230', '2026-11-20T11:00:15.000Z'],
  ])('%s is %s', (text, iso) => expect(parseWhen(text)?.toISOString()).toBe(iso));

  it('reads a date alone as the end of that day, and a time without offset in local time', () => {
    expect(parseWhen('2026-11-20')!.getTime()).toBe(new Date(2026, 10, 20, 23, 59, 59).getTime());
    expect(parseWhen('2026-11-20T08:00')!.getTime()).toBe(new Date(2026, 10, 20, 8, 0, 0).getTime());
  });

  it.each(['2026-13-01', '2026-02-30', '2026-02-30T10:00Z', '2026/11/20', 'tomorrow', '2026-11-20T25:00', ''])('refuses %j', (text) => expect(parseWhen(text)).toBeUndefined());
});

describe('parseWhen: the forms teachers\' tools write', () => {
  it.each([
    ['20/11/2026', [2026, 11, 20, 23, 59]],
    ['20/11/2026 08:05', [2026, 11, 20, 8, 5]],
    ['20.11.2026 18h30', [2026, 11, 20, 18, 30]],
    ['3/4/2026', [2026, 4, 3, 23, 59]],
    ['Friday, 20 November 2026, 11:59 PM', [2026, 11, 20, 23, 59]],
    ['Friday, 20 November 2026, 12:15 AM', [2026, 11, 20, 0, 15]],
    ['20 Nov 2026', [2026, 11, 20, 23, 59]],
    ['vendredi 20 novembre 2026, 23:59', [2026, 11, 20, 23, 59]],
    ['1er décembre 2026 à 9h00', [2026, 12, 1, 9, 0]],
    ['samedi 1 août 2026, 07:00', [2026, 8, 1, 7, 0]],
  ])('%s', (text, want) => expect(local(parseWhen(text))).toEqual(want));

  it('reads numeric dates month first when told', () => {
    expect(local(parseWhen('3/4/2026', { dayFirst: false }))).toEqual([2026, 3, 4, 23, 59]);
    expect(parseWhen('20/11/2026', { dayFirst: false })).toBeUndefined();
  });

  it.each(['31/02/2026', '20/13/2026', '20 Brumaire 2026', 'Friday, 20 November 2026, 13:00 PM', '20/11/26', '20/11/2026 24:00'])('refuses %j', (text) =>
    expect(parseWhen(text)).toBeUndefined(),
  );
});

describe('dayFirstOf', () => {
  it.each([
    [['20/11/2026', '03/04/2026'], true],
    [['11/20/2026', '03/04/2026'], false],
    [['03/04/2026'], true],
    [['11/20/2026', '20/11/2026'], true],
    [['2026-11-20', 'Friday, 20 November 2026'], true],
  ])('%j is day first: %s', (values, want) => expect(dayFirstOf(values)).toBe(want));
});
