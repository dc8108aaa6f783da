import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SubmissionResultSchema } from '../grader/model/results.js';
import { validator } from '../grader/schema/validate.js';
import { EXAMPLES } from './support/grade.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const out = (): string => mkdtempSync(join(tmpdir(), 'neurograde-cli-'));

describe('neurograde grade', () => {
  it('exits 0 whatever the score, prints the table and writes a results.json valid against its schema', async () => {
    const dir = out();
    const r = await cli(['grade', join(EXAMPLES, 'notes-port'), '--out', dir, '--exercises', 'shapes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^exercise\s+score\s+checks/m);
    expect(r.stdout).toMatch(/shapes\s+\d+\/10/);
    const result = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(validator(SubmissionResultSchema)(result).ok).toBe(true);
    expect(result.exercises[0].score).toBeLessThan(10);
  });

  it.each([
    [['grade'], /grade takes exactly one submission folder/],
    [['grade', EXAMPLES], /grade needs --out/],
    [['grade', join(EXAMPLES, 'correct'), '--out', '/tmp/x', '--lang', 'de'], /--lang must be fr or en, not "de"/],
    [['grade', join(EXAMPLES, 'correct'), '--out', '/tmp/x', '--exercises', ''], /--exercises needs at least one exercise id/],
    [['grade', join(EXAMPLES, 'correct'), '--out', '/tmp/x', '--bogus'], /Unknown option '--bogus'/],
    [['grade', '/no/such/folder', '--out', '/tmp/x'], /\/no\/such\/folder is not a folder/],
    [['grade', join(EXAMPLES, 'correct'), '--out', '/tmp/x', '--isolation', 'none'], /--isolation must be submission or exercise, not "none"/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 with a one-line message for bad usage: %j', async (args, pattern) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with one line listing the known ids for an unknown exercise id (bad usage, as the README says)', async () => {
    const dir = out();
    const r = await cli(['grade', join(EXAMPLES, 'correct'), '--out', dir, '--exercises', 'shapez']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^neurograde: Unknown exercise "shapez"; known: .*shapes\n$/);
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
  });

  it('grades the same with a fresh child per exercise (--isolation exercise) as with shared clean children', async () => {
    const [shared, strict] = [out(), out()];
    const args = ['grade', join(EXAMPLES, 'notes-port'), '--exercises', 'shapes,sequences,data'];
    await Promise.all([cli([...args, '--out', shared]), cli([...args, '--out', strict, '--isolation', 'exercise'])]);
    const checks = (dir: string) =>
      JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).exercises.flatMap((e: { checks: { id: string; status: string; score: number }[] }) =>
        e.checks.map((c) => [c.id, c.status, c.score]),
      );
    expect(checks(strict)).toEqual(checks(shared));
    expect(checks(shared).length).toBeGreaterThan(10);
  });

  it('writes messages in French with --lang fr', async () => {
    const dir = out();
    await cli(['grade', join(EXAMPLES, 'notes-port'), '--out', dir, '--exercises', 'shapes', '--lang', 'fr']);
    const result = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    const failed = result.exercises[0].checks.find((c: { status: string; visibility: string }) => c.status === 'failed' && c.visibility === 'public');
    expect(failed.message).toMatch(/devait valoir .*, mais on obtient/);
    expect(failed.mistake.title).toBe('Division non arrondie');
  });
});
