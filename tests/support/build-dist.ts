import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../grader/io/package.js';
import { buildDist } from '../../grader/pack/dist.js';

/**
 * vitest's global set-up: dist/ built from the sources under test (about a second), and a cache
 * folder of this run's own for `check` (NEUROGRADE_CACHE_DIR, inherited by the test files and the
 * commands they start): tests never write the user's ~/.cache, and one run never reads another's.
 */
export default async function setup(): Promise<() => void> {
  const cache = mkdtempSync(join(tmpdir(), 'neurograde-test-cache-'));
  process.env.NEUROGRADE_CACHE_DIR = cache;
  await buildDist({ root: PACKAGE_ROOT });
  return () => rmSync(cache, { recursive: true, force: true });
}
