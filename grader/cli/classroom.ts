import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dryRunApi, githubApi, postFeedback } from '../classroom/post.js';
import { failureView, fetchClass, writeFetchRecord, type FetchRecord } from '../classroom/fetch.js';
import { messages } from '../i18n/index.js';
import { readRoster } from '../io/roster.js';
import { UsageError } from '../model/errors.js';
import { parseLang } from './options.js';
import { parseCommandLine } from './parse.js';

/** The record an earlier fetch wrote, if any and readable: it says which commit each kept copy is. */
function readPreviousRecord(path: string): FetchRecord | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as FetchRecord;
    return record.format === 'neurograde-fetch/2' && Array.isArray(record.students) ? record : undefined;
  } catch {
    // A damaged record only costs the "kept" commit in the new one: the copies stay in place anyway.
    return undefined;
  }
}

/**
 * `neurograde classroom fetch --roster roster.csv --out class/ [--record fetch.json] [--git-base URL]`
 * (default NEUROGRADE_GIT_BASE, else https://github.com)
 * clones every student's repository (token: `GH_TOKEN`); `neurograde classroom post --record
 * fetch.json --graded graded/ [--dry-run dir] [--lang fr|en]` posts each grade back (a commit
 * status, and a comment on each open pull request), or with `--dry-run` writes the requests and
 * the comments to files and sends nothing. The teacher's grading workflow runs both.
 */
export async function classroomCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  const parsed = parseCommandLine(rest, {
    options: { roster: { type: 'string' }, out: { type: 'string', short: 'o' }, record: { type: 'string' }, 'git-base': { type: 'string' }, graded: { type: 'string' }, 'dry-run': { type: 'string' }, lang: { type: 'string' } },
    positionals: false,
  });
  const { values } = parsed;
  const t = messages(parseLang(values.lang));
  const record = resolve(values.record ?? 'fetch.json');
  const token = process.env.GH_TOKEN || process.env.GITHUB_TOKEN || undefined;
  if (sub === 'fetch') {
    if (!values.roster || !values.out) throw new UsageError('classroom fetch needs --roster <roster.csv> and --out <class dir>');
    // NEUROGRADE_GIT_BASE: a stand-in for github.com (a mirror, or local bare repositories in a rehearsal).
    const gitBase = values['git-base'] ?? (process.env.NEUROGRADE_GIT_BASE || undefined);
    const previous = readPreviousRecord(record);
    const fetched = fetchClass({ roster: readRoster(values.roster), out: values.out, ...(gitBase ? { gitBase } : {}), ...(token ? { token } : {}), ...(previous ? { previous } : {}) });
    writeFetchRecord(record, fetched);
    const failed = fetched.students.filter((s) => s.status === 'failed');
    print(t.batch.classroom.fetched(fetched.students.length - failed.length, failed.length));
    for (const f of failed) if (f.status === 'failed') print(t.batch.classroom.fetchFailed(failureView(f)));
    return 0;
  }
  if (sub === 'post') {
    if (!values.graded) throw new UsageError('classroom post needs --graded <dir>, the merged batch output');
    const dry = values['dry-run'];
    if (!dry && !token) throw new UsageError('classroom post needs GH_TOKEN (or --dry-run <dir> to write the requests to files)');
    let fetched: FetchRecord;
    try {
      fetched = JSON.parse(readFileSync(record, 'utf8')) as FetchRecord;
    } catch (e) {
      throw new UsageError(`--record ${record}: cannot be read (${(e as Error).message.split('\n')[0]}); run classroom fetch first`);
    }
    const api = dry ? dryRunApi(resolve(dry)) : githubApi(token!);
    const summary = await postFeedback({ fetched, graded: resolve(values.graded), api, t, ...(dry ? { commentsDir: join(resolve(dry), 'comments') } : {}) });
    print(t.batch.classroom.posted(summary.posted.length, dry ? t.batch.classroom.dryRun : t.batch.classroom.sent));
    for (const f of summary.failed) print(`  ${f.key}: ${f.message}`);
    return summary.failed.length > 0 ? 1 : 0;
  }
  throw new UsageError(`classroom takes fetch or post, not ${sub === undefined ? 'nothing' : `"${sub}"`}`);
}
