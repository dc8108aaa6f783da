import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
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

import type { FetchFailure, FetchFailureView } from '../model/fetch.js';

export type { FetchFailure };

/** What `classroom fetch` recorded for one student: the commit graded, or why there is none. */
export type Fetched =
  | { readonly key: string; readonly repo: RepoRef; readonly status: 'fetched'; readonly sha: string }
  | {
      readonly key: string;
      readonly repo?: RepoRef;
      readonly status: 'failed';
      readonly reason: FetchFailure;
      /** What the roster said (bad-repository, bad-key) or git's last line of error (clone-failed). */
      readonly detail?: string;
      /**
       * The commit of the copy an earlier fetch left in the class folder, kept there and graded
       * again, so that a network failure never turns a submission into "not submitted".
       */
      readonly kept?: string;
    };

/** `fetch.json`: every roster student with a repository, in roster order. */
export interface FetchRecord {
  readonly format: 'neurograde-fetch/2';
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
  /** The record of the earlier fetch into `out`, whose commits say what a kept copy is. @default none */
  readonly previous?: FetchRecord;
}

const gitEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'echo' };

type Resolved = Required<Omit<FetchOptions, 'token' | 'previous'>> & Pick<FetchOptions, 'token' | 'previous'>;

/** The commit an earlier fetch recorded for `key`, if its copy is still in the class folder. */
function earlierCopy(key: string, dir: string, previous: FetchRecord | undefined): string | undefined {
  const earlier = previous?.students.find((s) => s.key === key);
  if (!earlier || !existsSync(dir)) return undefined;
  return earlier.status === 'fetched' ? earlier.sha : earlier.kept;
}

function cloneOne(student: RosterStudent, repo: RepoRef, o: Resolved): Fetched {
  const dir = join(o.out, student.key);
  // Cloned beside its place and swapped in only once complete: a failed clone leaves the earlier copy whole.
  const incoming = join(o.out, `.${student.key}.fetching`);
  rmSync(incoming, { recursive: true, force: true });
  const url = `${o.gitBase.replace(/\/$/, '')}/${repo.owner}/${repo.name}.git`;
  const auth = o.token ? ['-c', `http.extraheader=AUTHORIZATION: basic ${Buffer.from(`x-access-token:${o.token}`).toString('base64')}`] : [];
  const failed = (reason: 'clone-failed' | 'empty-repository', detail?: string): Fetched => {
    rmSync(incoming, { recursive: true, force: true });
    const kept = earlierCopy(student.key, dir, o.previous);
    return { key: student.key, repo, status: 'failed', reason, ...(detail !== undefined ? { detail } : {}), ...(kept ? { kept } : {}) };
  };
  const clone = spawnSync('git', [...auth, 'clone', '--quiet', '--depth', '1', '--no-tags', url, incoming], { encoding: 'utf8', timeout: o.timeoutMs, env: gitEnv });
  if (clone.status !== 0) return failed('clone-failed', clone.error ? clone.error.message : (clone.stderr.trim().split('\n').pop() ?? `exit ${clone.status}`));
  const head = spawnSync('git', ['-C', incoming, 'rev-parse', '--verify', '--quiet', 'HEAD'], { encoding: 'utf8', env: gitEnv });
  // Cloned, but nothing to check out: an empty repository, or a default branch with no commit.
  if (head.status !== 0) return failed('empty-repository');
  const sha = head.stdout.trim();
  // The submission is the files, not the history: .git would count as a stray folder.
  rmSync(join(incoming, '.git'), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(incoming, dir);
  return { key: student.key, repo, status: 'fetched', sha };
}

/**
 * Clones the default branch of every roster student's repository into `<out>/<key>/` (shallow,
 * history dropped) and returns what it did; a repository that cannot be fetched costs that
 * student only, and a copy an earlier fetch left stays in place (see `Fetched.kept`). Student keys are folder names the roster checked; one that would leave `out`
 * is refused.
 */
export function fetchClass(options: FetchOptions): FetchRecord {
  const o = { gitBase: 'https://github.com', timeoutMs: 120_000, ...options, out: resolve(options.out) };
  mkdirSync(o.out, { recursive: true });
  const students: Fetched[] = [];
  for (const s of o.roster.students) {
    const text = s.repository;
    if (!text) {
      students.push({ key: s.key, status: 'failed', reason: 'no-repository' });
      continue;
    }
    const repo = parseRepo(text);
    if (!repo) {
      students.push({ key: s.key, status: 'failed', reason: 'bad-repository', detail: text });
      continue;
    }
    if (!/^[A-Za-z0-9._-]+$/.test(s.key) || s.key === '.' || s.key === '..') {
      students.push({ key: s.key, repo, status: 'failed', reason: 'bad-key', detail: s.key });
      continue;
    }
    students.push(cloneOne(s, repo, o));
  }
  return { format: 'neurograde-fetch/2', students };
}

/** A failed fetch as the terminal's message takes it. */
export function failureView(f: Extract<Fetched, { status: 'failed' }>): FetchFailureView {
  const { repo, status: _status, ...view } = f;
  return { ...view, ...(repo ? { repo: `${repo.owner}/${repo.name}` } : {}) };
}

/**
 * The commit whose files are in the class folder for a student, if any: the one fetched now, or
 * the earlier one kept when this fetch failed. Feedback is posted on that commit.
 */
export function gradedCommit(f: Fetched): { readonly repo: RepoRef; readonly sha: string } | undefined {
  if (f.status === 'fetched') return { repo: f.repo, sha: f.sha };
  return f.repo && f.kept ? { repo: f.repo, sha: f.kept } : undefined;
}

export function writeFetchRecord(path: string, record: FetchRecord): void {
  writeFileAtomic(path, JSON.stringify(record, null, 2) + '\n');
}
