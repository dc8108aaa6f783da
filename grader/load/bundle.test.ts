import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { bundleSubmissionFile, bundleSubmissionFiles } from './bundle.js';

/**
 * The loader is the first wall: nothing outside the submission folder may be read into a bundle,
 * whether the student links to it, imports through a link, or names a package.
 */
describe('bundleSubmissionFile', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ng-bundle-'));
    outside = join(root, 'outside');
    const sub = join(root, 'submission');
    mkdirSync(join(sub, 'lib'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.ts'), 'export const secret = "the reference";\n');
    writeFileSync(join(sub, 'lib', 'helper.ts'), 'export const two = 2;\n');
    writeFileSync(join(sub, 'ok.ts'), 'import { two } from "./lib/helper.js";\nimport { readFileSync } from "node:fs";\nexport const f = () => two + typeof readFileSync;\n');
    writeFileSync(join(sub, 'tf.ts'), 'import * as tf from "@tensorflow/tfjs";\nexport const f = () => tf.version;\n');
    writeFileSync(join(sub, 'syntax.ts'), 'export const f = (: number => 1;\n');
    writeFileSync(join(sub, 'package.ts'), 'import _ from "lodash";\nexport const f = () => _;\n');
    writeFileSync(join(sub, 'relative-escape.ts'), 'export * from "../outside/secret.js";\n');
    writeFileSync(join(sub, 'via-link.ts'), 'export * from "./linked/secret.js";\n');
    writeFileSync(join(sub, 'via-file-link.ts'), 'export * from "./secret-link.js";\n');
    symlinkSync(outside, join(sub, 'linked'));
    symlinkSync(join(outside, 'secret.ts'), join(sub, 'secret-link.ts'));
    symlinkSync(join(outside, 'secret.ts'), join(sub, 'entry-out.ts'));
    symlinkSync('/etc/passwd', join(sub, 'passwd.ts'));
    symlinkSync(join(sub, 'nowhere.ts'), join(sub, 'broken.ts'));
    symlinkSync(join(sub, 'lib', 'helper.ts'), join(sub, 'inside-link.ts'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const bundle = (file: string) => bundleSubmissionFile(join(root, 'submission'), file);

  it.each([
    ['a link to a file outside', 'entry-out.ts', { ok: false, kind: 'outside' }],
    ['a link to /etc/passwd', 'passwd.ts', { ok: false, kind: 'outside', target: '/etc/passwd' }],
    ['a broken link', 'broken.ts', { ok: false, kind: 'outside', target: '(a broken link)' }],
    ['a file that does not exist', 'absent.ts', { ok: false, kind: 'missing' }],
  ])('refuses as the entry %s', async (_name, file, want) => {
    expect(await bundle(file)).toMatchObject(want);
  });

  it.each([
    ['a relative import that climbs out', 'relative-escape.ts', /leads outside the submission folder/],
    ['an import through a linked folder', 'via-link.ts', /leads outside the submission folder/],
    ['an import of a linked file', 'via-file-link.ts', /leads outside the submission folder/],
    ['a package that is not provided', 'package.ts', /may import only its own files and @tensorflow\/tfjs/],
    ['a syntax error, with file:line:col', 'syntax.ts', /./],
  ])('refuses %s as a compile error', async (_name, file, text) => {
    const out = await bundle(file);
    expect(out.ok).toBe(false);
    if (out.ok || out.kind !== 'compile-error') throw new Error(`expected a compile error, got ${JSON.stringify(out)}`);
    expect(out.errors[0]!.text).toMatch(text);
    expect(out.errors[0]!.location).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+$`));
  });

  it('bundles the folder\'s own files and node builtins, and a link that stays inside', async () => {
    const out = await bundle('ok.ts');
    expect(out.ok && out.files).toEqual(['lib/helper.ts', 'ok.ts']);
    expect(out.ok && out.code).toContain('from "node:fs"');
    expect((await bundle('inside-link.ts')).ok).toBe(true);
  });

  it('resolves @tensorflow/tfjs to the grader\'s own copy, outside the bundle', async () => {
    const out = await bundle('tf.ts');
    expect(out.ok && out.code).toMatch(/from "file:\/\/\/.*\/node_modules\/@tensorflow\/tfjs\/dist\/tf\.node\.js"/);
  });

  it('bundles several files in one build exactly as it bundles each alone', async () => {
    const files = ['ok.ts', 'tf.ts', 'inside-link.ts', 'absent.ts', 'passwd.ts'];
    const together = await bundleSubmissionFiles(join(root, 'submission'), files);
    for (const file of files) {
      const alone = await bundle(file);
      const one = together.get(file)!;
      expect(one.ok).toBe(alone.ok);
      if (one.ok && alone.ok) {
        expect(one.code).toBe(alone.code);
        expect(JSON.parse(one.map).sources).toEqual(JSON.parse(alone.map).sources);
        expect([...one.files].sort()).toEqual([...alone.files].sort());
        expect(one.externals).toEqual(alone.externals);
      } else expect(one).toEqual(alone);
    }
  });

  it('gives each file its own compile error when one of them does not compile', async () => {
    const together = await bundleSubmissionFiles(join(root, 'submission'), ['ok.ts', 'syntax.ts', 'package.ts']);
    expect(together.get('ok.ts')).toMatchObject({ ok: true });
    expect(together.get('syntax.ts')).toMatchObject({ ok: false, kind: 'compile-error', errors: [{ location: expect.stringMatching(/^syntax\.ts:1:/) }] });
    expect(together.get('package.ts')).toMatchObject({ ok: false, kind: 'compile-error' });
  });
});
