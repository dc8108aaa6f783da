import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../grader/model/results.js';
import { environment, EXAMPLES, exercise, grade } from './support/grade.js';
import { expectScoresAsBefore } from './support/parity.js';

const NUMERIC = ['convolution', 'image', 'pooling', 'shapes', 'rnn', 'sequences', 'data'] as const;

describe('the bundled examples', () => {
  let correct: SubmissionResult;
  let notesPort: SubmissionResult;
  beforeAll(async () => {
    const env = await environment([...NUMERIC]);
    [correct, notesPort] = await Promise.all([grade(env, join(EXAMPLES, 'correct')), grade(env, join(EXAMPLES, 'notes-port'))]);
  });

  it('grades both examples exactly as before (tests/parity/examples.json)', () => {
    expectScoresAsBefore('examples', 'correct', correct);
    expectScoresAsBefore('examples', 'notes-port', notesPort);
  });

  it.each(NUMERIC)('correct gets full marks on %s', (id) => {
    const e = exercise(correct, id);
    expect(e.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${'message' in c ? c.message : ''}`)).toEqual([]);
    expect(e.score).toBe(e.maxScore);
    expect(e.maxScore).toBeGreaterThan(0);
  });

  // The notes' code: `convol` writes r[i, j] from i = k and sizes its output n - k - 1, the Sobel
  // uses it, there is no `pooling`, the shape formulas are not floored, the RNN keeps its state.
  it.each(['convolution', 'image', 'pooling', 'shapes', 'rnn'])('notes-port loses points on %s', (id) => {
    const e = exercise(notesPort, id);
    expect(e.status).toBe('graded');
    expect(e.score).toBeLessThan(e.maxScore);
  });

  it.each(['sequences', 'data'])('notes-port keeps full marks on %s', (id) => {
    const e = exercise(notesPort, id);
    expect(e.score).toBe(e.maxScore);
  });

  it.each([
    ['pooling', /Expected pooling\.ts to export "pooling", but got no export by that name\./],
    ['shapes', /./],
  ])('notes-port gets a message saying why on %s', (id, pattern) => {
    const messages = exercise(notesPort, id).checks.filter((c) => c.status !== 'passed').map((c) => ('message' in c ? c.message : ''));
    expect(messages.some((m) => pattern.test(m ?? ''))).toBe(true);
  });

  it('names the notes-port mistakes it recognises', () => {
    const diagnoses = new Set(notesPort.exercises.flatMap((e) => e.checks.map((c) => (c.status === 'failed' ? c.diagnosis : undefined))).filter(Boolean));
    expect(diagnoses).toContain('shape-no-flooring');
    expect(diagnoses).toContain('rnn-state-kept');
    expect(diagnoses).toContain('conv-output-shifted');
    expect(diagnoses).toContain('sobel-shifted-convol');
  });
});
