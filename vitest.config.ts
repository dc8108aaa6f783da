import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run the grader from its sources: the package's own name resolves to them too, not
    // to the built dist/ that package.json exports to the outside.
    alias: [
      { find: /^neurograde\/kit\/models$/, replacement: source('./grader/kit/models.ts') },
      { find: /^neurograde\/kit$/, replacement: source('./grader/kit/index.ts') },
      { find: /^neurograde$/, replacement: source('./grader/index.ts') },
    ],
  },
  test: {
    // Not exercises/: an exercise folder is copied into a course as it is, and its tests live in
    // tests/exercises/<id>.test.ts (they use the test harness and grader internals).
    include: ['grader/**/*.test.ts', 'reports/**/*.test.ts', 'reference/**/*.test.ts', 'tests/**/*.test.ts'],
    // The tests that run `bin/neurograde.mjs` run the built grader: dist/ is built from the
    // sources under test first, so it is never older than them.
    globalSetup: ['./tests/support/build-dist.ts'],
    // Sandboxed children and tfjs are CPU-heavy: two forks match the two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
