import type { MistakeDefinition } from 'neurograde/kit';
import { oneWindowTooFew } from './one-window-too-few.js';
import { oneWindowTooMany } from './one-window-too-many.js';
import { splitShuffled } from './split-shuffled.js';
import { targetLastInput } from './target-last-input.js';

export const mistakes: readonly MistakeDefinition[] = [targetLastInput, oneWindowTooMany, oneWindowTooFew, splitShuffled];
