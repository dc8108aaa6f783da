/**
 * `npm run bench -- startup`: what a person waits for, each run a fresh process as a person
 * starts it. Cold `grade` of one numeric submission (the seven numeric exercises) beside the
 * notebook peer (/work/shared/peer or NEUROGRADE_PEER: nbclient executing the same checks, as
 * nbgrader does, no sandbox), alternated run by run so that a change of load hits both alike,
 * with their ratio; `check` of a whole submission; `check` of a wrong model, first (nothing kept)
 * and repeated (its training results kept in the cache folder); `--help`. Targets: grade at most 1/3 of the
 * peer's wall time, check under 1.5 s. `NEUROGRADE_BENCH_BEFORE=<bin/neurograde.mjs of another
 * checkout>` alternates it with this one, a before/after in the same run; `BENCH_RUNS` sets the
 * runs (default 7).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { formatMs, quantile } from './stats.js';

const NUMERIC = 'convolution,image,pooling,shapes,rnn,sequences,data';
const SUBMISSION = join(PACKAGE_ROOT, 'examples', 'submissions', 'correct');
// A denseModel with the wrong number of units: its learning check trains it and the reference.
const WRONG_MODEL = join(PACKAGE_ROOT, 'tests', 'fixtures', 'models', 'model-wrong-units');

/** Runs a command to its end; its wall time in ms. A failure stops the benchmark: a broken command has no speed. */
function wall(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}): ${(r.stderr || r.error?.message || '').slice(0, 2000)}`);
  return ms;
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

export async function benchStartup(): Promise<void> {
  const bin = join(PACKAGE_ROOT, 'bin', 'neurograde.mjs');
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const peerDir = process.env.NEUROGRADE_PEER ?? '/work/shared/peer';
  const work = mkdtempSync(join(tmpdir(), 'neurograde-bench-startup-'));
  try {
    console.log(`  load average at start ${load()} (1, 5, 15 min)`);
    // The peer's own interpreter (its scripts' #!), where Debian's python3-nbclient lives.
    const python = process.env.NEUROGRADE_PEER_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
    const peer = existsSync(join(peerDir, 'grade_notebook.py')) && spawnSync(python, ['-c', 'import nbclient, numpy, ipykernel']).status === 0;
    const notebook = join(work, 'student.ipynb');
    if (peer) wall(python, [join(peerDir, 'make_notebook.py'), notebook], work);
    else console.log(`  notebook peer: not run (needs ${peerDir} and Debian's python3-nbclient python3-ipykernel python3-numpy)`);
    // A before/after in the same run: another checkout's bin, alternated with this one.
    const graders = [{ label: 'this grader', bin }, ...(process.env.NEUROGRADE_BENCH_BEFORE ? [{ label: 'before', bin: process.env.NEUROGRADE_BENCH_BEFORE }] : [])];
    const times = (): Record<string, number[]> => Object.fromEntries(graders.map((g) => [g.label, []]));
    const grade = times();
    const ratios = times();
    const notebookMs: number[] = [];
    // One warm-up of each: the first run of a new build fills the child and exercise caches in /tmp.
    for (const g of graders) wall(process.execPath, [g.bin, 'grade', SUBMISSION, '--exercises', NUMERIC, '--out', join(work, 'warm')], work);
    for (let i = 0; i < runs; i++) {
      const p = peer ? wall(python, [join(peerDir, 'grade_notebook.py'), notebook], work) : NaN;
      if (peer) notebookMs.push(p);
      for (const g of graders) {
        const ms = wall(process.execPath, [g.bin, 'grade', SUBMISSION, '--exercises', NUMERIC, '--out', join(work, `g${i}`)], work);
        grade[g.label]!.push(ms);
        if (peer) ratios[g.label]!.push(ms / p);
      }
    }
    if (peer) console.log(`  notebook peer (nbclient), 7 numeric exercises: ${formatMs(notebookMs)}`);
    for (const g of graders) {
      console.log(`  cold grade, 7 numeric exercises (${g.label}): ${formatMs(grade[g.label]!)}`);
      const r = ratios[g.label]!;
      if (peer) console.log(`    grade / peer, run by run: median ${quantile(r, 0.5).toFixed(2)} (target <= 0.33) [${r.map((x) => x.toFixed(2)).join(', ')}]`);
    }
    const check = times();
    const help = times();
    const firstCheck = times();
    const repeatedCheck = times();
    // check keeps model results in the user's cache folder: here one of the benchmark's own. The
    // correct submission trains nothing (its models equal the reference's), so its check is the
    // same first or repeated; a wrong model trains on a first check and reads its results after.
    const cache = (name: string): NodeJS.ProcessEnv => ({ ...process.env, NEUROGRADE_CACHE_DIR: join(work, name) });
    for (let i = 0; i < runs; i++) {
      for (const g of graders) {
        check[g.label]!.push(wall(process.execPath, [g.bin, 'check', SUBMISSION, '--out', join(work, `c${i}`)], work, cache('cache-correct')));
        help[g.label]!.push(wall(process.execPath, [g.bin, '--help'], work));
        const wrong = [g.bin, 'check', WRONG_MODEL, '--exercises', 'models', '--out', join(work, `w${i}`)];
        firstCheck[g.label]!.push(wall(process.execPath, wrong, work, cache(`cache-first-${g.label}-${i}`)));
        repeatedCheck[g.label]!.push(wall(process.execPath, wrong, work, cache(`cache-first-${g.label}-${i}`)));
      }
    }
    for (const g of graders) {
      console.log(`  check, whole submission (${g.label}): ${formatMs(check[g.label]!)} (target < 1500 ms)`);
      console.log(`  check, models exercise of a wrong denseModel (${g.label}): first (empty cache) ${formatMs(firstCheck[g.label]!)}; repeated, unchanged ${formatMs(repeatedCheck[g.label]!)}`);
      console.log(`  --help (${g.label}): ${formatMs(help[g.label]!)}`);
    }
    console.log(`  load average at end ${load()}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
