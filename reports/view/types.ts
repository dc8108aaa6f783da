import type { Messages } from '../../grader/i18n/types.js';
import type { Lang } from '../../grader/model/localized.js';

/**
 * What the templates read: every string already in the report's language, every number already
 * formatted, every picture already a data: URI. Templates only lay it out and escape it.
 */
export interface ReportView {
  readonly lang: Lang;
  readonly labels: Messages['report'];
  readonly documentTitle: string;
  readonly submission: string;
  readonly score: ScoreView;
  readonly meta: readonly { readonly label: string; readonly value: string }[];
  /** The grader's version, sandbox and timing: shown folded. */
  readonly technical: readonly { readonly label: string; readonly value: string }[];
  readonly notices: readonly string[];
  readonly warnings: readonly string[];
  readonly exercises: readonly ExerciseView[];
  readonly toFix: readonly ToFixView[];
  readonly footer: string;
}

export interface ScoreView {
  readonly text: string;
  readonly percent: string;
  /** 0..100, for the bar's width. */
  readonly fill: number;
  readonly band: 'good' | 'fair' | 'poor';
  readonly aria: string;
}

/** A status as a word and a symbol, never by colour alone. */
export interface StatusView {
  readonly key: string;
  readonly word: string;
  readonly symbol: string;
}

/** One cause to fix: a named mistake, an exercise that did not run, or one failing check; the points it costs and where it shows. */
export interface ToFixView {
  /** What is wrong, in one line: the mistake's title, or the exercise and check (or file) at fault. */
  readonly cause: string;
  /** Where the cause links to when it is one place (no named mistake). */
  readonly anchor?: string;
  readonly status: StatusView;
  readonly points: string;
  /** The checks a named mistake shows in; empty when the cause is one place. */
  readonly items: readonly { readonly anchor: string; readonly exercise: string; readonly check: string }[];
}

export interface ExerciseView {
  readonly anchor: string;
  readonly title: string;
  readonly file: string;
  readonly score: ScoreView;
  readonly status: StatusView;
  readonly checksPassed: string;
  readonly open: boolean;
  readonly summary?: string;
  readonly statement?: string;
  /** Why no check could run (missing file, compile or load error). */
  readonly problem?: ProblemView;
  readonly checks: readonly CheckView[];
  readonly logs?: string;
}

export interface ProblemView {
  readonly lines: readonly { readonly text: string; readonly location?: string }[];
  readonly stack?: StackView;
}

export interface StackView {
  readonly header: string;
  readonly frames: readonly { readonly location: string; readonly fn?: string }[];
}

export interface CheckView {
  readonly anchor: string;
  readonly title: string;
  readonly id: string;
  readonly status: StatusView;
  readonly points: string;
  readonly hidden: boolean;
  /** A hidden check that did not pass says why it shows nothing. */
  readonly hiddenNote: boolean;
  /** Not repeated when the exercise's problem already says it. */
  readonly message?: string;
  readonly diagnosis?: DiagnosisView;
  /** Further mistakes named with the first: made together. */
  readonly alsoMistakes?: readonly DiagnosisView[];
  /** What the grader observed: the relation between the answers, which cases fail. */
  readonly observations?: { readonly heading: string; readonly lines: readonly string[] };
  readonly mismatch?: MismatchView;
  readonly evidence?: EvidenceView;
  readonly stack?: StackView;
  readonly note?: string;
}

export interface DiagnosisView {
  readonly anchor: string;
  readonly id: string;
  readonly heading: string;
  readonly title?: string;
  readonly explanation?: string;
  readonly hint?: string;
}

export interface MismatchView {
  readonly kind: 'type' | 'shape' | 'values';
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly value: string }[];
  readonly note?: string;
}

export interface EvidenceView {
  readonly caseId: string;
  readonly shrunk: boolean;
  /** Single-number and short inputs, shown together as `name = value`. */
  readonly scalars: readonly { readonly name: string; readonly text: string }[];
  readonly inputs: readonly NamedValueView[];
  readonly output: OutputView;
  readonly tolerance?: string;
}

export interface NamedValueView {
  readonly name: string;
  readonly value: ValueView;
}

/** One value shown one way: a table of numbers, or text. */
export interface ValueView {
  readonly table?: TableView;
  readonly text?: string;
}

export interface TableView {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly header: string; readonly cells: readonly CellView[] }[];
  readonly cornerLabel: string;
  readonly hasBad: boolean;
}

export interface CellView {
  readonly text: string;
  readonly bad: boolean;
  readonly title?: string;
}

/** The expected and obtained output side by side, the best way their kind allows. */
export interface OutputView {
  readonly field?: string;
  readonly figures: readonly FigureView[];
  readonly legends: readonly LegendView[];
  readonly pictureNotes: readonly string[];
  readonly tables: readonly TableView[];
  readonly record?: RecordView;
  readonly texts: readonly { readonly label: string; readonly text: string }[];
}

export interface FigureView {
  readonly title: string;
  readonly src: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
  readonly caption: string;
  readonly kind: 'input' | 'expected' | 'got' | 'diff';
}

export interface LegendView {
  readonly title: string;
  readonly src: string;
  readonly alt: string;
  readonly lo: string;
  readonly hi: string;
}

/** An object output field by field (e.g. `{ W, H, D }`). */
export interface RecordView {
  readonly rows: readonly { readonly field: string; readonly expected: string; readonly got: string; readonly bad: boolean }[];
}
