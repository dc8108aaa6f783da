import type { MistakeDefinition } from 'neurograde/kit';
import { l2NoSqrt } from './l2-no-sqrt.js';
import { meanInsteadOfMax } from './mean-instead-of-max.js';
import { overlappingWindows } from './overlapping-windows.js';
import { remainderPadded } from './remainder-padded.js';

export const mistakes: readonly MistakeDefinition[] = [meanInsteadOfMax, overlappingWindows, remainderPadded, l2NoSqrt];
