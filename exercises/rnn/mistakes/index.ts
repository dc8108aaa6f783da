import type { MistakeDefinition } from 'neurograde/kit';
import { biasForgotten } from './bias-forgotten.js';
import { firstState } from './first-state.js';
import { recurrentNotTransposed } from './recurrent-not-transposed.js';
import { sigmoidOverflow } from './sigmoid-overflow.js';
import { stateKept } from './state-kept.js';

export const mistakes: readonly MistakeDefinition[] = [stateKept, recurrentNotTransposed, biasForgotten, firstState, sigmoidOverflow];
