import { messages } from '../i18n/index.js';
import { createMemo } from './memo.js';
import type { CheckContext, StudentRun } from './check.js';
import type { Manifest } from '../model/manifest.js';
import { runStepsWatched, StepFaultError, type Step } from '../sandbox/steps.js';

/**
 * A CheckContext that runs the "student" module in-process: for unit tests of checks and of the
 * kit, where the sandbox is not what is under test.
 */
export function fakeContext(options: {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly student: Readonly<Record<string, unknown>>;
  readonly visibility?: 'public' | 'hidden';
  readonly seed?: number;
}): CheckContext {
  const manifest: Manifest = {
    id: 'fake',
    title: { en: 'Fake', fr: 'Factice' },
    summary: { en: 'Fake', fr: 'Factice' },
    file: 'fake.ts',
    exports: Object.keys(options.reference),
    tolerance: { atol: 1e-9, rtol: 1e-9 },
    checks: { fake: { points: 1, public: true } },
  };
  return {
    exercise: manifest,
    reference: options.reference,
    tolerance: manifest.tolerance,
    seed: options.seed ?? 42,
    visibility: options.visibility ?? 'public',
    lang: 'en',
    t: messages('en'),
    memo: createMemo(),
    run: async (cases: readonly (readonly Step[])[]): Promise<StudentRun> => ({
      ok: true,
      cases: cases.map((steps) => {
        try {
          return { ok: true, ...runStepsWatched(options.student, steps, (d) => structuredClone(d)) };
        } catch (e) {
          if (e instanceof StepFaultError) return { ok: false, fault: e.fault };
          throw e;
        }
      }),
    }),
  };
}
