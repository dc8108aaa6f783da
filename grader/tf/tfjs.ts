/**
 * TensorFlow.js loaded through `require`, never `import`: importing its CommonJS build from an
 * ES module makes Node lex tfjs-core, tfjs-layers and the backends' sources for their export
 * names (cjs-module-lexer), 0.2-0.3 s of CPU in every process that loads it, measured on this
 * 2-core machine (import 0.42 s, require 0.14 s). `require` returns the same singleton module.
 */
import { createRequire } from 'node:module';
import type * as TF from '@tensorflow/tfjs';

const require = createRequire(import.meta.url);

/** The `@tensorflow/tfjs` namespace (loaded on first call, the same object after). */
export const requireTfjs = (): typeof TF => require('@tensorflow/tfjs') as typeof TF;

/** The wasm backend's module (registers the backend when first loaded). */
export const requireTfjsWasm = (): typeof import('@tensorflow/tfjs-backend-wasm') =>
  require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
