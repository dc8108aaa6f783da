import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import type { ReportView } from './view/types.js';
import { visibleStrings } from '../grader/io/unsafe-text.js';

const TEMPLATES = join(PACKAGE_ROOT, 'reports', 'templates');

/**
 * Compiles the report's templates on a Handlebars instance of its own, so that no partial or
 * helper leaks between reporters or tests. Every template escapes with `{{ }}`; a triple-stash
 * would let a student's string become markup, and `html.test.ts` refuses one.
 */
export function createReportTemplate(): (view: ReportView) => string {
  const hb = Handlebars.create();
  // The report's partials live in their own folder: other reporters' templates share templates/.
  const partials = join(TEMPLATES, 'report');
  for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
    hb.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  }
  const template = hb.compile<ReportView>(readFileSync(join(TEMPLATES, 'report.hbs'), 'utf8'), { preventIndent: true });
  // Controls and bidi overrides from a name or a message show as escapes (`\u202E`), never raw.
  return (view) => template(visibleStrings(view));
}
