import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SubmissionResultSchema } from '../grader/model/results.js';
import { validator } from '../grader/schema/validate.js';
import { EXAMPLES, FIXTURES } from './support/grade.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');
const work = mkdtempSync(join(tmpdir(), 'neurograde-check-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function student(name: string, source: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(source, join(dir, 'shapes.ts'));
  return dir;
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

describe('neurograde check', () => {
  it('runs the public checks only, prints the table and writes results.json and the reports to <dir>/.neurograde', async () => {
    const dir = student('checked', join(FIXTURES, 'mistakes', 'shape-no-flooring', 'shapes.ts'));
    const r = await cli(['check', dir, '--exercises', 'shapes']);
    expect(r.code).toBe(0);
    // The table names the mistake in words, not by its code.
    expect(r.stdout).toMatch(/shapes\s+\d+\/7\s+2\/3 passed\s+Division not floored$/m);
    expect(r.stdout).not.toContain('shape-no-flooring');
    // Each failed check vitest-style, plain off a terminal: the mistake in one sentence and its hint, file:line, and where to read more.
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/^ FAIL  shapes > flooring {2}/m);
    expect(r.stdout).toMatch(/^ {4}Mistake: Division not floored$/m);
    expect(r.stdout).toMatch(/^ {4}Hint: Use Math\.floor on the division\.$/m);
    expect(r.stdout).toMatch(/^ {4}❯ .*shapes\.ts:\d+$/m);
    const report = pathToFileURL(join(dir, '.neurograde', 'report.html')).href;
    expect(r.stdout).toContain(`    More in the report: ${report}#ex--shapes--flooring`);
    expect(r.stdout).toContain(`Report: ${report}`);
    const result = JSON.parse(readFileSync(join(dir, '.neurograde', 'results.json'), 'utf8'));
    expect(validator(SubmissionResultSchema)(result).ok).toBe(true);
    expect(result.mode).toBe('check');
    expect(result.exercises[0].checks.every((c: { visibility: string }) => c.visibility === 'public')).toBe(true);
    expect(existsSync(join(dir, '.neurograde', 'summary.md'))).toBe(true);
  });

  it('says a file does not compile once, with its place, the source line and a caret, in the pack\'s language without --lang', async () => {
    const dir = student('broken', join(FIXTURES, 'faults', 'compile-error', 'shapes.ts'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pack', neurograde: { lang: 'fr' } }));
    const r = await cli(['check', dir, '--exercises', 'shapes']);
    expect(r.code).toBe(0);
    const source = readFileSync(join(dir, 'shapes.ts'), 'utf8').split('\n')[1]!;
    expect(r.stdout.match(/ne compile pas : le compilateur signale/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/^ ÉCHEC  shapes {2}/m);
    // The compiler's own words kept, quoted, inside a French sentence.
    expect(r.stdout).toContain(`    shapes.ts:2:63 ne compile pas : le compilateur signale « Expected identifier but found "," ».`);
    expect(r.stdout).toContain(`    2 | ${source}\n${' '.repeat(4 + '2 | '.length + 62)}^\n`);
    expect(r.stdout).toMatch(/^shapes\s+0\/7\s+0\/3 réussies\s+ne compile pas \(shapes\.ts:2:63\)$/m);
    expect(r.stdout).toContain(`Plus de détails dans le rapport : ${pathToFileURL(join(dir, '.neurograde', 'report.html')).href}#ex--shapes`);
  });

  it('--watch checks again when a .ts file is saved, and stops cleanly on SIGINT', async () => {
    const dir = student('watched', join(FIXTURES, 'mistakes', 'shape-no-flooring', 'shapes.ts'));
    const child = spawn(process.execPath, [BIN, 'check', dir, '--exercises', 'shapes', '--watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const waitFor = (pattern: RegExp): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${stdout}`)), 60_000);
        const look = (): void => {
          if (pattern.test(stdout)) {
            clearTimeout(timer);
            child.stdout.off('data', look);
            resolve();
          }
        };
        child.stdout.on('data', look);
        look();
      });
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.once('exit', r));

    await waitFor(/shapes\s+5\/7/);
    // Not a .ts file: no new check.
    writeFileSync(join(dir, 'notes.md'), 'thinking');
    writeFileSync(join(dir, 'shapes.ts'), readFileSync(join(EXAMPLES, 'correct', 'shapes.ts')));
    await waitFor(/shapes\.ts changed: checking again\.[\s\S]*shapes\s+7\/7/);
    expect(stdout).not.toMatch(/notes\.md changed/);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/Stopped watching\.\s*$/);
    // How many checks one save starts depends on when its writes reach the watcher (the debounce
    // merges only those that come close together): what never changes is that every check after
    // the first was started by shapes.ts and ran to its total (SIGINT waits for a running check).
    const checks = (stdout.match(/^total\s/gm) ?? []).length;
    const rechecks = (stdout.match(/shapes\.ts changed: checking again\./g) ?? []).length;
    expect(checks).toBeGreaterThanOrEqual(2);
    expect(checks).toBe(1 + rechecks);
  });

  it('refuses a path that is not a folder with one line and exit 2', async () => {
    const r = await cli(['check', join(work, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
