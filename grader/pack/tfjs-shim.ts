/**
 * The ES module submissions and exercises import TensorFlow.js through once built
 * (`dist/vendor/tfjs.mjs`, see grader/load/bundle.ts): it `require`s tfjs and re-exports its
 * names, listed here at build time. Importing tfjs' CommonJS build directly makes Node lex
 * tfjs-core, tfjs-layers and the backends' sources for their export names (cjs-module-lexer),
 * about 0.2-0.3 s of CPU in every process that does: the sandbox child and the grader.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The shim's source: `from` is what it requires (the package name in dist/, resolved from
 * there), `root` where the export names are read from. Every name is exported by the same
 * object tfjs' `module.exports` holds, and the whole module as `default`, as Node's own
 * CommonJS interop gives it.
 */
export function tfjsShim(options: { readonly root: string; readonly from: string }): string {
  const tf = createRequire(join(options.root, 'package.json'))('@tensorflow/tfjs') as Record<string, unknown>;
  const names = Object.keys(tf).filter((n) => n !== 'default' && n !== '__esModule');
  const lines = names.map((n, i) => `const _${i} = tf[${JSON.stringify(n)}];`);
  const exported = names.map((n, i) => `_${i} as ${JSON.stringify(n)}`);
  return [
    '// Built by grader/pack/tfjs-shim.ts: tfjs through require (no CommonJS lexing at import).',
    "import { createRequire } from 'node:module';",
    `const tf = createRequire(import.meta.url)(${JSON.stringify(options.from)});`,
    'export default tf;',
    ...lines,
    `export { ${exported.join(', ')} };`,
    '',
  ].join('\n');
}
