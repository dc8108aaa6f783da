import { dirname } from 'node:path';
import { ADDRESS_SPACE_HEADROOM_MB, type LaunchRequest } from '../launcher.js';
import type { Host } from './host.js';

/** The environment every child gets: nothing of the grader's (no secrets, no NODE_OPTIONS). */
export const CHILD_ENV: Readonly<Record<string, string>> = { PATH: '/usr/bin:/bin', NODE_OPTIONS: '', LANG: 'C.UTF-8' };

/** How far below V8's own heap cap a requested one may be and still be left to V8 (see baseNodeArgs). */
const HEAP_DEFAULT_BAND_MB = 128;

/**
 * Node flags every child gets: a heap cap, a stack size the runner's recursion tests expect,
 * and no background threads for the garbage collector or the optimizing compiler (graded code
 * runs one thread; a batch's jobs are what use the cores).
 *
 * Any V8 flag that changes the heap's configuration (`--max-old-space-size`, `--single-threaded`)
 * makes Node reject the code cache of its own modules, and every child then spends about 25 ms
 * more starting. So the heap cap is only passed when it differs from V8's own: when the limit
 * asked for is V8's default cap on this machine or within 128 MiB below it (4096 MiB against
 * 4144 here), the child runs with V8's cap.
 */
export function baseNodeArgs(r: LaunchRequest, host: Pick<Host, 'defaultHeapMb'> = {}): string[] {
  const heap = host.defaultHeapMb;
  const heapIsDefault = heap !== undefined && r.memoryMb <= heap && r.memoryMb >= heap - HEAP_DEFAULT_BAND_MB;
  return [...(heapIsDefault ? [] : [`--max-old-space-size=${r.memoryMb}`]), '--stack-size=984', '--single-threaded-gc', '--no-concurrent-recompilation'];
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
