import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { check, environment, exercise, FIXTURES, grade } from './support/grade.js';
import { expectScoresAsBefore } from './support/parity.js';

/** A student's fault costs that exercise or that check, with a message that says what and where. */
describe('faults of a submission are results, with clear messages', () => {
  let env: GradingEnvironment;
  beforeAll(async () => {
    env = await environment(['shapes']);
  });
  /** Grades a fault fixture and checks it scores as before (tests/parity/faults.json). */
  const graded = async (name: string): Promise<SubmissionResult> => {
    const result = await grade(env, join(FIXTURES, 'faults', name));
    expectScoresAsBefore('faults', name, result);
    return result;
  };

  it('a compile error costs the exercise and names file:line:col', async () => {
    const result = await graded('compile-error');
    const shapes = exercise(result, 'shapes');
    expect(shapes).toMatchObject({ status: 'compile-error', score: 0 });
    expect(shapes.message).toMatch(/^Expected shapes\.ts:2:\d+ to compile, but got: /);
    expect(shapes.checks.every((c) => c.status === 'error' && c.score === 0)).toBe(true);
  });

  it('a missing file costs the exercise with a message naming the file', async () => {
    const shapes = exercise(await graded('missing-file'), 'shapes');
    expect(shapes).toMatchObject({ status: 'missing', score: 0, message: 'Expected a file shapes.ts in the submission, but got no such file.' });
  });

  it('a missing export costs only the checks that use it', async () => {
    const result = await graded('missing-export');
    expect(check(result, 'shapes', 'notes-summaries')).toMatchObject({ status: 'passed' });
    expect(check(result, 'shapes', 'notes-conv-shapes')).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Expected shapes\.ts to export "poolOutputShape", but got no export by that name\./),
    });
  });

  it("a throw shows the student's own frames, mapped to their files, and no grader frame", async () => {
    const result = await graded('throws');
    const c = check(result, 'shapes', 'notes-summaries');
    expect(c).toMatchObject({ status: 'error', message: expect.stringMatching(/Expected convParamCount to return, but got RangeError: K must be positive, got 0/) });
    const stack = c.status === 'error' ? c.stack ?? '' : '';
    expect(stack).toMatch(/at checkPositive \(helpers\.ts:3:11\)/);
    expect(stack).toMatch(/at convParamCount \(shapes\.ts:41:3\)/);
    expect(stack).not.toMatch(/grader|node:|data:text/);
    expect(check(result, 'shapes', 'notes-conv-shapes')).toMatchObject({ status: 'passed' });
  });

  it('a wrong return type is a failed check saying what came back', async () => {
    const c = check(await graded('wrong-type'), 'shapes', 'notes-summaries');
    expect(c).toMatchObject({ status: 'failed', message: expect.stringMatching(/Expected the output to be a number, but got the string "108170"\./) });
  });

  it('a submission of several files importing each other and @tensorflow/tfjs gets full marks', async () => {
    const shapes = exercise(await graded('multi-file'), 'shapes');
    expect(shapes.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(shapes.score).toBe(shapes.maxScore);
  });
});
