import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '../kit/check.js';
import type { Exercise } from '../load/exercise.js';
import type { Manifest } from '../model/manifest.js';
import { deriveSeed } from '../data/rng.js';
import { hiddenSeed, planSubmission } from './plan.js';

const check = (id: string): CheckDefinition => ({ id, title: { en: id, fr: id }, run: async () => ({ status: 'passed' }) });

/** An exercise with checks `name:points:public|hidden`, in that order. */
function exercise(id: string, ...checks: string[]): Exercise {
  const entries = checks.map((c) => c.split(':') as [string, string, string]);
  const manifest = { id, file: `${id}.ts`, checks: Object.fromEntries(entries.map(([c, p, v]) => [c, { points: Number(p), public: v === 'public' }])) } as unknown as Manifest;
  return { manifest, dir: id, statement: { en: '', fr: '' }, checks: entries.map(([c]) => check(c)), mistakes: [], reference: {} };
}

const EXERCISES = [exercise('conv', 'a:2:public', 'b:3:hidden', 'c:1:public'), exercise('pool', 'd:4:hidden'), exercise('rnn', 'e:5:public')];

describe('planning a submission', () => {
  it('runs every public check of every exercise before any hidden one', () => {
    const plan = planSubmission(EXERCISES, { mode: 'grade', seed: 1 });
    const order = plan.phases.flatMap((p) => p.exercises.flatMap((e) => e.jobs.map((j) => `${EXERCISES[e.exercise]!.manifest.id}/${j.check.id}:${j.visibility}`)));
    expect(order).toEqual(['conv/a:public', 'conv/c:public', 'rnn/e:public', 'conv/b:hidden', 'pool/d:hidden']);
  });

  it("keeps each exercise's checks in the manifest's order, with their points", () => {
    const [conv] = planSubmission(EXERCISES, { mode: 'grade', seed: 1 }).exercises;
    expect(conv!.jobs.map((j) => [j.check.id, j.index, j.points])).toEqual([['a', 0, 2], ['b', 1, 3], ['c', 2, 1]]);
    expect(conv!.maxScore).toBe(6);
  });

  it("plans the public checks alone for the student's check command", () => {
    const plan = planSubmission(EXERCISES, { mode: 'check', seed: 1 });
    expect(plan.exercises.map((e) => e.jobs.map((j) => j.check.id))).toEqual([['a', 'c'], [], ['e']]);
    expect(plan.exercises.map((e) => e.maxScore)).toEqual([3, 0, 5]);
    expect(plan.phases.find((p) => p.visibility === 'hidden')!.exercises).toEqual([]);
  });

  it('gives each check its own seed, the same for the same grading seed', () => {
    const seeds = (seed: number) => planSubmission(EXERCISES, { mode: 'grade', seed }).exercises.flatMap((e) => e.jobs.map((j) => j.seed));
    expect(seeds(7)).toEqual(seeds(7));
    expect(new Set(seeds(7)).size).toBe(5);
    expect(seeds(8)).not.toEqual(seeds(7));
  });
});

describe('seeds of the planned checks', () => {
  it("draws an exercise's cases from its own seed (exercise.json, per assignment) when it has one, else from the grading seed", () => {
    const pinned = { ...EXERCISES[0]!, manifest: { ...EXERCISES[0]!.manifest, seed: 424242 } };
    const [own, other] = planSubmission([pinned, EXERCISES[1]!], { mode: 'grade', seed: 1 }).exercises;
    expect(own!.jobs.map((j) => j.seed)).toEqual(['a', 'b', 'c'].map((c) => deriveSeed(424242, `conv/${c}`)));
    expect(other!.jobs.map((j) => j.seed)).toEqual([deriveSeed(1, 'pool/d')]);
    // The grading seed does not move a pinned exercise.
    expect(planSubmission([pinned], { mode: 'grade', seed: 2 }).exercises[0]!.jobs.map((j) => j.seed)).toEqual(own!.jobs.map((j) => j.seed));
  });
});

describe('hidden cases that vary per submission (varyHidden)', () => {
  const seeds = (varyHidden?: string) =>
    Object.fromEntries(planSubmission(EXERCISES, { mode: 'grade', seed: 7, ...(varyHidden !== undefined ? { varyHidden } : {}) }).exercises.flatMap((e) => e.jobs.map((j) => [`${e.exercise.manifest.id}/${j.check.id}:${j.visibility}`, j.seed])));
  const pick = (s: Record<string, number>, visibility: string) => Object.entries(s).filter(([k]) => k.endsWith(`:${visibility}`));

  it('gives two submissions different hidden seeds but the same public ones', () => {
    const [alice, bob] = [seeds('alice'), seeds('bob')];
    expect(pick(alice, 'public')).toEqual(pick(bob, 'public'));
    for (const [key, seed] of pick(alice, 'hidden')) expect(bob[key]).not.toBe(seed);
  });

  it('keeps public seeds those of the base seed, the ones the student package ships', () => {
    expect(pick(seeds('alice'), 'public')).toEqual(pick(seeds(), 'public'));
    expect(pick(seeds('alice'), 'hidden')).not.toEqual(pick(seeds(), 'hidden'));
  });

  it('gives the same submission the same seeds at every grading', () => {
    expect(seeds('alice')).toEqual(seeds('alice'));
  });

  it('marks the hidden checks\' seeds as the submission\'s own, so their cases are not kept on disk', () => {
    const own = (varyHidden?: string) =>
      planSubmission(EXERCISES, { mode: 'grade', seed: 7, ...(varyHidden !== undefined ? { varyHidden } : {}) }).exercises.flatMap((e) => e.jobs.map((j) => [j.visibility, j.ownSeed === true]));
    expect(own('alice')).toContainEqual(['hidden', true]);
    expect(own('alice').every(([visibility, mine]) => mine === (visibility === 'hidden'))).toBe(true);
    expect(own().every(([, mine]) => !mine)).toBe(true);
  });

  it("varies a pinned exercise's hidden cases from its own seed", () => {
    const pinned = { ...EXERCISES[0]!, manifest: { ...EXERCISES[0]!.manifest, seed: 424242 } };
    const plan = (varyHidden: string) => planSubmission([pinned], { mode: 'grade', seed: 1, varyHidden }).exercises[0]!.jobs.map((j) => j.seed);
    expect(plan('alice')[0]).toBe(deriveSeed(424242, 'conv/a'));
    expect(plan('alice')[1]).toBe(deriveSeed(hiddenSeed(424242, 'alice'), 'conv/b'));
    expect(plan('alice')[1]).not.toBe(plan('bob')[1]);
  });
});
