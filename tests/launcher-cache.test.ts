import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvironment } from '../grader/execute/environment.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { childScript } from '../grader/sandbox/child-bundle.js';
import type { Launcher } from '../grader/sandbox/launcher.js';
import { readHost } from '../grader/sandbox/launchers/host.js';
import { planCacheKey, readPlan, writePlan } from '../grader/sandbox/launchers/plan-cache.js';
import type { FirstChildFate } from '../grader/sandbox/launchers/source.js';
import { spawnChild } from '../grader/sandbox/spawn.js';
import { EXAMPLES, grade } from './support/grade.js';
import { launcherUnavailable, skipReason, testEnvironment } from './support/sandbox.js';

/**
 * `grade` and `check` keep the sandbox's plan (ldd's libraries, the probe's verdict) in the
 * user's cache folder: a start on an unchanged machine runs neither, its first child confirming
 * the launcher instead. What must hold: the same grade as a probed start, no extra child, and a
 * kept plan that no longer works costs a probe, never a grade.
 */
const CORRECT = join(EXAMPLES, 'correct');
const ONLY = ['shapes', 'pooling'];
const skipped = skipReason('bwrap', await launcherUnavailable('bwrap'));

/** The environment, its launcher counting the children it starts (the probe's aside: detectLauncher starts that one) and what became of each first child. */
function counting(env: GradingEnvironment): { env: GradingEnvironment; spawned: ChildProcess[]; fates: FirstChildFate[] } {
  const spawned: ChildProcess[] = [];
  const fates: FirstChildFate[] = [];
  const launcher: Launcher = { ...env.launcher, spawn: (spec) => spawned[spawned.push(spawnChild(spec)) - 1]! };
  const confirm = env.confirmLauncher!;
  const confirmLauncher: GradingEnvironment['confirmLauncher'] = async (first, limits) => fates[fates.push(await confirm(first, limits)) - 1]!;
  return { env: { ...env, launcher, confirmLauncher }, spawned, fates };
}

describe('the launcher plan kept between starts', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'neurograde-launcher-cache-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('grades as a probed start does, with no child more: the first child confirms the kept launcher and then serves a public phase', async () => {
    const dir = join(work, 'kept');
    const probed = counting(await testEnvironment({ only: ONLY, launcherCache: dir }));
    const kept = counting(await testEnvironment({ only: ONLY, launcherCache: dir }));
    const [a, b] = [await grade(probed.env, CORRECT), await grade(kept.env, CORRECT)];
    expect(a.score).toBe(a.maxScore);
    expect(b.exercises.map((e) => [e.id, e.score])).toEqual(a.exercises.map((e) => [e.id, e.score]));
    expect(b.environment.sandbox).toBe(a.environment.sandbox);
    expect([probed.fates, kept.fates]).toEqual([['fresh'], ['probed']]);
    expect(kept.spawned).toHaveLength(probed.spawned.length);
  });

  it.skipIf(skipped)(`a kept bwrap plan that no longer starts a child costs a probe, never a grade${skipped ? ` (${skipped})` : ''}`, async () => {
    const dir = join(work, 'stale');
    const script = await childScript();
    const host = readHost();
    const key = planCacheKey({ node: process.execPath, which: host.which, choice: 'bwrap', childScript: script, extra: [join(PACKAGE_ROOT, 'dist', 'build-stamp.json')] });
    // libc no longer where the kept plan binds it from: every child of that plan dies at start.
    const binaries = [process.execPath, host.which('prlimit')].filter((b): b is string => b !== undefined);
    const stale = Object.fromEntries(binaries.map((b) => [b, (host.libraries(b) ?? []).filter((l) => !/\/libc\.so/.test(l))]));
    writePlan(dir, { key, libraries: stale, verdict: 'bwrap' });
    const env = await createEnvironment({ only: ONLY, sandbox: 'bwrap', launcherCache: dir });
    const result = await grade(env, CORRECT);
    expect(result.score).toBe(result.maxScore);
    expect(result.environment.sandbox).toMatch(/^bwrap\b/);
    expect(readPlan(dir, key)?.libraries[process.execPath]).toEqual(host.libraries(process.execPath));
  });
});
