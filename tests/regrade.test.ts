import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchOptions } from '../grader/batch/options.js';
import { runBatch } from '../grader/batch/run-batch.js';
import { EXAMPLES, FIXTURES } from './support/grade.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');
const work = mkdtempSync(join(tmpdir(), 'neurograde-regrade-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CORRECT = join(EXAMPLES, 'correct');
const rows = (out: string, file = 'gradebook.csv'): string[] => readFileSync(join(out, file), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
const exercisesOf = (out: string, name: string): [string, number][] =>
  JSON.parse(readFileSync(join(out, name, 'results.json'), 'utf8')).exercises.map((e: { id: string; score: number }) => [e.id, e.score]);

/** ann: both exercises right; bob: the flooring mistake in shapes, one window too few in sequences. */
function makeClass(root: string): void {
  for (const name of ['ann', 'bob']) mkdirSync(join(root, name), { recursive: true });
  for (const f of ['shapes.ts', 'sequences.ts']) cpSync(join(CORRECT, f), join(root, 'ann', f));
  cpSync(join(FIXTURES, 'mistakes', 'shape-no-flooring', 'shapes.ts'), join(root, 'bob', 'shapes.ts'));
  cpSync(join(FIXTURES, 'mistakes', 'window-one-too-few', 'sequences.ts'), join(root, 'bob', 'sequences.ts'));
}

function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('regrading some exercises into an output folder that holds others', () => {
  const base = (input: string, out: string): BatchOptions => ({ input, out, jobs: 2, workers: 'inline' });

  it('keeps every other grade: merged results.json, every gradebook column, the previous gradebook kept', async () => {
    const klass = join(work, 'keep-class');
    const out = join(work, 'keep-out');
    makeClass(klass);
    await runBatch({ ...base(klass, out), exercises: ['shapes', 'sequences'] });
    const first = rows(out);
    expect(first[0]).toBe('student,shapes,sequences,total');
    const bobSequences = exercisesOf(out, 'bob').find(([id]) => id === 'sequences')![1];
    expect(bobSequences).toBeLessThan(exercisesOf(out, 'ann').find(([id]) => id === 'sequences')![1]);

    // The teacher's fix reaches bob's shapes only: regrade that one exercise.
    cpSync(join(CORRECT, 'shapes.ts'), join(klass, 'bob', 'shapes.ts'));
    const regrade = await runBatch({ ...base(klass, out), exercises: ['shapes'] });
    expect(regrade.kept).toEqual(['sequences']);
    expect(regrade.graded).toEqual(['ann', 'bob']);
    expect(rows(out)[0]).toBe('student,shapes,sequences,total');
    expect(exercisesOf(out, 'bob')).toEqual([['shapes', 10], ['sequences', bobSequences]]);
    expect(rows(out)).toContain(`bob,10,${bobSequences},${10 + bobSequences}`);
    expect(rows(out, 'gradebook.previous.csv')).toEqual(first);
    // The LMS layouts keep theirs too.
    expect(existsSync(join(out, 'gradebook-moodle.previous.csv'))).toBe(true);
    const klassResults = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(klassResults.exercises.map((e: { id: string }) => e.id)).toEqual(['shapes', 'sequences']);
    expect(existsSync(join(out, 'results.previous.json'))).toBe(true);

    // Run again unchanged: taken from the cache, same grades, the previous gradebook untouched.
    const merged = rows(out);
    const again = await runBatch({ ...base(klass, out), exercises: ['shapes'] });
    expect(again.cached).toEqual(['ann', 'bob']);
    expect(rows(out)).toEqual(merged);
    expect(rows(out, 'gradebook.previous.csv')).toEqual(first);
    expect(exercisesOf(out, 'bob')).toEqual([['shapes', 10], ['sequences', bobSequences]]);
  });

  it('drops the other grades only with --replace, and keeps the gradebook it replaced', async () => {
    const klass = join(work, 'replace-class');
    const out = join(work, 'replace-out');
    makeClass(klass);
    await runBatch({ ...base(klass, out), exercises: ['shapes', 'sequences'] });
    await runBatch({ ...base(klass, out), exercises: ['shapes'] });
    const before = rows(out);
    const r = await cli(['batch', klass, '--out', out, '--exercises', 'shapes', '--replace', '--inline']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Kept/);
    expect(rows(out)[0]).toBe('student,shapes,total');
    // Cached, yet cut down to what was asked: the per-submission results agree with the gradebook.
    expect(exercisesOf(out, 'ann')).toEqual([['shapes', 10]]);
    expect(rows(out, 'gradebook.previous.csv')).toEqual(before);
  });

  it('says what it kept, and refuses to mix languages with a one-line message (exit 2)', async () => {
    const klass = join(work, 'lang-class');
    const out = join(work, 'lang-out');
    makeClass(klass);
    await runBatch({ ...base(klass, out), exercises: ['shapes', 'sequences'] });
    const kept = await cli(['batch', klass, '--out', out, '--exercises', 'shapes', '--inline']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("Kept every submission's grades of sequences from the previous run (--replace drops them).");
    const fr = await cli(['batch', klass, '--out', out, '--exercises', 'shapes', '--lang', 'fr', '--inline']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toMatch(/corrigé en en \(sequences\) ; passez --lang en, ou --replace/);
    expect(fr.stderr.trim().split('\n')).toHaveLength(1);
  });

  describe('killed mid-way', () => {
    const klass = join(work, 'kill-class');
    const [whole, killed] = [join(work, 'kill-whole'), join(work, 'kill-killed')];
    // The class graded, then regraded once uninterrupted: what the killed regrade must end with.
    beforeAll(async () => {
      makeClass(klass);
      cpSync(join(klass, 'ann'), join(klass, 'cid'), { recursive: true });
      await runBatch({ ...base(klass, whole), exercises: ['shapes', 'sequences'] });
      cpSync(whole, killed, { recursive: true });
      cpSync(join(CORRECT, 'shapes.ts'), join(klass, 'bob', 'shapes.ts'));
      // Regraded last (names sort) and busy at load until its 3 s time limit: once the first
      // submission is regraded, the batch has at least 3 s left to be killed in, on any machine.
      cpSync(join(FIXTURES, 'batch', 'busy-at-load'), join(klass, 'zed'), { recursive: true });
      await runBatch({ ...base(klass, whole), exercises: ['shapes'] });
    });

    it('a regrade killed mid-way and run again ends with the same gradebook as an uninterrupted one', async () => {
      const marker = (n: string): string => (existsSync(join(killed, n, '.neurograde-cache.json')) ? readFileSync(join(killed, n, '.neurograde-cache.json'), 'utf8') : '');
      const markers = (): string[] => readdirSync(klass).map(marker);
      const before = markers();
      const child = spawn(process.execPath, [BIN, 'batch', klass, '--out', killed, '--exercises', 'shapes', '--jobs', '1', '--inline'], { stdio: 'ignore', detached: true });
      const exited = new Promise((r) => child.once('exit', r));
      // SIGKILL the CLI once one submission of the regrade is complete, before the class files.
      for (;;) {
        if (markers().some((m, i) => m !== before[i])) break;
        if (child.exitCode !== null) throw new Error('the regrade ended before it could be killed');
        await new Promise((r) => setTimeout(r, 10));
      }
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already finished.
      }
      await exited;
      const resumed = await runBatch({ ...base(klass, killed), exercises: ['shapes'] });
      expect(resumed.cached.length).toBeGreaterThan(0);
      expect(rows(killed)).toEqual(rows(whole));
      for (const n of readdirSync(klass)) expect(exercisesOf(killed, n)).toEqual(exercisesOf(whole, n));
    });
  });
});
