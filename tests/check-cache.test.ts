import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './support/grade.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');
const work = mkdtempSync(join(tmpdir(), 'neurograde-check-cache-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A denseModel with the wrong number of units: its learning check trains it (and the reference).
const WRONG_UNITS = join(FIXTURES, 'models', 'model-wrong-units');

function run(command: 'check' | 'grade', cache: string, out: string): { checks: { id: string; status: string; message: string }[] } {
  const r = spawnSync(process.execPath, [BIN, command, WRONG_UNITS, '--exercises', 'models', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, NEUROGRADE_CACHE_DIR: cache },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { exercises: { checks: { id: string; status: string; message: string }[] }[] }).exercises[0]!;
}

/** Each stored result's file with its inode: a result trained again is written anew (a new file renamed in). */
const stored = (dir: string): string[] => readdirSync(dir).sort().map((f) => `${f}@${statSync(join(dir, f)).ino}`);

describe("a student's check keeps model results between runs", () => {
  it('the second check of an unchanged model trains nothing: every result comes from the cache folder, and the verdicts are the same', () => {
    const cache = join(work, 'cache');
    const first = run('check', cache, join(work, 'first'));
    const folder = join(cache, 'check-models');
    const kept = stored(folder);
    // The student's training and the reference's.
    expect(kept.filter((f) => f.includes('.json@')).length).toBeGreaterThanOrEqual(2);
    expect(kept.filter((f) => !f.includes('.json@'))).toEqual([]);
    const second = run('check', cache, join(work, 'second'));
    expect(stored(folder)).toEqual(kept);
    expect(second.checks.map((c) => [c.id, c.status, c.message])).toEqual(first.checks.map((c) => [c.id, c.status, c.message]));
    expect(first.checks.find((c) => c.id === 'dense-learns')?.status).toMatch(/passed|failed/);
  });

  it('grade never reads nor writes the cache folder: a student can write it', () => {
    const cache = join(work, 'grade-cache');
    run('grade', cache, join(work, 'graded'));
    expect(existsSync(join(cache, 'check-models'))).toBe(false);
  });
});
