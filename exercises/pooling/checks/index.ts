import type { CheckDefinition } from 'neurograde/kit';
import { maxpoolingNotes } from './maxpooling-notes.js';
import { maxpoolingRemainders } from './maxpooling-remainders.js';
import { poolingEdgeCases } from './pooling-edge-cases.js';
import { poolingModes } from './pooling-modes.js';
import { poolingProperty } from './pooling-property.js';
import { poolingRandom } from './pooling-random.js';
import { poolingStride } from './pooling-stride.js';

export const checks: readonly CheckDefinition[] = [
  maxpoolingNotes,
  maxpoolingRemainders,
  poolingModes,
  poolingStride,
  poolingEdgeCases,
  poolingRandom,
  poolingProperty,
];
