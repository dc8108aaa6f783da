import type { SubmissionResult } from '../model/results.js';
import type { Exercise } from '../load/exercise.js';
import type { Lang } from '../model/localized.js';
import type { BatchEntry, ClassResult, ShardProblem } from '../model/class-results.js';
import type { Shard } from './shard.js';
import { roundScore } from '../i18n/score.js';
import type { TeacherRecord } from '../model/adjustments.js';


/** Entries in gradebook order: by name, code unit by code unit, so every machine agrees. */
export function sortEntries(entries: readonly BatchEntry[]): BatchEntry[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return roundScore(s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

export interface SummaryContext {
  readonly lang: Lang;
  readonly exercises: readonly Exercise[];
  readonly version: string;
  /** How many diagnosed mistakes to list. @default 10 */
  readonly topMistakes?: number;
  /** How the class was graded, recorded so that `merge` can tell shards of one batch apart from others. @default none */
  readonly run?: RunRecord;
  /** The teacher's controls, recorded in the class results. @default none */
  readonly teacher?: TeacherRecord;
}

/** What the class results.json records about the run that made it. */
export interface RunRecord {
  readonly fingerprint?: string;
  readonly shard?: Shard;
  /** A merge of an incomplete set of shards: what is missing or inconsistent. */
  readonly partial?: readonly ShardProblem[];
}

/** The mistakes a check names: both of a check that names two, each counted for the submission. */
function namedMistakes(c: SubmissionResult['exercises'][number]['checks'][number]): { id: string; title: string }[] {
  if (c.status !== 'failed') return [];
  return [...(c.diagnosis ? [{ id: c.diagnosis, title: c.mistake?.title ?? c.diagnosis }] : []), ...(c.alsoMistakes ?? []).map((m) => ({ id: m.id, title: m.title }))];
}

type Graded = Extract<BatchEntry, { status: 'graded' }>;

/** Each check of each exercise, with how many graded submissions passed it. */
function checkRates(exercises: readonly Exercise[], graded: readonly Graded[], lang: Lang): ClassResult['checks'] {
  const checks = new Map<string, ClassResult['checks'][number]>();
  for (const e of exercises) {
    for (const c of e.checks) {
      const entry = e.manifest.checks[c.id]!;
      checks.set(`${e.manifest.id}/${c.id}`, { exercise: e.manifest.id, id: c.id, title: c.title[lang], visibility: entry.public ? 'public' : 'hidden', passed: 0, total: 0 });
    }
  }
  for (const g of graded) {
    for (const ex of g.result.exercises) {
      for (const c of ex.checks) {
        const row = checks.get(`${ex.id}/${c.id}`);
        if (!row) continue;
        row.total += 1;
        if (c.status === 'passed') row.passed += 1;
      }
    }
  }
  return [...checks.values()];
}

/** The `top` mistakes named in the most submissions (a submission counts once per mistake). */
function topMistakes(graded: readonly Graded[], top: number): ClassResult['mistakes'] {
  const mistakeCount = new Map<string, Set<string>>();
  const mistakeInfo = new Map<string, { exercise: string; title: string }>();
  for (const g of graded) {
    for (const ex of g.result.exercises) {
      for (const m of ex.checks.flatMap(namedMistakes)) {
        const seen = mistakeCount.get(m.id) ?? new Set<string>();
        seen.add(g.name);
        mistakeCount.set(m.id, seen);
        if (!mistakeInfo.has(m.id)) mistakeInfo.set(m.id, { exercise: ex.id, title: m.title });
      }
    }
  }
  return [...mistakeCount.entries()]
    .map(([id, names]) => ({ id, exercise: mistakeInfo.get(id)!.exercise, title: mistakeInfo.get(id)!.title, submissions: names.size }))
    .sort((a, b) => b.submissions - a.submissions || (a.id < b.id ? -1 : 1))
    .slice(0, top);
}

/** The class model every class export is rendered from, computed once from the entries. */
export function summarizeClass(entries: readonly BatchEntry[], ctx: SummaryContext): ClassResult {
  const sorted = sortEntries(entries);
  const graded = sorted.filter((e): e is Graded => e.status === 'graded');
  const exercises = ctx.exercises.map((e) => ({
    id: e.manifest.id,
    title: e.manifest.title[ctx.lang],
    maxScore: roundScore(Object.values(e.manifest.checks).reduce((s, c) => s + c.points, 0)),
  }));

  const scores = graded.map((g) => g.result.score);
  return {
    schemaVersion: 1,
    grader: { name: 'neurograde', version: ctx.version },
    lang: ctx.lang,
    exercises,
    maxScore: roundScore(exercises.reduce((s, e) => s + e.maxScore, 0)),
    summary: {
      // Handed in: a roster's student with nothing handed in is counted apart (notSubmitted).
      submissions: sorted.filter((e) => e.status !== 'not-submitted').length,
      graded: graded.length,
      errors: sorted.filter((e) => e.status === 'error').length,
      ungradable: sorted.filter((e) => e.status === 'ungradable').length,
      ...(sorted.some((e) => e.status === 'not-submitted') ? { notSubmitted: sorted.filter((e) => e.status === 'not-submitted').length } : {}),
      ...(ctx.teacher?.deadline ? { late: graded.filter((g) => (g.result.adjustments?.late?.daysLate ?? 0) > 0).length } : {}),
      meanScore: scores.length ? roundScore(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
      medianScore: median(scores),
    },
    submissions: sorted.map(submissionRow),
    checks: checkRates(ctx.exercises, graded, ctx.lang),
    mistakes: topMistakes(graded, ctx.topMistakes ?? 10),
    ...(ctx.run?.fingerprint ? { fingerprint: ctx.run.fingerprint } : {}),
    ...(ctx.run?.shard ? { shard: { index: ctx.run.shard.index, count: ctx.run.shard.count } } : {}),
    ...(ctx.run?.partial && ctx.run.partial.length > 0 ? { partial: { problems: [...ctx.run.partial] } } : {}),
    ...(ctx.teacher ? { teacher: ctx.teacher } : {}),
  };
}

/** A submission's row of the class results: its scores, and what the teacher's controls did to it. */
function submissionRow(e: BatchEntry): ClassResult['submissions'][number] {
  if (e.status === 'error') return { name: e.name, status: 'error', message: e.message };
  if (e.status === 'not-submitted') return { name: e.name, status: 'not-submitted' };
  if (e.status === 'ungradable') return { name: e.name, status: 'ungradable', problem: e.problem, ...(e.result ? { results: `${e.name}/results.json` } : {}) };
  const a = e.result.adjustments;
  return {
    name: e.name,
    status: 'graded',
    score: e.result.score,
    maxScore: e.result.maxScore,
    exercises: Object.fromEntries(e.result.exercises.map((x) => [x.id, { score: x.score, maxScore: x.maxScore, status: x.status }])),
    results: `${e.name}/results.json`,
    ...(a && a.rawScore !== e.result.score ? { rawScore: a.rawScore } : {}),
    ...(a?.late ? { late: a.late } : {}),
    ...(a && a.overrides.length > 0 ? { overrides: a.overrides.length } : {}),
  };
}
