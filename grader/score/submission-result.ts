import { basename, resolve } from 'node:path';
import type { Lang } from '../model/localized.js';
import { visibleText } from '../io/unsafe-text.js';
import { cleanText } from './clean-text.js';
import type { ExerciseResult, Layout, SubmissionProblem, SubmissionResult } from '../model/results.js';
import { roundScore } from '../i18n/score.js';

type Seeding = NonNullable<SubmissionResult['seeding']>;

export interface SubmissionFacts {
  readonly submissionDir: string;
  readonly lang: Lang;
  readonly mode: 'grade' | 'check';
  readonly version: string;
  readonly launcher: { readonly name: string; readonly warnings: readonly string[] };
  readonly exercises: readonly ExerciseResult[];
  readonly durationMs: number;
  /** The TensorFlow.js backend checks ran models on, if any did. */
  readonly tfBackend?: string;
  /** Why the submission cannot be graded as handed in; absent when it can. */
  readonly problem?: SubmissionProblem;
  readonly layout: Layout;
  /** The seeds graded with, for results.json. @default absent */
  readonly seeding?: Seeding;
}


// File and folder names are the student's: kept with their control and bidi characters shown
// escaped (one line each), as the submission's name, so that no report or terminal gets them raw
// (a terminal keeps the grader's own colour codes, so a name's must not reach it).
const names = (list: readonly string[]): string[] => list.map((n) => visibleText(n));

function shownLayout(l: Layout): Layout {
  return { ...l, ...(l.folder !== undefined ? { folder: visibleText(l.folder) } : {}), skipped: names(l.skipped) };
}

function shownProblem(p: SubmissionProblem): SubmissionProblem {
  switch (p.code) {
    case 'unreadable':
      return { ...p, detail: cleanText(p.detail) };
    case 'no-expected-file':
      return { ...p, found: names(p.found) };
    case 'nested':
      return { ...p, found: names(p.found) };
    default:
      return p;
  }
}

/** results.json of a submission, from its exercises' results. */
export function submissionResult(f: SubmissionFacts): SubmissionResult {
  return {
    schemaVersion: 1,
    grader: { name: 'neurograde', version: f.version },
    submission: cleanText(basename(resolve(f.submissionDir))),
    lang: f.lang,
    mode: f.mode,
    score: roundScore(f.exercises.reduce((s, e) => s + e.score, 0)),
    maxScore: roundScore(f.exercises.reduce((s, e) => s + e.maxScore, 0)),
    gradedAt: new Date().toISOString(),
    // Whole seconds: the one total a student sees that includes the hidden checks' time.
    durationMs: Math.round(f.durationMs / 1000) * 1000,
    environment: { node: process.version, sandbox: f.launcher.name, warnings: [...f.launcher.warnings], ...(f.tfBackend ? { tfBackend: f.tfBackend } : {}) },
    ...(f.seeding ? { seeding: f.seeding } : {}),
    exercises: [...f.exercises],
    status: f.problem ? 'ungradable' : 'graded',
    ...(f.problem ? { problem: shownProblem(f.problem) } : {}),
    layout: shownLayout(f.layout),
  };
}
