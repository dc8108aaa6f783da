import type { TemplateDelegate } from 'handlebars';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import type { ReportView } from './view/types.js';
import { visibleStrings } from '../grader/io/unsafe-text.js';

const TEMPLATES = join(PACKAGE_ROOT, 'reports', 'templates');
const require = createRequire(import.meta.url);

/** The precompiled templates' file beside this module once built (see `precompiledTemplates`). */
export const PRECOMPILED_TEMPLATES = 'templates.cjs';

/** How every report template is compiled, at build time or at run time alike. */
const COMPILE_OPTIONS = { preventIndent: true } as const;

/** The report's templates as text: the page and its partials by name. */
interface TemplateSources {
  readonly main: string;
  readonly partials: Readonly<Record<string, string>>;
}

function reportSources(): TemplateSources {
  // The report's partials live in their own folder: other reporters' templates share templates/.
  const partials = join(TEMPLATES, 'report');
  const names = readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort();
  return { main: readFileSync(join(TEMPLATES, 'report.hbs'), 'utf8'), partials: Object.fromEntries(names.map((f) => [basename(f, '.hbs'), readFileSync(join(partials, f), 'utf8')])) };
}

/** The templates' name among the precompiled ones: a hash of their text, so an edited template never meets an old build. */
const templatesKey = (s: TemplateSources): string => `t${createHash('sha256').update(JSON.stringify(s)).digest('hex').slice(0, 16)}`;

/** What Handlebars' `precompile` gives: the template's code as an object (the global type TemplateSpecification). */
type Spec = Parameters<typeof import('handlebars').template>[0];
type Precompiled = { readonly main: Spec; readonly partials: Readonly<Record<string, Spec>> };

/**
 * Handlebars' precompiled code (CommonJS) of the report's templates, exported under their
 * `templatesKey`: written beside this module at build time (see grader/pack/dist.ts), so that a
 * report is rendered by Handlebars' runtime alone, with no template compiled when it is written.
 */
export function precompiledTemplates(): string {
  const Handlebars = (require('handlebars') as { default: typeof import('handlebars') }).default;
  const s = reportSources();
  // `precompile` returns the code as a string (the typings say the object it evaluates to).
  const spec = (text: string): string => String(Handlebars.precompile(text, COMPILE_OPTIONS));
  const partials = Object.entries(s.partials).map(([name, text]) => `${JSON.stringify(name)}: ${spec(text)}`);
  return `module.exports = { ${JSON.stringify(templatesKey(s))}: { main: ${spec(s.main)}, partials: { ${partials.join(', ')} } } };\n`;
}

/** The built templates for these sources, if `file` has them. */
function precompiled(s: TemplateSources, file: string): Precompiled | undefined {
  return existsSync(file) ? (require(file) as Record<string, Precompiled | undefined>)[templatesKey(s)] : undefined;
}

/** The page's template on a Handlebars instance of its own: the runtime with the built templates, else the compiler now. */
function pageTemplate(s: TemplateSources, file: string): TemplateDelegate<ReportView> {
  const built = precompiled(s, file);
  if (built) {
    const hb = (require('handlebars/runtime') as { default: typeof import('handlebars') }).default.create();
    for (const [name, spec] of Object.entries(built.partials)) hb.registerPartial(name, hb.template(spec));
    return hb.template<ReportView>(built.main);
  }
  const hb = (require('handlebars') as { default: typeof import('handlebars') }).default.create();
  for (const [name, text] of Object.entries(s.partials)) hb.registerPartial(name, text);
  return hb.compile<ReportView>(s.main, COMPILE_OPTIONS);
}

/**
 * The report's templates on a Handlebars instance of their own, so that no partial or helper
 * leaks between reporters or tests: precompiled at build time, or compiled now from the sources
 * (tests, an edited template).
 * @param builtFile the precompiled templates. @default the build's, beside this module
 * Every template escapes with `{{ }}`; a triple-stash would let a
 * student's string become markup, and `html.test.ts` refuses one.
 */
export function createReportTemplate(builtFile = join(import.meta.dirname, PRECOMPILED_TEMPLATES)): (view: ReportView) => string {
  const template = pageTemplate(reportSources(), builtFile);
  // Controls and bidi overrides from a name or a message show as escapes (`\u202E`), never raw.
  return (view) => template(visibleStrings(view));
}
