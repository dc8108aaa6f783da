import { dirname } from 'node:path';
import type { SandboxGap } from '../launcher.js';
import type { LauncherFactory } from './plan.js';
import { baseNodeArgs, CHILD_ENV, permissionNodeArgs, prlimitArgs } from './node-args.js';

/**
 * Node's permission model, under prlimit where it exists, killed with the
 * grader by `setpriv --pdeathsig` where that exists. The child runs as the grader's own user, so
 * the process count cannot be limited (it would count the user's every process) and nothing but
 * the runner's removal of `process.kill` keeps signals in.
 */
export const permissionFactory: LauncherFactory = (host) => {
  const prlimit = host.which('prlimit');
  const setpriv = host.which('setpriv');
  const gaps: SandboxGap[] = ['filesystem', 'network', 'signals', 'processes'];
  if (!prlimit) gaps.push('memory', 'cpu');
  return {
    ok: true,
    plan: {
      id: 'permission',
      layers: [...(setpriv ? ['setpriv'] : []), ...(prlimit ? ['prlimit'] : []), 'permission'],
      gaps,
      spec: (r) => {
        const node = [host.node, ...baseNodeArgs(r, host), ...permissionNodeArgs(r), r.childScript];
        const limited = prlimit ? [prlimit, ...prlimitArgs(r, { countProcesses: false }), ...node] : node;
        // A child busy in a loop would outlive a grader killed with SIGKILL: let the kernel end it.
        const line = setpriv ? [setpriv, '--pdeathsig', 'KILL', '--', ...limited] : limited;
        return { command: line[0]!, args: line.slice(1), env: CHILD_ENV, cwd: dirname(r.childScript) };
      },
    },
  };
};
