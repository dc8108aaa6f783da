#!/usr/bin/env node
// The grader runs from dist/, its TypeScript built once (`npm run build`, npm's `prepare`), so no
// command transforms TypeScript at start. A checkout built without scripts (npm install
// --ignore-scripts) still runs, from its sources through tsx. Exercise folders are bundled by
// esbuild at every run either way, so a teacher's new exercise works as soon as it is saved.
import { existsSync } from 'node:fs';

const built = new URL('../dist/grader/cli/main.js', import.meta.url);
let main;
if (existsSync(built)) ({ main } = await import(built.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../grader/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
