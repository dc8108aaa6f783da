import type { MistakeDefinition } from 'neurograde/kit';
import { missingPooling } from './missing-pooling.js';
import { missingSoftmax } from './missing-softmax.js';
import { paddingSame } from './padding-same.js';
import { sparseLoss } from './sparse-loss.js';
import { wrongActivation } from './wrong-activation.js';
import { wrongFilters } from './wrong-filters.js';
import { wrongUnits } from './wrong-units.js';

/**
 * The models exercise names these by structural comparison (neurograde/kit/models: compareArchitecture, the compile check),
 * not by replaying `overrides`: numbers cannot tell two models apart. The overrides are the
 * mistaken builders, for tests and for teachers reading the catalogue.
 */
export const mistakes: readonly MistakeDefinition[] = [paddingSame, sparseLoss, wrongActivation, missingSoftmax, wrongUnits, wrongFilters, missingPooling];
