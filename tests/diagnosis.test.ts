import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../grader/model/results.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { environment, fixtureDirs, FIXTURES, grade } from './support/grade.js';
import { expectScoresAsBefore } from './support/parity.js';

interface Fixture {
  readonly exercise: string;
  /** partial: a mistake in part or in another form; combination: two at once; uncatalogued: none of the catalogue's; correct: an unusual right answer. */
  readonly kind: 'partial' | 'combination' | 'uncatalogued' | 'correct';
  /** Findings ("m:id", "r:id", "c:by") that diagnose it right: one is enough, all with `all`. */
  readonly expect: readonly string[];
  readonly all?: boolean;
  /** Mistakes that are not wrong to name as well. */
  readonly allowed?: readonly string[];
}

const dirs = fixtureDirs('diagnosis');
const fixtureOf = (name: string): Fixture => JSON.parse(readFileSync(join(FIXTURES, 'diagnosis', name, 'fixture.json'), 'utf8')) as Fixture;

/** A failed check's findings in the fixtures' vocabulary. */
function findings(c: CheckResult): string[] {
  if (c.status !== 'failed') return [];
  return [
    ...[c.mistake, ...(c.alsoMistakes ?? [])].filter((m) => m !== undefined).map((m) => `m:${m.id}`),
    ...(c.relation ? [`r:${c.relation.id}`] : []),
    ...(c.cases ? [`c:${c.cases.by}`] : []),
  ];
}

/**
 * Mistakes written for these tests through the whole grader (sandbox, wire, results): for each
 * numeric exercise a mistake in part or in another form, two mistakes at once, and one the
 * catalogue lacks, each of which must be diagnosed, none misnamed; and right answers written
 * unusually (typed arrays, tf ops, other loop orders), which must pass with no diagnosis.
 */
describe('diagnosis of independently written submissions', () => {
  let env: GradingEnvironment;
  beforeAll(async () => {
    env = await environment(['convolution', 'image', 'pooling', 'shapes', 'rnn', 'sequences', 'data']);
  });

  it('has a partial, a combined and an uncatalogued mistake and a correct unusual answer for every numeric exercise', () => {
    const kinds = new Map<string, Set<string>>();
    for (const d of dirs) {
      const f = fixtureOf(d);
      kinds.set(f.exercise, new Set([...(kinds.get(f.exercise) ?? []), f.kind]));
    }
    for (const e of ['convolution', 'image', 'pooling', 'shapes', 'rnn', 'sequences', 'data']) {
      expect([...(kinds.get(e) ?? [])].sort(), e).toEqual(['combination', 'correct', 'partial', 'uncatalogued']);
    }
  });

  it.each(dirs)('%s', async (name) => {
    const f = fixtureOf(name);
    const result = await grade({ ...env, exercises: env.exercises.filter((e) => e.manifest.id === f.exercise) }, join(FIXTURES, 'diagnosis', name));
    expectScoresAsBefore('diagnosis', name, result);
    const ex = result.exercises[0]!;
    if (f.kind === 'correct') {
      expect(ex.checks.filter((c) => c.status !== 'passed')).toEqual([]);
      expect(ex.score).toBe(ex.maxScore);
      return;
    }
    const found = new Set(ex.checks.flatMap(findings));
    expect(ex.score).toBeLessThan(ex.maxScore);
    const named = [...found].filter((t) => t.startsWith('m:'));
    // A misnamed mistake is a failure: every name given must be one the fixture expects or allows.
    expect(named.filter((t) => !f.expect.includes(t) && !(f.allowed ?? []).includes(t))).toEqual([]);
    if (f.all) expect(f.expect.filter((t) => !found.has(t))).toEqual([]);
    else expect(f.expect.some((t) => found.has(t)), [...found].join(' ')).toBe(true);
  });
});
