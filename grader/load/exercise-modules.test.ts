import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as kit from '../kit/index.js';
import { bundleExerciseModules, type ModuleOutcome } from './exercise-modules.js';

// esbuild as it is, its builds counted: a load whose modules did not change runs none.
const builds = vi.hoisted(() => ({ count: 0 }));
vi.mock('esbuild', async (original) => {
  const esbuild = await original<typeof import('esbuild')>();
  return { ...esbuild, build: (...args: Parameters<typeof esbuild.build>) => (builds.count++, esbuild.build(...args)) };
});

// The module bundles import for `@tensorflow/tfjs` (the built shim in dist/): here a stand-in, so
// that an exercise importing tfjs' own file instead is seen (run from sources, both are that file).
const shim = vi.hoisted(() => ({ url: '' }));
vi.mock('./bundle.js', async (original) => {
  const { mkdtempSync: mkdtemp, writeFileSync: write } = await import('node:fs');
  const dir = mkdtemp((await import('node:path')).join((await import('node:os')).tmpdir(), 'neurograde-tfjs-stand-in-'));
  const file = `${dir}/tfjs.mjs`;
  write(file, "export const sequential = 'the shim';\n");
  shim.url = (await import('node:url')).pathToFileURL(file).href;
  return { ...(await original<typeof import('./bundle.js')>()), TFJS_MODULE: shim.url };
});

const work = mkdtempSync(join(tmpdir(), 'neurograde-exercise-modules-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(join(fileURLToPath(shim.url), '..'), { recursive: true, force: true });
});

// Saved a minute ago: a file saved in the very millisecond a build starts is not trusted to be what it read (no record).
const minuteAgo = new Date(Date.now() - 60_000);

function course(files: Record<string, string>): string {
  const root = mkdtempSync(join(work, 'course-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    utimesSync(join(root, path), minuteAgo, minuteAgo);
  }
  return root;
}

async function imported(outcome: ModuleOutcome | undefined): Promise<Record<string, unknown>> {
  if (!outcome?.ok) throw new Error(`not bundled: ${outcome?.message}`);
  return (await import(outcome.url)) as Record<string, unknown>;
}

describe("a teacher's exercise modules, bundled at load", () => {
  it("share the grader's own kit and packages: the very modules the grader runs, not copies", async () => {
    const root = course({
      'checks/index.ts': "import { casesCheck } from 'neurograde/kit';\nimport fc from 'fast-check';\nexport const used: unknown[] = [casesCheck, fc];\n",
    });
    const out = await bundleExerciseModules({ checks: join(root, 'checks/index.ts') }, join(work, 'cache'));
    const used = (await imported(out.get('checks'))).used as unknown[];
    expect(used[0]).toBe(kit.casesCheck);
    expect(used[1]).toBe(fc);
  });

  it("import tfjs as submissions do, through TFJS_MODULE (the built shim), not tfjs' CommonJS file", async () => {
    const root = course({ 'reference.ts': "import * as tf from '@tensorflow/tfjs';\nexport const sequential = tf.sequential;\n" });
    const out = await bundleExerciseModules({ reference: join(root, 'reference.ts') }, join(work, 'cache'));
    expect((await imported(out.get('reference'))).sequential).toBe('the shim');
  });

  it('share one copy of a module the checks and the reference both import', async () => {
    const root = course({
      'shared.ts': 'export class Layer { readonly n = 1; }\n',
      'checks/index.ts': "import { Layer } from '../shared.js';\nexport const checks = [Layer];\n",
      'reference.ts': "export { Layer } from './shared.js';\n",
    });
    const out = await bundleExerciseModules({ checks: join(root, 'checks/index.ts'), reference: join(root, 'reference.ts') }, join(work, 'cache'));
    const [checks, reference] = await Promise.all([imported(out.get('checks')), imported(out.get('reference'))]);
    expect((checks.checks as unknown[])[0]).toBe(reference.Layer);
  });

  it('bundle a package only the course folder has', async () => {
    const root = course({
      'node_modules/course-helper/package.json': '{ "name": "course-helper", "type": "module", "main": "index.js" }',
      'node_modules/course-helper/index.js': 'export const helper = () => 42;\n',
      'checks/index.ts': "import { helper } from 'course-helper';\nexport const answer: number = helper();\n",
    });
    const out = await bundleExerciseModules({ checks: join(root, 'checks/index.ts') }, join(work, 'cache'));
    expect((await imported(out.get('checks'))).answer).toBe(42);
  });

  it("name the file and line of a syntax error, and still bundle the exercise's other modules", async () => {
    const root = course({ 'checks/index.ts': 'export const checks = [;\n', 'mistakes/index.ts': 'export const mistakes: string[] = [];\n' });
    const out = await bundleExerciseModules({ checks: join(root, 'checks/index.ts'), mistakes: join(root, 'mistakes/index.ts') }, join(work, 'cache'));
    expect(out.get('checks')).toEqual({ ok: false, message: expect.stringMatching(/checks\/index\.ts:1:\d+: Unexpected ";"/) });
    expect((await imported(out.get('mistakes'))).mistakes).toEqual([]);
  });

  it('a second load of unchanged modules runs no esbuild build: the modules of the first are reused', async () => {
    const root = course({ 'checks/index.ts': "import { n } from '../shared.js';\nexport const checks = [n];\n", 'shared.ts': 'export const n = 1;\n' });
    const entries = { checks: join(root, 'checks/index.ts') };
    const first = await bundleExerciseModules(entries, join(work, 'cache'));
    const before = builds.count;
    expect(await bundleExerciseModules(entries, join(work, 'cache'))).toEqual(first);
    expect(builds.count).toBe(before);
  });

  it.each([
    ['a module edited after a load is bundled again as soon as it is saved', (root: string) => writeFileSync(join(root, 'shared.ts'), 'export const n = 2;\n')],
    // '../shared' resolves to shared.ts before shared.js: no file it read changed, yet the import now means another file.
    ['a file added beside an import, which changes what it resolves to, is seen', (root: string) => writeFileSync(join(root, 'shared.ts'), 'export const n = 2;\n')],
  ])('%s', async (name, edit) => {
    const added = name.startsWith('a file added');
    const root = course({ 'checks/index.ts': "import { n } from '../shared';\nexport const checks = [n];\n", [added ? 'shared.js' : 'shared.ts']: 'export const n = 1;\n' });
    const entries = { checks: join(root, 'checks/index.ts') };
    expect((await imported((await bundleExerciseModules(entries, join(work, 'cache'))).get('checks'))).checks).toEqual([1]);
    edit(root);
    const before = builds.count;
    expect((await imported((await bundleExerciseModules(entries, join(work, 'cache'))).get('checks'))).checks).toEqual([2]);
    expect(builds.count).toBe(before + 1);
  });
});
