import type { MistakeDefinition } from 'neurograde/kit';
import { biasNotCounted } from './bias-not-counted.js';
import { depthNotK } from './depth-not-k.js';
import { missingPlusOne } from './missing-plus-one.js';
import { noFlooring } from './no-flooring.js';

export const mistakes: readonly MistakeDefinition[] = [missingPlusOne, noFlooring, depthNotK, biasNotCounted];
