import { spawn, type ChildProcess } from 'node:child_process';
import type { LaunchSpec } from './launcher.js';

/** Starts a child as the session needs it: its own process group, four pipes (fd 3 is the protocol). */
export function spawnChild(spec: LaunchSpec): ChildProcess {
  return spawn(spec.command, [...spec.args], {
    env: spec.env,
    cwd: spec.cwd,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
}
