import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Roster, RosterStudent } from '../io/roster.js';
import { writeFileAtomic } from '../io/write.js';

/** Where one student's repository lives on GitHub: `owner/name`. */
export interface RepoRef {
  readonly owner: string;
  readonly name: string;
}

/** `owner/name`, `https://github.com/owner/name(.git)` or `git@github.com:owner/name.git`; undefined otherwise. */
export function parseRepo(text: string): RepoRef | undefined {
  const m = /^(?:https:\/\/github\.com\/|git@github\.com:)?([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100}?)(?:\.git)?\/?$/.exec(text.trim());
  return m ? { owner: m[1]!, name: m[2]! } : undefined;
}

/** What `classroom fetch` recorded for one student: the commit graded, or why there is none. */
export type Fetched =
  | { readonly key: string; readonly repo: RepoRef; readonly status: 'fetched'; readonly sha: string }
  | { readonly key: string; readonly repo?: RepoRef; readonly status: 'failed'; readonly message: string };

/** `fetch.json`: every roster student with a repository, in roster order. */
export interface FetchRecord {
  readonly format: 'neurograde-fetch/1';
  readonly students: readonly Fetched[];
}

export interface FetchOptions {
  readonly roster: Roster;
  /** The class folder: one sub-folder per student, named by the roster key. */
  readonly out: string;
  /** Where repositories are cloned from: `<base>/<owner>/<name>.git`. @default https://github.com */
  readonly gitBase?: string;
  /** A token for private repositories (sent as git's HTTP authorization header, never in a URL). @default none */
  readonly token?: string;
  /** Time for one clone. @default 120000 */
  readonly timeoutMs?: number;
}

const gitEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'echo' };

function cloneOne(student: RosterStudent, repo: RepoRef, o: Required<Omit<FetchOptions, 'token'>> & Pick<FetchOptions, 'token'>): Fetched {
  const dir = join(o.out, student.key);
  rmSync(dir, { recursive: true, force: true });
  const url = `${o.gitBase.replace(/\/$/, '')}/${repo.owner}/${repo.name}.git`;
  const auth = o.token ? ['-c', `http.extraheader=AUTHORIZATION: basic ${Buffer.from(`x-access-token:${o.token}`).toString('base64')}`] : [];
  const clone = spawnSync('git', [...auth, 'clone', '--quiet', '--depth', '1', '--no-tags', url, dir], { encoding: 'utf8', timeout: o.timeoutMs, env: gitEnv });
  if (clone.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    const why = clone.error ? clone.error.message : clone.stderr.trim().split('\n').pop() ?? `exit ${clone.status}`;
    return { key: student.key, repo, status: 'failed', message: `git clone ${repo.owner}/${repo.name} failed: ${why}` };
  }
  const sha = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', env: gitEnv }).stdout.trim();
  // The submission is the files, not the history: .git would count as a stray folder.
  rmSync(join(dir, '.git'), { recursive: true, force: true });
  return { key: student.key, repo, status: 'fetched', sha };
}

/**
 * Clones the default branch of every roster student's repository into `<out>/<key>/` (shallow,
 * history dropped) and returns what it did; a repository that cannot be fetched costs that
 * student only. Student keys are folder names the roster checked; one that would leave `out`
 * is refused.
 */
export function fetchClass(options: FetchOptions): FetchRecord {
  const o = { gitBase: 'https://github.com', timeoutMs: 120_000, ...options, out: resolve(options.out) };
  mkdirSync(o.out, { recursive: true });
  const students: Fetched[] = [];
  for (const s of o.roster.students) {
    const text = s.repository;
    if (!text) {
      students.push({ key: s.key, status: 'failed', message: 'no repository in the roster' });
      continue;
    }
    const repo = parseRepo(text);
    if (!repo) {
      students.push({ key: s.key, status: 'failed', message: `repository "${text}" is not owner/name or a GitHub URL` });
      continue;
    }
    if (!/^[A-Za-z0-9._-]+$/.test(s.key) || s.key === '.' || s.key === '..') {
      students.push({ key: s.key, repo, status: 'failed', message: `"${s.key}" cannot be a folder name` });
      continue;
    }
    students.push(cloneOne(s, repo, o));
  }
  return { format: 'neurograde-fetch/1', students };
}

export function writeFetchRecord(path: string, record: FetchRecord): void {
  writeFileAtomic(path, JSON.stringify(record, null, 2) + '\n');
}
