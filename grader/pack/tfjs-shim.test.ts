import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../io/package.js';
import { tfjsShim } from './tfjs-shim.js';

const require = createRequire(import.meta.url);

describe('tfjsShim', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-tfjs-shim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-exports every name of tfjs, the very objects require gives, and the module as default', async () => {
    const file = join(dir, 'tfjs.mjs');
    writeFileSync(file, tfjsShim({ root: PACKAGE_ROOT, from: require.resolve('@tensorflow/tfjs') }));
    const shim = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const tf = require('@tensorflow/tfjs') as Record<string, unknown>;
    expect(shim.default).toBe(tf);
    const names = Object.keys(tf);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => shim[n] !== tf[n])).toEqual([]);
    expect(shim.sequential).toBe(tf.sequential);
  });
});
