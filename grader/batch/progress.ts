import type { Messages } from '../i18n/types.js';
import { formatScore } from '../i18n/score.js';
import type { Lang } from '../model/localized.js';
import { visibleText } from '../io/unsafe-text.js';
import type { ExerciseResult, SubmissionResult } from '../model/results.js';

/** An exercise of a graded submission that could not run: its file, why, and the first compile error's place. */
export interface Unrun {
  readonly file: string;
  readonly status: Exclude<ExerciseResult['status'], 'graded'>;
  readonly at?: { readonly line: number; readonly column: number };
}

/** The exercises of a result that could not run, for the progress line. */
export const unrunOf = (result: SubmissionResult): Unrun[] =>
  result.exercises
    .filter((e) => e.status !== 'graded')
    .map((e) => {
      // The compile error's own file: an import of the exercise's file may be the one at fault.
      const at = e.compileErrors?.[0];
      return { file: at?.file ?? e.file, status: e.status as Unrun['status'], ...(at ? { at: { line: at.line, column: at.column } } : {}) };
    });

/** What happened to one submission, for the progress display. */
export type ProgressEvent =
  | {
      readonly name: string;
      readonly status: 'graded' | 'cached';
      readonly score: number;
      readonly maxScore: number;
      readonly durationMs: number;
      /** Exercises that could not run (a file missing, one that does not compile), said beside the score. @default none */
      readonly unrun?: readonly Unrun[];
    }
  | { readonly name: string; readonly status: 'error'; readonly message: string };

export interface Progress {
  tick(event: ProgressEvent): void;
  /** Ends the display (the bar's line is closed). */
  finish(): void;
}

export interface ProgressOptions {
  readonly total: number;
  readonly write: (text: string) => void;
  /** A bar redrawn in place on a terminal; one plain line per submission otherwise (CI logs). */
  readonly tty: boolean;
  readonly t: Messages;
  /** The language of `t`, for the scores' decimal separator. @default 'en' */
  readonly lang?: Lang;
  /** Terminal width for the bar. @default 80 */
  readonly columns?: number;
  /** @default performance.now */
  readonly now?: () => number;
}

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** " (pooling.ts:2:13 does not compile; models.ts file missing)", or nothing when every exercise ran. */
function unrunText(t: Messages, unrun: readonly Unrun[] | undefined): string {
  if (!unrun || unrun.length === 0) return '';
  const status = t.batch.markdown.exerciseStatus;
  return t.batch.progress.unrun(unrun.map((u) => `${visibleText(u.file)}${u.at ? `:${u.at.line}:${u.at.column}` : ''} ${status[u.status]}`));
}

/**
 * Progress of a batch on stderr: count, rate and ETA. The ETA counts only submissions that were
 * graded (cached ones are instant and would make it lie).
 */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const { total, t } = options;
  const b = t.batch.progress;
  const fmt = (x: number): string => formatScore(x, options.lang);
  const started = now();
  let done = 0;
  let graded = 0;
  let firstGradedAt: number | undefined;
  let drawn = false;

  const eta = (): string => {
    if (graded === 0 || firstGradedAt === undefined) return '--:--';
    const rate = graded / Math.max(now() - started, 1);
    return formatDuration((total - done) / rate);
  };

  const bar = (name: string): string => {
    const counts = `${done}/${total}`;
    const rate = graded > 0 ? `${((graded / Math.max(now() - started, 1)) * 60_000).toFixed(0)}/min` : '';
    const tail = [counts, rate, b.eta(eta()), name].filter(Boolean).join('  ');
    const width = Math.max(10, Math.min(40, (options.columns ?? 80) - tail.length - 4));
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${tail}`;
    return line.slice(0, (options.columns ?? 80) - 1);
  };

  return {
    tick(raw) {
      // A folder or zip name reaches the teacher's terminal: its escape sequences and bidi
      // overrides are shown, never run.
      const event = { ...raw, name: visibleText(raw.name), ...(raw.status === 'error' ? { message: visibleText(raw.message.split('\n')[0]!) } : {}) } as typeof raw;
      done += 1;
      if (event.status === 'graded') {
        graded += 1;
        firstGradedAt ??= now();
      }
      if (options.tty) {
        // A submission with an exercise that could not run keeps its line above the bar: the bar alone would show a plain score.
        if (event.status !== 'error' && event.unrun && event.unrun.length > 0) {
          options.write(`\r\x1b[2K${b.graded(event.name, fmt(event.score), fmt(event.maxScore), (event.durationMs / 1000).toFixed(1))}${unrunText(t, event.unrun)}\n`);
        }
        options.write(`\r\x1b[2K${bar(event.name)}`);
        drawn = true;
        return;
      }
      const prefix = `[${done}/${total}]`;
      if (event.status === 'error') options.write(`${prefix} ${b.error(event.name, event.message.split('\n')[0]!)}\n`);
      else {
        const line = event.status === 'cached' ? b.cached(event.name, fmt(event.score), fmt(event.maxScore)) : b.graded(event.name, fmt(event.score), fmt(event.maxScore), (event.durationMs / 1000).toFixed(1));
        options.write(`${prefix} ${line}${unrunText(t, event.unrun)}\n`);
      }
    },
    finish() {
      if (options.tty && drawn) options.write('\n');
    },
  };
}
