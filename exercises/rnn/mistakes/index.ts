import type { MistakeDefinition } from 'neurograde/kit';
import { activationIgnored } from './activation-ignored.js';
import { biasForgotten } from './bias-forgotten.js';
import { firstState } from './first-state.js';
import { recurrentNotTransposed } from './recurrent-not-transposed.js';
import { sigmoidOverflow } from './sigmoid-overflow.js';
import { stateKept } from './state-kept.js';
import { stateUpdatedInPlace } from './state-updated-in-place.js';
import { statesAliased } from './states-aliased.js';

export const mistakes: readonly MistakeDefinition[] = [
  stateKept,
  recurrentNotTransposed,
  biasForgotten,
  firstState,
  sigmoidOverflow,
  stateUpdatedInPlace,
  statesAliased,
  activationIgnored,
];
