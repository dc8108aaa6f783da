import type { MistakeDefinition } from 'neurograde/kit';
import { labelShifted } from './label-shifted.js';
import { normalizedBy256 } from './normalized-by-256.js';
import { normalizedByMax } from './normalized-by-max.js';
import { normalizedMinMax } from './normalized-min-max.js';
import { numClassesIgnored } from './num-classes-ignored.js';
import { oneClassTooFew } from './one-class-too-few.js';

export const mistakes: readonly MistakeDefinition[] = [normalizedByMax, normalizedBy256, normalizedMinMax, oneClassTooFew, numClassesIgnored, labelShifted];
