import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';

/** What a launcher needs to know about this machine, read once by `readHost`. */
export interface Host {
  /** The grader runs as root: prlimit's process count only holds after a switch to another uid. */
  readonly isRoot: boolean;
  /** The node binary children run (the grader's own). */
  readonly node: string;
  /** Absolute path of a program on PATH, if any. */
  which(program: string): string | undefined;
  /** The shared libraries a binary loads, as `ldd` resolves them; undefined when unknown. */
  libraries(binary: string): readonly string[] | undefined;
  /** V8's heap cap of a child started with no flag, MiB; undefined when unknown. */
  readonly defaultHeapMb?: number | undefined;
}

/** The PATH searched for programs: the process's, plus the usual system folders. */
const SEARCH_PATH = (): string => `${process.env.PATH ?? ''}${delimiter}/usr/sbin${delimiter}/usr/bin${delimiter}/sbin${delimiter}/bin`;

/** What `node` itself caps its heap at on this machine, with an empty environment. */
function defaultHeapMb(node: string): number | undefined {
  const r = spawnSync(node, ['-p', 'require("v8").getHeapStatistics().heap_size_limit'], { encoding: 'utf8', env: {}, timeout: 10_000 });
  const bytes = Number(r.stdout.trim());
  return r.status === 0 && Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes / (1024 * 1024)) : undefined;
}

/** The uid and gid children switch to when the grader runs as root: Debian's `nobody`. */
export const NOBODY = 65534;

function which(path: string, program: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/** `ldd` lines look like `libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)` or `/lib64/ld-linux-x86-64.so.2 (0x...)`. */
export function parseLdd(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /=>\s+(\/\S+)\s+\(/.exec(line) ?? /^\s*(\/\S+)\s+\(/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** The facts `readHost` would read with a process of their own, read ahead (see `prepareHost`). */
interface Known {
  readonly libraries: ReadonlyMap<string, readonly string[] | undefined>;
  readonly heap?: { readonly mb: number | undefined };
}

/**
 * Reads the facts launchers depend on. Cheap except `libraries`, which runs `ldd` (memoized per
 * Host, so one environment asks once per binary), and `defaultHeapMb`, which starts `node` once.
 * @param path the PATH to search. @default process.env.PATH plus the usual system folders
 */
export function readHost(path = SEARCH_PATH(), known: Known = { libraries: new Map() }): Host {
  const libs = new Map<string, readonly string[] | undefined>(known.libraries);
  const ldd = which(path, 'ldd');
  let heap: { mb: number | undefined } | undefined = known.heap;
  return {
    isRoot: process.getuid?.() === 0,
    node: process.execPath,
    get defaultHeapMb() {
      heap ??= { mb: defaultHeapMb(process.execPath) };
      return heap.mb;
    },
    which: (program) => which(path, program),
    libraries(binary) {
      if (libs.has(binary)) return libs.get(binary);
      let found: readonly string[] | undefined;
      if (ldd && isAbsolute(binary)) {
        const r = spawnSync(ldd, [realpathSync(binary)], { encoding: 'utf8', timeout: 10_000 });
        // A static binary makes ldd exit 1 with "not a dynamic executable": no library to bind.
        if (r.status === 0) found = parseLdd(r.stdout);
        else if (/not a dynamic executable/.test(`${r.stdout}${r.stderr}`)) found = [];
      }
      libs.set(binary, found);
      return found;
    },
  };
}

const v8HeapLimit = (): number => getHeapStatistics().heap_size_limit;

const run = (file: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<{ ok: boolean; out: string }> =>
  new Promise((resolve) => execFile(file, [...args], { encoding: 'utf8', timeout: 10_000, ...(env ? { env } : {}) }, (e, stdout, stderr) => resolve({ ok: !e, out: `${stdout}${stderr}` })));

/** True when this process's heap cap is node's default: no heap flag on its command line or in NODE_OPTIONS. */
const defaultHeapHere = (): boolean => ![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /max[-_]old[-_]space[-_]size|max[-_]semi[-_]space/.test(a));

/** What `prepareHost` reads ahead. */
export interface PrepareOptions {
  /** @default process.env.PATH plus the usual system folders */
  readonly path?: string;
  /** Libraries already known (from the launcher plan cache), by binary path: no `ldd` for these. @default none */
  readonly libraries?: Readonly<Record<string, readonly string[]>>;
}

/** What `ldd` printed for a binary: its libraries, none for a static one, undefined when ldd failed. */
function lddLibraries(r: { ok: boolean; out: string }): readonly string[] | undefined {
  return r.ok ? parseLdd(r.out) : /not a dynamic executable/.test(r.out) ? [] : undefined;
}

/**
 * `readHost` with its costly facts read ahead and off the grader's thread: the libraries of node
 * and prlimit (`ldd`, each in a process of its own, side by side, while the grader loads the
 * exercises; none for those `libraries` gives) and node's default heap cap (this process's own
 * when it runs with node's default, else a `node -p`). Every command would otherwise wait on
 * synchronous processes before its first child.
 */
export async function prepareHost(options: PrepareOptions = {}): Promise<Host> {
  const path = options.path ?? SEARCH_PATH();
  const ldd = which(path, 'ldd');
  const node = process.execPath;
  const binaries = [node, ...[which(path, 'prlimit')].filter((b): b is string => b !== undefined)];
  const known = options.libraries ?? {};
  const lookups = binaries.map(async (b): Promise<[string, readonly string[] | undefined]> => {
    const kept = known[b];
    if (kept) return [b, kept];
    return [b, ldd ? lddLibraries(await run(ldd, [realpathSync(b)])) : undefined];
  });
  const heap = defaultHeapHere()
    ? Promise.resolve({ ok: true, out: String(v8HeapLimit()) })
    : run(node, ['-p', 'require("v8").getHeapStatistics().heap_size_limit'], {});
  const [libs, h] = await Promise.all([Promise.all(lookups), heap]);
  const bytes = Number(h.out.trim());
  return readHost(path, { libraries: new Map(libs), heap: { mb: h.ok && Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes / (1024 * 1024)) : undefined } });
}
