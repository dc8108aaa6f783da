import type { MistakeDefinition } from 'neurograde/kit';
import { oneWindowTooFew } from './one-window-too-few.js';
import { oneWindowTooMany } from './one-window-too-many.js';
import { splitPartsSwapped } from './split-parts-swapped.js';
import { splitShuffled } from './split-shuffled.js';
import { splitTrainOneShort } from './split-train-one-short.js';
import { targetLastInput } from './target-last-input.js';
import { targetsNotNested } from './targets-not-nested.js';

export const mistakes: readonly MistakeDefinition[] = [
  targetLastInput,
  oneWindowTooMany,
  oneWindowTooFew,
  targetsNotNested,
  splitShuffled,
  splitPartsSwapped,
  splitTrainOneShort,
];
