import type { ChildProcess } from 'node:child_process';

/** How a child process is started: the command line that wraps `node child.mjs`. */
export interface LaunchSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** The child's working folder: one it cannot write to. */
  readonly cwd: string;
}

export interface LaunchRequest {
  /** The bundled child runner. */
  readonly childScript: string;
  /** Folders the child may read: the child runner's and the dependencies it may import. */
  readonly readPaths: readonly string[];
  /** What the student's code may allocate, MiB (the JS heap cap; the address space gets headroom). */
  readonly memoryMb: number;
  /** Processes and threads the child may run, where a layer can count them. */
  readonly processes: number;
  /** CPU time of the whole child, seconds: a backstop for a child whose grader died. */
  readonly cpuSeconds: number;
}

/** The `--sandbox` choices, strongest first. */
export const LAUNCHER_IDS = ['bwrap', 'unshare', 'permission', 'none'] as const;
export type LauncherId = (typeof LAUNCHER_IDS)[number];

/** `--sandbox` values: a launcher's name, or `auto` for the strongest that works here. */
export type SandboxChoice = LauncherId | 'auto';

export function isSandboxChoice(value: string): value is SandboxChoice {
  return value === 'auto' || (LAUNCHER_IDS as readonly string[]).includes(value);
}

/** What a launcher cannot block on this machine; each has a sentence in the i18n catalogue. */
export type SandboxGap =
  | 'filesystem'
  | 'network'
  | 'signals'
  | 'processes'
  | 'memory'
  | 'cpu'
  | 'node-permissions';

/** An isolation strategy: what it wraps the child in, and its name for reports. */
export interface Launcher {
  readonly id: LauncherId;
  /** The layers that hold, for `environment.sandbox`, e.g. `bwrap+setpriv+prlimit+permission`. */
  readonly name: string;
  /** What this strategy could not provide on this machine, for the report. */
  readonly warnings: readonly string[];
  spec(request: LaunchRequest): LaunchSpec;
  /** Starts the child of a spec (a test's launcher counts or wraps them). @default spawnChild */
  readonly spawn?: (spec: LaunchSpec) => ChildProcess;
}

/** V8 reserves address space up front (node alone needs about 768 MiB of it, tfjs 1 GiB). */
export const ADDRESS_SPACE_HEADROOM_MB = 1024;
