import type { MistakeDefinition } from 'neurograde/kit';
import { grayLuminance } from './gray-luminance.js';
import { grayNotTruncated } from './gray-not-truncated.js';
import { grayRounded } from './gray-rounded.js';
import { sobelAbsSum } from './sobel-abs-sum.js';
import { sobelNotNormalised } from './sobel-not-normalised.js';
import { sobelNoSqrt } from './sobel-no-sqrt.js';
import { sobelOnlyGx } from './sobel-only-gx.js';
import { sobelShiftedConvol } from './sobel-shifted-convol.js';

export const mistakes: readonly MistakeDefinition[] = [
  grayRounded,
  grayNotTruncated,
  grayLuminance,
  sobelNotNormalised,
  sobelOnlyGx,
  sobelAbsSum,
  sobelNoSqrt,
  sobelShiftedConvol,
];
