import type { Messages } from '../../i18n/types.js';
import { GraderError } from '../../model/errors.js';
import { LAUNCHER_IDS, type Launcher, type LauncherId, type SandboxChoice } from '../launcher.js';
import { bwrapFactory } from './bwrap.js';
import { readHost, type Host } from './host.js';
import { permissionFactory } from './permission.js';
import type { LauncherFactory, LauncherPlan } from './plan.js';
import { plainFactory } from './plain.js';
import { probeLauncher, type ProbeRequest } from './probe.js';
import { unshareFactory } from './unshare.js';

/** The launchers by `--sandbox` name, strongest first. */
export const LAUNCHERS: Readonly<Record<LauncherId, LauncherFactory>> = {
  bwrap: bwrapFactory,
  unshare: unshareFactory,
  permission: permissionFactory,
  none: plainFactory,
};

export { isSandboxChoice, type SandboxChoice } from '../launcher.js';

export interface DetectOptions extends ProbeRequest {
  /** The language of the warnings. */
  readonly t: Messages;
  /** @default 'auto' */
  readonly choice?: SandboxChoice;
  /** @default the machine the grader runs on */
  readonly host?: Host;
}

export function toLauncher(plan: LauncherPlan, t: Messages, notes: readonly string[]): Launcher {
  return {
    id: plan.id,
    name: plan.layers.join('+'),
    warnings: [...notes, ...plan.gaps.map((g) => t.grading.sandboxGap[g])],
    spec: plan.spec,
  };
}

/** The strongest launcher whose programs exist here, unprobed, with why each stronger one is missing; undefined when none. */
export function firstPlan(host: Host, choice: SandboxChoice, t: Messages): { readonly plan: LauncherPlan; readonly notes: readonly string[] } | undefined {
  const notes: string[] = [];
  for (const id of choice === 'auto' ? LAUNCHER_IDS : [choice]) {
    const outcome = LAUNCHERS[id](host);
    if (outcome.ok) return { plan: outcome.plan, notes };
    notes.push(t.grading.sandboxMissing(id, outcome.missing.join(', ')));
  }
  return undefined;
}

/**
 * Picks how children are isolated: the named launcher, or with `auto` the strongest one whose
 * programs exist and which really starts a child here (bwrap fails in containers without user
 * namespaces, for instance). Probes run once per call: call it once per grader process.
 * Throws GraderError SANDBOX_UNAVAILABLE when a launcher asked for by name cannot run.
 */
export async function detectLauncher(options: DetectOptions): Promise<Launcher> {
  const { t } = options;
  const host = options.host ?? readHost();
  const choice = options.choice ?? 'auto';
  const candidates: readonly LauncherId[] = choice === 'auto' ? LAUNCHER_IDS : [choice];
  const notes: string[] = [];
  for (const id of candidates) {
    const outcome = LAUNCHERS[id](host);
    if (!outcome.ok) {
      notes.push(t.grading.sandboxMissing(id, outcome.missing.join(', ')));
      continue;
    }
    const probe = await probeLauncher(toLauncher(outcome.plan, t, []), options);
    if (probe.ok) return toLauncher(outcome.plan, t, notes);
    notes.push(t.grading.sandboxFailed(id, probe.detail));
  }
  throw new GraderError('SANDBOX_UNAVAILABLE', notes.join(' '));
}
