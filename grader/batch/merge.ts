import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messages } from '../i18n/index.js';
import { loadExercises } from '../load/exercises.js';
import { UsageError } from '../model/errors.js';
import type { Lang } from '../model/localized.js';
import { SubmissionResultSchema } from '../model/results.js';
import { validator } from '../schema/validate.js';
import { writeFileAtomic } from '../cli/write.js';
import { graderVersion } from './fingerprint.js';
import { ClassResultSchema, type BatchEntry } from './model.js';
import { gradingRoots, writeClassOutputs } from './run-batch.js';
import { sortEntries } from './summary.js';

export interface MergeOptions {
  /** Output folders of `neurograde batch --shard i/n`. */
  readonly shards: readonly string[];
  readonly out: string;
  /** @default the first shard's language */
  readonly lang?: Lang;
  /** A course folder with its own exercises/ and reference/. @default the grader's own */
  readonly course?: string;
}

export interface MergeSummary {
  readonly entries: readonly BatchEntry[];
  readonly files: readonly string[];
}

/** Copies a folder file by file, each written atomically, so a killed merge leaves no torn file. */
function copyAtomic(from: string, to: string): void {
  for (const d of readdirSync(from, { withFileTypes: true })) {
    if (d.isDirectory()) copyAtomic(join(from, d.name), join(to, d.name));
    else if (d.isFile()) writeFileAtomic(join(to, d.name), readFileSync(join(from, d.name)));
  }
}

const validateClass = validator(ClassResultSchema);
const validateResult = validator(SubmissionResultSchema);

/**
 * Combines the outputs of a sharded batch (a CI matrix) into one: every submission's folder is
 * copied under `out`, and the class files (gradebook, JUnit, class results.json, index.html)
 * are rendered again from all of them, exactly as one unsharded batch would have written them.
 */
export async function mergeShards(options: MergeOptions): Promise<MergeSummary> {
  const t0 = messages(options.lang ?? 'en');
  if (options.shards.length === 0) throw new UsageError('merge needs at least one shard folder');
  const out = resolve(options.out);
  const entries: BatchEntry[] = [];
  const owner = new Map<string, string>();
  let ids: string[] | undefined;
  let lang: Lang | undefined = options.lang;
  for (const shard of options.shards.map((s) => resolve(s))) {
    const path = join(shard, 'results.json');
    if (!existsSync(path)) throw new UsageError(t0.batch.merge.noClass(shard));
    const v = validateClass(JSON.parse(readFileSync(path, 'utf8')));
    if (!v.ok) throw new UsageError(`${t0.batch.merge.noClass(shard)} (${v.errors[0]})`);
    const klass = v.value;
    const these = klass.exercises.map((e) => e.id);
    if (ids && ids.join(',') !== these.join(',')) throw new UsageError(t0.batch.merge.exercises(shard));
    ids ??= these;
    lang ??= klass.lang;
    for (const row of klass.submissions) {
      if (owner.has(row.name)) throw new UsageError(t0.batch.merge.duplicate(row.name));
      owner.set(row.name, shard);
      if (row.status === 'error') {
        entries.push({ name: row.name, status: 'error', message: row.message });
        continue;
      }
      const r = validateResult(JSON.parse(readFileSync(join(shard, row.name, 'results.json'), 'utf8')));
      if (!r.ok) throw new UsageError(`${join(shard, row.name, 'results.json')}: ${r.errors[0]}`);
      entries.push({ name: row.name, status: 'graded', result: r.value });
      if (resolve(shard) !== out) copyAtomic(join(shard, row.name), join(out, row.name));
    }
  }
  const exercises = await loadExercises(gradingRoots(options.course), ids);
  const files = writeClassOutputs(out, entries, { lang: lang ?? 'en', exercises, version: graderVersion() });
  return { entries: sortEntries(entries), files };
}
