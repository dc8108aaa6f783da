import type { CheckDefinition } from 'neurograde/kit';
import { edgeCases } from './edge-cases.js';
import { notes5x5Kernel } from './notes-5x5-kernel.js';
import { notesKernels } from './notes-kernels.js';
import { padding } from './padding.js';
import { property } from './property.js';
import { randomCases } from './random-cases.js';
import { stride } from './stride.js';

export const checks: readonly CheckDefinition[] = [notesKernels, notes5x5Kernel, padding, stride, edgeCases, randomCases, property];
