import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE, bundleGrader } from './bundle-grader.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-bundle-grader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A built grader in miniature: modules at several depths that find their files from import.meta. */
function miniDist(name: string): string {
  const dist = join(work, name);
  mkdirSync(join(dist, 'grader', 'cli'), { recursive: true });
  mkdirSync(join(dist, 'grader', 'schema'), { recursive: true });
  writeFileSync(
    join(dist, 'grader', 'schema', 'where.js'),
    [
      'export const url = import.meta.url;',
      'export const dir = import.meta.dirname;',
      'export const file = import.meta.filename;',
      // Code that writes code (the tfjs shim does): the text stays as it is.
      "export const text = 'createRequire(import.meta.url)';",
      'export const bundled = typeof NEUROGRADE_BUNDLE_URL === "string" ? NEUROGRADE_BUNDLE_URL : undefined;',
    ].join('\n'),
  );
  writeFileSync(join(dist, 'grader', 'cli', 'main.js'), "export * from '../schema/where.js';\nexport const mainUrl = import.meta.url;\nexport const lazy = () => import('../schema/where.js');\n");
  writeFileSync(join(dist, 'grader', 'kit.js'), "export { url } from './schema/where.js';\n");
  return dist;
}

describe('bundleGrader', () => {
  it("gives every bundled module its own import.meta (url, dirname, filename) as under dist/, leaves strings alone, and tells the bundle's own URL", async () => {
    const dist = miniDist('meta');
    await bundleGrader(dist, { main: 'grader/cli/main.js', kit: 'grader/kit.js' });
    const main = (await import(pathToFileURL(join(dist, BUNDLE, 'main.js')).href)) as Record<string, unknown> & { lazy: () => Promise<Record<string, unknown>> };
    expect(main.url).toBe(pathToFileURL(join(dist, 'grader', 'schema', 'where.js')).href);
    expect(main.dir).toBe(join(dist, 'grader', 'schema'));
    expect(main.file).toBe(join(dist, 'grader', 'schema', 'where.js'));
    expect(main.mainUrl).toBe(pathToFileURL(join(dist, 'grader', 'cli', 'main.js')).href);
    expect(main.text).toBe('createRequire(import.meta.url)');
    expect(typeof main.bundled).toBe('string');
    expect(new URL('.', main.bundled as string).href).toBe(pathToFileURL(join(dist, BUNDLE)).href + '/');
    // Two entries and a dynamic import share one copy of the module: the same values, from one chunk.
    const kit = (await import(pathToFileURL(join(dist, BUNDLE, 'kit.js')).href)) as Record<string, unknown>;
    expect(kit.url).toBe(main.url);
    expect((await main.lazy()).url).toBe(main.url);
    expect(readdirSync(join(dist, BUNDLE)).filter((f) => f.startsWith('chunk-')).length).toBeGreaterThan(0);
  });

  it('still gives the original places when the whole package moved after its build (a student package unpacked elsewhere)', async () => {
    const dist = miniDist('moved-from');
    await bundleGrader(dist, { main: 'grader/cli/main.js' });
    const moved = join(work, 'elsewhere', 'dist');
    mkdirSync(join(work, 'elsewhere'), { recursive: true });
    cpSync(dist, moved, { recursive: true });
    const main = (await import(pathToFileURL(join(moved, BUNDLE, 'main.js')).href)) as Record<string, unknown>;
    expect(main.dir).toBe(join(moved, 'grader', 'schema'));
  });
});
