import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { release } from 'node:os';
import { isAbsolute, join, sep } from 'node:path';
import { LAUNCHER_IDS, type LauncherId, type SandboxChoice } from '../launcher.js';
import { writeFileAtomic } from '../../io/write.js';

/**
 * What a grader learnt about this machine's sandbox at one start, kept for the next: the shared
 * libraries `ldd` found for the binaries bound into the sandbox, and the launcher whose probe
 * child ran. Valid only for the `key` it was learnt under (see `planCacheKey`); a launcher taken
 * from it is still seen working by the first child of the run before any grading counts (see
 * grader/execute/launcher-source.ts), so a wrong entry costs a probe, never a grade.
 */
export interface PlanRecord {
  readonly key: string;
  /**
   * `ldd`'s libraries by binary path, where it told them. A binary ldd failed on (a time-out on a
   * busy machine) is not kept: the next start asks ldd again rather than going without bwrap.
   */
  readonly libraries: Readonly<Record<string, readonly string[]>>;
  /** The launcher whose probe passed under this key. @default none: probe */
  readonly verdict?: LauncherId;
}

/** The file in the user's cache folder: the records of the last few keys (PLAN_RECORDS). */
export const PLAN_FILE = 'launcher-plan.json';

/** The programs the launchers look up (see ./bwrap.ts, ./unshare.ts) and `ldd`. */
const PROGRAMS = ['bwrap', 'unshare', 'setpriv', 'prlimit', 'ldd'] as const;

/**
 * Folders a cached library may live in. The list binds each library read-only into the sandbox:
 * an entry elsewhere (a hand-edited cache naming a private file) is not trusted, and `ldd` runs.
 */
const LIBRARY_DIRS = ['/lib', '/lib32', '/lib64', '/libx32', '/usr/lib', '/usr/lib32', '/usr/lib64', '/usr/libx32', '/usr/local/lib', '/nix/store'];

/** A file's identity: a binary replaced in place (an upgrade) gets another size, mtime or inode. */
function identity(path: string | undefined): string {
  if (!path) return 'missing';
  try {
    const s = statSync(path);
    return `${path}:${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return `${path}:gone`;
  }
}

export interface KeyFacts {
  /** The node binary children run. */
  readonly node: string;
  /** Where each program is on this PATH, if anywhere. */
  readonly which: (program: string) => string | undefined;
  readonly choice: SandboxChoice;
  /** The child runner the probe ran (its name carries its content's hash). */
  readonly childScript: string;
  /** Files whose change changes the launch plan: the grader's build stamp, say. @default none */
  readonly extra?: readonly string[];
}

/**
 * What the plan and the probe's verdict depend on: the binaries (path, size, mtime, inode),
 * the dynamic linker's cache (rewritten when libraries are installed), node's version, the
 * kernel's release, the user, the sandbox asked for, the child runner and the grader's build.
 */
export function planCacheKey(f: KeyFacts): string {
  const parts = [
    'neurograde-launcher-plan/1',
    process.version,
    identity(f.node),
    ...PROGRAMS.map((p) => `${p}=${identity(f.which(p))}`),
    identity('/etc/ld.so.cache'),
    release(),
    `uid=${process.getuid?.() ?? 'none'}`,
    f.choice,
    f.childScript,
    ...(f.extra ?? []).map(identity),
  ];
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** True when every library is an absolute path that resolves into a system library folder. */
function trustedLibraries(libs: readonly string[]): boolean {
  return libs.every((l) => {
    if (typeof l !== 'string' || !isAbsolute(l)) return false;
    try {
      const real = realpathSync(l);
      return LIBRARY_DIRS.some((d) => real === d || real.startsWith(d + sep));
    } catch {
      return false;
    }
  });
}

function isRecord(v: unknown, key: string): v is PlanRecord {
  const r = v as PlanRecord | null;
  if (typeof r !== 'object' || r === null || r.key !== key || typeof r.libraries !== 'object' || r.libraries === null) return false;
  if (r.verdict !== undefined && !(LAUNCHER_IDS as readonly string[]).includes(r.verdict)) return false;
  return Object.values(r.libraries).every((l) => Array.isArray(l) && trustedLibraries(l));
}

/**
 * How many machines' records the file keeps, newest first: two checkouts used in turn (a
 * teacher's course and its grader, a before/after benchmark) each keep theirs instead of
 * replacing the other's and probing again at every start.
 */
export const PLAN_RECORDS = 8;

/** Every well-formed record in `dir`'s file, newest first; a torn or foreign file holds none. */
function readRecords(dir: string): readonly unknown[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, PLAN_FILE), 'utf8'));
    return Array.isArray(parsed) ? parsed.slice(0, PLAN_RECORDS) : [];
  } catch {
    return [];
  }
}

function keepRecords(dir: string, records: readonly unknown[]): void {
  try {
    writeFileAtomic(join(dir, PLAN_FILE), JSON.stringify(records.slice(0, PLAN_RECORDS)), { dirMode: 0o700, mode: 0o600 });
  } catch {
    // A read-only cache folder: the next start probes again.
  }
}

const keyOf = (r: unknown): unknown => (typeof r === 'object' && r !== null ? (r as { key?: unknown }).key : undefined);

/** The record kept in `dir` for `key`, or undefined: none, torn, or naming a library outside the system's folders. */
export function readPlan(dir: string, key: string): PlanRecord | undefined {
  const found = readRecords(dir).find((r) => keyOf(r) === key);
  return isRecord(found, key) ? found : undefined;
}

/** Keeps `record` in `dir`, first, in place of any other under its key (the file written to a temporary name, then renamed); a folder that cannot be written keeps nothing. */
export function writePlan(dir: string, record: PlanRecord): void {
  keepRecords(dir, [record, ...readRecords(dir).filter((r) => keyOf(r) !== record.key)]);
}

/** Forgets the record under `key`: its launcher did not start a child. */
export function dropPlan(dir: string, key: string): void {
  const records = readRecords(dir);
  if (records.some((r) => keyOf(r) === key)) keepRecords(dir, records.filter((r) => keyOf(r) !== key));
}
