import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { ManifestSchema } from '../grader/model/manifest.js';
import { buildDist, graderSources, VALIDATED } from '../grader/pack/dist.js';
import { CHILD_BUNDLE } from '../grader/sandbox/child-bundle.js';
import { PRECOMPILED, schemaKey, standaloneValidators, validator } from '../grader/schema/validate.js';
import { EXAMPLES } from './support/grade.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-dist-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** ajv's standalone code run as the built grader runs it: CommonJS, with the package's own requires. */
function loadStandalone(code: string): Record<string, ValidateFunction> {
  const module = { exports: {} as Record<string, ValidateFunction> };
  new Function('require', 'module', 'exports', code)(createRequire(join(PACKAGE_ROOT, 'package.json')), module, module.exports);
  return module.exports;
}

describe('the built grader (dist/)', () => {
  it('holds one .js module per module of grader/ and reports/, the bundled child runner and the precompiled validators', async () => {
    const out = join(work, 'dist');
    const { files } = await buildDist({ root: PACKAGE_ROOT, outDir: out });
    const sources = [...graderSources(PACKAGE_ROOT, 'grader'), ...graderSources(PACKAGE_ROOT, 'reports')];
    expect(files).toBe(sources.length);
    expect(sources.filter((f) => !existsSync(join(out, f.replace(/\.ts$/, '.js'))))).toEqual([]);
    expect(existsSync(join(out, 'grader', 'sandbox', CHILD_BUNDLE))).toBe(true);
    const compiled = loadStandalone(readFileSync(join(out, 'grader', 'schema', PRECOMPILED), 'utf8'));
    expect(Object.keys(compiled).sort()).toEqual([...new Set(Object.values(VALIDATED).map(schemaKey))].sort());
  });

  it('precompiles every schema the grader validates with: each validator(X) of the sources names one in VALIDATED', () => {
    const called = new Set<string>();
    for (const f of [...graderSources(PACKAGE_ROOT, 'grader'), ...graderSources(PACKAGE_ROOT, 'reports')]) {
      for (const m of readFileSync(join(PACKAGE_ROOT, f), 'utf8').matchAll(/\bvalidator\((\w+)\)/g)) called.add(m[1]!);
    }
    expect(called.size).toBeGreaterThan(3);
    expect([...called].filter((name) => !(name in VALIDATED))).toEqual([]);
  });

  it.each([
    ['a valid manifest', JSON.parse(readFileSync(join(PACKAGE_ROOT, 'exercises', 'shapes', 'exercise.json'), 'utf8')) as unknown],
    ['a manifest with several errors', { id: 'Bad Id', title: { fr: 'x' }, file: 'x.py', exports: [], tolerance: { atol: -1, rtol: 0 }, checks: {}, extra: 1 }],
  ])('a precompiled validator gives what ajv compiling the same TypeBox schema gives: %s', (_name, value) => {
    const precompiled = loadStandalone(standaloneValidators([ManifestSchema]))[schemaKey(ManifestSchema)]!;
    const compiled = validator(ManifestSchema)(value);
    expect(precompiled(value)).toBe(compiled.ok);
    if (!compiled.ok) {
      expect(compiled.errors.length).toBeGreaterThan(2);
      expect(precompiled.errors?.length).toBe(compiled.errors.length);
    }
  });

  it('grades with no TypeScript loader at all: node runs dist/ alone (Node 20 cannot load a .ts file)', () => {
    const out = join(work, 'graded');
    const main = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'grader', 'cli', 'main.js')).href;
    const script = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(${JSON.stringify(['grade', join(EXAMPLES, 'correct'), '--exercises', 'shapes', '--out', out])});`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { exercises: { id: string; score: number; maxScore: number }[] };
    expect(result.exercises.map((e) => [e.id, e.score])).toEqual([['shapes', result.exercises[0]!.maxScore]]);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });
});
