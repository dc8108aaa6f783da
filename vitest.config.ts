import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['grader/**/*.test.ts', 'reports/**/*.test.ts', 'reference/**/*.test.ts', 'exercises/**/*.test.ts', 'tests/**/*.test.ts'],
    // Sandboxed children and tfjs are CPU-heavy: two forks match the two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
