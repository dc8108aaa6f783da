import type { FileComparison, SimilarityPair, SimilarityReport } from '../model/similarity.js';
import { clustersOf } from './clusters.js';
import { compareFile, pairKey, type FileRun } from './compare-file.js';
import type { ResolvedSimilarityOptions } from './options.js';

/** The exercise files of a class, as the similarity stage reads them. */
export interface ClassSources {
  /** The students, sorted by name; indices below refer to this list. */
  readonly names: readonly string[];
  /** Exercise file name to each student's copy (student index to text). */
  readonly files: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /** Exercise file name to the starter code every student received. */
  readonly starters: ReadonlyMap<string, string>;
  /** Files left out (too large, unreadable), listed in the report. */
  readonly skipped: SimilarityReport['skipped'];
}

/** The report without the grader's and engine's identity, which the caller knows. */
export type SimilarityAnalysis = Omit<SimilarityReport, 'schemaVersion' | 'grader' | 'engine'>;

/**
 * Compares every pair of students, exercise file by exercise file, and ranks the pairs by the
 * similarity of their whole submissions: the shared fingerprints of every file both have, over
 * all their fingerprints. Starter code and code most of the class shares count on neither side.
 */
export async function analyzeClass(sources: ClassSources, o: ResolvedSimilarityOptions): Promise<SimilarityAnalysis> {
  const n = sources.names.length;
  const runs: FileRun[] = [];
  for (const [file, copies] of [...sources.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (copies.size < 2) continue;
    const list = [...copies].map(([student, text]) => ({ student, text }));
    const maxCopies = Math.max(2, Math.floor(o.commonFraction * list.length));
    const starter = sources.starters.get(file);
    runs.push(await compareFile({ file, copies: list, classSize: n, ...(starter !== undefined ? { starter } : {}), kgramLength: o.kgramLength, kgramsInWindow: o.kgramsInWindow, maxCopies }));
  }
  const scored = scorePairs(n, runs);
  const histogram = histogramOf(scored.map((p) => p.similarity));
  scored.sort((x, y) => y.similarity - x.similarity || y.longest - x.longest || x.a - y.a || x.b - y.b);
  const flaggedCount = scored.filter((p) => p.similarity >= o.threshold).length;
  const pairs = scored.slice(0, Math.max(flaggedCount, o.listed)).filter((p) => p.similarity > 0).map((p) => describe(p, sources.names, runs, o.threshold));
  return {
    threshold: o.threshold,
    commonFraction: o.commonFraction,
    submissions: [...sources.names],
    files: [...sources.files].map(([file, copies]) => ({ file, submissions: copies.size, starter: sources.starters.has(file) })).sort((a, b) => (a.file < b.file ? -1 : 1)),
    skipped: sources.skipped,
    pairCount: (n * (n - 1)) / 2,
    pairs,
    clusters: clustersOf(pairs.filter((p) => p.flagged)),
    histogram,
  };
}

interface Scored {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
  readonly longest: number;
}

/** Every pair of the class, its files pooled; pairs that share nothing score 0. */
function scorePairs(n: number, runs: readonly FileRun[]): Scored[] {
  const out: Scored[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let covered = 0;
      let total = 0;
      let longest = 0;
      for (const run of runs) {
        const ta = run.totals.get(a);
        const tb = run.totals.get(b);
        if (ta === undefined || tb === undefined) continue;
        total += ta + tb;
        const s = run.shared.get(pairKey(a, b, n));
        if (!s) continue;
        covered += s.leftCovered + s.rightCovered;
        longest = Math.max(longest, s.longest);
      }
      out.push({ a, b, similarity: total > 0 ? Math.min(1, covered / total) : 0, longest });
    }
  }
  return out;
}

function describe(p: Scored, names: readonly string[], runs: readonly FileRun[], threshold: number): SimilarityPair {
  const n = names.length;
  const flagged = p.similarity >= threshold;
  const files: FileComparison[] = [];
  for (const run of runs) {
    const ta = run.totals.get(p.a);
    const tb = run.totals.get(p.b);
    if (ta === undefined || tb === undefined) continue;
    const s = run.shared.get(pairKey(p.a, p.b, n)) ?? { leftCovered: 0, rightCovered: 0, longest: 0 };
    const similarity = ta + tb > 0 ? Math.min(1, (s.leftCovered + s.rightCovered) / (ta + tb)) : 0;
    files.push({
      file: run.file,
      similarity: round(similarity),
      longest: s.longest,
      leftCovered: s.leftCovered,
      rightCovered: s.rightCovered,
      leftTotal: ta,
      rightTotal: tb,
      ...(flagged && s.longest > 0 ? { fragments: run.fragments(p.a, p.b) } : {}),
    });
  }
  const longestFile = files.reduce<FileComparison | undefined>((best, f) => (f.longest > (best?.longest ?? 0) ? f : best), undefined);
  return {
    left: names[p.a]!,
    right: names[p.b]!,
    similarity: round(p.similarity),
    longest: p.longest,
    longestFile: longestFile?.file ?? null,
    flagged,
    files,
  };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** Ten bins of 0.1 over every pair's similarity, the last one closed. */
function histogramOf(values: readonly number[]): SimilarityReport['histogram'] {
  const counts = new Array<number>(10).fill(0);
  for (const v of values) counts[Math.min(9, Math.floor(v * 10))] += 1;
  return counts.map((count, i) => ({ from: i / 10, to: (i + 1) / 10, count }));
}
