import type { CheckDefinition } from 'neurograde/kit';
import { normalizeEdge } from './normalize-edge.js';
import { notesNormalize } from './notes-normalize.js';
import { notesOneHot } from './notes-one-hot.js';
import { oneHotEdge } from './one-hot-edge.js';
import { oneHotProperty } from './one-hot-property.js';
import { randomData } from './random-data.js';

export const checks: readonly CheckDefinition[] = [notesNormalize, normalizeEdge, notesOneHot, oneHotEdge, oneHotProperty, randomData];
