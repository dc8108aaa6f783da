import { basename, resolve } from 'node:path';
import type { Lang } from '../model/localized.js';
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
    ...(f.problem ? { problem: f.problem } : {}),
    layout: f.layout,
  };
}
