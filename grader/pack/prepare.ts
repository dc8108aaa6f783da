// `npm run build` (also npm's `prepare`: run by `npm ci` and `npm install` in a clone and by
// `npm pack`): the grader's TypeScript built once into dist/, so no command transforms it at start.
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../io/package.js';
import { buildDist, DIST } from './dist.js';

const started = performance.now();
const { files } = await buildDist({ root: PACKAGE_ROOT });
console.log(`neurograde: built ${files} modules into ${DIST}/ in ${Math.round(performance.now() - started)} ms`);
