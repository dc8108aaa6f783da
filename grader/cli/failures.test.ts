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

  it('prints, vitest-style and plain off a terminal, one sentence (the mistake) and its hint, file:line and the link to the report', () => {
    const text = failureReport(result, { t: messages('en'), style: styleFor({ isTTY: false }, {}), locations, cwd: '/work/me', report: '/work/me/.neurograde/report.html' }).join('\n');
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toContain(' FAIL  convolution > stride  Stride\n    Mistake: Stride ignored\n    Hint: Move by S.\n    ❯ convolution.ts:12\n    More in the report: file:///work/me/.neurograde/report.html#ex--convolution--stride');
    expect(text).toContain(' FAIL  image  Sobel\n    Expected a file image.ts in the submission, but got no such file.\n    More in the report: file:///work/me/.neurograde/report.html#ex--image');
    expect(text).not.toContain('notes-kernels');
  });

  it('without a named mistake, says what the grader saw of the answer, then the message', () => {
    const stride = result.exercises[0]!.checks[1]!;
    const unnamed = { ...result, exercises: [{ ...result.exercises[0]!, checks: [{ ...stride, mistake: undefined, diagnosis: undefined }] }] } as unknown as SubmissionResult;
    const text = failureReport(unnamed, { t: messages('en'), style: styleFor({ isTTY: false }, {}), locations }).join('\n');
    expect(text).toContain('    Your output equals the expected output without its last row and last column.\n    case "S=2": Expected the output to have shape 3x3');
  });

  it('gathers the checks that name the same mistake into one entry', () => {
    const stride = result.exercises[0]!.checks[1]!;
    const twice = { ...result, exercises: [{ ...result.exercises[0]!, checks: [stride, { ...stride, id: 'padding', title: 'Padding' }] }] } as unknown as SubmissionResult;
    const text = failureReport(twice, { t: messages('en'), style: styleFor({ isTTY: false }, {}), locations }).join('\n');
    expect(text).toContain(' FAIL  convolution > stride, padding\n');
    expect(text.match(/Mistake: Stride ignored/g)).toHaveLength(1);
  });

  it('colours on a terminal, unless NO_COLOR; FORCE_COLOR colours anywhere', () => {
    const lines = (style: ReturnType<typeof styleFor>) => failureReport(result, { t: messages('fr'), style, locations }).join('\n');
    expect(lines(styleFor({ isTTY: true }, {}))).toMatch(/\u001b\[1;97;41m ÉCHEC \u001b\[0m/);
    expect(lines(styleFor({ isTTY: true }, { NO_COLOR: '1' }))).not.toMatch(/\u001b\[/);
    expect(lines(styleFor({ isTTY: false }, { FORCE_COLOR: '1' }))).toMatch(/\u001b\[/);
    expect(lines(styleFor({ isTTY: false }, {}))).toContain('Erreur : Stride ignored');
  });
});
