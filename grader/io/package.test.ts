import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graderBuild } from './package.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A built package: its package.json, its build stamp and npm's record of its packages. */
function built(name: string, files: { stamp?: string; installed?: string } = {}): string {
  const root = join(work, name);
  mkdirSync(join(root, 'dist'), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{"name":"neurograde","version":"0.1.0"}');
  if (files.stamp !== undefined) writeFileSync(join(root, 'dist', 'build-stamp.json'), files.stamp);
  if (files.installed !== undefined) writeFileSync(join(root, 'node_modules', '.package-lock.json'), files.installed);
  return root;
}

describe("the grader's build", () => {
  const one = graderBuild(built('one', { stamp: '{"builtAt":1}', installed: '{"fast-check":"4.1.0"}' }));

  it('is the same for the same build and packages', () => {
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(graderBuild(built('one-again', { stamp: '{"builtAt":1}', installed: '{"fast-check":"4.1.0"}' }))).toBe(one);
  });

  it.each([
    ['a new build', { stamp: '{"builtAt":2}', installed: '{"fast-check":"4.1.0"}' }],
    ['another version of a package', { stamp: '{"builtAt":1}', installed: '{"fast-check":"4.2.0"}' }],
  ])('changes with %s', (name, files) => {
    expect(graderBuild(built(name, files))).not.toBe(one);
  });

  it.each([
    ['no build stamp', { installed: '{}' }],
    ['no record of the installed packages', { stamp: '{"builtAt":1}' }],
  ])('is unknown with %s', (name, files) => {
    expect(graderBuild(built(name, files))).toBeUndefined();
  });
});
