import { describe, expect, it } from 'vitest';
import { combine } from '../grader/diagnose/variants.js';
import type { MistakeDefinition } from '../grader/kit/mistake.js';
import { mistakes as rnnMistakes } from '../exercises/rnn/mistakes/index.js';
import { mistakes as sequencesMistakes } from '../exercises/sequences/mistakes/index.js';
import { mistakes as dataMistakes } from '../exercises/data/mistakes/index.js';
import { mistakes as poolingMistakes } from '../exercises/pooling/mistakes/index.js';
import { mistakes as shapesMistakes } from '../exercises/shapes/mistakes/index.js';
import { mistakes as imageMistakes } from '../exercises/image/mistakes/index.js';
import { mistakes as convolutionMistakes } from '../exercises/convolution/mistakes/index.js';
import * as rnn from '../reference/rnn.js';
import * as sequences from '../reference/sequences.js';
import * as data from '../reference/data.js';
import * as pooling from '../reference/pooling.js';
import * as shapes from '../reference/shapes.js';
import * as image from '../reference/image.js';
import * as convolution from '../reference/convolution.js';
import { quirkyRnn } from '../exercises/rnn/mistakes/quirks.js';
import { quirkyWindows } from '../exercises/sequences/mistakes/quirks.js';
import { quirkyOneHot } from '../exercises/data/mistakes/quirks.js';
import { quirkyMaxpooling, quirkyPooling } from '../exercises/pooling/mistakes/quirks.js';
import { quirkyShape } from '../exercises/shapes/mistakes/quirks.js';
import { quirkySobel } from '../exercises/image/mistakes/sobel-quirks.js';
import { quirkyGray } from '../exercises/image/mistakes/gray-quirks.js';
import { diagnoseModule } from './support/diagnosis-harness.js';

type Module = Readonly<Record<string, unknown>>;

/**
 * Two mistakes of one exercise that replace the same export (the RNN layer, makeWindows,
 * toCategorical) made together: the grader builds that pair from the mistakes' quirks, and names
 * both, never a third. A pair whose answers are those of one of its mistakes alone cannot be told
 * apart from it, and is listed with the reason.
 */
const SAME_AS_ONE: Readonly<Record<string, string>> = {
  // Every row is the last state, so the first row forward returns is h_T: first-state is invisible.
  'rnn-first-state+rnn-states-aliased': 'rnn-states-aliased',
  // The notes' convol has no options: a stride or padding mistake on top of it changes nothing.
  'conv-output-shifted+conv-stride-ignored': 'conv-output-shifted',
  'conv-output-shifted+conv-padding-ignored': 'conv-output-shifted',
  'conv-output-shifted+conv-stride-not-in-window': 'conv-output-shifted',
  'conv-output-size-n-k-1+conv-stride-ignored': 'conv-output-size-n-k-1',
  'conv-output-size-n-k-1+conv-padding-ignored': 'conv-output-size-n-k-1',
  'conv-output-size-n-k-1+conv-stride-not-in-window': 'conv-output-size-n-k-1',
  // A stride of 1 everywhere leaves no stride to keep out of the window.
  'conv-stride-ignored+conv-stride-not-in-window': 'conv-stride-ignored',
  // Zeros added above and to the left by hand, then no padding: the one-sided padding alone.
  'conv-padding-ignored+conv-padding-one-side': 'conv-padding-one-side',
};

const EXERCISES: readonly { exercise: string; reference: Module; mistakes: readonly MistakeDefinition[] }[] = [
  { exercise: 'rnn', reference: rnn, mistakes: rnnMistakes },
  { exercise: 'sequences', reference: sequences, mistakes: sequencesMistakes },
  { exercise: 'data', reference: data, mistakes: dataMistakes },
  { exercise: 'pooling', reference: pooling, mistakes: poolingMistakes },
  { exercise: 'shapes', reference: shapes, mistakes: shapesMistakes },
  { exercise: 'image', reference: image, mistakes: imageMistakes },
  { exercise: 'convolution', reference: convolution, mistakes: convolutionMistakes },
];

const sharedPairs = EXERCISES.flatMap(({ exercise, reference, mistakes }) =>
  mistakes.flatMap((a, i) =>
    mistakes.slice(i + 1).flatMap((b) => {
      const shared = Object.keys(a.overrides).some((k) => k in b.overrides);
      const module = shared ? combine(reference, a, b) : undefined;
      return module ? [{ exercise, pair: `${a.id}+${b.id}`, ids: [a.id, b.id], module }] : [];
    }),
  ),
);

describe('two mistakes replacing the same export, made together', () => {
  it('are combinable for the RNN layer, the windows and the one-hot encoding', () => {
    const by = (e: string) => sharedPairs.filter((p) => p.exercise === e).length;
    // 7 RNN mistakes replace RnnLayer (21 pairs); 4 window mistakes, one pair of which clashes
    // (one too many and one too few set the same count); 3 one-hot mistakes; 8 pooling mistakes
    // replace pooling (28 pairs), one pair of which clashes (the two wrong l2 norms); 12 pairs of
    // shapes mistakes share a formula, three of which clash (exact, rounded up, no "+ 1": one rounding);
    // 5 Sobel mistakes, the three magnitudes clashing, and 3 grey-level ones, the two roundings
    // clashing (rounded and not truncated at all); 9
    // convolution mistakes, the two ports of the notes' convol replacing it whole (one pair).
    const counts = { rnn: by('rnn'), sequences: by('sequences'), data: by('data'), pooling: by('pooling'), shapes: by('shapes'), image: by('image'), convolution: by('convolution') };
    expect(counts).toEqual({ rnn: 21, sequences: 5, data: 3, pooling: 27, shapes: 9, image: 9, convolution: 35 });
  });

  it.each(sharedPairs)('$pair: both named, nothing else', async ({ exercise, ids, module, pair }) => {
    const failed = (await diagnoseModule(exercise, module)).filter((c) => c.status === 'failed');
    const named = new Set(failed.flatMap((c) => c.mistakes));
    for (const id of named) expect(ids, `${id} named for ${pair}`).toContain(id);
    const alone = SAME_AS_ONE[pair];
    expect([...named].sort()).toEqual(alone ? [alone] : [...ids].sort());
  }, 60_000);
});

describe('a quirky builder with no quirk', () => {
  // The pairs are built from these: with no quirk they must be the reference, or every pair is off.
  it.each([
    { exercise: 'rnn', module: { ...rnn, RnnLayer: quirkyRnn({}) } },
    { exercise: 'sequences', module: { ...sequences, makeWindows: quirkyWindows({}) } },
    { exercise: 'data', module: { ...data, toCategorical: quirkyOneHot({}) } },
    { exercise: 'pooling', module: { ...pooling, pooling: quirkyPooling({}), maxpooling: quirkyMaxpooling({}) } },
    { exercise: 'image', module: { ...image, sobel: quirkySobel({}) } },
    { exercise: 'image', module: { ...image, toGrayscale: quirkyGray({}) } },
    {
      exercise: 'shapes',
      module: Object.fromEntries(['convOutputShape', 'poolOutputShape', 'convParamCount', 'denseParamCount', 'simpleRnnParamCount'].map((name) => [name, quirkyShape(name, {})])),
    },
  ])('passes every check of $exercise', async ({ exercise, module }) => {
    const found = await diagnoseModule(exercise, module);
    expect(found.filter((c) => c.status !== 'passed').map((c) => c.check)).toEqual([]);
  });
});
