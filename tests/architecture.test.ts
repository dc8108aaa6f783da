import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEdges, layeringViolations, PIPELINE, stageOf } from './support/import-graph.js';

const ROOT = join(import.meta.dirname, '..');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'neurograde-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the pipeline runs one way', () => {
  it('every stage imports only earlier stages; exercises only the public kit and references', () => {
    const edges = importEdges(ROOT);
    expect(edges.length).toBeGreaterThan(500);
    expect(layeringViolations(edges)).toEqual([]);
  });

  it('every folder of grader/ is a stage of the pipeline', () => {
    const stages = new Set(importEdges(ROOT).map((e) => stageOf(e.from)).filter((s) => s.startsWith('grader')));
    expect([...stages].filter((s) => !(PIPELINE as readonly string[]).includes(s))).toEqual([]);
  });

  it.each([
    ['a backwards import', { 'grader/model/a.ts': "import { b } from '../score/b.js';", 'grader/score/b.ts': 'export const b = 1;' }, /grader\/model comes before grader\/score/],
    ['a type-only backwards import', { 'grader/sandbox/a.ts': "import type { B } from '../kit/b.js';", 'grader/kit/b.ts': 'export type B = 1;' }, /grader\/sandbox comes before grader\/kit/],
    ['a dynamic backwards import', { 'grader/load/a.ts': "await import('../cli/main.js');", 'grader/cli/main.ts': '' }, /grader\/load comes before grader\/cli/],
    ['an exercise reaching into the grader', { 'exercises/x/checks/a.ts': "import { casesCheck } from '../../../grader/kit/cases.js';" }, /exercises may import only/],
    ['an exercise importing a private entry point', { 'exercises/x/checks/a.ts': "import { x } from 'neurograde/grader/kit/cases.js';" }, /only neurograde\/kit/],
    ['a stage nobody placed', { 'grader/misc/a.ts': "import { b } from '../model/b.js';", 'grader/model/b.ts': '' }, /grader\/misc is not in the pipeline/],
  ])('fails on %s', (_name, files, message) => {
    const violations = layeringViolations(importEdges(tree(files)));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(message);
  });

  it('accepts forward imports, the public kit and test files reaching anywhere', () => {
    const root = tree({
      'grader/score/a.ts': "import { b } from '../model/b.js';\nimport type { K } from '../kit/k.js';",
      'grader/model/b.ts': 'export const b = 1;',
      'grader/kit/k.ts': 'export type K = 1;',
      'grader/model/b.test.ts': "import { a } from '../score/a.js';",
      'exercises/x/checks/a.ts': "import { casesCheck } from 'neurograde/kit';\nimport { conv } from '../../../reference/x.js';",
      'reference/x.ts': "import * as tf from '@tensorflow/tfjs';",
    });
    expect(layeringViolations(importEdges(root))).toEqual([]);
  });
});
