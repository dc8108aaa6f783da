import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, parseRoster } from '../grader/io/roster.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { UsageError } from '../grader/model/errors.js';
import { EXAMPLES, FIXTURES } from './support/grade.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'neurograde.mjs');
const work = mkdtempSync(join(tmpdir(), 'neurograde-lms-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--roster roster.csv', () => {
  it('reads a roster: BOM, quoted fields with commas, headers in any accepted spelling', () => {
    const roster = parseRoster('\uFEFFSubmission,Username,Email Address,Student ID,Name\r\nalice,a.martin,alice@uni.example,2026001,"Martin, Alice"\r\nbob,b.durand,,2026002,Bob Durand\r\n');
    expect(roster.students).toEqual([
      { key: 'alice', username: 'a.martin', email: 'alice@uni.example', studentId: '2026001', name: 'Martin, Alice' },
      { key: 'bob', username: 'b.durand', studentId: '2026002', name: 'Bob Durand' },
    ]);
    expect(parseCsv('a,"b ""c""",d\n')).toEqual([['a', 'b "c"', 'd']]);
  });

  it('reports every problem at once, each with its line', () => {
    const bad = () => parseRoster('submission,email\nalice,not-an-email\n,x@y.z\nALICE,a@b.c\n', 'class.csv');
    expect(bad).toThrow(UsageError);
    expect(bad).toThrow(/class\.csv is not a valid roster:\n {2}- line 2: expected an email address, but got "not-an-email"\n {2}- line 3: expected a submission or GitHub name, but got an empty cell\n {2}- line 4: expected each student once, but got "ALICE" again \(line 2\)/);
    expect(() => parseRoster('who,what\nx,y\n')).toThrow(/line 1: expected a "submission" \(folder name\) or "github" column/);
  });
});

/**
 * Moodle's "Import grades from CSV", as its rules are documented: the user is identified by one
 * column (here Username) whose every value must be an enrolled user's; every other column maps to
 * a grade item or is ignored; a grade is a number with a dot, or empty for "no grade". What a
 * teacher must not get is a column they would have to map to a new, stray grade item.
 */
function moodleImport(text: string, enrolled: readonly string[], items: readonly string[]): { users: string[]; grades: Record<string, Record<string, string>> } {
  const [header, ...rows] = parseCsv(text);
  expect(header!.slice(0, 3)).toEqual(['Username', 'Email address', 'ID number']);
  const gradeColumns = header!.slice(3);
  expect(gradeColumns).toEqual(items);
  const grades: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    expect(row).toHaveLength(header!.length);
    expect(enrolled).toContain(row[0]);
    grades[row[0]!] = Object.fromEntries(gradeColumns.map((c, i) => [c, row[3 + i]!]));
    for (const g of row.slice(3)) expect(g).toMatch(/^(\d+(\.\d+)?)?$/);
  }
  return { users: rows.map((r) => r[0]!), grades };
}

/**
 * Canvas's Gradebook import, as its rules are documented: the header row must start Student, ID,
 * SIS User ID, SIS Login ID, Section; assignment columns follow ("Name (id)" matches an existing
 * assignment); a "Points Possible" row may follow the header; a student is matched by ID, SIS
 * User ID or SIS Login ID; grades are numbers or empty.
 */
function canvasImport(text: string, logins: readonly string[]): { rows: string[][]; assignments: string[] } {
  const [header, points, ...rows] = parseCsv(text);
  expect(header!.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
  expect(points![0]).toBe('Points Possible');
  for (const row of rows) {
    expect(row).toHaveLength(header!.length);
    expect(row[1] || row[2] || row[3]).toBeTruthy();
    expect(logins).toContain(row[3]);
    for (const g of row.slice(5)) expect(g).toMatch(/^(\d+(\.\d+)?)?$/);
  }
  return { rows, assignments: header!.slice(5) };
}

describe('gradebooks an LMS imports as they are', () => {
  const klass = join(work, 'class');
  const out = join(work, 'graded');
  let stdout = '';
  beforeAll(() => {
    for (const [name, from] of [['alice', join(EXAMPLES, 'correct')], ['bob', join(EXAMPLES, 'notes-port')], ['zed', join(FIXTURES, 'mistakes', 'shape-no-flooring')]] as const) {
      mkdirSync(join(klass, name), { recursive: true });
      cpSync(join(from, 'shapes.ts'), join(klass, name, 'shapes.ts'));
    }
    mkdirSync(join(klass, 'carol'));
    writeFileSync(
      join(work, 'roster.csv'),
      'submission,username,email,student_id,name,section\nalice,a.martin,alice@uni.example,2026001,"Martin, Alice",TD1\nbob,b.durand,bob@uni.example,2026002,Bob Durand,TD2\ncarol,c.petit,carol@uni.example,2026003,Carol Petit,TD1\n',
    );
    const r = spawnSync(process.execPath, [BIN, 'batch', klass, '--out', out, '--exercises', 'shapes,convolution', '--jobs', '2', '--inline', '--lang', 'en', '--roster', join(work, 'roster.csv'), '--canvas-ids', 'shapes=1202'], { encoding: 'utf8' });
    stdout = r.stdout;
    expect(r.stderr).not.toMatch(/neurograde:/);
    expect(r.status).toBe(0);
  }, 300_000);

  it('gradebook-moodle.csv: identified by username, one column per exercise, no total', () => {
    const text = readFileSync(join(out, 'gradebook-moodle.csv'), 'utf8');
    const imported = moodleImport(text, ['a.martin', 'b.durand', 'c.petit'], ['Convolving an image', 'Output shapes and parameter counts']);
    expect(imported.users).toEqual(['a.martin', 'b.durand', 'c.petit']);
    expect(imported.grades['a.martin']!['Output shapes and parameter counts']).toBe('10');
    // carol handed in nothing: no grade, not a zero.
    expect(imported.grades['c.petit']).toEqual({ 'Convolving an image': '', 'Output shapes and parameter counts': '' });
    expect(text.toLowerCase()).not.toContain('total');
    expect(text).toContain('a.martin,alice@uni.example,2026001,');
  });

  it("gradebook-canvas.csv: Canvas's header row, Points Possible, \"Name (id)\" for a known assignment", () => {
    const imported = canvasImport(readFileSync(join(out, 'gradebook-canvas.csv'), 'utf8'), ['a.martin', 'b.durand', 'c.petit']);
    expect(imported.assignments).toEqual(['Convolving an image', 'Output shapes and parameter counts (1202)']);
    expect(imported.rows[0]!.slice(0, 5)).toEqual(['Martin, Alice', '', '2026001', 'a.martin', 'TD1']);
  });

  it('a submission the roster does not know is left out of the LMS files and named, never guessed', () => {
    expect(stdout).toMatch(/Expected every submission in the roster, but got zed missing from it/);
    expect(readFileSync(join(out, 'gradebook-moodle.csv'), 'utf8')).not.toContain('zed');
    expect(readFileSync(join(out, 'gradebook.csv'), 'utf8')).toContain('zed');
  });

  it('bad LMS options are usage errors: exit 2 with one line', () => {
    const r = spawnSync(process.execPath, [BIN, 'batch', klass, '--out', join(work, 'x'), '--canvas-ids', 'shapes=abc'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--canvas-ids takes exercise=number pairs/);
    const missing = spawnSync(process.execPath, [BIN, 'batch', klass, '--out', join(work, 'x'), '--roster', join(work, 'nope.csv')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--roster .*nope\.csv: cannot be read \(ENOENT\)/);
  });
});
