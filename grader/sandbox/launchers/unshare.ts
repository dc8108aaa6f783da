import { dirname } from 'node:path';
import type { SandboxGap } from '../launcher.js';
import { NOBODY } from './host.js';
import type { LauncherFactory } from './plan.js';
import { baseNodeArgs, CHILD_ENV, permissionNodeArgs, prlimitArgs } from './node-args.js';

/**
 * util-linux's `unshare` (own PID, network, IPC, UTS and mount namespaces, a fresh /proc) and
 * `setpriv` (killed with the grader; as root, the uid `nobody` and no new privileges), then
 * prlimit and Node's own layer. No filesystem view of its own: reads are confined by the permission model only.
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
      layers: [...(setpriv ? ['setpriv'] : []), 'unshare', 'prlimit', 'permission'],
      gaps,
      spec: (r) => {
        const node = [host.node, ...baseNodeArgs(r, host), ...permissionNodeArgs(r), r.childScript];
        const limited = [prlimit!, ...prlimitArgs(r, { countProcesses: !host.isRoot }), ...node];
        const inner = host.isRoot
          ? [unshare!, ...namespaces, '--', setpriv!, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--no-new-privs', '--pdeathsig', 'KILL', '--', ...limited]
          : [unshare!, '--user', '--map-current-user', ...namespaces, '--', ...limited];
        // unshare outlives a grader killed with SIGKILL unless told to die with it. Its --kill-child
        // does not reach past the switch to nobody (a change of uid clears the parent-death
        // signal), hence the second --pdeathsig.
        const line = setpriv ? [setpriv, '--pdeathsig', 'KILL', '--', ...inner] : inner;
        return { command: line[0]!, args: line.slice(1), env: CHILD_ENV, cwd: dirname(r.childScript) };
      },
    },
  };
};
