import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { launcherUnavailable, skipReason } from '../../../tests/support/sandbox.js';
import { messages } from '../../i18n/index.js';
import { GraderError } from '../../model/errors.js';
import { dependencyPaths } from '../../execute/environment.js';
import { childScript } from '../child-bundle.js';
import type { LaunchRequest } from '../launcher.js';
import { bwrapFactory } from './bwrap.js';
import { parseLdd, readHost, type Host } from './host.js';
import { detectLauncher, LAUNCHERS } from './index.js';
import { permissionFactory } from './permission.js';
import type { LauncherFactory } from './plan.js';
import { unshareFactory } from './unshare.js';
import { PACKAGE_ROOT } from '../../io/package.js';

const t = messages('en');
const REQUEST: LaunchRequest = {
  childScript: '/cache/abc/child.mjs',
  readPaths: ['/app/node_modules/@tensorflow/tfjs', '/app/node_modules/seedrandom'],
  memoryMb: 1024,
  processes: 32,
  cpuSeconds: 70,
};

function fakeHost(programs: readonly string[], isRoot: boolean): Host {
  return {
    isRoot,
    node: process.execPath,
    which: (p) => (programs.includes(p) ? `/usr/bin/${p}` : undefined),
    libraries: () => [],
  };
}

function commandLine(factory: LauncherFactory, host: Host): string[] {
  const outcome = factory(host);
  if (!outcome.ok) throw new Error(`missing ${outcome.missing.join(', ')}`);
  const spec = outcome.plan.spec(REQUEST);
  return [spec.command, ...spec.args];
}

describe('launchers', () => {
  it('reads library paths from ldd', () => {
    const text = '\tlinux-vdso.so.1 (0x00007ffd)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)\n\t/lib64/ld-linux-x86-64.so.2 (0x00007f)\n';
    expect(parseLdd(text)).toEqual(['/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
  });

  it.each([
    ['bwrap as root', bwrapFactory, ['bwrap', 'prlimit', 'setpriv'], true],
    ['bwrap as a user', bwrapFactory, ['bwrap', 'prlimit'], false],
    ['unshare as root', unshareFactory, ['unshare', 'prlimit', 'setpriv'], true],
    ['unshare as a user', unshareFactory, ['unshare', 'prlimit'], false],
    ['permission', permissionFactory, ['prlimit'], false],
  ])('%s: lets the child read only the runner and the packages, with Node permissions and no frozen intrinsics (see builtinChanges)', (_name, factory, programs, root) => {
    const line = commandLine(factory, fakeHost(programs, root));
    const reads = line.filter((a) => a.startsWith('--allow-fs-read=')).map((a) => a.slice('--allow-fs-read='.length));
    expect(reads.sort()).toEqual(['/app/node_modules/@tensorflow/tfjs', '/app/node_modules/seedrandom', '/cache/abc']);
    expect(line).toContain('--experimental-permission');
    expect(line).not.toContain('--frozen-intrinsics');
    expect(line).toContain(`--as=${(1024 + 1024) * 1024 * 1024}`);
    expect(line).toContain('--cpu=70');
    expect(line.at(-1)).toBe('/cache/abc/child.mjs');
  });

  it.each([
    ['bwrap as root, after setpriv', bwrapFactory, ['bwrap', 'prlimit', 'setpriv'], true, true],
    ['bwrap as root without setpriv', bwrapFactory, ['bwrap', 'prlimit'], true, false],
    ['bwrap as a user, in its own user namespace', bwrapFactory, ['bwrap', 'prlimit'], false, true],
    ['unshare as root, whose nobody is shared', unshareFactory, ['unshare', 'prlimit', 'setpriv'], true, false],
    ['unshare as a user, in its own user namespace', unshareFactory, ['unshare', 'prlimit'], false, true],
    ['permission, under the grader’s own uid', permissionFactory, ['prlimit'], false, false],
  ])('%s: limits the process count only where the kernel counts this child alone (%s)', (_name, factory, programs, root, counted) => {
    expect(commandLine(factory, fakeHost(programs, root)).includes('--nproc=32')).toBe(counted);
  });

  it('bwrap binds only what the child needs, read-only, in namespaces of its own, as nobody', () => {
    const line = commandLine(bwrapFactory, fakeHost(['bwrap', 'prlimit', 'setpriv'], true));
    expect(line.slice(0, 4)).toEqual(['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']);
    for (const flag of ['--unshare-all', '--unshare-user', '--die-with-parent', '--new-session', '--clearenv']) expect(line).toContain(flag);
    const binds = line.flatMap((a, i) => (a === '--ro-bind' ? [line[i + 2]!] : []));
    expect(binds).toEqual(expect.arrayContaining(['/app/node_modules/@tensorflow/tfjs', '/app/node_modules/seedrandom', '/cache/abc', process.execPath]));
    expect(binds).not.toContain('/app/node_modules');
    expect(binds).not.toContain('/');
    expect(line).not.toContain('--bind');
  });

  it('falls back to the strongest launcher this machine has, and says what is missing', async () => {
    const script = await childScript();
    const launcher = await detectLauncher({ childScript: script, readPaths: dependencyPaths(), t, host: { ...readHost(), which: (p) => (p === 'prlimit' ? readHost().which(p) : undefined) } });
    expect(launcher.id).toBe('permission');
    expect(launcher.name).toBe('prlimit+permission');
    expect(launcher.warnings).toEqual(expect.arrayContaining([t.grading.sandboxMissing('bwrap', 'bwrap'), t.grading.sandboxGap.network]));
  });

  it('refuses a launcher asked for by name that this machine lacks', async () => {
    const attempt = detectLauncher({ childScript: '/x/child.mjs', readPaths: [], t, choice: 'bwrap', host: fakeHost([], false) });
    await expect(attempt).rejects.toBeInstanceOf(GraderError);
    await expect(attempt).rejects.toMatchObject({ code: 'SANDBOX_UNAVAILABLE' });
  });

  it('has one launcher per --sandbox name', () => {
    expect(Object.keys(LAUNCHERS)).toEqual(['bwrap', 'unshare', 'permission', 'none']);
  });
});

/** Why each launcher cannot run here, if it cannot: probed once, before the tests are collected. */
const UNAVAILABLE = {
  bwrap: await launcherUnavailable('bwrap'),
  unshare: await launcherUnavailable('unshare'),
  permission: await launcherUnavailable('permission'),
  none: await launcherUnavailable('none'),
};

describe('launchers on this machine', () => {
  it('runs with no sandbox at all: the plain launcher always starts a child', () => {
    expect(UNAVAILABLE.none).toBeUndefined();
  });

  // Skipped only where a launcher cannot run, with the probe's reason; under CI each must start a child.
  for (const id of ['bwrap', 'unshare', 'permission'] as const) {
    const skipped = skipReason(id, UNAVAILABLE[id]);
    it.skipIf(skipped)(`${id} starts a real child here${skipped ? ` (${skipped})` : ''}`, () => {
      expect(UNAVAILABLE[id]).toBeUndefined();
    });
  }
});

describe('a grader killed with SIGKILL', () => {
  for (const id of ['bwrap', 'unshare', 'permission'] as const) {
    const skipped = skipReason(id, UNAVAILABLE[id]);
    it.skipIf(skipped)(`takes its ${id} child, busy in a loop, with it${skipped ? ` (${skipped})` : ''}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ng-orphan-'));
      const loop = join(dir, `loop-${id}-${process.pid}.mjs`);
      writeFileSync(loop, 'for (;;) {}\n');
      chmodSync(dir, 0o755);
      const script = `import { LAUNCHERS } from ${JSON.stringify(join(import.meta.dirname, 'index.ts'))};
        import { readHost } from ${JSON.stringify(join(import.meta.dirname, 'host.ts'))};
        import { spawnChild } from ${JSON.stringify(join(import.meta.dirname, '..', 'spawn.ts'))};
        const plan = LAUNCHERS[${JSON.stringify(id)}](readHost()).plan;
        spawnChild(plan.spec({ childScript: ${JSON.stringify(loop)}, readPaths: [], memoryMb: 256, processes: 64, cpuSeconds: 30 }));
        console.log('started');
        setInterval(() => {}, 1000);`;
      const grader = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((ok) => grader.stdout.on('data', (d: Buffer) => d.toString().includes('started') && ok()));
      // The node process itself: wrappers name the loop in their arguments too, before they exec it.
      const running = (): boolean =>
        spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout.split('\n').some((l) => l.startsWith(process.execPath) && l.includes(loop) && !l.includes('--import'));
      // Each wait ends when the state is reached, however slow the machine; the timeout only bounds a failure.
      await vi.waitFor(() => expect(running()).toBe(true), { timeout: 60_000, interval: 50 });
      grader.kill('SIGKILL');
      await vi.waitFor(() => expect(running()).toBe(false), { timeout: 60_000, interval: 50 });
      rmSync(dir, { recursive: true, force: true });
    });
  }
});
