import type { Launcher } from '../launcher.js';
import type { Session, SessionLimits } from '../session.js';
import { prepareHost, readHost, type Host } from './host.js';
import { detectLauncher, firstPlan, toLauncher, type DetectOptions } from './index.js';
import { dropPlan, planCacheKey, readPlan, writePlan, type PlanRecord } from './plan-cache.js';
import { PROBE_MODULE } from './probe.js';

/**
 * What became of a grader's first child under `LauncherSource.confirm`: untouched (`fresh`),
 * loaded with the probe module and left clean (`probed`: a public phase may take it, a hidden
 * one never), or ended because its launcher did not start it (`replaced`: boot another with the
 * launcher now chosen).
 */
export type FirstChildFate = 'fresh' | 'probed' | 'replaced';

/** The launcher of one grading environment, and how a launcher taken from the cache is seen working. */
export interface LauncherSource {
  /** The launcher children start with now. */
  readonly launcher: Launcher;
  /**
   * Sees `first`, a child just booted with `launcher`, start: when `launcher` came from the
   * cache and no child of it has answered yet, the probe module is loaded into `first`. If it
   * does not answer, the cache entry is dropped, the launchers are probed again as without a
   * cache, and `launcher` becomes the one that passed. Throws SANDBOX_UNAVAILABLE when none does.
   */
  confirm(first: Session, limits: SessionLimits): Promise<FirstChildFate>;
}

export interface SourceOptions extends DetectOptions {
  /** Where the plan is kept between starts (the user's cache folder). @default none: probe at every start */
  readonly cacheDir?: string;
  /** Files whose change invalidates the kept plan (the grader's build stamp). @default none */
  readonly keyFiles?: readonly string[];
  /** @default process.env.PATH plus the usual system folders */
  readonly path?: string;
}

const confirmed = (launcher: Launcher): LauncherSource => ({ launcher, confirm: async () => 'fresh' });

/** The record to keep: the libraries this start knows, and the launcher that passed its probe. */
function recordOf(key: string, host: Host, launcher: Launcher): PlanRecord {
  const libraries: Record<string, readonly string[]> = {};
  for (const b of [host.node, host.which('prlimit')]) {
    const libs = b === undefined ? undefined : host.libraries(b);
    if (b !== undefined && libs !== undefined) libraries[b] = libs;
  }
  return { key, libraries, verdict: launcher.id };
}

/**
 * The launcher for a grading environment. Without `cacheDir`, `detectLauncher` as always (ldd,
 * then a probe child). With it, the libraries and the probe's verdict kept under the same key
 * (see plan-cache.ts) spare both: the launcher the probe would try first is taken as it passed
 * before, and the environment's first child confirms it (`confirm`) before any check runs.
 * A kept verdict for a weaker launcher than the first available one is never used.
 */
export async function launcherSource(options: SourceOptions): Promise<LauncherSource> {
  const { cacheDir, choice = 'auto' } = options;
  if (!cacheDir) return confirmed(await detectLauncher({ ...options, ...(options.host ? {} : { host: await prepareHost(options.path ? { path: options.path } : {}) }) }));
  const key = planCacheKey({ node: process.execPath, which: readHost(options.path).which, choice, childScript: options.childScript, extra: options.keyFiles ?? [] });
  const kept = readPlan(cacheDir, key);
  const host = options.host ?? (await prepareHost({ ...(options.path ? { path: options.path } : {}), ...(kept ? { libraries: kept.libraries } : {}) }));
  const detect = async (on: Host): Promise<Launcher> => {
    const launcher = await detectLauncher({ ...options, host: on });
    writePlan(cacheDir, recordOf(key, on, launcher));
    return launcher;
  };
  const first = firstPlan(host, choice, options.t);
  if (!kept?.verdict || first?.plan.id !== kept.verdict) return confirmed(await detect(host));
  let launcher = toLauncher(first.plan, options.t, first.notes);
  let pending: Promise<FirstChildFate> | undefined;
  let settled = false;
  const check = async (child: Session, limits: SessionLimits): Promise<FirstChildFate> => {
    const loaded = await child.load({ ...PROBE_MODULE, limits });
    if (loaded.ok && loaded.exports.probe === 'number') return 'probed';
    child.close();
    dropPlan(cacheDir, key);
    // Nothing kept is trusted now: the libraries are read again too.
    launcher = await detect(options.host ?? (await prepareHost(options.path ? { path: options.path } : {})));
    return 'replaced';
  };
  return {
    get launcher() {
      return launcher;
    },
    async confirm(child, limits) {
      if (settled) return 'fresh';
      if (!pending) return (pending = check(child, limits).finally(() => (settled = true)));
      // Another submission's first child is confirming the launcher this one was booted with:
      // this one stays untouched, or ends with its launcher.
      if ((await pending) !== 'replaced') return 'fresh';
      child.close();
      return 'replaced';
    },
  };
}
