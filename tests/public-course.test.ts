import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercises } from '../grader/load/exercises.js';
import { loadPublicCourse } from '../grader/load/public-course.js';
import type { CheckResult, SubmissionResult } from '../grader/model/results.js';
import { publicCourse } from '../grader/pack/public-course.js';
import { testEnvironment } from './support/sandbox.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { EXAMPLES, FIXTURES, fixtureDirs, grade } from './support/grade.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-public-course-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a student sees of a check: status, named mistake and message. */
const seen = (c: CheckResult): string => `${c.status} ${c.status === 'failed' ? (c.diagnosis ?? '-') : ''} ${c.message ?? ''}`;

/**
 * The student's package grades from public-course.json alone: for every public check it ships,
 * the same verdict, the same named mistake and the same message as the full grader with the
 * reference in hand.
 */
describe('the public course: public checks as data, mistakes known by their outputs', () => {
  let full: GradingEnvironment;
  let data: GradingEnvironment;
  beforeAll(async () => {
    const roots = { exercisesDir: join(PACKAGE_ROOT, 'exercises'), referenceDir: join(PACKAGE_ROOT, 'reference') };
    const course = await publicCourse(await loadExercises(roots), { seed: 20261127, grader: 'test' });
    writeFileSync(join(work, 'public-course.json'), JSON.stringify(course));
    full = await testEnvironment({ roots });
    data = await testEnvironment({ exercises: loadPublicCourse(join(work, 'public-course.json'), work) });
  });

  const compare = (a: SubmissionResult, b: SubmissionResult): { same: string[]; different: string[] } => {
    const same: string[] = [];
    const different: string[] = [];
    for (const e of a.exercises) {
      for (const c of e.checks) {
        const f = b.exercises.find((x) => x.id === e.id)!.checks.find((x) => x.id === c.id)!;
        (seen(c) === seen(f) ? same : different).push(`${e.id}/${c.id}: ${seen(c)} | full grader: ${seen(f)}`);
      }
    }
    return { same, different };
  };

  it.each([...fixtureDirs('mistakes').map((m) => [m, join(FIXTURES, 'mistakes', m)]), ['notes-port', join(EXAMPLES, 'notes-port')]])(
    '%s: every shipped check says what the full grader says',
    async (_name, dir) => {
      const [student, teacher] = [await grade(data, dir, { mode: 'check', lang: 'en' }), await grade(full, dir, { mode: 'check', lang: 'en' })];
      const { same, different } = compare(student, teacher);
      expect(different).toEqual([]);
      expect(same.length).toBeGreaterThan(10);
    },
  );

  it('names the mistakes of their fixtures from data alone', async () => {
    const named: string[] = [];
    for (const m of fixtureDirs('mistakes')) {
      const r = await grade(data, join(FIXTURES, 'mistakes', m), { mode: 'check', lang: 'en' });
      if (r.exercises.some((e) => e.checks.some((c) => c.status === 'failed' && c.diagnosis === m))) named.push(m);
    }
    // Mistakes a public case cannot reveal (a shuffled split, a window too many) are found by hidden checks only.
    expect(named.length).toBeGreaterThanOrEqual(20);
    expect(named).toEqual(expect.arrayContaining(['conv-flipped-kernel', 'rnn-state-kept', 'shape-no-flooring', 'sobel-only-gx']));
  });
});
