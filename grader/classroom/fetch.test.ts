import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import { failureView, fetchClass, gradedCommit, type FetchRecord } from './fetch.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-fetch-'));
const base = join(work, 'github');
const out = join(work, 'class');

function git(args: readonly string[], cwd: string): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const roster = {
  students: [
    { key: 'alice', repository: 'class/tp-alice' },
    { key: 'bob', repository: 'not a repository' },
    { key: 'carol' },
  ],
};

let sha = '';
beforeAll(() => {
  const bare = join(base, 'class', 'tp-alice.git');
  const dir = join(work, 'alice-work');
  mkdirSync(bare, { recursive: true });
  mkdirSync(dir);
  git(['init', '-q', '--bare', '--initial-branch=main'], bare);
  git(['init', '-q', '--initial-branch=main'], dir);
  writeFileSync(join(dir, 'shapes.ts'), 'export const mine = 1;\n');
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'work'], dir);
  git(['push', '-q', bare, 'HEAD:main'], dir);
  sha = git(['rev-parse', 'HEAD'], dir);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('fetchClass', () => {
  let first: FetchRecord;

  it('clones each repository without its history, and says why the others were not fetched, as codes', () => {
    first = fetchClass({ roster, out, gitBase: base });
    expect(first.students).toEqual([
      { key: 'alice', repo: { owner: 'class', name: 'tp-alice' }, status: 'fetched', sha },
      { key: 'bob', status: 'failed', reason: 'bad-repository', detail: 'not a repository' },
      { key: 'carol', status: 'failed', reason: 'no-repository' },
    ]);
    expect(readFileSync(join(out, 'alice', 'shapes.ts'), 'utf8')).toContain('mine');
    expect(existsSync(join(out, 'alice', '.git'))).toBe(false);
  });

  // A network failure used to delete the earlier clone first: the student then showed as "not submitted", 0.
  it('keeps the copy an earlier fetch left when a clone fails, and posts on that commit', () => {
    renameSync(join(base, 'class', 'tp-alice.git'), join(base, 'class', 'moved.git'));
    try {
      const again = fetchClass({ roster, out, gitBase: base, previous: first });
      const alice = again.students[0]!;
      expect(alice).toMatchObject({ key: 'alice', status: 'failed', reason: 'clone-failed', kept: sha });
      expect(readFileSync(join(out, 'alice', 'shapes.ts'), 'utf8')).toContain('mine');
      expect(gradedCommit(alice)).toEqual({ repo: { owner: 'class', name: 'tp-alice' }, sha });
      if (alice.status !== 'failed') throw new Error('alice was fetched');
      expect(messages('en').batch.classroom.fetchFailed(failureView(alice))).toMatch(
        new RegExp(`^ {2}alice: git clone class/tp-alice failed: .+; the copy fetched earlier \\(commit ${sha.slice(0, 7)}\\) stays and is graded\\.$`),
      );
      expect(messages('fr').batch.classroom.fetchFailed(failureView(alice))).toMatch(/la copie récupérée auparavant \(commit [0-9a-f]{7}\) reste en place/);
    } finally {
      renameSync(join(base, 'class', 'moved.git'), join(base, 'class', 'tp-alice.git'));
    }
  });

  it('calls a repository with no commit on its default branch empty, not fetched as "HEAD"', () => {
    const bare = join(base, 'class', 'tp-empty.git');
    mkdirSync(bare, { recursive: true });
    git(['init', '-q', '--bare', '--initial-branch=main'], bare);
    const empty = fetchClass({ roster: { students: [{ key: 'dan', repository: 'class/tp-empty' }] }, out, gitBase: base });
    expect(empty.students[0]).toEqual({ key: 'dan', repo: { owner: 'class', name: 'tp-empty' }, status: 'failed', reason: 'empty-repository' });
    expect(existsSync(join(out, 'dan'))).toBe(false);
  });

  it('has nothing to keep or post when no earlier copy exists', () => {
    rmSync(join(out, 'alice'), { recursive: true, force: true });
    const gone = fetchClass({ roster: { students: [{ key: 'alice', repository: 'class/tp-missing' }] }, out, gitBase: base, previous: first });
    expect(gone.students[0]).toMatchObject({ status: 'failed', reason: 'clone-failed' });
    expect(gone.students[0]).not.toHaveProperty('kept');
    expect(gradedCommit(gone.students[0]!)).toBeUndefined();
    expect(existsSync(join(out, 'alice'))).toBe(false);
    expect(existsSync(join(out, '.alice.fetching'))).toBe(false);
  });
});
