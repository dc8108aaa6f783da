import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../grader/kit/evaluate.js';
import type { CaseOutcome } from '../grader/kit/check.js';
import { loadExercises } from '../grader/load/exercises.js';
import type { Exercise } from '../grader/load/exercise.js';
import { packageRoots } from '../grader/load/roots.js';
import type { Lang } from '../grader/model/localized.js';
import { dryRunCheck } from '../grader/pack/capture.js';

const SEED = 20261128;
const WRONG = '\u0000neurograde-wrong';

/**
 * The case label a check prints when case `i` alone is answered wrongly (the others with the
 * reference's outputs), as the student reads it: `cas « ... »`.
 */
async function labelOf(exercise: Exercise, checkIndex: number, i: number, lang: Lang): Promise<string | undefined> {
  const check = exercise.checks[checkIndex]!;
  const run = await dryRunCheck(exercise, check, {
    seed: SEED,
    lang,
    answer: (cases) => ({
      ok: true,
      cases: cases.map((steps, k): CaseOutcome => ({ ok: true, outputs: evaluate(exercise.reference, steps).map((o, n) => (k === i && n === 0 ? WRONG : o)) })),
    }),
  });
  if (run.verdict.status !== 'failed') return undefined;
  return (lang === 'fr' ? /^cas « (.*?) » :/ : /^case "(.*?)":/).exec(run.verdict.message)?.[1];
}

interface Labelled {
  readonly where: string;
  readonly en: string;
  readonly fr: string;
}

/** Every case of every check that sends its cases in one batch (fixed and random ones; not properties or models), labelled in both languages. */
async function allLabels(exercises: readonly Exercise[]): Promise<Labelled[]> {
  const out: Labelled[] = [];
  for (const exercise of exercises) {
    for (let c = 0; c < exercise.checks.length; c++) {
      const check = exercise.checks[c]!;
      const { calls } = await dryRunCheck(exercise, check, { seed: SEED, lang: 'en' });
      if (calls.length !== 1) continue;
      for (let i = 0; i < calls[0]!.length; i++) {
        const [en, fr] = [await labelOf(exercise, c, i, 'en'), await labelOf(exercise, c, i, 'fr')];
        if (en !== undefined && fr !== undefined) out.push({ where: `${exercise.manifest.id}/${check.id}#${i}`, en, fr });
      }
    }
  }
  return out;
}

describe('case titles', () => {
  let labels: Labelled[];
  beforeAll(async () => {
    const exercises = (await loadExercises(packageRoots())).filter((e) => e.manifest.id !== 'models');
    labels = await allLabels(exercises);
  }, 120_000);

  it('labels every case of every numeric exercise (the dry runs reach them all)', () => {
    expect(labels.length).toBeGreaterThan(100);
    for (const id of ['convolution', 'image', 'pooling', 'shapes', 'rnn', 'sequences', 'data']) expect(labels.some((l) => l.where.startsWith(`${id}/`))).toBe(true);
  });

  it('gives every case a French title of its own, not the English one', () => {
    expect(labels.filter((l) => l.fr === l.en).map((l) => `${l.where}: ${l.en}`)).toEqual([]);
  });
});
