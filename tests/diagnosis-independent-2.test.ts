import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectations, scoreHeldback, type Scored } from './support/heldback.js';

/**
 * Issue 13's second independent set (tests/fixtures/diagnosis-independent-2): wrong submissions
 * written blind (notes, contract and statements only) while the diagnosis was being tuned by
 * someone else, and labelled before anything was run on them. heldback/ is never read by whoever
 * tunes the diagnosis: its right / none / wrong counts are measured by the lead at the end of the
 * session, not asserted here (a red bar would push the tuner to read it), and a failure here never
 * prints a finding. What is guarded: every submission type-checks, is labelled, and loses points.
 */
const ROOT = join(import.meta.dirname, 'fixtures', 'diagnosis-independent-2');
const HELD = join(ROOT, 'heldback');
// Six written per exercise. sequences/split-with-splice (right values, inputs modified in place)
// lost no point until the input-mutation guard; deleted then, restored with its original label.
const PER_EXERCISE = { convolution: 6, data: 6, image: 6, pooling: 6, rnn: 6, sequences: 6, shapes: 6 };
const labelled = Object.entries(expectations(ROOT));
const files = readdirSync(HELD).flatMap((ex) => readdirSync(join(HELD, ex)).map((f) => `heldback/${ex}/${f.replace(/\.ts$/, '')}`));

describe('the second independent held-back set', () => {
  const scored = new Map<string, Scored>();
  const scratch = mkdtempSync(join(tmpdir(), 'ng-independent-2-'));
  beforeAll(async () => {
    for (const [name, e] of labelled) scored.set(name, await scoreHeldback(name, e, ROOT));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has five or six submissions for every numeric exercise, each one labelled', () => {
    const counts = Object.fromEntries(Object.keys(PER_EXERCISE).map((ex) => [ex, files.filter((f) => f.startsWith(`heldback/${ex}/`)).length]));
    expect(counts).toEqual(PER_EXERCISE);
    expect(labelled.map(([name]) => name).sort()).toEqual([...files].sort());
  });

  it('type-checks under strict TypeScript, like a student file the contract accepts', () => {
    // The repository's tsconfig leaves tests/fixtures out (other fixtures are broken on purpose).
    const config = join(scratch, 'tsconfig.json');
    const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true, noEmit: true, types: [] };
    writeFileSync(config, JSON.stringify({ compilerOptions, files: files.map((f) => join(ROOT, `${f}.ts`)) }));
    const tsc = join(import.meta.dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    // Only the files' names: the compiler's text would quote held-back code.
    const broken = [...new Set([...output.matchAll(/diagnosis-independent-2\/(heldback\/[^(:]+)\.ts/g)].map((m) => m[1]))];
    expect(broken, output ? 'tsc failed' : '').toEqual([]);
    expect(output).toBe('');
  });

  it.each(labelled.map(([name]) => name))('%s loses points', (name) => {
    expect(scored.get(name)!.failed, 'findings of a held-back submission are not shown').toBe(true);
  });
});
