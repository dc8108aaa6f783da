import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Launcher, LaunchSpec } from './launcher.js';

/** Starts a child as the session needs it: its own process group, four pipes (fd 3 is the protocol). */
export function spawnChild(spec: LaunchSpec): ChildProcess {
  return spawn(spec.command, [...spec.args], {
    env: spec.env,
    cwd: spec.cwd,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
}

type Handle = { ref?: () => void; unref?: () => void };

/** The process and its pipes: an idle child must hold none of them on the grader's event loop. */
function handles(child: ChildProcess): Handle[] {
  return ([child, ...child.stdio] as (Handle | Readable | Writable | null)[]).filter((h): h is Handle => h !== null);
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.pid !== undefined;
}

/**
 * A launcher whose children are started one step ahead: each `spawn` hands out a child that has
 * already booted node and the runner and waits for its first message, and starts the next one,
 * so that the boot overlaps the checks of the exercise before. A child is handed out once: it
 * has run no student code before, and is never given a second one. One idle child is kept per
 * distinct launch (limits differ between exercises); idle children hold no reference on the
 * grader's event loop and end with it (stdin closes; bwrap and unshare kill them with it).
 */
export function prewarmed(launcher: Launcher): Launcher {
  const idle = new Map<string, ChildProcess>();
  const startIdle = (key: string, spec: LaunchSpec): void => {
    const child = spawnChild(spec);
    // A child that fails to start is simply not handed out; the error must not escape.
    child.on('error', () => idle.delete(key));
    for (const s of child.stdio) s?.on('error', () => undefined);
    for (const h of handles(child)) h.unref?.();
    idle.set(key, child);
  };
  return {
    ...launcher,
    warm(spec) {
      const key = JSON.stringify(spec);
      if (!idle.has(key)) startIdle(key, spec);
    },
    spawn(spec) {
      const key = JSON.stringify(spec);
      const ready = idle.get(key);
      idle.delete(key);
      startIdle(key, spec);
      if (ready && alive(ready)) {
        for (const h of handles(ready)) h.ref?.();
        return ready;
      }
      return spawnChild(spec);
    },
  };
}
