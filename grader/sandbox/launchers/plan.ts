import type { LaunchRequest, LaunchSpec, LauncherId, SandboxGap } from '../launcher.js';
import type { Host } from './host.js';

/** A launcher before it is probed: how it wraps the child, which layers hold and which do not. */
export interface LauncherPlan {
  readonly id: LauncherId;
  /** The layers, outermost first, e.g. `['bwrap', 'prlimit', 'permission']`. */
  readonly layers: readonly string[];
  readonly gaps: readonly SandboxGap[];
  spec(request: LaunchRequest): LaunchSpec;
}

/** A plan, or the programs this machine lacks for it. */
export type PlanOutcome = { readonly ok: true; readonly plan: LauncherPlan } | { readonly ok: false; readonly missing: readonly string[] };

export type LauncherFactory = (host: Host) => PlanOutcome;
