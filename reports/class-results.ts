import { ClassResultSchema } from '../grader/model/class-results.js';
import { GraderError } from '../grader/model/errors.js';
import { validator } from '../grader/schema/validate.js';
import type { ClassReporter } from './types.js';

const validateClass = validator(ClassResultSchema);

/**
 * The class's `results.json`: the class model (ClassResultSchema), checked against its JSON
 * Schema before it is written; an invalid one is a grader fault, never a file on disk. `merge`
 * reads it back to combine shards.
 */
export const classResults: ClassReporter = {
  name: 'results',
  keepPrevious: true,
  fileName: 'results.json',
  render({ summary }) {
    const v = validateClass(summary);
    if (!v.ok) throw new GraderError('BAD_RESULTS', `the class results.json would not match its schema:\n  - ${v.errors.join('\n  - ')}`);
    return JSON.stringify(summary, null, 2) + '\n';
  },
};
