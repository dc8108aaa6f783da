import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleSubmissionFile } from '../load/bundle.js';
import { testEnvironment } from '../../tests/support/sandbox.js';
import type { GradingEnvironment } from '../execute/grade-submission.js';
import { SubmissionChildren } from './children.js';
import type { SessionLimits, SessionOptions } from './session.js';
import type { Step } from './steps.js';

const LIMITS: SessionLimits = { timeMs: 5_000, graderMs: 30_000, memoryMb: 2_048, outputBytes: 1024 * 1024, processes: 64, maxItems: 100_000 };
const call = (fn: string, ...args: unknown[]): Step => ({ op: 'call', fn, args: args.map((data) => ({ data })) });
const CORRECT = join(import.meta.dirname, '..', '..', 'examples', 'submissions', 'correct');

/** Children of one submission, under the strongest launcher this machine has (as graded). */
describe('SubmissionChildren', () => {
  let env: GradingEnvironment;
  let children: SubmissionChildren;
  beforeAll(async () => {
    env = await testEnvironment({ only: ['shapes'], prewarm: false });
  });
  afterEach(() => children?.close());
  const options = (code: string, exports: string[]): SessionOptions => ({
    launcher: env.launcher,
    launch: { childScript: env.childScript, readPaths: env.readPaths },
    limits: LIMITS,
    code,
    exports,
  });

  it("runs the correct example's exercises one after the other in a single child", async () => {
    children = new SubmissionChildren();
    for (const file of ['convolution.ts', 'pooling.ts', 'shapes.ts', 'rnn.ts', 'sequences.ts', 'data.ts', 'image.ts']) {
      const bundle = await bundleSubmissionFile(CORRECT, file);
      if (!bundle.ok) throw new Error(`${file} does not bundle`);
      expect(bundle.externals).toEqual([]);
      const got = await children.acquire('public', options(bundle.code, []));
      if (!got.ok) throw new Error(`${file}: ${JSON.stringify(got)}`);
      children.release('public', options(bundle.code, []), got.session, true);
    }
    expect(children.started).toBe(1);
  });

  it('gives every exercise a fresh child when reuse is off (--isolation exercise)', async () => {
    children = new SubmissionChildren({ reuse: false });
    const code = 'export const f = () => 1;';
    for (let i = 0; i < 3; i++) {
      const got = await children.acquire('public', options(code, ['f']));
      if (!got.ok) throw new Error('no child');
      children.release('public', options(code, ['f']), got.session, true);
    }
    expect(children.started).toBe(3);
  });

  it.each([
    ['a new global', 'globalThis.leak = 42; export const f = () => 1;'],
    ['a replaced global', 'globalThis.setTimeout = () => 0; export const f = () => 1;'],
    ['a timer left running', 'setInterval(() => {}, 1000); export const f = () => 1;'],
    ['a process listener', "process.on('exit', () => {}); export const f = () => 1;"],
    ['a changed environment', 'process.env.LEAK = "x"; export const f = () => 1;'],
    ['a grown argv', 'process.argv.push("hidden"); export const f = () => 1;'],
  ])('gives the next exercise a fresh child after %s', async (_, code) => {
    children = new SubmissionChildren();
    const first = await children.acquire('public', options(code, ['f']));
    if (!first.ok) throw new Error(JSON.stringify(first));
    children.release('public', options(code, ['f']), first.session, true);
    const next = await children.acquire('public', options('export const g = () => typeof globalThis.leak;', ['g']));
    if (!next.ok) throw new Error(JSON.stringify(next));
    expect(children.started).toBe(2);
    const run = await next.session.run([[call('g')]]);
    expect(run.ok && run.cases[0]).toEqual({ ok: true, outputs: ['undefined'] });
  });

  it('hands a public child on to a hidden phase, and never a child that ran a hidden phase to a public one', async () => {
    children = new SubmissionChildren();
    const code = 'export const f = () => 1;';
    const a = await children.acquire('public', options(code, ['f']));
    if (!a.ok) throw new Error('no child');
    children.release('public', options(code, ['f']), a.session, true);
    const b = await children.acquire('hidden', options(code, ['f']));
    if (!b.ok) throw new Error('no child');
    expect(b.session).toBe(a.session);
    children.release('hidden', options(code, ['f']), b.session, true);
    expect(b.session.alive).toBe(true);
    // It saw hidden inputs: a public phase gets another child.
    const c = await children.acquire('public', options(code, ['f']));
    if (!c.ok) throw new Error('no child');
    expect(c.session).not.toBe(a.session);
    children.release('public', options(code, ['f']), c.session, true);
    // A hidden phase takes the child that saw hidden inputs already, not the clean one.
    const d = await children.acquire('hidden', options(code, ['f']));
    if (!d.ok) throw new Error('no child');
    expect(d.session).toBe(a.session);
    expect(children.started).toBe(2);
    const run = await d.session.run([[call('f')]]);
    expect(run.ok && run.cases[0]).toEqual({ ok: true, outputs: [1] });
  });

  it('never hands a child that may read no package to a module that imports one', async () => {
    children = new SubmissionChildren();
    const lean = { ...options('export const f = () => 1;', ['f']), launch: { childScript: env.childScript, readPaths: [] } };
    const a = await children.acquire('public', lean);
    if (!a.ok) throw new Error('no child');
    children.release('public', lean, a.session, true);
    // As bundleSubmissionFile writes it: the grader's own copy, by file URL.
    const tfjsUrl = pathToFileURL(createRequire(import.meta.url).resolve('@tensorflow/tfjs')).href;
    const tfjs = options(`import * as tf from ${JSON.stringify(tfjsUrl)}; export const f = () => typeof tf.tensor;`, ['f']);
    const b = await children.acquire('public', tfjs);
    if (!b.ok) throw new Error(JSON.stringify(b));
    expect(b.session).not.toBe(a.session);
    expect(children.started).toBe(2);
  });

  it('never hands on a child marked not reusable', async () => {
    children = new SubmissionChildren();
    const code = 'export const f = () => 1;';
    const a = await children.acquire('public', options(code, ['f']));
    if (!a.ok) throw new Error('no child');
    children.release('public', options(code, ['f']), a.session, false);
    const b = await children.acquire('hidden', options(code, ['f']));
    if (!b.ok) throw new Error('no child');
    expect(b.session).not.toBe(a.session);
    expect(children.started).toBe(2);
  });

  it("reports a module's own load error from a reused child, as a fresh child would", async () => {
    children = new SubmissionChildren();
    const a = await children.acquire('public', options('export const f = () => 1;', ['f']));
    if (!a.ok) throw new Error('no child');
    children.release('public', options('', ['f']), a.session, true);
    const b = await children.acquire('public', options('throw new TypeError("broken at import");', ['f']));
    expect(b).toMatchObject({ ok: false, failure: { kind: 'load-error', name: 'TypeError', message: 'broken at import' } });
  });

  it('loads the module into the child booted ahead for it, and ends one started with other limits', async () => {
    children = new SubmissionChildren();
    const code = 'export const f = () => 1;';
    const booted = children.boot(options(code, ['f']))!;
    const got = await children.acquire('hidden', options(code, ['f']), booted);
    if (!got.ok) throw new Error(JSON.stringify(got));
    expect(got.session).toBe(booted);
    const run = await got.session.run([[call('f')]]);
    expect(run.ok && run.cases[0]).toEqual({ ok: true, outputs: [1] });
    const other = children.boot({ ...options(code, ['f']), limits: { ...LIMITS, memoryMb: 1_024 } })!;
    const fresh = await children.acquire('hidden', options(code, ['f']), other);
    if (!fresh.ok) throw new Error(JSON.stringify(fresh));
    expect(fresh.session).not.toBe(other);
    expect(other.alive).toBe(false);
    expect([children.booted, children.started]).toEqual([2, 2]);
  });

  it('ends the child booted ahead when a public phase takes a clean used one instead', async () => {
    children = new SubmissionChildren();
    const code = 'export const f = () => 1;';
    const a = await children.acquire('public', options(code, ['f']));
    if (!a.ok) throw new Error('no child');
    children.release('public', options(code, ['f']), a.session, true);
    const booted = children.boot(options(code, ['f']))!;
    const b = await children.acquire('public', options(code, ['f']), booted);
    if (!b.ok) throw new Error('no child');
    expect(b.session).toBe(a.session);
    expect(booted.alive).toBe(false);
  });

  it('ends, when the submission is done, every child booted ahead that nothing took, and boots none after', () => {
    children = new SubmissionChildren();
    const booted = [children.boot(options('', [])), children.boot(options('', []))];
    expect(booted.map((s) => s?.alive)).toEqual([true, true]);
    children.close();
    expect(booted.map((s) => s?.alive)).toEqual([false, false]);
    expect(children.boot(options('', []))).toBeUndefined();
  });

  it('boots nothing ahead when prewarming is off', () => {
    children = new SubmissionChildren({ prewarm: false });
    expect(children.boot(options('', []))).toBeUndefined();
    expect(children.booted).toBe(0);
  });
});
