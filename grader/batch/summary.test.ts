import { describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../model/results.js';
import { summarizeClass } from './summary.js';

const failed = (mistakes: readonly string[]) => ({
  id: 'stride',
  title: 'Stride',
  status: 'failed',
  score: 0,
  maxScore: 1,
  visibility: 'public',
  durationMs: 1,
  message: 'Expected x to be y, but got z.',
  ...(mistakes[0] ? { diagnosis: mistakes[0], mistake: { id: mistakes[0], title: `T ${mistakes[0]}`, explanation: 'e', hint: 'h' } } : {}),
  ...(mistakes.length > 1 ? { alsoMistakes: mistakes.slice(1).map((id) => ({ id, title: `T ${id}`, explanation: 'e', hint: 'h' })) } : {}),
});
const result = (mistakes: readonly string[]) =>
  ({ score: 0, maxScore: 1, exercises: [{ id: 'convolution', title: 'Conv', file: 'convolution.ts', status: 'graded', score: 0, maxScore: 1, durationMs: 1, checks: [failed(mistakes)] }] }) as unknown as SubmissionResult;

describe('the class summary of mistakes', () => {
  it('counts both mistakes of a check that names two, once per submission', () => {
    const summary = summarizeClass(
      [
        { name: 'alice', status: 'graded', result: result(['conv-flipped-kernel', 'conv-stride-ignored']) },
        { name: 'bob', status: 'graded', result: result(['conv-stride-ignored']) },
      ],
      { lang: 'en', exercises: [], version: 'test' },
    );
    expect(summary.mistakes).toEqual([
      { id: 'conv-stride-ignored', exercise: 'convolution', title: 'T conv-stride-ignored', submissions: 2 },
      { id: 'conv-flipped-kernel', exercise: 'convolution', title: 'T conv-flipped-kernel', submissions: 1 },
    ]);
  });
});
