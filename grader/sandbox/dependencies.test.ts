import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageClosure } from './dependencies.js';
import { PACKAGE_ROOT } from '../io/package.js';

describe('packageClosure', () => {
  const closure = packageClosure(['@tensorflow/tfjs'], PACKAGE_ROOT);
  const names = closure.map((p) => p.slice(p.lastIndexOf(`${sep}node_modules${sep}`) + '/node_modules/'.length));

  it('holds tfjs and what it loads, transitively', () => {
    expect(names).toEqual(expect.arrayContaining(['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu', 'seedrandom', 'long']));
  });

  it('holds package folders only: never node_modules itself, the grader, or packages tfjs does not need', () => {
    expect(closure.every((p) => p.includes(`${sep}node_modules${sep}`))).toBe(true);
    expect(closure.some((p) => p.endsWith(`${sep}node_modules`))).toBe(false);
    expect(closure.some((p) => p === PACKAGE_ROOT || PACKAGE_ROOT.startsWith(p + sep))).toBe(false);
    for (const other of ['vitest', 'esbuild', 'typescript', 'ajv', 'tsx', 'fast-check']) expect(names).not.toContain(other);
  });
});
