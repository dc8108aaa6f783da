import type { SubmissionReporter } from './types.js';
import { createReportTemplate } from './render.js';
import { buildReportView } from './view/submission.js';

/**
 * The `report.html` reporter: one self-contained page (inline CSS, pictures as data: URIs, no
 * script, no network) that shows a submission's score and, for every check, what went wrong and
 * why. The templates are compiled once per reporter, at its first report, then reused for every submission of a batch.
 */
export function htmlReporter(): SubmissionReporter {
  // Compiled at the first report, not when the module loads: a command that writes no report pays nothing.
  let template: ReturnType<typeof createReportTemplate> | undefined;
  return {
    name: 'html',
    fileName: 'report.html',
    render: (result, ctx) => (template ??= createReportTemplate())(buildReportView(result, ctx)),
  };
}

export const html: SubmissionReporter = htmlReporter();
