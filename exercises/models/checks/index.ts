import type { CheckDefinition } from 'neurograde/kit';
import { cnnArchitecture } from './cnn-architecture.js';
import { cnnLearns } from './cnn-learns.js';
import { cnnPredictions } from './cnn-predictions.js';
import { compileSettings } from './compile-settings.js';
import { deepCnnArchitecture } from './deep-cnn-architecture.js';
import { deepCnnLearns } from './deep-cnn-learns.js';
import { deepCnnPredictions } from './deep-cnn-predictions.js';
import { denseArchitecture } from './dense-architecture.js';
import { denseLearns } from './dense-learns.js';
import { densePredictions } from './dense-predictions.js';
import { lstmArchitecture } from './lstm-architecture.js';
import { lstmPredictions } from './lstm-predictions.js';
import { rnnArchitecture } from './rnn-architecture.js';
import { rnnLearns } from './rnn-learns.js';
import { rnnPredictions } from './rnn-predictions.js';

/** Architecture first (cheap, explains the most), then compile settings, behaviour, learning. */
export const checks: readonly CheckDefinition[] = [
  denseArchitecture, cnnArchitecture, deepCnnArchitecture, rnnArchitecture, lstmArchitecture,
  compileSettings,
  densePredictions, cnnPredictions, deepCnnPredictions, rnnPredictions, lstmPredictions,
  denseLearns, cnnLearns, deepCnnLearns, rnnLearns,
];
