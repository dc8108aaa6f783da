import { classHtml } from './class-html.js';
import { classResults } from './class-results.js';
import { gradebookCsv } from './gradebook-csv.js';
import { gradebookCanvas, gradebookMoodle } from './gradebook-lms.js';
import { gradescope } from './gradescope.js';
import { html } from './html.js';
import { junitClass, junitSubmission } from './junit.js';
import { markdown } from './markdown.js';
import type { ClassReporter, SubmissionReporter } from './types.js';

export type { ClassReporter, ReportContext, SubmissionReporter } from './types.js';

/** Reporters for one submission, by name: one reporter a file, like vitest's reporters. */
export const SUBMISSION_REPORTERS: Readonly<Record<string, SubmissionReporter>> = { html, gradescope, junit: junitSubmission, markdown };

/** Reporters for a whole class, by name. */
export const CLASS_REPORTERS: Readonly<Record<string, ClassReporter>> = {
  gradebook: gradebookCsv,
  'gradebook-moodle': gradebookMoodle,
  'gradebook-canvas': gradebookCanvas,
  junit: junitClass,
  'class-html': classHtml,
  results: classResults,
};
