import type { ClassReporter, SubmissionReporter } from './types.js';

export type { ClassReporter, ReportContext, SubmissionReporter } from './types.js';

/** Reporters for one submission, by name: one reporter a file, like vitest's reporters. */
export const SUBMISSION_REPORTERS: Readonly<Record<string, SubmissionReporter>> = {};

/** Reporters for a whole class, by name. */
export const CLASS_REPORTERS: Readonly<Record<string, ClassReporter>> = {};
