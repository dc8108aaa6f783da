import type { MistakeDefinition } from 'neurograde/kit';
import { flippedKernel } from './flipped-kernel.js';
import { outputShifted } from './output-shifted.js';
import { outputSizeNK1 } from './output-size-n-k-1.js';
import { paddingIgnored } from './padding-ignored.js';
import { paddingOneSide } from './padding-one-side.js';
import { rowsColsSwapped } from './rows-cols-swapped.js';
import { squareKernelAssumed } from './square-kernel-assumed.js';
import { strideIgnored } from './stride-ignored.js';
import { strideNotInWindow } from './stride-not-in-window.js';

export const mistakes: readonly MistakeDefinition[] = [
  outputShifted,
  outputSizeNK1,
  flippedKernel,
  rowsColsSwapped,
  strideIgnored,
  paddingIgnored,
  paddingOneSide,
  strideNotInWindow,
  squareKernelAssumed,
];
