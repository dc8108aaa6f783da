import type { MistakeDefinition } from 'neurograde/kit';
import { normalizedByMax } from './normalized-by-max.js';
import { oneClassTooFew } from './one-class-too-few.js';

export const mistakes: readonly MistakeDefinition[] = [normalizedByMax, oneClassTooFew];
