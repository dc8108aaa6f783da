import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testEnvironment } from '../../tests/support/sandbox.js';
import type { GradingEnvironment } from '../execute/grade-submission.js';
import { SubmissionChildren } from './children.js';
import type { SessionLimits, SessionOptions } from './session.js';
import { SpareChildren } from './spares.js';
import { plainChildOptions, stockFirstChildren } from '../execute/first-children.js';
import { DEFAULT_LIMITS } from '../execute/options.js';
import type { Step } from './steps.js';

const LIMITS: SessionLimits = { timeMs: 5_000, graderMs: 30_000, memoryMb: 2_048, outputBytes: 1024 * 1024, processes: 64, maxItems: 100_000 };
const call = (fn: string, ...args: unknown[]): Step => ({ op: 'call', fn, args: args.map((data) => ({ data })) });
const TFJS = pathToFileURL(createRequire(import.meta.url).resolve('@tensorflow/tfjs')).href;

/** Children kept booted between the submissions of one environment. */
describe('SpareChildren', () => {
  let env: GradingEnvironment;
  let spares: SpareChildren;
  const submissions: SubmissionChildren[] = [];
  beforeAll(async () => {
    env = await testEnvironment({ only: ['shapes'], prewarm: false });
  });
  afterEach(() => {
    for (const s of submissions.splice(0)) s.close();
    spares?.close();
  });
  const submission = (): SubmissionChildren => {
    const s = new SubmissionChildren({ spares });
    submissions.push(s);
    return s;
  };
  const options = (code: string, exports: string[], preload: string[] = []): SessionOptions => ({
    launcher: env.launcher,
    launch: { childScript: env.childScript, readPaths: preload.length > 0 ? env.readPaths : [] },
    limits: LIMITS,
    code,
    exports,
    preload,
  });

  it("hands the next submission a child that ran none of the previous one's code", async () => {
    spares = new SpareChildren();
    const leaky = options('globalThis.leak = 42; export const f = () => typeof globalThis.leak;', ['f']);
    const first = await submission().acquire('public', leaky);
    if (!first.ok) throw new Error(JSON.stringify(first));
    // The first submission's child started: two of its kind now boot for the next submissions.
    expect(spares.size).toBe(2);
    const next = await submission().acquire('public', leaky);
    if (!next.ok) throw new Error(JSON.stringify(next));
    expect(next.session).not.toBe(first.session);
    // A spare was taken (and another booted): the module ran in it afresh, as in a new child.
    expect(spares.size).toBe(2);
    const run = await next.session.run([[call('f')]]);
    expect(run.ok && run.cases[0]).toEqual({ ok: true, outputs: ['number'] });
    first.session.close();
    next.session.close();
  });

  it('never hands out a spare of another kind, and keeps one per kind asked for', async () => {
    spares = new SpareChildren();
    const plain = options('export const f = () => 1;', ['f']);
    expect(spares.wants(plain)).toBe(true);
    const got = await submission().acquire('public', plain);
    if (!got.ok) throw new Error(JSON.stringify(got));
    // Other limits make another kind of child: none is kept for it, so none is taken.
    const other = { ...plain, limits: { ...LIMITS, memoryMb: 1_024 } };
    expect(spares.take(other)).toBeUndefined();
    // Once a submission started a child, a guess of another kind is not wanted, that kind is.
    expect([spares.wants(other), spares.wants(plain)]).toEqual([false, true]);
    expect(spares.size).toBe(2);
    const same = [spares.take(plain), spares.take(plain)];
    expect(same.map((s) => s?.alive)).toEqual([true, true]);
    expect(same[0]).not.toBe(same[1]);
    expect([spares.size, spares.take(plain)]).toEqual([0, undefined]);
    for (const s of same) s?.close();
    got.session.close();
  });

  it('boots a spare with the packages its kind preloads, and its module imports them as usual', async () => {
    spares = new SpareChildren();
    const code = `import * as tf from ${JSON.stringify(TFJS)}; export const f = () => tf.tensor([1, 2]).shape.length;`;
    const withTf = options(code, ['f'], [TFJS]);
    spares.replenish(withTf);
    const next = await submission().acquire('public', withTf);
    if (!next.ok) throw new Error(JSON.stringify(next));
    const run = await next.session.run([[call('f')]]);
    expect(run.ok && run.cases[0]).toEqual({ ok: true, outputs: [1] });
    next.session.close();
  });

  it('without refill (one grading), keeps only what was stocked: a started child boots no spare for a next submission', async () => {
    spares = new SpareChildren({ refill: false });
    const plain = options('export const f = () => 1;', ['f']);
    spares.stock(plain);
    expect(spares.size).toBe(2);
    const first = await submission().acquire('public', plain);
    if (!first.ok) throw new Error(JSON.stringify(first));
    // The stocked child was taken; none is booted in its place.
    expect(spares.size).toBe(1);
    const second = await submission().acquire('public', plain);
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(spares.size).toBe(0);
    first.session.close();
    second.session.close();
  });

  it('stockFirstChildren boots the plain kind most manifests give, which the first exercise then takes', async () => {
    spares = new SpareChildren({ refill: false });
    const o = { limits: { ...DEFAULT_LIMITS } };
    const manifests = [{ limits: { timeMs: 3_000 } }, { limits: { timeMs: 10_000, memoryMb: 4_096 } }, { limits: { timeMs: 3_000 } }];
    stockFirstChildren(spares, env, manifests, o);
    expect(spares.size).toBe(2);
    const rare = plainChildOptions(env, manifests[1]!, o);
    const common = plainChildOptions(env, manifests[0]!, o);
    expect(spares.take(rare)).toBeUndefined();
    const got = await submission().acquire('public', { ...common, code: 'export const f = () => 1;', exports: ['f'] });
    if (!got.ok) throw new Error(JSON.stringify(got));
    expect(spares.size).toBe(1);
    got.session.close();
  });

  it('ends its spares on close, and boots none after', async () => {
    spares = new SpareChildren();
    const plain = options('export const f = () => 1;', ['f']);
    spares.replenish(plain);
    expect(spares.size).toBe(2);
    spares.close();
    expect(spares.size).toBe(0);
    expect(spares.take(plain)).toBeUndefined();
    spares.replenish(plain);
    expect(spares.size).toBe(0);
  });
});
