import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Messages } from '../i18n/index.js';
import { writeFileAtomic } from '../io/write.js';
import { GraderError } from '../model/errors.js';
import type { SubmissionResult } from '../model/results.js';
import { COMMENT_MARKER, feedbackComment, statusDescription } from './feedback.js';
import { gradedCommit, type FetchRecord } from './fetch.js';

/** One call to GitHub's REST API. */
export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Path under the API root, e.g. /repos/o/r/statuses/<sha>. */
  readonly path: string;
  readonly body?: unknown;
}

/** Sends requests: GitHub itself, or files (a dry run). */
export interface Api {
  send(request: ApiRequest): Promise<unknown>;
}

/**
 * GitHub's REST API with a token (`GITHUB_API_URL`, as Actions sets it, or api.github.com). A
 * refused request is a GraderError naming it: the caller records it for that student only.
 */
export function githubApi(token: string, root = process.env.GITHUB_API_URL ?? 'https://api.github.com'): Api {
  return {
    async send(request) {
      const res = await fetch(`${root}${request.path}`, {
        method: request.method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'neurograde' },
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
      if (!res.ok) throw new GraderError('BAD_CONFIG', `GitHub answered ${res.status} to ${request.method} ${request.path}`);
      return res.status === 204 ? undefined : res.json();
    },
  };
}

/**
 * A dry run: every request is appended to `<dir>/requests.jsonl` and nothing leaves the machine.
 * A GET answers from `<dir>/responses.json` (path -> answer) when it lists the path, else as an
 * empty list (no pull request found): a rehearsal can stand in for GitHub's answers.
 */
export function dryRunApi(dir: string): Api & { readonly requests: ApiRequest[] } {
  const requests: ApiRequest[] = [];
  const file = join(dir, 'responses.json');
  const responses = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  return {
    requests,
    async send(request) {
      requests.push(request);
      writeFileAtomic(join(dir, 'requests.jsonl'), requests.map((r) => JSON.stringify(r)).join('\n') + '\n');
      return request.method === 'GET' ? (responses[request.path] ?? []) : {};
    },
  };
}

export interface PostOptions {
  readonly fetched: FetchRecord;
  /** The merged batch output: `<graded>/<student>/results.json`. */
  readonly graded: string;
  readonly api: Api;
  readonly t: Messages;
  /** Also writes each comment to `<dir>/<student>.md`. @default none */
  readonly commentsDir?: string;
}

export interface PostSummary {
  readonly posted: readonly string[];
  /** Students whose feedback could not be posted, with why. */
  readonly failed: readonly { readonly key: string; readonly message: string }[];
}

/**
 * Posts each graded student's grade back on their repository: a commit status on the commit
 * graded (shown on its pull request) and, on every open pull request of that commit, one comment
 * with the score and public-safe feedback, edited in place on the next grading. One student's
 * refused request costs that student's feedback only.
 */
export async function postFeedback(o: PostOptions): Promise<PostSummary> {
  const posted: string[] = [];
  const failed: { key: string; message: string }[] = [];
  for (const s of o.fetched.students) {
    const commit = gradedCommit(s);
    if (!commit) continue;
    const file = join(o.graded, s.key, 'results.json');
    if (!existsSync(file)) {
      failed.push({ key: s.key, message: `no results.json for ${s.key} in ${o.graded}` });
      continue;
    }
    const result = JSON.parse(readFileSync(file, 'utf8')) as SubmissionResult;
    const body = feedbackComment(result, o.t);
    if (o.commentsDir) writeFileAtomic(join(o.commentsDir, `${s.key}.md`), body);
    const repo = `/repos/${commit.repo.owner}/${commit.repo.name}`;
    try {
      await o.api.send({ method: 'POST', path: `${repo}/statuses/${commit.sha}`, body: { state: 'success', context: 'neurograde/grade', description: statusDescription(result, o.t) } });
      const pulls = (await o.api.send({ method: 'GET', path: `${repo}/commits/${commit.sha}/pulls` })) as { number: number; state: string }[];
      for (const pr of pulls.filter((p) => p.state === 'open')) {
        const comments = (await o.api.send({ method: 'GET', path: `${repo}/issues/${pr.number}/comments?per_page=100` })) as { id: number; body?: string }[];
        const mine = comments.find((c) => c.body?.startsWith(COMMENT_MARKER));
        if (mine) await o.api.send({ method: 'PATCH', path: `${repo}/issues/comments/${mine.id}`, body: { body } });
        else await o.api.send({ method: 'POST', path: `${repo}/issues/${pr.number}/comments`, body: { body } });
      }
      posted.push(s.key);
    } catch (e) {
      failed.push({ key: s.key, message: (e as Error).message });
    }
  }
  return { posted, failed };
}
