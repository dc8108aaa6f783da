import { Dolos, File as DolosFile, type Pair, type Report, type TokenizedFile } from '@dodona/dolos-lib';
import type { SimilarityFragment } from '../model/similarity.js';

/** One student's copy of one exercise file. */
export interface FileCopy {
  /** Index of the student in the class's sorted names. */
  readonly student: number;
  readonly text: string;
}

/** What two students' copies of one file share, in Dolos' measures. */
export interface SharedCounts {
  readonly leftCovered: number;
  readonly rightCovered: number;
  readonly longest: number;
}

/** The comparison of every copy of one exercise file across the class. */
export interface FileRun {
  readonly file: string;
  /** Fingerprints of each student's copy, starter and common code left out; by student index. */
  readonly totals: ReadonlyMap<number, number>;
  /** Pairs that share at least one fingerprint, by `pairKey(left, right)` with left < right. */
  readonly shared: ReadonlyMap<number, SharedCounts>;
  /** The shared stretches of two students' copies, for the side-by-side page. */
  fragments(left: number, right: number): SimilarityFragment[];
}

/** A key for the pair of student indices a < b in a class of n. */
export const pairKey = (a: number, b: number, n: number): number => a * n + b;

export interface CompareFileOptions {
  readonly file: string;
  readonly copies: readonly FileCopy[];
  /** The class size, for pair keys. */
  readonly classSize: number;
  /** The exercise's starter.ts, whose code every student received. */
  readonly starter?: string;
  readonly kgramLength: number;
  readonly kgramsInWindow: number;
  /** A fingerprint in more copies than this is code the class shares, and ignored. */
  readonly maxCopies: number;
}

/**
 * Compares every student's copy of one exercise file with Dolos: tree-sitter tokens of the
 * syntax tree (node types only, so names, layout and comments do not count), winnowed k-gram
 * fingerprints, the starter's fingerprints and those most of the class shares ignored.
 */
export async function compareFile(o: CompareFileOptions): Promise<FileRun> {
  const dolos = new Dolos({ language: 'typescript', kgramLength: o.kgramLength, kgramsInWindow: o.kgramsInWindow, maxFingerprintCount: o.maxCopies });
  const files = o.copies.map((c) => new DolosFile(`${c.student}/${o.file}`, c.text));
  const starter = o.starter === undefined ? undefined : new DolosFile(`starter/${o.file}`, o.starter);
  const report = await dolos.analyze(files, o.file, starter);
  const byStudent = new Map<number, TokenizedFile>();
  report.files.forEach((f, i) => byStudent.set(o.copies[i]!.student, f));
  const studentOf = new Map<TokenizedFile, number>();
  for (const [s, f] of byStudent) studentOf.set(f, s);

  const totals = new Map<number, number>();
  // Fingerprints kept, counted with their repeats as Pair counts covered ones (Dolos' own
  // denominator subtracts an ignored fingerprint once however often it occurs).
  for (const entry of report.entries()) {
    let kept = 0;
    for (const fp of entry.shared) kept += fp.occurrencesOf(entry.file).length;
    totals.set(studentOf.get(entry.file)!, kept);
  }
  const shared = new Map<number, SharedCounts>();
  for (const [a, b] of candidatePairs(report, studentOf, o.classSize)) {
    const pair = report.getPair(byStudent.get(a)!, byStudent.get(b)!);
    if (pair.leftCovered + pair.rightCovered === 0) continue;
    shared.set(pairKey(a, b, o.classSize), counts(pair, a === studentOf.get(pair.leftFile)));
  }
  return {
    file: o.file,
    totals,
    shared,
    fragments: (left, right) => fragmentsOf(report.getPair(byStudent.get(left)!, byStudent.get(right)!), studentOf.get(byStudent.get(left)!) === left),
  };
}

/** Student pairs (a < b) that share a fingerprint not ignored: the only ones worth a Pair. */
function candidatePairs(report: Report, studentOf: ReadonlyMap<TokenizedFile, number>, n: number): Array<[number, number]> {
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const fp of report.sharedFingerprints()) {
    if (fp.ignored) continue;
    const students = fp.files().flatMap((f) => (studentOf.has(f) ? [studentOf.get(f)!] : [])).sort((x, y) => x - y);
    for (let i = 0; i < students.length; i++) {
      for (let j = i + 1; j < students.length; j++) {
        const key = pairKey(students[i]!, students[j]!, n);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([students[i]!, students[j]!]);
      }
    }
  }
  return out;
}

function counts(pair: Pair, leftIsLeft: boolean): SharedCounts {
  return leftIsLeft
    ? { leftCovered: pair.leftCovered, rightCovered: pair.rightCovered, longest: pair.longest }
    : { leftCovered: pair.rightCovered, rightCovered: pair.leftCovered, longest: pair.longest };
}

function fragmentsOf(pair: Pair, leftIsLeft: boolean): SimilarityFragment[] {
  return pair.buildFragments().map((f) => {
    const a = { startRow: f.leftSelection.startRow, startCol: f.leftSelection.startCol, endRow: f.leftSelection.endRow, endCol: f.leftSelection.endCol };
    const b = { startRow: f.rightSelection.startRow, startCol: f.rightSelection.startCol, endRow: f.rightSelection.endRow, endCol: f.rightSelection.endCol };
    return leftIsLeft ? { left: a, right: b, kgrams: f.pairs.length } : { left: b, right: a, kgrams: f.pairs.length };
  });
}
