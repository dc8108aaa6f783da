import type { Step, StepFault } from './steps.js';

/** Grader to child, one JSON message per line on the child's stdin. */
export type ToChild =
  | { readonly type: 'init'; readonly code: string; readonly exports: readonly string[]; readonly maxItems: number }
  | { readonly type: 'run'; readonly id: number; readonly cases: readonly (readonly Step[])[] };

/** One case's outcome as the child reports it: wire-encoded outputs, or the student's fault. */
export type CaseReply =
  | { readonly ok: true; readonly outputs: readonly unknown[] }
  | { readonly ok: false; readonly fault: StepFault | { readonly kind: 'unencodable'; readonly message: string } };

/** Child to grader, one JSON message per line on fd 3 (stdout and stderr are the student's). */
export type FromChild =
  | { readonly type: 'ready'; readonly exports: Readonly<Record<string, string>> }
  | { readonly type: 'load-error'; readonly name: string; readonly message: string; readonly stack?: string }
  | { readonly type: 'result'; readonly id: number; readonly cases: readonly CaseReply[] };
