import type { CheckDefinition } from 'neurograde/kit';
import { edgeCases } from './edge-cases.js';
import { forwardProperty } from './forward-property.js';
import { forwardSequence } from './forward-sequence.js';
import { freshState } from './fresh-state.js';
import { notesExample } from './notes-example.js';
import { randomLayers } from './random-layers.js';
import { sigmoid } from './sigmoid.js';

export const checks: readonly CheckDefinition[] = [sigmoid, notesExample, forwardSequence, freshState, edgeCases, forwardProperty, randomLayers];
