import type { CheckDefinition } from 'neurograde/kit';
import { flooring } from './flooring.js';
import { notesConvShapes } from './notes-conv-shapes.js';
import { notesSummaries } from './notes-summaries.js';
import { paramCountProperty } from './param-count-property.js';
import { randomShapes } from './random-shapes.js';

export const checks: readonly CheckDefinition[] = [notesSummaries, notesConvShapes, flooring, randomShapes, paramCountProperty];
