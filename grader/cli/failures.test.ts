import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import type { SubmissionResult } from '../model/results.js';
import { failureReport, locationKey, styleFor } from './failures.js';

const result = {
  lang: 'en',
  exercises: [
    {
      id: 'convolution',
      title: 'Convolving an image',
      file: 'convolution.ts',
      status: 'graded',
      checks: [
        { id: 'notes-kernels', title: "The notes' kernels", status: 'passed', score: 2, maxScore: 2, visibility: 'public', durationMs: 1 },
        {
          id: 'stride',
          title: 'Stride',
          status: 'failed',
          score: 0,
          maxScore: 1.5,
          visibility: 'public',
          durationMs: 1,
          message: 'case "S=2": Expected the output to have shape 3x3, but got shape 5x5.',
          diagnosis: 'conv-stride-ignored',
          mistake: { id: 'conv-stride-ignored', title: 'Stride ignored', explanation: 'Why.', hint: 'Move by S.' },
          relation: { id: 'cropped', params: { top: 0, bottom: 1, left: 0, right: 1 }, scope: 'every', sameParams: true, failing: 1 },
          cases: { by: 'parameter', name: 'options.stride', failing: [2, 3], passing: [1, null] },
        },
      ],
    },
    { id: 'image', title: 'Sobel', file: 'image.ts', status: 'missing', message: 'Expected a file image.ts in the submission, but got no such file.', checks: [] },
  ],
} as unknown as SubmissionResult;

describe('the terminal report of failed checks', () => {
  const locations = new Map([[locationKey('convolution', 'stride'), { file: '/work/me/convolution.ts', line: 12 }]]);

  it('prints, vitest-style and plain off a terminal, the message, the mistake and its hint, the observations and file:line', () => {
    const text = failureReport(result, { t: messages('en'), style: styleFor({ isTTY: false }, {}), locations, cwd: '/work/me' }).join('\n');
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toContain(' FAIL  convolution > stride  Stride');
    expect(text).toContain('Expected the output to have shape 3x3, but got shape 5x5.');
    expect(text).toContain('Mistake: Stride ignored');
    expect(text).toContain('Hint: Move by S.');
    expect(text).toContain('→ Your output equals the expected output without its last row and last column.');
    expect(text).toContain('→ Every case with options.stride = 2 or 3 fails; every case with options.stride = 1 or not given passes.');
    expect(text).toContain('❯ convolution.ts:12');
    expect(text).toContain(' FAIL  image  Sobel');
    expect(text).not.toContain('notes-kernels');
  });

  it('colours on a terminal, unless NO_COLOR; FORCE_COLOR colours anywhere', () => {
    const lines = (style: ReturnType<typeof styleFor>) => failureReport(result, { t: messages('fr'), style, locations }).join('\n');
    expect(lines(styleFor({ isTTY: true }, {}))).toMatch(/\u001b\[1;97;41m ÉCHEC \u001b\[0m/);
    expect(lines(styleFor({ isTTY: true }, { NO_COLOR: '1' }))).not.toMatch(/\u001b\[/);
    expect(lines(styleFor({ isTTY: false }, { FORCE_COLOR: '1' }))).toMatch(/\u001b\[/);
    expect(lines(styleFor({ isTTY: false }, {}))).toContain('Erreur : Stride ignored');
  });
});
