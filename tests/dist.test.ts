import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Kind, Type } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { ManifestSchema } from '../grader/model/manifest.js';
import { BUILD_STAMP, buildDist, graderSources, VALIDATED, VENDORED } from '../grader/pack/dist.js';
// @ts-expect-error: plain JavaScript, run before the grader loads (its types are in its JSDoc)
import { staleBuild } from '../bin/build-stamp.mjs';
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
    const stamp = JSON.parse(readFileSync(join(out, BUILD_STAMP), 'utf8')) as { builtAt: number; files: string[] };
    expect(stamp.files).toEqual(sources);
    expect(stamp.builtAt).toBeGreaterThan(Date.now() - 10 * 60_000);
  });

  it('loads TypeBox from one bundled module: no built module imports the package, and the bundle gives what the package does', async () => {
    const out = join(work, 'dist-vendored');
    await buildDist({ root: PACKAGE_ROOT, outDir: out });
    const sources = [...graderSources(PACKAGE_ROOT, 'grader'), ...graderSources(PACKAGE_ROOT, 'reports')];
    const importing = sources.filter((f) => readFileSync(join(out, f.replace(/\.ts$/, '.js')), 'utf8').includes('from "@sinclair/typebox"'));
    expect(importing).toEqual([]);
    expect(sources.filter((f) => readFileSync(join(out, f.replace(/\.ts$/, '.js')), 'utf8').includes('/vendor/typebox.js"')).length).toBeGreaterThan(3);
    const bundled = (await import(pathToFileURL(join(out, VENDORED['@sinclair/typebox']!)).href)) as typeof import('@sinclair/typebox');
    const schema = bundled.Type.Object({ id: bundled.Type.String({ minLength: 1 }) }, { additionalProperties: false });
    expect(JSON.stringify(schema)).toBe(JSON.stringify(Type.Object({ id: Type.String({ minLength: 1 }) }, { additionalProperties: false })));
    expect(bundled.Kind).toBe(Kind);
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

  it("runs bundled: bin's command is dist/bundle/main.js, and a grading loads no module of the per-module build, so the exercises share the bundle's kit", () => {
    const out = join(work, 'graded-bundle');
    const log = join(work, 'resolved.log');
    // Node's resolve hook, in the grading process only: every ES module it loads, by URL.
    const hooks = join(work, 'log-hooks.mjs');
    writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
    const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
    const bin = join(PACKAGE_ROOT, 'bin', 'neurograde.mjs');
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, 'grade', join(EXAMPLES, 'correct'), '--exercises', 'shapes,convolution', '--out', out], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { exercises: { id: string; score: number; maxScore: number }[] };
    expect(result.exercises.map((e) => e.score === e.maxScore)).toEqual([true, true]);
    const dist = pathToFileURL(join(PACKAGE_ROOT, 'dist')).href + '/';
    const loaded = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith(dist)).map((u) => u.slice(dist.length));
    expect(loaded).toContain('bundle/main.js');
    expect(loaded).toContain('bundle/kit.js');
    expect(loaded.filter((u) => !u.startsWith('bundle/'))).toEqual([]);
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

/** A package of two sources and a build stamp written now, or none; `edit` then changes it. */
function stampedPackage(name: string, options: { stamp: boolean }): string {
  const root = join(work, name);
  mkdirSync(join(root, 'grader', 'cli'), { recursive: true });
  mkdirSync(join(root, 'reports'), { recursive: true });
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'grader', 'cli', 'main.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'reports', 'html.ts'), 'export const b = 1;\n');
  writeFileSync(join(root, 'grader', 'cli', 'main.test.ts'), 'export const t = 1;\n');
  const past = new Date(Date.now() - 60_000);
  for (const f of ['grader/cli/main.ts', 'reports/html.ts', 'grader/cli/main.test.ts']) utimesSync(join(root, f), past, past);
  if (options.stamp) writeFileSync(join(root, 'dist', BUILD_STAMP), JSON.stringify({ builtAt: Date.now() - 30_000, files: ['grader/cli/main.ts', 'reports/html.ts'] }));
  return root;
}

const later = new Date(Date.now() + 1000);

describe('a stale dist/ is found before it runs (bin/build-stamp.mjs)', () => {
  it.each([
    ['built after its sources', (_root: string) => undefined, undefined],
    ['a source saved after the build', (root: string) => utimesSync(join(root, 'reports', 'html.ts'), later, later), /^reports\/html\.ts changed after dist\/ was built$/],
    ['a source added after the build', (root: string) => writeFileSync(join(root, 'grader', 'cli', 'new.ts'), ''), /^grader\/cli\/new\.ts changed/],
    ['a source of the build removed', (root: string) => rmSync(join(root, 'reports', 'html.ts')), /^reports\/html\.ts was built into dist\/ but is gone$/],
    ['a test saved after the build (not built: no effect)', (root: string) => utimesSync(join(root, 'grader', 'cli', 'main.test.ts'), later, later), undefined],
  ])('%s', (name, edit, expected) => {
    const root = stampedPackage(`stamp-${name.replace(/\W+/g, '-')}`, { stamp: true });
    edit(root);
    const stale = staleBuild(root) as string | undefined;
    if (expected) expect(stale).toMatch(expected);
    else expect(stale).toBeUndefined();
  });

  it('an installed package (under node_modules/) trusts its build: npm dates its extracted files at the install, after the build', () => {
    const root = stampedPackage(join('node_modules', 'neurograde'), { stamp: true });
    utimesSync(join(root, 'reports', 'html.ts'), later, later);
    expect(staleBuild(root)).toBeUndefined();
  });

  it('a build without a stamp is stale; a package without sources trusts its build', () => {
    expect(staleBuild(stampedPackage('no-stamp', { stamp: false }))).toBe('dist/ has no build stamp');
    const bare = join(work, 'no-sources');
    mkdirSync(join(bare, 'dist'), { recursive: true });
    expect(staleBuild(bare)).toBeUndefined();
  });

  it('bin/neurograde.mjs runs a fresh dist/, and the sources through tsx with one line on stderr once a source changed', () => {
    const root = join(work, 'bin-package');
    cpSync(join(PACKAGE_ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}');
    mkdirSync(join(root, 'grader', 'cli'), { recursive: true });
    mkdirSync(join(root, 'dist', 'grader', 'cli'), { recursive: true });
    const main = (from: string): string => `export async function main(argv) { console.log('${from}', argv.join(' ')); return 0; }\n`;
    writeFileSync(join(root, 'grader', 'cli', 'main.ts'), main('sources').replace('(argv)', '(argv: string[])'));
    writeFileSync(join(root, 'dist', 'grader', 'cli', 'main.js'), main('dist'));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'grader', 'cli', 'main.ts'), past, past);
    writeFileSync(join(root, 'dist', BUILD_STAMP), JSON.stringify({ builtAt: Date.now() - 30_000, files: ['grader/cli/main.ts'] }));
    const run = () => spawnSync(process.execPath, [join(root, 'bin', 'neurograde.mjs'), 'x', 'y'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    const fresh = run();
    expect([fresh.status, fresh.stdout, fresh.stderr]).toEqual([0, 'dist x y\n', '']);
    utimesSync(join(root, 'grader', 'cli', 'main.ts'), later, later);
    const stale = run();
    expect([stale.status, stale.stdout]).toEqual([0, 'sources x y\n']);
    expect(stale.stderr).toMatch(/^neurograde: grader\/cli\/main\.ts changed after dist\/ was built: running the sources \(slower start\); `npm run build` builds it again\n$/);
  });
});
