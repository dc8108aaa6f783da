import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { richResult, sampleExercises } from '../tests/fixtures/report/samples.js';
import { createReportTemplate, precompiledTemplates } from './render.js';
import { buildReportView } from './view/submission.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-templates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A precompiled templates file under `name`, holding `code`. */
function builtFile(name: string, code: string): string {
  const file = join(work, name);
  writeFileSync(file, code);
  return file;
}

const view = (): ReturnType<typeof buildReportView> => buildReportView(richResult('en'), { lang: 'en', exercises: sampleExercises() });

describe("the report's templates precompiled at build time", () => {
  it('render the very page the compiler renders from the sources', () => {
    const compiled = createReportTemplate(join(work, 'none.cjs'))(view());
    expect(compiled).toMatch(/^<!DOCTYPE html>/i);
    expect(createReportTemplate(builtFile('built.cjs', precompiledTemplates()))(view())).toBe(compiled);
  });

  it('are used only for the template text they were built from: an edited template is compiled from its sources', () => {
    const key = /^module\.exports = \{ "(t[0-9a-f]+)"/.exec(precompiledTemplates())?.[1];
    expect(key).toBeDefined();
    // A build whose page renders one word: taken under the sources' key, ignored under another's.
    const word = (k: string): string => `module.exports = { ${JSON.stringify(k)}: { main: { compiler: [8, '>= 4.3.0'], main: () => 'BUILT', useData: true }, partials: {} } };\n`;
    expect(createReportTemplate(builtFile('current.cjs', word(key!)))(view())).toBe('BUILT');
    expect(createReportTemplate(builtFile('older.cjs', word('t0000000000000000')))(view())).toMatch(/^<!DOCTYPE html>/i);
  });
});
