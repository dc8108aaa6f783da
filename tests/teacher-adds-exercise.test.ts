import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './support/grade.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'neurograde.mjs');

/**
 * A teacher's course folder: its own exercises/ and reference/, the new exercise importing only
 * the public kit (`neurograde/kit`) of the installed grader. Nothing under grader/ changes.
 */
describe('a teacher adds an exercise without touching grader/', () => {
  let course: string;
  let out: string;
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'neurograde-course-'));
    course = join(tmp, 'course');
    cpSync(join(FIXTURES, 'teacher-exercise', 'exercises'), join(course, 'exercises'), { recursive: true });
    cpSync(join(FIXTURES, 'teacher-exercise', 'reference'), join(course, 'reference'), { recursive: true });
    cpSync(join(FIXTURES, 'teacher-exercise', 'package.json'), join(course, 'package.json'));
    // What `npm install neurograde` gives the teacher's repository.
    mkdirSync(join(course, 'node_modules'));
    symlinkSync(ROOT, join(course, 'node_modules', 'neurograde'));
    out = join(tmp, 'out');
  });

  it('grades a correct submission of the new exercise with full marks, beside the bundled exercises', async () => {
    const sub = join(tmp, 'both');
    cpSync(join(FIXTURES, 'teacher-exercise', 'submissions', 'good'), sub, { recursive: true });
    cpSync(join(ROOT, 'examples', 'submissions', 'correct', 'shapes.ts'), join(sub, 'shapes.ts'));
    const { stdout } = await run(process.execPath, [BIN, 'grade', sub, '--out', join(out, 'both'), '--course', course, '--exercises', 'shapes,relu']);
    expect(stdout).toMatch(/relu\s+5\/5/);
    const result = JSON.parse(readFileSync(join(out, 'both', 'results.json'), 'utf8'));
    expect(result.exercises.map((e: { id: string; score: number }) => [e.id, e.score])).toEqual([['shapes', 10], ['relu', 5]]);
  });

  it("--course-only grades the course's exercises alone", async () => {
    const { stdout } = await run(process.execPath, [BIN, 'grade', join(FIXTURES, 'teacher-exercise', 'submissions', 'good'), '--out', join(out, 'good'), '--course', course, '--course-only']);
    expect(stdout).toMatch(/relu\s+5\/5/);
    const result = JSON.parse(readFileSync(join(out, 'good', 'results.json'), 'utf8'));
    expect(result.exercises.map((e: { id: string; score: number }) => [e.id, e.score])).toEqual([['relu', 5]]);
  });

  it('an exercise id in both the course and the bundled exercises is a configuration fault naming both folders', async () => {
    const clash = join(tmp, 'clash');
    cpSync(course, clash, { recursive: true, verbatimSymlinks: true });
    cpSync(join(ROOT, 'exercises', 'shapes'), join(clash, 'exercises', 'shapes'), { recursive: true });
    const r = await run(process.execPath, [BIN, 'grade', join(FIXTURES, 'teacher-exercise', 'submissions', 'good'), '--out', join(out, 'clash'), '--course', clash]).catch((e: { code: number; stderr: string }) => e);
    expect(r).toMatchObject({ code: 1 });
    const stderr = (r as { stderr: string }).stderr;
    expect(stderr).toContain(`[DUPLICATE_EXERCISE] Exercise "shapes" is in both ${join(ROOT, 'exercises', 'shapes')} and ${join(clash, 'exercises', 'shapes')}`);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it("names the new exercise's own catalogued mistake", async () => {
    await run(process.execPath, [BIN, 'grade', join(FIXTURES, 'teacher-exercise', 'submissions', 'leaky'), '--out', join(out, 'leaky'), '--course', course, '--exercises', 'relu', '--lang', 'fr']);
    const result = JSON.parse(readFileSync(join(out, 'leaky', 'results.json'), 'utf8'));
    const fixed = result.exercises[0].checks.find((c: { id: string }) => c.id === 'fixed');
    expect(fixed).toMatchObject({ status: 'failed', diagnosis: 'relu-leaky', mistake: { title: 'Leaky ReLU au lieu de ReLU' } });
    expect(fixed.message).toMatch(/devait valoir 0, mais on obtient -0,01/);
  });
});
