import type { CheckDefinition } from 'neurograde/kit';
import { notesSplit } from './notes-split.js';
import { notesWindows } from './notes-windows.js';
import { randomSplit } from './random-split.js';
import { randomWindows } from './random-windows.js';
import { windowsEdge } from './windows-edge.js';
import { windowsProperty } from './windows-property.js';

export const checks: readonly CheckDefinition[] = [notesWindows, windowsEdge, windowsProperty, notesSplit, randomWindows, randomSplit];
