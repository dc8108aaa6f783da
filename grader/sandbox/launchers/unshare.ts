import { dirname } from 'node:path';
import type { SandboxGap } from '../launcher.js';
import { NOBODY } from './host.js';
import type { LauncherFactory } from './plan.js';
import { baseNodeArgs, CHILD_ENV, permissionNodeArgs, prlimitArgs } from './node-args.js';

/**
 * util-linux's `unshare` (own PID, network, IPC, UTS and mount namespaces, a fresh /proc; killed
 * with its parent) and `setpriv` (as root: the uid `nobody`, no new privileges), then prlimit and
 * Node's own layer. No filesystem view of its own: reads are confined by the permission model only.
 * As root the child's processes are counted with every other `nobody` process of the machine, so
 * the count is left to the permission model (no child processes, no workers); without root the
 * child gets a user namespace of its own, where prlimit's count is its own.
 */
export const unshareFactory: LauncherFactory = (host) => {
  const unshare = host.which('unshare');
  const setpriv = host.which('setpriv');
  const prlimit = host.which('prlimit');
  const missing = [...(unshare ? [] : ['unshare']), ...(prlimit ? [] : ['prlimit']), ...(host.isRoot && !setpriv ? ['setpriv'] : [])];
  if (missing.length > 0) return { ok: false, missing };
  const gaps: SandboxGap[] = ['filesystem', ...(host.isRoot ? (['processes'] as const) : [])];
  const namespaces = ['--pid', '--fork', '--kill-child', '--net', '--ipc', '--uts', '--mount', '--mount-proc'];
  return {
    ok: true,
    plan: {
      id: 'unshare',
      layers: ['unshare', ...(host.isRoot ? ['setpriv'] : []), 'prlimit', 'permission', 'frozen-intrinsics'],
      gaps,
      spec: (r) => {
        const node = [host.node, ...baseNodeArgs(r), ...permissionNodeArgs(r), r.childScript];
        const limited = [prlimit!, ...prlimitArgs(r, !host.isRoot), ...node];
        const args = host.isRoot
          ? [...namespaces, '--', setpriv!, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--no-new-privs', '--', ...limited]
          : ['--user', '--map-current-user', ...namespaces, '--', ...limited];
        return { command: unshare!, args, env: CHILD_ENV, cwd: dirname(r.childScript) };
      },
    },
  };
};
