import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../grader/diagnose/diagnose.js';
import { fakeContext } from '../../grader/kit/fake-context.js';
import type { CheckDefinition } from '../../grader/kit/check.js';
import type { Manifest } from '../../grader/model/manifest.js';
import type { MistakeDefinition } from '../../grader/kit/mistake.js';
import type { CasePattern, Relation } from '../../grader/model/results.js';
import { checks as convolutionChecks } from '../../exercises/convolution/checks/index.js';
import { mistakes as convolutionMistakes } from '../../exercises/convolution/mistakes/index.js';
import { checks as imageChecks } from '../../exercises/image/checks/index.js';
import { mistakes as imageMistakes } from '../../exercises/image/mistakes/index.js';
import { checks as poolingChecks } from '../../exercises/pooling/checks/index.js';
import { mistakes as poolingMistakes } from '../../exercises/pooling/mistakes/index.js';
import { checks as shapesChecks } from '../../exercises/shapes/checks/index.js';
import { mistakes as shapesMistakes } from '../../exercises/shapes/mistakes/index.js';
import { checks as rnnChecks } from '../../exercises/rnn/checks/index.js';
import { mistakes as rnnMistakes } from '../../exercises/rnn/mistakes/index.js';
import { checks as sequencesChecks } from '../../exercises/sequences/checks/index.js';
import { mistakes as sequencesMistakes } from '../../exercises/sequences/mistakes/index.js';
import { checks as dataChecks } from '../../exercises/data/checks/index.js';
import { mistakes as dataMistakes } from '../../exercises/data/mistakes/index.js';
import * as convolution from '../../reference/convolution.js';
import * as image from '../../reference/image.js';
import * as pooling from '../../reference/pooling.js';
import * as shapes from '../../reference/shapes.js';
import * as rnn from '../../reference/rnn.js';
import * as sequences from '../../reference/sequences.js';
import * as data from '../../reference/data.js';

type Module = Readonly<Record<string, unknown>>;

const EXERCISES: Readonly<Record<string, { reference: Module; checks: readonly CheckDefinition[]; mistakes: readonly MistakeDefinition[] }>> = {
  convolution: { reference: convolution, checks: convolutionChecks, mistakes: convolutionMistakes },
  image: { reference: image, checks: imageChecks, mistakes: imageMistakes },
  pooling: { reference: pooling, checks: poolingChecks, mistakes: poolingMistakes },
  shapes: { reference: shapes, checks: shapesChecks, mistakes: shapesMistakes },
  rnn: { reference: rnn, checks: rnnChecks, mistakes: rnnMistakes },
  sequences: { reference: sequences, checks: sequencesChecks, mistakes: sequencesMistakes },
  data: { reference: data, checks: dataChecks, mistakes: dataMistakes },
};

export const NUMERIC_EXERCISES = Object.keys(EXERCISES);

/** What the grader said about one check of a submission. */
export interface CheckFinding {
  readonly check: string;
  readonly status: string;
  readonly mistakes: readonly string[];
  readonly relation?: Relation;
  readonly cases?: CasePattern;
}

/**
 * Every check of a numeric exercise run in-process on `student` (the sandbox is not under test
 * here, the diagnosis is), each failure diagnosed as the grader does: the check's own diagnosis,
 * else the catalogue, the relation and the case pattern.
 */
export async function diagnoseModule(exercise: string, student: Module, seed = 20261127): Promise<CheckFinding[]> {
  const ex = EXERCISES[exercise];
  if (!ex) throw new Error(`no numeric exercise ${exercise}`);
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../exercises', exercise, 'exercise.json'), 'utf8')) as Manifest;
  const out: CheckFinding[] = [];
  for (const check of ex.checks) {
    const verdict = await check.run({ ...fakeContext({ reference: ex.reference, student, seed }), tolerance: manifest.tolerance });
    if (verdict.status !== 'failed') {
      out.push({ check: check.id, status: verdict.status, mistakes: [] });
      continue;
    }
    const found = diagnose({
      reference: ex.reference,
      mistakes: verdict.diagnosis ? [] : ex.mistakes,
      observations: verdict.observations ?? [],
      tolerance: manifest.tolerance,
      ...(verdict.evidence ? { shownCaseId: verdict.evidence.caseId } : {}),
    });
    const mistakes = verdict.diagnosis ? [verdict.diagnosis] : found.mistakes.map((m) => m.id);
    out.push({ check: check.id, status: 'failed', mistakes, ...(found.relation ? { relation: found.relation } : {}), ...(found.cases ? { cases: found.cases } : {}) });
  }
  return out;
}
