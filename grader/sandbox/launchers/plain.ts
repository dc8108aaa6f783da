import { dirname } from 'node:path';
import type { LauncherFactory } from './plan.js';
import { baseNodeArgs, CHILD_ENV } from './node-args.js';

/** No isolation beyond a separate process, a heap cap and a scrubbed environment. For debugging. */
export const plainFactory: LauncherFactory = (host) => ({
  ok: true,
  plan: {
    id: 'none',
    layers: ['process'],
    gaps: ['node-permissions', 'filesystem', 'network', 'signals', 'processes', 'memory', 'cpu'],
    spec: (r) => ({ command: host.node, args: [...baseNodeArgs(r, host), r.childScript], env: CHILD_ENV, cwd: dirname(r.childScript) }),
  },
});
