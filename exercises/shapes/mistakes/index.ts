import type { MistakeDefinition } from 'neurograde/kit';
import { biasNotCounted } from './bias-not-counted.js';
import { ceilDivision } from './ceil-division.js';
import { depthForgotten } from './depth-forgotten.js';
import { depthNotK } from './depth-not-k.js';
import { missingPlusOne } from './missing-plus-one.js';
import { noFlooring } from './no-flooring.js';
import { paddingOnce } from './padding-once.js';
import { rnnNoRecurrent } from './rnn-no-recurrent.js';

export const mistakes: readonly MistakeDefinition[] = [missingPlusOne, noFlooring, ceilDivision, paddingOnce, depthNotK, biasNotCounted, depthForgotten, rnnNoRecurrent];
