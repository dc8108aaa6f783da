import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDates, readOverrides } from './teacher-files.js';

const dir = mkdtempSync(join(tmpdir(), 'neurograde-teacher-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('the teacher files: every problem with its line, the good lines kept', () => {
  it('--dates', () => {
    const path = file('dates.csv', '\uFEFFStudent,Submitted At\nalice,2026-11-20T10:00Z\nbob,soon\n,2026-11-20\nALICE,2026-11-21\n');
    const { dates, problems } = readDates(path);
    expect(dates.map((d) => [d.line, d.student, d.at.toISOString()])).toEqual([[2, 'alice', '2026-11-20T10:00:00.000Z']]);
    expect(problems).toEqual([
      { code: 'bad-date', file: path, line: 3, value: 'soon' },
      { code: 'empty-cell', file: path, line: 4, column: 'student' },
      { code: 'duplicate', file: path, line: 5, other: 2 },
    ]);
    // Moodle's grading worksheet: its own column name, its own date form; other columns ignored.
    const moodle = file('moodle.csv', 'Identifier,Student,Last modified (submission)\nParticipant 1,alice,"Friday, 20 November 2026, 11:59 PM"\n');
    expect(readDates(moodle).dates.map((d) => d.at.getTime())).toEqual([new Date(2026, 10, 20, 23, 59, 0).getTime()]);
    // A column that can only be month first (11/20) is read month first throughout, 03/04 included.
    const us = readDates(file('us.csv', 'student,submitted\nalice,11/20/2026 10:00\nbob,03/04/2026\n'));
    expect(us.dates.map((d) => [d.at.getMonth() + 1, d.at.getDate()])).toEqual([[11, 20], [3, 4]]);
    expect(readDates(file('nodate.csv', 'student,when\nalice,x\n')).problems).toEqual([{ code: 'missing-column', file: join(dir, 'nodate.csv'), column: 'submitted', found: ['student', 'when'] }]);
  });

  it('--overrides as CSV (a French decimal comma read too) and as JSON checked against its schema', () => {
    const csv = readOverrides(file('o.csv', 'student;exercise;points\n'.replace(/;/g, ',') + 'carol,shapes,"2,5"\ncarol,,1\ncarol,shapes,-1\n'));
    expect(csv.overrides).toEqual([{ line: 2, student: 'carol', exercise: 'shapes', points: 2.5, comment: '' }]);
    expect(csv.problems.map((p) => p.code)).toEqual(['empty-cell', 'bad-points']);
    const path = file('o.json', JSON.stringify([{ student: 'bob', exercise: 'rnn', check: 'state', points: 1, comment: 'ok' }, { student: 'bob', points: 'x' }]));
    const json = readOverrides(path);
    expect(json.overrides).toEqual([{ line: 1, student: 'bob', exercise: 'rnn', check: 'state', points: 1, comment: 'ok' }]);
    expect(json.problems).toEqual([{ code: 'bad-shape', file: path, detail: expect.stringMatching(/^entry 2: .*missing property "exercise".*\/points: must be number/) }]);
    expect(readOverrides(file('broken.json', '[{')).problems[0]).toMatchObject({ code: 'bad-json' });
  });
});
