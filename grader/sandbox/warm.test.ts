import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Launcher, LaunchSpec } from './launcher.js';
import { prewarmed } from './warm.js';

const SPEC: LaunchSpec = { command: process.execPath, args: ['-e', 'process.stdin.resume()'], env: { PATH: '/usr/bin:/bin' }, cwd: tmpdir() };
const base: Launcher = { id: 'none', name: 'test', warnings: [], spec: () => SPEC };

describe('prewarmed', () => {
  it('hands every child out once: the second spawn gets the child started by the first, never the first again', () => {
    const launcher = prewarmed(base);
    const first = launcher.spawn!(SPEC);
    const second = launcher.spawn!(SPEC);
    const third = launcher.spawn!(SPEC);
    const pids = [first.pid, second.pid, third.pid];
    expect(new Set(pids).size).toBe(3);
    // The idle child the third spawn started ends with this worker, whose pipes it waits on.
    for (const c of [first, second, third]) process.kill(-c.pid!, 'SIGKILL');
  });

  it('keeps one idle child per distinct launch, so limits never mix', () => {
    const launcher = prewarmed(base);
    const a = launcher.spawn!(SPEC);
    const other = { ...SPEC, args: ['-e', 'process.stdin.resume(); /* other limits */'] };
    const b = launcher.spawn!(other);
    expect(b.spawnargs).toEqual([process.execPath, ...other.args]);
    for (const c of [a, b]) process.kill(-c.pid!, 'SIGKILL');
  });

  it('a child booted ahead by warm is the one the next spawn of that spec gets, and warming twice boots one', () => {
    const launcher = prewarmed(base);
    launcher.warm!(SPEC);
    launcher.warm!(SPEC);
    const first = launcher.spawn!(SPEC);
    const other = { ...SPEC, args: ['-e', 'process.stdin.resume(); /* other limits */'] };
    const cold = launcher.spawn!(other);
    // Booted before the spawn: the warmed child was started before the one each spawn starts next.
    const second = launcher.spawn!(SPEC);
    expect(first.pid).toBeLessThan(cold.pid!);
    expect(new Set([first.pid, second.pid, cold.pid]).size).toBe(3);
    for (const c of [first, second, cold]) process.kill(-c.pid!, 'SIGKILL');
  });

  it('does not keep the grader alive: a process left with an idle child exits', async () => {
    const script = `import { prewarmed } from ${JSON.stringify(join(import.meta.dirname, 'warm.ts'))};
      const spec = ${JSON.stringify(SPEC)};
      const l = prewarmed({ id: 'none', name: 't', warnings: [], spec: () => spec });
      const c = l.spawn(spec); process.kill(-c.pid, 'SIGKILL'); console.log('spawned');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((ok) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        ok(null);
      }, 30_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        ok(c);
      });
    });
    expect(out).toContain('spawned');
    expect(code).toBe(0);
  });
});
