import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import type { SubmissionTime } from '../score/adjust.js';
import type { SubmissionSource } from './discover.js';

/** A zip's central directory is read, never unpacked, and no further than this many entries. */
const MAX_ZIP_ENTRIES = 5000;
/** git reads a student's repository: bounded like anything else derived from a student's files. */
const GIT_TIMEOUT_MS = 10_000;

/**
 * The commit time of HEAD in a submission that is a git repository (its own `.git`, never a
 * parent's). The student's repository configuration is not trusted: no fsmonitor, no pager, no
 * system or global config, and the repository is named explicitly.
 */
export function gitCommitTime(dir: string): Promise<Date | undefined> {
  const gitDir = join(dir, '.git');
  if (!existsSync(gitDir)) return Promise.resolve(undefined);
  const args = ['-c', 'core.fsmonitor=false', '-c', `safe.directory=*`, `--git-dir=${gitDir}`, 'log', '-1', '--format=%cI', 'HEAD'];
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', HOME: dir };
  return new Promise((done) => {
    execFile('git', args, { env, timeout: GIT_TIMEOUT_MS, maxBuffer: 4096, encoding: 'utf8' }, (err, stdout) => {
      const when = err ? undefined : new Date(stdout.trim());
      done(when && !Number.isNaN(when.getTime()) ? when : undefined);
    });
  });
}

/**
 * The newest modification time among a zip's file entries (a zip's extended timestamp is UTC;
 * a plain DOS time is read in the grader's time zone). Undefined for an unreadable zip.
 */
export function zipEntryTime(path: string): Promise<Date | undefined> {
  return new Promise((done) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return done(undefined);
      let newest: Date | undefined;
      let count = 0;
      const finish = (): void => {
        zip.close();
        done(newest);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('/')) {
          const at = entry.getLastModDate();
          if (!Number.isNaN(at.getTime()) && (!newest || at > newest)) newest = at;
        }
        if (++count >= MAX_ZIP_ENTRIES) return finish();
        zip.readEntry();
      });
      zip.on('end', () => done(newest));
      zip.on('error', () => done(undefined));
      zip.readEntry();
    });
  });
}

/**
 * When a submission was handed in: the teacher's dates file first (the LMS knows best), then the
 * git commit of a folder that is a repository, then the newest entry of a zip; else no time,
 * said as source "none".
 */
export async function submissionTime(source: SubmissionSource, fromDates: Date | undefined): Promise<SubmissionTime> {
  if (fromDates) return { at: fromDates, source: 'dates' };
  const at = source.kind === 'dir' ? await gitCommitTime(source.path) : await zipEntryTime(source.path);
  return at ? { at, source: source.kind === 'dir' ? 'git' : 'zip' } : { source: 'none' };
}
