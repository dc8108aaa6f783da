import { dirname } from 'node:path';
import { ADDRESS_SPACE_HEADROOM_MB, type LaunchRequest } from '../launcher.js';

/** The environment every child gets: nothing of the grader's (no secrets, no NODE_OPTIONS). */
export const CHILD_ENV: Readonly<Record<string, string>> = { PATH: '/usr/bin:/bin', NODE_OPTIONS: '', LANG: 'C.UTF-8' };

/** Node flags every child gets: a heap cap and a stack size the runner's recursion tests expect. */
export function baseNodeArgs(r: LaunchRequest): string[] {
  return [`--max-old-space-size=${r.memoryMb}`, '--stack-size=984', '--single-threaded'];
}

/**
 * Node's own layer: the permission model (reads only of the runner's folder and the provided
 * packages; no writes, child processes, workers, addons, WASI or inspector). Node warns that it
 * is experimental on every start; that line would land in the student's output, so that one
 * warning class is silenced. Not `--frozen-intrinsics`: it turns every prototype property into
 * a getter and setter pair, which made graded code a quarter slower; the runner refuses a module
 * that patches built-ins instead (see `builtinChanges`), and the grader never trusts the child.
 */
export function permissionNodeArgs(r: LaunchRequest): string[] {
  const reads = [...new Set([dirname(r.childScript), ...r.readPaths])];
  return [
    '--experimental-permission',
    ...reads.map((p) => `--allow-fs-read=${p}`),
    '--disable-warning=ExperimentalWarning',
  ];
}

export interface PrlimitOptions {
  /** Limit the process count: only where the kernel counts this child's processes alone. */
  readonly countProcesses: boolean;
}

/** prlimit's arguments: address space, CPU time and, when it can hold, the process count. */
export function prlimitArgs(r: LaunchRequest, { countProcesses }: PrlimitOptions): string[] {
  const bytes = (r.memoryMb + ADDRESS_SPACE_HEADROOM_MB) * 1024 * 1024;
  return [
    `--as=${bytes}`,
    `--cpu=${r.cpuSeconds}`,
    // No core dump of a memory bomb, and no file bigger than 0 bytes should a write get through.
    '--core=0',
    '--fsize=0',
    ...(countProcesses ? [`--nproc=${r.processes}`] : []),
    '--',
  ];
}
