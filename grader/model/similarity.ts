import { Type, type Static } from '@sinclair/typebox';
import { closed } from './closed.js';

const Count = Type.Integer({ minimum: 0 });
const Fraction = Type.Number({ minimum: 0, maximum: 1 });

/** A stretch of a file, 0-based rows and columns as the tokenizer reports them. */
const Span = Type.Object({
  startRow: Count,
  startCol: Count,
  endRow: Count,
  endCol: Count,
});

/** One stretch of code the two files share, fingerprint for fingerprint. */
const Fragment = Type.Object({
  left: Span,
  right: Span,
  /** Shared fingerprints (k-grams of syntax-tree tokens) in the stretch. */
  kgrams: Type.Integer({ minimum: 1 }),
});

/** One exercise file of one pair. */
const FileComparison = Type.Object({
  file: Type.String({ description: 'The exercise file, e.g. convolution.ts.' }),
  similarity: Fraction,
  /** The longest run of consecutive shared fingerprints, in k-grams. */
  longest: Count,
  leftCovered: Count,
  rightCovered: Count,
  leftTotal: Count,
  rightTotal: Count,
  /** Only for flagged pairs: what their page highlights. */
  fragments: Type.Optional(Type.Array(Fragment)),
});

const Pair = Type.Object({
  left: Type.String(),
  right: Type.String(),
  /** Shared fingerprints over the fingerprints of both submissions, every file together. */
  similarity: Fraction,
  /** The longest fragment over every file, in k-grams. */
  longest: Count,
  /** The file that longest fragment is in. */
  longestFile: Type.Union([Type.String(), Type.Null()]),
  flagged: Type.Boolean(),
  /** The side-by-side page of a flagged pair, relative to the class folder. */
  page: Type.Optional(Type.String()),
  files: Type.Array(FileComparison),
});

const Cluster = Type.Object({
  /** Students linked by flagged pairs, sorted by name. */
  members: Type.Array(Type.String(), { minItems: 2 }),
  /** The highest similarity of a flagged pair inside the cluster. */
  similarity: Fraction,
});

const Bin = Type.Object({ from: Fraction, to: Fraction, count: Count });

const Skipped = Type.Object({
  name: Type.String(),
  file: Type.String(),
  reason: Type.Union([Type.Literal('too-large'), Type.Literal('unreadable')]),
});

/**
 * `similarity.json` of a class: every pair of submissions compared with Dolos (syntax-tree
 * tokens, winnowed fingerprints), exercise file by exercise file, the starter code and the code
 * most of the class shares left out. No timestamp, so that a rerun gives the same file.
 */
export const SimilarityReportSchema = closed(
  Type.Object({
    schemaVersion: Type.Literal(1),
    grader: Type.Object({ name: Type.Literal('neurograde'), version: Type.String() }),
    engine: Type.Object({
      name: Type.Literal('@dodona/dolos-lib'),
      version: Type.String(),
      kgramLength: Type.Integer({ minimum: 1 }),
      kgramsInWindow: Type.Integer({ minimum: 1 }),
  }),
  /** Pairs at or above this similarity are flagged. */
  threshold: Fraction,
  /** Code found in more than this fraction of the submissions is ignored, like the starter. */
  commonFraction: Fraction,
  /** The submissions compared, sorted by name. */
  submissions: Type.Array(Type.String()),
  files: Type.Array(
    Type.Object({
      file: Type.String(),
      /** Submissions that had this file. */
      submissions: Count,
      /** Whether the exercise's starter.ts was subtracted. */
      starter: Type.Boolean(),
    }),
  ),
  skipped: Type.Array(Skipped),
  /** Every pair of submissions compared. */
  pairCount: Count,
  /** The most similar pairs (every flagged one, and at least the top `listed`), most similar first. */
  pairs: Type.Array(Pair),
  clusters: Type.Array(Cluster),
  /** Every pair's similarity, in ten bins of 0.1. */
  histogram: Type.Array(Bin),
  }),
);
export type SimilarityReport = Static<typeof SimilarityReportSchema>;
export type SimilarityPair = Static<typeof Pair>;
export type FileComparison = Static<typeof FileComparison>;
export type SimilarityFragment = Static<typeof Fragment>;
export type SimilarityCluster = Static<typeof Cluster>;
