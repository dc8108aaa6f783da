import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../../grader/model/results.js';
import type { GradingEnvironment } from '../../grader/execute/grade-submission.js';
import { environment, EXAMPLES, exercise, grade } from '../support/grade.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ALL = ['notes-normalize', 'normalize-edge', 'notes-one-hot', 'one-hot-edge', 'one-hot-property', 'random-data'];

const NORMALIZE_OK = 'export function normalize(p: number[][]) { return p.map((r) => r.map((v) => v / 255)); }\n';
const ONE_HOT_OK = `export function toCategorical(labels: number[], numClasses?: number) {
  const n = numClasses ?? labels.reduce((m, l) => Math.max(m, l + 1), 0);
  return labels.map((l) => Array.from({ length: n }, (_, k) => (k === l ? 1 : 0)));
}
`;

const VARIANTS: { name: string; source: string; failed: string[] }[] = [
  { name: 'the correct module', source: NORMALIZE_OK + ONE_HOT_OK, failed: [] },
  {
    name: 'multiplying by 1/255 is within the tolerance',
    source: 'export function normalize(p: number[][]) { return p.map((r) => r.map((v) => v * (1 / 255))); }\n' + ONE_HOT_OK,
    failed: [],
  },
  {
    name: 'a given numClasses ignored fails the checks that pass one',
    source: NORMALIZE_OK + ONE_HOT_OK.replace('numClasses ?? ', ''),
    failed: ['one-hot-edge', 'one-hot-property'],
  },
  {
    name: 'pixels rounded to two decimals fail every normalisation check',
    source: 'export function normalize(p: number[][]) { return p.map((r) => r.map((v) => Math.round((v / 255) * 100) / 100)); }\n' + ONE_HOT_OK,
    failed: ['notes-normalize', 'normalize-edge', 'random-data'],
  },
  {
    name: 'labels counted from 1 (a 1 one column too far) fail every one-hot check',
    source: NORMALIZE_OK + ONE_HOT_OK.replace('k === l', 'k === l + 1'),
    failed: ['notes-one-hot', 'one-hot-edge', 'one-hot-property', 'random-data'],
  },
];

describe('data checks', () => {
  let env: GradingEnvironment;
  const dirs: string[] = [];
  const gradeFolder = async (dir: string): Promise<ExerciseResult> => exercise(await grade(env, dir), 'data');
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'neurograde-data-'));
    dirs.push(dir);
    return dir;
  };
  const notPassed = (r: ExerciseResult): string[] => r.checks.filter((c) => c.status !== 'passed').map((c) => c.id);

  beforeAll(async () => {
    env = await environment(['data']);
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the reference, handed in as a submission, passes every check', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'reference', 'data.ts'), join(dir, 'data.ts'));
    const r = await gradeFolder(dir);
    expect(r.checks.map((c) => c.id)).toEqual(ALL);
    expect(notPassed(r)).toEqual([]);
  });

  it.each(['correct', 'notes-port'])('the example %s submission gets full marks', async (name) => {
    expect((await gradeFolder(join(EXAMPLES, name))).score).toBe(10);
  });

  it.each(VARIANTS)('$name', async ({ source, failed }) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.ts'), source);
    expect(notPassed(await gradeFolder(dir))).toEqual(failed);
  });

  it('a black image divided by its maximum shows NaN where 0 was expected', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.ts'), 'export function normalize(p: number[][]) { const m = Math.max(...p.flat()); return p.map((r) => r.map((v) => v / m)); }\n' + ONE_HOT_OK);
    const c = (await gradeFolder(dir)).checks.find((x) => x.id === 'normalize-edge')!;
    expect(c.status === 'failed' && c.mismatch).toMatchObject({ kind: 'values', expected: 0, got: 'NaN' });
    expect(c.status === 'failed' && c.diagnosis).toBe('normalize-by-max');
  });
});
