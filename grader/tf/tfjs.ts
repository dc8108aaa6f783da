/**
 * TensorFlow.js loaded through `require`, never `import`: importing its CommonJS build from an
 * ES module makes Node lex tfjs-core, tfjs-layers and the backends' sources for their export
 * names (cjs-module-lexer), 0.2-0.3 s of CPU in every process that loads it, measured on this
 * 2-core machine (import 0.42 s, require 0.14 s). `require` returns the same singleton module.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TF from '@tensorflow/tfjs';

const require = createRequire(import.meta.url);
// Built, this file is dist/grader/tf/tfjs.js and the build put tfjs' lazy union beside the
// bundles' shim (grader/pack/tfjs-shim.ts): the same object the submissions' and exercises'
// `@tensorflow/tfjs` is. Run from its sources, there is none: tfjs itself.
const built = fileURLToPath(new URL('../../vendor/tfjs/tfjs.cjs', import.meta.url));
const TFJS = existsSync(built) ? built : '@tensorflow/tfjs';

/**
 * The `@tensorflow/tfjs` namespace (loaded on first call, the same object after): built, with
 * tfjs-converter, tfjs-data and tfjs-backend-webgl loaded only when one of their names is read
 * (grader/tf/tfjs-lazy.ts), 35 ms less of every process's start.
 */
export const requireTfjs = (): typeof TF => require(TFJS) as typeof TF;

/** The wasm backend's module (registers the backend when first loaded). */
export const requireTfjsWasm = (): typeof import('@tensorflow/tfjs-backend-wasm') =>
  require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
