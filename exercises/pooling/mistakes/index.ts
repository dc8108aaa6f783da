import type { MistakeDefinition } from 'neurograde/kit';
import { l2NoSqrt } from './l2-no-sqrt.js';
import { l2Rms } from './l2-rms.js';
import { maxFromZero } from './max-from-zero.js';
import { meanOverSize } from './mean-over-size.js';
import { meanInsteadOfMax } from './mean-instead-of-max.js';
import { overlappingWindows } from './overlapping-windows.js';
import { remainderPadded } from './remainder-padded.js';
import { strideIgnored } from './stride-ignored.js';

export const mistakes: readonly MistakeDefinition[] = [
  meanInsteadOfMax,
  overlappingWindows,
  remainderPadded,
  l2NoSqrt,
  maxFromZero,
  l2Rms,
  meanOverSize,
  strideIgnored,
];
