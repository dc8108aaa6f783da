import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package root: where exercises/, reference/, reports/ and node_modules/ are. */
export const PACKAGE_ROOT = join(import.meta.dirname, '..', '..');

/** The grader's version from its package.json. */
export function graderVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
