import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercises } from '../grader/load/exercises.js';
import type { Exercise } from '../grader/model/exercise.js';
import { dryRunCheck } from '../grader/pack/capture.js';
import { buildPack } from '../grader/pack/build-pack.js';
import type { PublicCases } from '../grader/pack/public-cases.js';
import { PACKAGE_ROOT } from '../grader/score/environment.js';
import { evaluate } from '../grader/kit/evaluate.js';
import { decodeValue, encodeValue } from '../grader/sandbox/wire.js';
import { EXAMPLES, FIXTURES } from './support/grade.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'neurograde.mjs');
const work = mkdtempSync(join(tmpdir(), 'neurograde-pack-test-'));
const pack = join(work, 'pack');
afterAll(() => rmSync(work, { recursive: true, force: true }));

let exercises: Exercise[];

/** Every file of the pack, relative, except the linked node_modules. */
function packFiles(dir = pack, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules') return [];
    const rel = `${prefix}${d.name}`;
    return d.isDirectory() ? packFiles(join(dir, d.name), `${rel}/`) : [rel];
  });
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
    await buildPack({ out: pack, lang: 'en', minScore: { kind: 'percent', value: 60 } });
    // No network in tests: the pack uses the grader's own node_modules.
    symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(pack, 'node_modules'));
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

  it('holds no reference code: no function body of reference/ appears in any file', () => {
    const refs = readdirSync(join(PACKAGE_ROOT, 'reference')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-helpers.ts');
    const bodies = refs.flatMap((f) => functionBodies(join(PACKAGE_ROOT, 'reference', f)).map((b) => ({ ...b, file: f })));
    expect(bodies.length).toBeGreaterThan(10);
    const texts = packFiles().map((f) => ({ f, text: normalised(join(pack, f)) }));
    const leaks = bodies.flatMap((b) => texts.filter((t) => t.text.includes(b.body)).map((t) => `${b.file}:${b.name} in ${t.f}`));
    expect(leaks).toEqual([]);
  });

  it('holds no hidden check: neither its id nor the id of any of its cases', async () => {
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
    const texts = packFiles().map((f) => ({ f, text: readFileSync(join(pack, f), 'utf8') }));
    const found = distinctive.flatMap((s) => texts.filter((t) => t.text.includes(s)).map((t) => `${s} in ${t.f}`));
    expect(found).toEqual([]);
  });

  it('npm test fails on the starter files and passes once correct code is in', async () => {
    const onStarter = await sh('npm test --silent', {});
    expect(onStarter.code).not.toBe(0);
    expect(onStarter.stdout + onStarter.stderr).toMatch(/TODO/);
    for (const e of exercises) put(e.manifest.file);
    const onCorrect = await sh('npm test --silent', {});
    expect(plain(onCorrect.stdout + onCorrect.stderr)).toMatch(/Tests\s+\d+ passed/);
    expect(onCorrect.code).toBe(0);
    for (const e of exercises) if (existsSync(starter(e))) copyFileSync(starter(e), join(pack, e.manifest.file));
  });

  describe("the workflow's grading step, run locally as Actions would", () => {
    const shim = join(work, 'bin');
    const summary = join(work, 'step-summary.md');
    const run = async (): Promise<{ code: number | null; stdout: string; summary: string }> => {
      rmSync(summary, { force: true });
      const r = await sh(workflowStep('Grade'), { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: pack, PATH: `${shim}:${process.env.PATH}` });
      return { code: r.code, stdout: r.stdout, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '' };
    };
    beforeAll(() => {
      // `npm install` puts the grader's bin on the PATH in Actions; here a shim does.
      mkdirSync(shim, { recursive: true });
      writeFileSync(join(shim, 'neurograde'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
      chmodSync(join(shim, 'neurograde'), 0o755);
    });

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
      expect(r.summary).toMatch(/^## Grading of pack\n\n\*\*Score: [\d.]+ \/ [\d.]+\*\*/);
      expect(r.summary).toContain('| Output shapes and parameter counts (`shapes.ts`) |');
      expect(r.summary).toContain('- **shapes / flooring** (failed)');
      expect(r.summary).toContain('Diagnosis: Division not floored');
      expect(existsSync(join(pack, 'neurograde-report', 'results.json'))).toBe(true);
      expect(JSON.parse(readFileSync(join(pack, 'neurograde-report', 'results.json'), 'utf8')).mode).toBe('check');
    });

    it('with correct code: exits 0, prints no annotation, and says the minimum is reached', async () => {
      for (const e of exercises) put(e.manifest.file);
      const r = await run();
      expect(r.stdout).not.toContain('::error');
      expect(r.code).toBe(0);
      expect(r.summary).toContain('Every check passed.');
      expect(r.summary).toMatch(/✅ Score [\d.]+ reaches the minimum of 60%/);
    });
  });
});
