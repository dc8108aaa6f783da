import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import { bundleSubmissionFile } from '../load/bundle.js';
import { dependencyPaths } from '../execute/environment.js';
import { childScript } from './child-bundle.js';
import { detectLauncher } from './launchers/index.js';
import { Session } from './session.js';
import { decodeValue } from './wire.js';

describe('the child runner', () => {
  it('imports nothing but node builtins: no grader module, no tfjs inlined', async () => {
    const code = readFileSync(await childScript(), 'utf8');
    const specifiers = [...code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith('node:') && s !== 'data:text/javascript;base64,')).toEqual([]);
    expect(code).not.toMatch(/tensorflow/i);
    expect(code.length).toBeLessThan(100_000);
  });

  it('runs a submission that imports @tensorflow/tfjs under the strongest launcher here (permissions included)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-tf-child-'));
    try {
      writeFileSync(
        join(dir, 'conv.ts'),
        'import * as tf from "@tensorflow/tfjs";\nexport const conv = () => tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 1, "valid");\n',
      );
      const bundle = await bundleSubmissionFile(dir, 'conv.ts');
      if (!bundle.ok) throw new Error(JSON.stringify(bundle));
      const script = await childScript();
      const readPaths = [dirname(script), ...dependencyPaths()];
      const launcher = await detectLauncher({ childScript: script, readPaths, t: messages('en') });
      const started = await Session.start({
        launcher,
        launch: { childScript: script, readPaths },
        limits: { timeMs: 30_000, graderMs: 30_000, memoryMb: 1024, outputBytes: 1 << 20, processes: 64, maxItems: 1000 },
        code: bundle.code,
        exports: ['conv'],
      });
      if (!started.ok) throw new Error(`${launcher.name}: ${JSON.stringify(started.failure)} ${started.logs}`);
      const run = await started.session.run([[{ op: 'call', fn: 'conv', args: [] }]]);
      started.session.close();
      if (!run.ok || !run.cases[0]!.ok) throw new Error(JSON.stringify(run));
      expect(decodeValue(run.cases[0]!.outputs[0])).toEqual({ kind: 'tensor', dtype: 'float32', shape: [1, 2, 2, 1], data: [9, 9, 9, 9] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
