import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launcherUnavailable, skipReason } from '../../../tests/support/sandbox.js';
import { messages } from '../../i18n/index.js';
import { childScript } from '../child-bundle.js';
import type { Launcher, SandboxChoice } from '../launcher.js';
import { Session } from '../session.js';
import { readHost } from './host.js';
import { dropPlan, PLAN_FILE, PLAN_RECORDS, planCacheKey, readPlan, writePlan, type PlanRecord } from './plan-cache.js';
import { PROBE_LIMITS } from './probe.js';
import { launcherSource } from './source.js';

const t = messages('en');
const script = await childScript();
const skipped = skipReason('bwrap', await launcherUnavailable('bwrap'));

/** A child booted with `launcher` as a submission boots its first: a numeric module's, reading no package. */
const boot = (launcher: Launcher): Session => Session.boot({ launcher, launch: { childScript: script, readPaths: [] }, limits: PROBE_LIMITS });

/** The key a source computes on this machine for `choice`. */
const keyHere = (choice: SandboxChoice): string => planCacheKey({ node: process.execPath, which: readHost().which, choice, childScript: script });

describe('the launcher plan cache', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'neurograde-plan-cache-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const cacheDir = (name: string): string => join(work, name);
  const source = (choice: SandboxChoice, dir: string) => launcherSource({ childScript: script, readPaths: [dirname(script)], t, choice, cacheDir: dir });

  it('is keyed by what the plan depends on: another binary, the same one replaced, another node, runner or sandbox asked for', () => {
    const bin = join(work, 'bwrap');
    writeFileSync(bin, 'one');
    const facts = { node: process.execPath, which: (p: string) => (p === 'bwrap' ? bin : undefined), choice: 'auto' as const, childScript: script };
    const key = planCacheKey(facts);
    expect(planCacheKey(facts)).toBe(key);
    writeFileSync(bin, 'one, upgraded');
    const replaced = planCacheKey(facts);
    expect(replaced).not.toBe(key);
    const others = [
      planCacheKey({ ...facts, which: () => undefined }),
      planCacheKey({ ...facts, node: bin }),
      planCacheKey({ ...facts, childScript: join(work, 'another', 'child.mjs') }),
      planCacheKey({ ...facts, choice: 'bwrap' }),
    ];
    expect(new Set([replaced, ...others]).size).toBe(others.length + 1);
  });

  it('reads back only a record of its own key, whose libraries are system libraries and whose verdict names a launcher', () => {
    const dir = cacheDir('records');
    const libraries = { [process.execPath]: readHost().libraries(process.execPath) ?? [] };
    const good: PlanRecord = { key: 'k', libraries, verdict: 'bwrap' };
    writePlan(dir, good);
    expect(readPlan(dir, 'k')).toEqual(good);
    expect(readPlan(dir, 'another')).toBeUndefined();
    const refused: readonly unknown[] = [
      { key: 'k', libraries: { [process.execPath]: ['/etc/passwd'] }, verdict: 'bwrap' },
      { key: 'k', libraries: { [process.execPath]: ['relative/libc.so.6'] } },
      { key: 'k', libraries, verdict: 'chroot' },
      { key: 'k', libraries: { [process.execPath]: null }, verdict: 'bwrap' },
      { key: 'k' },
    ];
    for (const record of refused) {
      writeFileSync(join(dir, PLAN_FILE), JSON.stringify([record]));
      expect(readPlan(dir, 'k')).toBeUndefined();
    }
    writeFileSync(join(dir, PLAN_FILE), '[{"key": "k", "libr');
    expect(readPlan(dir, 'k')).toBeUndefined();
    // The one-record file of an older grader is not a list: nothing is read from it.
    writeFileSync(join(dir, PLAN_FILE), JSON.stringify(good));
    expect(readPlan(dir, 'k')).toBeUndefined();
  });

  it('keeps the records of the last PLAN_RECORDS keys, newest first, so two checkouts used in turn each keep theirs; dropping one leaves the others', () => {
    const dir = cacheDir('several');
    const record = (key: string): PlanRecord => ({ key, libraries: {}, verdict: 'none' });
    writePlan(dir, record('checkout a'));
    writePlan(dir, record('checkout b'));
    writePlan(dir, record('checkout a'));
    expect(readPlan(dir, 'checkout a')).toEqual(record('checkout a'));
    expect(readPlan(dir, 'checkout b')).toEqual(record('checkout b'));
    expect((JSON.parse(readFileSync(join(dir, PLAN_FILE), 'utf8')) as PlanRecord[]).map((r) => r.key)).toEqual(['checkout a', 'checkout b']);
    for (let i = 0; i < PLAN_RECORDS; i++) writePlan(dir, record(`build ${i}`));
    expect(readPlan(dir, 'checkout a')).toBeUndefined();
    expect(readPlan(dir, `build ${PLAN_RECORDS - 1}`)).toEqual(record(`build ${PLAN_RECORDS - 1}`));
    dropPlan(dir, 'build 3');
    expect(readPlan(dir, 'build 3')).toBeUndefined();
    expect(readPlan(dir, 'build 4')).toEqual(record('build 4'));
  });

  it('a first start probes and keeps the plan; the next takes it unprobed, and its first child confirms it and stays usable', async () => {
    const dir = cacheDir('first-then-kept');
    const probed = await source('none', dir);
    expect(readPlan(dir, keyHere('none'))?.verdict).toBe('none');
    const a = boot(probed.launcher);
    expect(await probed.confirm(a, PROBE_LIMITS)).toBe('fresh');
    a.close();
    const kept = await source('none', dir);
    const b = boot(kept.launcher);
    expect(await kept.confirm(b, PROBE_LIMITS)).toBe('probed');
    // Confirmed once: later children (another submission's) are left untouched.
    const c = boot(kept.launcher);
    expect(await kept.confirm(c, PROBE_LIMITS)).toBe('fresh');
    const loaded = await b.load({ code: 'export const x = 2;\n', exports: ['x'], limits: PROBE_LIMITS });
    expect(loaded).toMatchObject({ ok: true, exports: { x: 'number' } });
    b.close();
    c.close();
  });

  it('an entry kept for another machine (another node, binary or runner) is not used: the launchers are probed and their plan kept beside it', async () => {
    const dir = cacheDir('foreign');
    writePlan(dir, { key: 'another machine', libraries: {}, verdict: 'none' });
    const s = await source('none', dir);
    const child = boot(s.launcher);
    expect(await s.confirm(child, PROBE_LIMITS)).toBe('fresh');
    child.close();
    expect(readPlan(dir, keyHere('none'))?.verdict).toBe('none');
    expect(readPlan(dir, 'another machine')?.verdict).toBe('none');
  });

  it('a kept verdict for a launcher weaker than the strongest this machine has is never used: the strongest is probed', async () => {
    const dir = cacheDir('weaker');
    writePlan(dir, { key: keyHere('auto'), libraries: {}, verdict: 'none' });
    const s = await source('auto', dir);
    // `permission` needs nothing but node itself: some launcher stronger than none always exists.
    expect(s.launcher.id).not.toBe('none');
    const child = boot(s.launcher);
    expect(await s.confirm(child, PROBE_LIMITS)).toBe('fresh');
    child.close();
    expect(readPlan(dir, keyHere('auto'))?.verdict).toBe(s.launcher.id);
  });

  it('keeps no libraries for a binary ldd could not read: the next start asks ldd again rather than going without bwrap', async () => {
    const dir = cacheDir('ldd-failed');
    const bin = join(work, 'failing-ldd');
    mkdirSync(bin, { recursive: true });
    // An ldd that fails as one timed out on a busy machine would.
    writeFileSync(join(bin, 'ldd'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const path = `${bin}:/usr/bin:/bin`;
    await launcherSource({ childScript: script, readPaths: [dirname(script)], t, choice: 'none', cacheDir: dir, path });
    const key = planCacheKey({ node: process.execPath, which: readHost(path).which, choice: 'none', childScript: script });
    const kept = readPlan(dir, key);
    expect(kept?.verdict).toBe('none');
    expect(Object.keys(kept?.libraries ?? {})).not.toContain(process.execPath);
  });

  it.skipIf(skipped)(`a kept bwrap plan that no longer starts a child is seen by the first child, dropped and probed again${skipped ? ` (${skipped})` : ''}`, async () => {
    const dir = cacheDir('stale');
    const host = readHost();
    const prlimit = host.which('prlimit');
    // The libraries as an older machine had them: libc is no longer where the plan binds it from.
    const stale = (b: string): string[] => (host.libraries(b) ?? []).filter((l) => !/\/libc\.so/.test(l));
    const binaries = [process.execPath, ...(prlimit ? [prlimit] : [])];
    writePlan(dir, { key: keyHere('bwrap'), libraries: Object.fromEntries(binaries.map((b) => [b, stale(b)])), verdict: 'bwrap' });
    const s = await source('bwrap', dir);
    const first = boot(s.launcher);
    expect(await s.confirm(first, PROBE_LIMITS)).toBe('replaced');
    expect(first.alive).toBe(false);
    expect(s.launcher.id).toBe('bwrap');
    expect(readPlan(dir, keyHere('bwrap'))?.libraries[process.execPath]).toEqual(host.libraries(process.execPath));
    const next = boot(s.launcher);
    const loaded = await next.load({ code: 'export const x = 2;\n', exports: ['x'], limits: PROBE_LIMITS });
    expect(loaded).toMatchObject({ ok: true, exports: { x: 'number' } });
    next.close();
  });
});
