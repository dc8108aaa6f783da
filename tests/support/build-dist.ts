import { PACKAGE_ROOT } from '../../grader/io/package.js';
import { buildDist } from '../../grader/pack/dist.js';

/** vitest's global set-up: dist/ built from the sources under test (about a second). */
export default async function setup(): Promise<void> {
  await buildDist({ root: PACKAGE_ROOT });
}
