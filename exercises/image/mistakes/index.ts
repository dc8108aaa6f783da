import type { MistakeDefinition } from 'neurograde/kit';
import { grayRounded } from './gray-rounded.js';
import { sobelAbsSum } from './sobel-abs-sum.js';
import { sobelNotNormalised } from './sobel-not-normalised.js';
import { sobelOnlyGx } from './sobel-only-gx.js';
import { sobelShiftedConvol } from './sobel-shifted-convol.js';

export const mistakes: readonly MistakeDefinition[] = [grayRounded, sobelNotNormalised, sobelOnlyGx, sobelAbsSum, sobelShiftedConvol];
