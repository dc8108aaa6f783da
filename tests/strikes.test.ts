import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Launcher } from '../grader/sandbox/launcher.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { EXAMPLES, environment, exercise, FIXTURES, grade, withExerciseLimits } from './support/grade.js';

/**
 * A function that never returns costs its exercise the time limit once per check: two strikes,
 * then the rest of the exercise is skipped with a message that says why, instead of holding a
 * batch worker for one time limit per check.
 */
const LOOPING = join(FIXTURES, 'hostile', 'infinite-loop');
const SKIPPED = /^Expected this check to run, but got it skipped: (\d+) earlier checks? of this exercise hit the time limit/;

describe('strikes: an exercise stops after repeated time-outs', () => {
  let env: GradingEnvironment;
  beforeAll(async () => {
    env = await environment(['shapes']);
  });

  it.each([
    { strikes: 1, ran: 1 },
    { strikes: 2, ran: 2 },
    { strikes: 99, ran: 5 },
  ])('with strikes $strikes, $ran checks run into the time limit and the rest are skipped', async ({ strikes, ran }) => {
    const result = await grade(withExerciseLimits(env, 'shapes', { timeMs: 300, strikes }), LOOPING);
    const shapes = exercise(result, 'shapes');
    const timedOut = shapes.checks.filter((c) => /within 300 ms \(time limit\)/.test(c.message ?? ''));
    const skipped = shapes.checks.filter((c) => SKIPPED.test(c.message ?? ''));
    expect(timedOut).toHaveLength(ran);
    expect(skipped).toHaveLength(shapes.checks.length - ran);
    for (const c of skipped) {
      expect(c).toMatchObject({ status: 'skipped', score: 0, durationMs: 0, after: { strikes: ran, limit: 'timeout' } });
      expect(SKIPPED.exec(c.message!)?.[1]).toBe(String(ran));
    }
    expect(shapes.score).toBe(0);
  });

  it('says it in French too', async () => {
    const result = await grade(withExerciseLimits(env, 'shapes', { timeMs: 300, strikes: 1 }), LOOPING, { lang: 'fr' });
    const messages = exercise(result, 'shapes').checks.map((c) => c.message);
    expect(messages.filter((m) => /^Cette vérification devait être lancée, mais elle a été sautée : 1 vérification précédente de cet exercice a atteint la limite de temps/.test(m ?? ''))).toHaveLength(4);
  });
});

/** The environment's launcher, but every child starts `seconds` late: a busy grading machine, made certain. */
function startingLate(env: GradingEnvironment, seconds: number): GradingEnvironment {
  const inner = env.launcher;
  const launcher: Launcher = {
    id: inner.id,
    name: inner.name,
    warnings: inner.warnings,
    spec: (r) => {
      const spec = inner.spec(r);
      return { ...spec, command: '/bin/sh', args: ['-c', `sleep ${seconds} && exec "$@"`, 'sh', spec.command, ...spec.args], env: { ...spec.env, PATH: '/usr/bin:/bin' } };
    },
  };
  return { ...env, launcher };
}

describe("time limits measure the student's code, not the grader's work", () => {
  let env: GradingEnvironment;
  beforeAll(async () => {
    env = await environment(['shapes']);
  });

  it('a child that starts late, past the time limit, still grades correct code in full', async () => {
    const result = await grade(withExerciseLimits(startingLate(env, 0.6), 'shapes', { timeMs: 300 }), join(EXAMPLES, 'correct'));
    const shapes = exercise(result, 'shapes');
    expect(shapes.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(shapes.score).toBe(shapes.maxScore);
  });

  it.each([
    ['en', /^Expected the grader to start the process and pass its answers within its own 300 ms \(the grader's budget, apart from the time limit\)/],
    ['fr', /^Le correcteur devait lancer le processus et transmettre ses réponses en 300 ms \(son propre budget, distinct de la limite de temps\)/],
  ] as const)('a start that outlasts the grader\'s own budget is an error coded grader-time, not a time-out (%s)', async (lang, says) => {
    const result = await grade(withExerciseLimits(startingLate(env, 0.6), 'shapes', { graderMs: 300 }), join(EXAMPLES, 'correct'), { lang });
    const shapes = exercise(result, 'shapes');
    expect(shapes.checks.length).toBeGreaterThan(0);
    for (const c of shapes.checks) expect(c).toMatchObject({ status: 'error', code: 'grader-time', score: 0, message: expect.stringMatching(says) });
  });
});
