import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassResultSchema } from '../grader/model/class-results.js';
import { runBatch, type BatchSummary } from '../grader/batch/run-batch.js';
import { SubmissionResultSchema } from '../grader/model/results.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { PROBE_LIMITS } from '../grader/sandbox/launchers/probe.js';
import { validator } from '../grader/schema/validate.js';
import { spreadsheetText } from '../reports/gradebook-csv.js';
import { makeZip } from './fixtures/batch/zip.js';
import { environment, EXAMPLES, FIXTURES, grade } from './support/grade.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');
const work = mkdtempSync(join(tmpdir(), 'neurograde-batch-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CORRECT = join(EXAMPLES, 'correct', 'shapes.ts');
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

/**
 * A class of mixed submissions on the shapes exercise: correct, each catalogued mistake, a
 * compile error, a missing file, a zipped folder, a zip that tries to escape, and names that
 * test escaping (HTML, a spreadsheet formula, accents).
 */
function makeClass(root: string): void {
  const put = (name: string, source: string): void => {
    mkdirSync(join(root, name), { recursive: true });
    writeFileSync(join(root, name, 'shapes.ts'), source);
  };
  put('alice', readFileSync(CORRECT, 'utf8'));
  put('élodie', readFileSync(CORRECT, 'utf8'));
  put(HOSTILE_NAME, readFileSync(CORRECT, 'utf8'));
  for (const m of ['shape-no-flooring', 'shape-missing-plus-one', 'param-bias-not-counted']) {
    cpSync(join(FIXTURES, 'mistakes', m), join(root, `bob-${m}`), { recursive: true });
  }
  put('carol', 'export function convOutputShape( {\n');
  mkdirSync(join(root, 'dan'));
  writeFileSync(join(root, 'dan', 'notes.txt'), 'forgot the file');
  put('=cmd', readFileSync(join(FIXTURES, 'mistakes', 'shape-no-flooring', 'shapes.ts'), 'utf8'));
  writeFileSync(join(root, 'erin.zip'), makeZip([{ name: 'erin/' }, { name: 'erin/shapes.ts', data: readFileSync(CORRECT) }]));
  writeFileSync(join(root, 'mallory.zip'), makeZip([{ name: '../../../escaped.ts', data: 'x' }]));
}

function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Every process under `pid`, from the parent each /proc/<pid>/stat names (anyone may read it). */
function descendantsOf(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const under = (p: number): boolean => {
    for (let q = parent.get(p); q !== undefined && q > 1; q = parent.get(q)) if (q === pid) return true;
    return false;
  };
  return [...parent.keys()].filter(under);
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const gradebookRows = (out: string): string[] => readFileSync(join(out, 'gradebook.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('neurograde batch', () => {
  const klass = join(work, 'class');
  const out = join(work, 'graded');
  let first: BatchSummary;
  let env: GradingEnvironment;

  beforeAll(async () => {
    makeClass(klass);
    env = await environment(['shapes']);
    first = await runBatch({ input: klass, out, exercises: ['shapes'], jobs: 2, workers: 'inline' });
  });

  it('gives every submission one row, with the score it gets when graded alone', async () => {
    const names = readdirSync(klass).map((n) => n.replace(/\.zip$/, '')).sort();
    expect(first.entries.map((e) => e.name)).toEqual(names.sort((a, b) => (a < b ? -1 : 1)));
    expect(first.errors).toEqual(['mallory']);
    // dan handed in notes.txt only: no grade, and no zero pulling the class down.
    expect(first.ungradable).toEqual(['dan']);
    for (const entry of first.entries) {
      if (entry.status !== 'graded') continue;
      const dir = entry.name === 'erin' ? undefined : join(klass, entry.name);
      const alone = dir ? await grade(env, dir) : undefined;
      if (alone) expect({ name: entry.name, score: entry.result.score }).toEqual({ name: entry.name, score: alone.score });
    }
    const byName = Object.fromEntries(first.entries.map((e) => [e.name, e.status === 'graded' ? e.result.score : e.status]));
    expect(byName).toMatchObject({ alice: 10, erin: 10, 'élodie': 10, dan: 'ungradable', carol: 0, mallory: 'error' });
    expect(byName['bob-shape-no-flooring']).toBeLessThan(10);
    const rows = gradebookRows(out);
    expect(rows[0]).toBe('student,shapes,total');
    expect(rows).toHaveLength(names.length + 1);
  });

  it('names the diagnosed mistakes in each submission results.json, valid against its schema', () => {
    const validate = validator(SubmissionResultSchema);
    const r = JSON.parse(readFileSync(join(out, 'bob-shape-no-flooring', 'results.json'), 'utf8'));
    expect(validate(r).ok).toBe(true);
    expect(r.submission).toBe('bob-shape-no-flooring');
    const diagnoses = r.exercises[0].checks.flatMap((c: { diagnosis?: string }) => (c.diagnosis ? [c.diagnosis] : []));
    expect(diagnoses).toContain('shape-no-flooring');
    // A zip's grade is filed under the zip's name, not the folder it unpacked to.
    expect(JSON.parse(readFileSync(join(out, 'erin', 'results.json'), 'utf8')).submission).toBe('erin');
  });

  it('writes a gradebook Excel and Moodle read: BOM, RFC 4180 quoting, formulas neutralised, empty cells for an error row', () => {
    const raw = readFileSync(join(out, 'gradebook.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = gradebookRows(out);
    expect(rows).toContain('élodie,10,10');
    expect(rows).toContain("'=cmd,6,6");
    expect(rows).toContain('mallory,,');
    expect(rows).toContain(`${HOSTILE_NAME},10,10`);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(first.entries.map((e) => spreadsheetText(e.name)));
    expect(first.entries.map((e) => e.name)).toEqual([...first.entries.map((e) => e.name)].sort());
  });

  it('writes a class results.json valid against its schema, with pass rates and frequent mistakes', () => {
    const klassResults = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(validator(ClassResultSchema)(klassResults).ok).toBe(true);
    expect(klassResults.summary).toMatchObject({ submissions: first.entries.length, errors: 1, ungradable: 1, graded: first.entries.length - 2 });
    const flooring = klassResults.checks.find((c: { id: string }) => c.id === 'flooring');
    expect(flooring.total).toBe(first.entries.length - 2);
    expect(klassResults.mistakes.map((m: { id: string }) => m.id)).toContain('shape-no-flooring');
    expect(klassResults.mistakes.find((m: { id: string }) => m.id === 'shape-no-flooring').submissions).toBe(2);
  });

  it('writes an index.html that escapes student names and links to every report.html', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const dom = new JSDOM(html);
    const doc = dom.window.document;
    expect(doc.querySelector('img')).toBeNull();
    // One script, the template's own (sorting and searching the table): none from a student's name.
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelector('script')!.textContent).not.toContain(HOSTILE_NAME);
    expect(doc.body.textContent).toContain(HOSTILE_NAME);
    expect(doc.querySelectorAll('svg rect.bar')).toHaveLength(10);
    const links = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    for (const e of first.entries.filter((x) => x.status === 'graded')) {
      expect(links).toContain(`${encodeURIComponent(e.name)}/report.html`);
      expect(existsSync(join(out, decodeURIComponent(`${encodeURIComponent(e.name)}/report.html`)))).toBe(true);
    }
  });

  it('writes a well-formed junit.xml: one suite per submission and exercise, failures and errors counted', () => {
    const xml = readFileSync(join(out, 'junit.xml'), 'utf8');
    const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    const suites = [...doc.querySelectorAll('testsuite')].map((s) => s.getAttribute('name'));
    expect(suites).toContain('alice.shapes');
    expect(suites).toContain(`${HOSTILE_NAME}.shapes`);
    const root = doc.documentElement;
    expect(Number(root.getAttribute('failures'))).toBe(doc.querySelectorAll('failure').length);
    expect(Number(root.getAttribute('errors'))).toBe(doc.querySelectorAll('error').length);
    expect(doc.querySelector('testsuite[name="mallory"] error')?.getAttribute('type')).toBe('not-graded');
  });

  it('a rerun regrades nothing unchanged, then only the submission that changed, and --force everything', async () => {
    const before = readFileSync(join(out, 'gradebook.csv'));
    const again = await runBatch({ input: klass, out, exercises: ['shapes'], jobs: 2, workers: 'inline' });
    expect(again.graded).toEqual([]);
    expect(again.cached).toEqual(first.graded);
    expect(readFileSync(join(out, 'gradebook.csv')).equals(before)).toBe(true);

    writeFileSync(join(klass, 'carol', 'shapes.ts'), readFileSync(CORRECT));
    const edited = await runBatch({ input: klass, out, exercises: ['shapes'], jobs: 2, workers: 'inline' });
    expect(edited.graded).toEqual(['carol']);
    expect(gradebookRows(out)).toContain('carol,10,10');

    const forced = await runBatch({ input: klass, out, exercises: ['shapes'], jobs: 2, workers: 'inline', force: true });
    expect(forced.graded).toEqual(first.graded);
  });

  it('grading in other words (another seed or language) does not reuse the cache', async () => {
    const other = await runBatch({ input: klass, out, exercises: ['shapes'], jobs: 2, workers: 'inline', lang: 'fr' });
    expect(other.cached).toEqual([]);
    const fr = JSON.parse(readFileSync(join(out, 'alice', 'results.json'), 'utf8'));
    expect(fr.lang).toBe('fr');
  });
});

describe('neurograde batch, interrupted and sharded (CLI)', () => {
  const klass = join(work, 'class-cli');
  /** The class graded in one uninterrupted, unsharded run: what the other runs must end with. */
  const whole = join(work, 'whole');
  beforeAll(async () => {
    makeClass(klass);
    // Graded after "<img...>" (names sort), and busy at load until its 3 s time limit: a batch
    // with --jobs 1 that has graded its first submission has at least 3 s left to kill it in.
    cpSync(join(FIXTURES, 'batch', 'busy-at-load'), join(klass, 'slowpoke'), { recursive: true });
    const full = await cli(['batch', klass, '--out', whole, '--exercises', 'shapes', '--jobs', '2']);
    if (full.code !== 0) throw new Error(`the uninterrupted batch failed (exit ${full.code}): ${full.stderr}`);
  });

  it('a batch killed mid-way and run again ends with the same gradebook as an uninterrupted one', async () => {
    const killed = join(work, 'killed');
    const child = spawn(process.execPath, [BIN, 'batch', klass, '--out', killed, '--exercises', 'shapes', '--jobs', '1'], {
      stdio: 'ignore',
      detached: true,
    });
    // SIGKILL the whole group (CLI and its workers) once the first submission is complete.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const done = existsSync(killed) && readdirSync(killed).some((d) => existsSync(join(killed, d, '.neurograde-cache.json')));
        if (done || Date.now() - started > 60_000) {
          clearInterval(poll);
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // Already finished.
          }
          if (done) resolve();
          else reject(new Error('no submission was graded within 60 s'));
        }
      }, 20);
    });
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(join(killed, 'gradebook.csv'))).toBe(false);

    const resumed = await cli(['batch', klass, '--out', killed, '--exercises', 'shapes', '--jobs', '2']);
    expect(resumed.code).toBe(0);
    const [, graded, cached, ungradable] = /Graded (\d+) submission\(s\), (\d+) unchanged from the previous run, (\d+) not gradable/.exec(resumed.stdout) ?? [];
    expect(Number(cached)).toBeGreaterThan(0);
    expect(Number(graded) + Number(cached) + Number(ungradable)).toBe(readdirSync(klass).length - 1);
    expect(readFileSync(join(killed, 'gradebook.csv')).equals(readFileSync(join(whole, 'gradebook.csv')))).toBe(true);
  });

  it('shards partition the class, and merging them gives the unsharded gradebook', async () => {
    const shards = [join(work, 'shard-1'), join(work, 'shard-2')];
    const runs = await Promise.all(shards.map((s, i) => cli(['batch', klass, '--out', s, '--exercises', 'shapes', '--shard', `${i + 1}/2`, '--jobs', '1', '--inline'])));
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const rows = shards.map((s) => gradebookRows(s).slice(1).map((r) => r.split(',')[0]));
    expect(rows[0]!.filter((n) => rows[1]!.includes(n))).toEqual([]);
    expect(rows[0]!.length + rows[1]!.length).toBe(readdirSync(klass).length);

    const merged = join(work, 'merged');
    const m = await cli(['merge', ...shards, '--out', merged]);
    expect(m.code).toBe(0);
    expect(readFileSync(join(merged, 'gradebook.csv')).equals(readFileSync(join(whole, 'gradebook.csv')))).toBe(true);
    expect(existsSync(join(merged, 'alice', 'results.json'))).toBe(true);
    expect(validator(ClassResultSchema)(JSON.parse(readFileSync(join(merged, 'results.json'), 'utf8'))).ok).toBe(true);
  });

  it('shards record i/n and the grader fingerprint; merge refuses a missing, duplicated or mismatched shard, naming it', async () => {
    const small = join(work, 'shard-set-class');
    for (const n of ['ann', 'ben', 'cid']) {
      mkdirSync(join(small, n), { recursive: true });
      cpSync(CORRECT, join(small, n, 'shapes.ts'));
    }
    const shard = (i: number, seed?: number) =>
      runBatch({ input: small, out: join(work, `set-${i}${seed ?? ''}`), exercises: ['shapes'], jobs: 1, workers: 'inline', shard: { index: i, count: 2 }, ...(seed ? { seed } : {}) });
    await Promise.all([shard(1), shard(2), shard(2, 7)]);
    const [one, two, twoOtherSeed] = ['set-1', 'set-2', 'set-27'].map((d) => join(work, d));
    const recorded = JSON.parse(readFileSync(join(one, 'results.json'), 'utf8'));
    expect(recorded.shard).toEqual({ index: 1, count: 2 });
    expect(recorded.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    const out = (name: string): string => join(work, name);
    const missing = await cli(['merge', one, '--out', out('m-missing')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Expected shard 2\/2 among the outputs, but got none\..*--allow-partial/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(out('m-missing'), 'gradebook.csv'))).toBe(false);

    const duplicated = await cli(['merge', one, one, two, '--out', out('m-dup')]);
    expect(duplicated.code).toBe(2);
    expect(duplicated.stderr).toContain(`Expected shard 1/2 once, but got it in ${one}, ${one}.`);

    const mismatched = await cli(['merge', one, twoOtherSeed, '--out', out('m-seed')]);
    expect(mismatched.code).toBe(2);
    expect(mismatched.stderr).toContain(`got ${twoOtherSeed} graded with another grader`);

    const whole = await cli(['merge', one, two, '--out', out('m-whole')]);
    expect(whole.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out('m-whole'), 'results.json'), 'utf8')).partial).toBeUndefined();
  });

  it('merge --allow-partial merges an incomplete set and every class output says it is partial', async () => {
    const small = join(work, 'partial-class');
    for (const n of ['ann', 'ben']) {
      mkdirSync(join(small, n), { recursive: true });
      cpSync(CORRECT, join(small, n, 'shapes.ts'));
    }
    const one = join(work, 'partial-1');
    await runBatch({ input: small, out: one, exercises: ['shapes'], jobs: 1, workers: 'inline', shard: { index: 1, count: 2 } });
    const merged = join(work, 'partial-merged');
    const r = await cli(['merge', one, '--out', merged, '--allow-partial', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fusion partielle : La part 2\/2 devait figurer parmi les sorties/);
    const klassResults = JSON.parse(readFileSync(join(merged, 'results.json'), 'utf8'));
    expect(validator(ClassResultSchema)(klassResults).ok).toBe(true);
    expect(klassResults.partial.problems).toEqual([{ code: 'missing', shard: '2/2' }]);
    const doc = new JSDOM(readFileSync(join(merged, 'index.html'), 'utf8')).window.document;
    expect(doc.querySelector('.partial[role="alert"]')?.textContent).toMatch(/incomplète[\s\S]*2\/2/);
  });

  it('a grading worker that dies mid-submission costs that submission its grade, never the batch', async () => {
    const small = join(work, 'small-class');
    mkdirSync(small);
    cpSync(join(FIXTURES, 'batch', 'busy-at-load'), join(small, 'aaron'), { recursive: true });
    mkdirSync(join(small, 'zoe'));
    cpSync(CORRECT, join(small, 'zoe', 'shapes.ts'));
    const graded = join(work, 'small-graded');
    const child = spawn(process.execPath, [BIN, 'batch', small, '--out', graded, '--exercises', 'shapes', '--jobs', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    // What a hostile submission might do if its sandbox let it (or what the OOM killer does):
    // the worker grading "aaron" dies while it waits for aaron's code. A child of the worker is
    // aaron's once it runs the runner without the start-up probe's small heap (shapes grades
    // with more): the worker has then sent 'ready' and taken aaron, whatever the machine's speed.
    const worker = await waitFor(() => {
      const w = childrenOf(child.pid!).find((pid) => /\bworker\.[jt]s\b/.test(cmdline(pid)));
      if (w === undefined) return undefined;
      const runners = descendantsOf(w).map(cmdline).filter((c) => c.includes('child.mjs'));
      return runners.some((c) => !c.includes(`--max-old-space-size=${PROBE_LIMITS.memoryMb}`)) ? w : undefined;
    }, 60_000);
    process.kill(worker, 'SIGKILL');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/Graded 1 submission\(s\), 0 unchanged from the previous run, 0 not gradable as handed in, 1 not graded/);
    expect(gradebookRows(graded)).toEqual(['student,shapes,total', 'aaron,,', 'zoe,10,10']);
    const klassResults = JSON.parse(readFileSync(join(graded, 'results.json'), 'utf8'));
    expect(klassResults.submissions[0]).toMatchObject({ name: 'aaron', status: 'error' });
    expect(klassResults.submissions[0].message).toMatch(/SIGKILL/);
  });

  it('an output folder that cannot be written ends the batch with the fault, not an unhandled rejection', async () => {
    const small = join(work, 'unwritable-class');
    mkdirSync(join(small, 'zoe'), { recursive: true });
    cpSync(CORRECT, join(small, 'zoe', 'shapes.ts'));
    const graded = join(work, 'unwritable-graded');
    mkdirSync(graded);
    // A file where zoe's folder would go: writing her results fails whoever runs the grader.
    writeFileSync(join(graded, 'zoe'), 'not a folder');
    await expect(runBatch({ input: small, out: graded, exercises: ['shapes'], jobs: 1, workers: 'inline' })).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('a submission still grading past the time-out has its worker stopped and an error row', async () => {
    const small = join(work, 'slow-class');
    mkdirSync(small);
    cpSync(join(FIXTURES, 'batch', 'busy-at-load'), join(small, 'slowpoke'), { recursive: true });
    const summary = await runBatch({ input: small, out: join(work, 'slow-graded'), exercises: ['shapes'], jobs: 1, submissionTimeoutMs: 500 });
    expect(summary.errors).toEqual(['slowpoke']);
    const entry = summary.entries[0]!;
    expect(entry.status === 'error' ? entry.message : '').toMatch(/no result after \d+ s/);
  });

  it('exits 2 with one line for bad usage', async () => {
    const r = await cli(['batch', klass, '--out', join(work, 'x'), '--shard', '3/2']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('neurograde batch --vary-hidden', () => {
  const klass = join(work, 'vary-class');
  const out = join(work, 'vary-graded');
  const results = (name: string) => JSON.parse(readFileSync(join(out, name, 'results.json'), 'utf8')) as import('../grader/model/results.js').SubmissionResult;
  const checksOf = (r: ReturnType<typeof results>, visibility: string) => r.exercises.flatMap((e) => e.checks.filter((c) => c.visibility === visibility).map((c) => [c.id, c.status, c.score]));

  beforeAll(() => {
    for (const name of ['alice', 'bob']) {
      mkdirSync(join(klass, name), { recursive: true });
      writeFileSync(join(klass, name, 'shapes.ts'), readFileSync(CORRECT));
    }
  });

  it('grades identical code from two students with different hidden seeds, the same public ones, and records them', async () => {
    const run = await runBatch({ input: klass, out, exercises: ['shapes'], jobs: 2, workers: 'inline', seed: 5, varyHidden: true });
    expect(run.graded).toEqual(['alice', 'bob']);
    const [alice, bob] = [results('alice'), results('bob')];
    expect(alice.seeding).toMatchObject({ seed: 5, varyHidden: 'alice' });
    expect(bob.seeding).toMatchObject({ seed: 5, varyHidden: 'bob' });
    expect(alice.seeding!.hiddenSeed).not.toBe(bob.seeding!.hiddenSeed);
    expect(checksOf(alice, 'public')).toEqual(checksOf(bob, 'public'));
    expect(checksOf(alice, 'hidden').length).toBeGreaterThan(0);
  });

  it('serves the cache to the same submission graded the same way, and never across the flag', async () => {
    const before = results('alice').seeding;
    const again = await runBatch({ input: klass, out, exercises: ['shapes'], jobs: 2, workers: 'inline', seed: 5, varyHidden: true });
    expect(again.cached).toEqual(['alice', 'bob']);
    expect(results('alice').seeding).toEqual(before);
    const plain = await runBatch({ input: klass, out, exercises: ['shapes'], jobs: 2, workers: 'inline', seed: 5 });
    expect(plain.graded).toEqual(['alice', 'bob']);
    // Without the flag nothing changes: no seeding recorded, as before.
    expect(results('alice').seeding).toBeUndefined();
  });
});
