import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxGap } from '../launcher.js';
import { NOBODY, type Host } from './host.js';
import type { LauncherFactory } from './plan.js';
import { baseNodeArgs, CHILD_ENV, permissionNodeArgs, prlimitArgs } from './node-args.js';

/** `--ro-bind src dest` for every binary and library the sandbox runs, deduplicated by destination. */
function binaryBinds(host: Host, binaries: readonly string[]): string[] | undefined {
  const binds = new Map<string, string>();
  for (const binary of binaries) {
    const libs = host.libraries(binary);
    if (!libs) return undefined;
    for (const file of [binary, ...libs]) binds.set(file, realpathSync(file));
  }
  return [...binds].flatMap(([dest, src]) => ['--ro-bind', src, dest]);
}

/**
 * Debian's bubblewrap: a root of its own with read-only binds of only node, prlimit, their
 * libraries, the runner's folder and the provided packages; its own user, PID, network (loopback
 * only), IPC and UTS namespaces; no capabilities; an empty environment; killed with its parent.
 * As root, `setpriv` first drops to `nobody`, so that the kernel counts the child's processes
 * (it never limits root's) and the user namespace bwrap creates belongs to nobody. Inside: prlimit,
 * then Node's own layer.
 */
export const bwrapFactory: LauncherFactory = (host) => {
  const bwrap = host.which('bwrap');
  const prlimit = host.which('prlimit');
  const setpriv = host.isRoot ? host.which('setpriv') : undefined;
  if (!bwrap) return { ok: false, missing: ['bwrap'] };
  const binds = binaryBinds(host, prlimit ? [host.node, prlimit] : [host.node]);
  if (!binds) return { ok: false, missing: ['ldd'] };
  const gaps: SandboxGap[] = [];
  if (!prlimit) gaps.push('memory', 'cpu', 'processes');
  else if (host.isRoot && !setpriv) gaps.push('processes');
  const layers = ['bwrap', ...(setpriv ? ['setpriv'] : []), ...(prlimit ? ['prlimit'] : []), 'permission'];
  return {
    ok: true,
    plan: {
      id: 'bwrap',
      layers,
      gaps,
      spec: (r) => {
        const cwd = dirname(r.childScript);
        // Parents before children, so a nested package is bound over its parent's bind.
        const reads = [...new Set([cwd, ...r.readPaths])].sort();
        const sandbox = [
          '--unshare-all',
          '--unshare-user',
          '--die-with-parent',
          '--new-session',
          '--cap-drop',
          'ALL',
          '--uid',
          String(NOBODY),
          '--gid',
          String(NOBODY),
          '--clearenv',
          ...Object.entries(CHILD_ENV).flatMap(([k, v]) => ['--setenv', k, v]),
          ...binds,
          ...reads.flatMap((p) => ['--ro-bind', p, p]),
          '--proc',
          '/proc',
          '--dev',
          '/dev',
          '--chdir',
          cwd,
          '--remount-ro',
          '/',
          '--',
        ];
        const node = [host.node, ...baseNodeArgs(r, host), ...permissionNodeArgs(r), r.childScript];
        const inner = [bwrap, ...sandbox, ...(prlimit ? [prlimit, ...prlimitArgs(r, { countProcesses: !host.isRoot || setpriv !== undefined })] : []), ...node];
        const outer = setpriv ? [setpriv, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', ...inner] : inner;
        return { command: outer[0]!, args: outer.slice(1), env: CHILD_ENV, cwd };
      },
    },
  };
};
