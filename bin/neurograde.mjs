#!/usr/bin/env node
// The grader, its exercises and references are TypeScript; tsx loads them without a build step,
// so a teacher's new exercise folder works as soon as it is saved.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../grader/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
