#!/usr/bin/env node
// The grader runs from dist/, its TypeScript built once (`npm run build`, npm's `prepare`), so no
// command transforms TypeScript at start. A checkout built without scripts (npm install
// --ignore-scripts) still runs, from its sources through tsx, and so does one whose sources
// changed since the build (an edit, a checkout): its stale dist/ would grade with old code, so
// the sources run instead, with one line on stderr. Exercise folders are bundled by esbuild at
// every run either way, so a teacher's new exercise works as soon as it is saved.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { staleBuild } from './build-stamp.mjs';

// The bundle (a few chunks) when the build made one, else the per-module build (one file per source).
const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const built = existsSync(bundled) ? bundled : new URL('../dist/grader/cli/main.js', import.meta.url);
const stale = existsSync(built) ? staleBuild(fileURLToPath(new URL('..', import.meta.url))) : 'no dist/';
let main;
if (!stale) ({ main } = await import(built.href));
else {
  if (existsSync(built)) process.stderr.write(`neurograde: ${stale}: running the sources (slower start); \`npm run build\` builds it again\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../grader/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
