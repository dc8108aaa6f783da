import { GraderError } from '../model/errors.js';
import { SubmissionResultSchema, type SubmissionResult } from '../model/results.js';
import { validator } from '../schema/validate.js';
import { writeFileAtomic } from './write.js';

const validateResult = validator(SubmissionResultSchema);

/** Writes results.json after checking it against its schema: an invalid one is a grader fault. */
export function writeResults(path: string, result: SubmissionResult): void {
  const v = validateResult(result);
  if (!v.ok) throw new GraderError('BAD_RESULTS', `results.json would not match its schema:\n  - ${v.errors.join('\n  - ')}`);
  writeFileAtomic(path, JSON.stringify(result, null, 2) + '\n');
}
