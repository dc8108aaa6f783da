import type { Manifest } from '../model/manifest.js';
import type { CaseEncoder } from '../sandbox/case-encoder.js';
import type { Launcher } from '../sandbox/launcher.js';
import type { BootOptions, SessionLimits } from '../sandbox/session.js';
import type { SpareChildren } from '../sandbox/spares.js';
import type { ResolvedGradeOptions } from './options.js';

/** An exercise's limits: its manifest's over the grading options'. */
export function limitsOf(manifest: Pick<Manifest, 'limits'>, o: Pick<ResolvedGradeOptions, 'limits'>): SessionLimits & { readonly strikes: number } {
  const l = { ...o.limits, ...manifest.limits };
  return { timeMs: l.timeMs, graderMs: l.graderMs, memoryMb: l.memoryMb, outputBytes: l.outputKb * 1024, processes: l.processes, maxItems: 4_000_000, strikes: l.strikes };
}

/** What booting a child needs from the grading environment. */
export interface ChildSite {
  readonly launcher: Launcher;
  readonly childScript: string;
  readonly encoder?: CaseEncoder;
}

/** How a child is booted for an exercise whose module imports no package (a numeric one): nothing bound but the runner. */
export function plainChildOptions(site: ChildSite, manifest: Pick<Manifest, 'limits'>, o: Pick<ResolvedGradeOptions, 'limits'>): BootOptions {
  const { strikes: _, ...limits } = limitsOf(manifest, o);
  return { launcher: site.launcher, launch: { childScript: site.childScript, readPaths: [] }, limits, ...(site.encoder ? { encoder: site.encoder } : {}) };
}

/**
 * Boots, into `spares`, the children a grading of these exercises will most likely ask for
 * first: plain ones with the limits most of them share. Called as soon as the sandbox is ready,
 * while the exercises' modules still load, so that those children's start (about 50 ms of wall
 * each, on the other core) is over when the first checks want them. A guess that proves wrong
 * (another kind asked for first) costs the guessed children's start, never a grade: a spare is
 * taken only by a child of exactly its kind (see SpareChildren).
 */
export function stockFirstChildren(spares: SpareChildren, site: ChildSite, manifests: readonly Pick<Manifest, 'limits'>[], o: Pick<ResolvedGradeOptions, 'limits'>): void {
  const byKind = new Map<string, { readonly options: BootOptions; count: number }>();
  for (const m of manifests) {
    const options = plainChildOptions(site, m, o);
    const key = JSON.stringify(options.limits);
    const kind = byKind.get(key) ?? { options, count: 0 };
    kind.count++;
    byKind.set(key, kind);
  }
  const most = [...byKind.values()].sort((a, b) => b.count - a.count)[0];
  if (most) spares.stock(most.options);
}
