import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { observations } from '../grader/diagnose/describe.js';
import { messages } from '../grader/i18n/index.js';
import type { CheckResult } from '../grader/model/results.js';
import { environment, FIXTURES, grade } from './support/grade.js';

const CROPS = join(FIXTURES, 'diagnosis', 'pool-uncatalogued-crops-input');
const FILLS_DEFAULTS = join(FIXTURES, 'diagnosis', 'correct-pool-fills-defaults');

const failed = (checks: readonly CheckResult[]): Extract<CheckResult, { status: 'failed' }>[] =>
  checks.filter((c): c is Extract<CheckResult, { status: 'failed' }> => c.status === 'failed');

/**
 * Regression for submissions that returned right values while changing their input in place and
 * got full marks: through the sandbox, the wire and the results, a changed argument fails its
 * case with the template message and the diagnosis names it (`input-mutated`), in both languages.
 */
describe('an argument changed in place', () => {
  let env: GradingEnvironment;
  beforeAll(async () => {
    env = await environment(['pooling']);
  });

  it('fails the case with the template message and the input-mutated relation (en)', async () => {
    const result = await grade(env, CROPS);
    const ex = result.exercises[0]!;
    expect(ex.score).toBeLessThan(ex.maxScore);
    const bad = failed(ex.checks);
    expect(bad.filter((x) => x.visibility === 'public').length).toBeGreaterThan(0);
    // Only maxpooling cuts its input; pooling's checks pass. A hidden check says what, not where.
    for (const c of bad.filter((x) => x.visibility === 'hidden')) {
      expect(c.message).toBe('Expected the hidden check to match the reference, but got a different answer (an argument changed in place).');
      if (c.relation) expect(c.relation).toMatchObject({ id: 'input-mutated', scope: 'every', path: 'img' });
    }
    for (const c of bad.filter((x) => x.visibility === 'public')) {
      expect(c.message).toMatch(/Expected maxpooling to leave its argument img unchanged, but (the length of img(\[\d+\])? changed from \d+ to \d+|img\[\d+\]\[\d+\] changed from -?[\d.e+-]+ to -?[\d.e+-]+)\.$/);
      expect(c.relation).toMatchObject({ id: 'input-mutated', call: 'maxpooling', path: 'img', params: { argument: 1 } });
      expect(observations(c, messages('en'))[0]).toMatch(/^(In every failing case: )?Your maxpooling changes its argument img: after the call, img no longer holds what was passed in\.$/);
    }
  });

  it('says the same in French', async () => {
    const result = await grade(env, CROPS, { lang: 'fr' });
    const bad = failed(result.exercises[0]!.checks).filter((x) => x.visibility === 'public');
    expect(bad.length).toBeGreaterThan(0);
    for (const c of bad) {
      expect(c.message).toMatch(/maxpooling devait laisser son argument img inchangé, mais (la longueur de img(\[\d+\])? est passée de \d+ à \d+|img\[\d+\]\[\d+\] est passé de .+ à .+)\.$/);
      expect(observations(c, messages('fr')).join(' ')).toMatch(/Votre maxpooling modifie son argument img : après l'appel, img ne contient plus ce qui lui a été passé\./);
    }
  });

  it('lets code fill in the defaults of an options object and change its own copies', async () => {
    const result = await grade(env, FILLS_DEFAULTS);
    const ex = result.exercises[0]!;
    expect(ex.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(ex.score).toBe(ex.maxScore);
  });
});
