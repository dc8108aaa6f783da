import { join } from 'node:path';
import type { SubmissionResult } from '../grader/model/results.js';
import { writeFileAtomic } from '../grader/io/write.js';
import { SUBMISSION_REPORTERS } from './index.js';
import type { ReportContext } from './types.js';

/** Renders every registered submission reporter next to results.json. */
export function writeReports(outDir: string, result: SubmissionResult, ctx: ReportContext): void {
  for (const reporter of Object.values(SUBMISSION_REPORTERS)) writeFileAtomic(join(outDir, reporter.fileName), reporter.render(result, ctx));
}
