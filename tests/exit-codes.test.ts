import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../grader/batch/run-batch.js';
import { EXAMPLES } from './support/grade.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');
const work = mkdtempSync(join(tmpdir(), 'neurograde-exit-codes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, GITHUB_STEP_SUMMARY: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let n = 0;
const fresh = (): string => join(work, `out-${n++}`);

/** A student folder with a correct shapes.ts, a class of one, and a batch shard of that class. */
const student = join(work, 'class', 'ann');
const shard = join(work, 'shard');
const graded = join(work, 'graded');
beforeAll(async () => {
  mkdirSync(student, { recursive: true });
  cpSync(join(EXAMPLES, 'correct', 'shapes.ts'), join(student, 'shapes.ts'));
  await Promise.all([
    runBatch({ input: join(work, 'class'), out: shard, exercises: ['shapes'], jobs: 1, workers: 'inline', shard: { index: 1, count: 1 } }),
    runBatch({ input: join(work, 'class'), out: graded, exercises: ['shapes'], jobs: 1, workers: 'inline' }),
  ]);
});

/** A course folder without exercises/: the teacher's configuration is at fault. */
const BROKEN_COURSE = join(import.meta.dirname, 'fixtures');

/**
 * Every command keeps the README's promise: 0 when it did its work (whatever the grades), 2 with
 * one line for bad usage (an unknown exercise id, --course-only without --course), 1 for a fault
 * of the grader or its configuration, with the fault's [CODE].
 */
describe.each<[string, () => string[], (o: string) => string[]]>([
  ['grade', () => ['grade', student, '--exercises', 'shapes'], (o) => ['--out', o]],
  ['check', () => ['check', student, '--exercises', 'shapes'], (o) => ['--out', o]],
  ['ci', () => ['ci', student, '--exercises', 'shapes'], (o) => ['--out', o]],
  ['batch', () => ['batch', join(work, 'class'), '--exercises', 'shapes', '--inline'], (o) => ['--out', o]],
  ['pack', () => ['pack', '--exercises', 'shapes'], (o) => ['--out', o]],
  ['merge', () => ['merge', shard], (o) => ['--out', o]],
  // It writes into the batch's folder: every run may share it.
  ['similarity', () => ['similarity', graded], () => []],
])('neurograde %s', (command, base, out) => {
  it('exits 0 when it ran, 2 for bad usage, 1 with the code for a configuration fault', async () => {
    const usage = command === 'merge' || command === 'similarity' ? ['--course-only'] : ['--exercises', 'shapez'];
    const [ok, bad, badCourse, fault] = await Promise.all([
      cli([...base(), ...out(fresh())]),
      cli([...base(), ...out(fresh()), ...usage]),
      cli([...base(), ...out(fresh()), '--course-only']),
      cli([...base(), ...out(fresh()), '--course', BROKEN_COURSE]),
    ]);
    expect({ code: ok.code, stderr: ok.stderr }).toMatchObject({ code: 0 });
    for (const r of [bad, badCourse]) {
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(bad.stderr).toMatch(usage[0] === '--course-only' ? /--course-only needs --course/ : /^neurograde: Unknown exercise "shapez"; known: /);
    expect(fault.code).toBe(1);
    expect(fault.stderr).toMatch(/^neurograde: \[BAD_CONFIG\] The course folder .* has no exercises\/ folder/);
  });
});

/** `classroom` talks to git hosts: its 0 is tested end to end in tests/classroom.test.ts; bad usage here. */
describe('neurograde classroom', () => {
  it.each([
    [['classroom'], /classroom takes fetch or post, not nothing/],
    [['classroom', 'pull'], /classroom takes fetch or post, not "pull"/],
    [['classroom', 'fetch', '--out', 'x'], /classroom fetch needs --roster/],
    [['classroom', 'post', '--dry-run', 'x'], /classroom post needs --graded/],
  ])('exits 2 with one line for bad usage: %j', async (args, pattern) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

/** `feedback` reads a graded class: 0 when it wrote the bundle, 2 with one line for bad usage. */
describe('neurograde feedback', () => {
  it('exits 0 when it wrote the bundle', async () => {
    const r = await cli(['feedback', graded, '--out', fresh()]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/Wrote the feedback bundle of 1 student\(s\)/);
  });

  it.each([
    [() => ['feedback', graded], /feedback needs --out <dir>/],
    [() => ['feedback', join(work, 'class'), '--out', fresh()], /Expected .*class to hold a batch's results\.json, but got none\./],
    [() => ['feedback', graded, '--out', fresh(), '--csv-locale', 'de'], /--csv-locale must be fr .* or en, not "de"/],
  ])('exits 2 with one line for bad usage (%#)', async (args, pattern) => {
    const r = await cli(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
