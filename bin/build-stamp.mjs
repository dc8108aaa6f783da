// Whether dist/ was built from the sources beside it. Plain JavaScript, and only node:fs: it runs
// before the grader is loaded, at every command, and must cost a few ms (one readdir per folder,
// one stat per source, about 270 of them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The folders of the grader's own code, as grader/pack/dist.ts builds them (GRADER_FOLDERS). */
const FOLDERS = ['grader', 'reports'];

/** A source as graderSources (grader/pack/dist.ts) counts one: TypeScript, tests aside. */
const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

/** Every source under `rel` (package-relative) with its modification time, into `out`. */
function listSources(root, rel, out) {
  let entries;
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const d of entries) {
    const path = `${rel}/${d.name}`;
    if (d.isDirectory()) {
      if (d.name !== 'node_modules' && d.name !== 'template') listSources(root, path, out);
    } else if (d.isFile() && isSource(d.name)) out.set(path, statSync(join(root, path)).mtimeMs);
  }
}

/**
 * Why dist/ under `root` cannot be trusted to be the sources' build, or undefined when it can: a
 * source saved after the build (an edit, a checkout, a rebase), a source of the build gone, or no
 * readable stamp (a build older than the stamp). A package without its sources (none to compare),
 * or installed under node_modules/, trusts its build.
 * @param {string} root the package root
 * @returns {string | undefined}
 */
export function staleBuild(root) {
  // An installed package (a student's, from its tarball) is nobody's working copy, and npm gives
  // its extracted files the time of the install, after its build: its build is trusted.
  if (root.split(sep).includes('node_modules')) return undefined;
  const sources = new Map();
  for (const folder of FOLDERS) listSources(root, folder, sources);
  if (sources.size === 0) return undefined;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, 'dist', 'build-stamp.json'), 'utf8'));
  } catch {
    stamp = undefined;
  }
  if (typeof stamp?.builtAt !== 'number' || !Array.isArray(stamp.files)) return 'dist/ has no build stamp';
  for (const [path, mtime] of sources) if (mtime > stamp.builtAt) return `${path} changed after dist/ was built`;
  const gone = stamp.files.find((f) => !sources.has(f));
  return gone ? `${gone} was built into dist/ but is gone` : undefined;
}
