import type { Messages } from '../i18n/types.js';
import type { CaseOutcome } from './check.js';
import type { SandboxFailure } from '../sandbox/session.js';

type Fault = Extract<CaseOutcome, { ok: false }>['fault'];

/** The student-facing sentence for a fault of the student's code in one case. */
export function faultMessage(t: Messages, file: string, fault: Fault): string {
  switch (fault.kind) {
    case 'missing-export':
      return t.grading.missingExport(file, fault.name);
    case 'not-callable':
      return t.grading.notCallable(fault.name, fault.expected);
    case 'threw':
      return t.grading.threw(fault.where, fault.error.name, fault.error.message);
    case 'unencodable':
      return t.grading.unencodable(fault.message);
    case 'too-large':
      return t.grading.answerTooLarge(fault.limitBytes);
  }
}

/** The student-facing sentence for a limit hit or a crash of the child. */
export function failureMessage(t: Messages, failure: SandboxFailure, file: string): string {
  switch (failure.kind) {
    case 'timeout':
      return t.grading.timeout(failure.limitMs);
    case 'grader-time':
      return t.grading.graderTime(failure.limitMs);
    case 'memory':
      return t.grading.memory(failure.limitMb);
    case 'output-limit':
      return t.grading.outputLimit(failure.limitBytes);
    case 'print-limit':
      return t.grading.printLimit(failure.limitBytes);
    case 'processes':
      return t.grading.processLimit(failure.limit);
    case 'crash':
      return failure.signal ? t.grading.crashSignal(failure.signal) : t.grading.crashExit(failure.code);
    case 'protocol':
      return t.grading.protocol(t.grading.protocolProblem[failure.problem]);
    case 'load-error':
      return t.grading.loadError(file, failure.name, failure.message);
    case 'patched':
      return t.grading.patched(file, failure.changes.join(', '));
  }
}

/**
 * The sentence for a hidden check's limit hit or crash: built from the failure's kind and the
 * grader's own limits only. A crash's exit code, a load error's message, a protocol detail or
 * a list of patched built-ins all come from the child, and the code could put a hidden input
 * in any of them (an exit code carries 7 bits of it).
 */
export function hiddenFailureMessage(t: Messages, failure: SandboxFailure, file: string): string {
  switch (failure.kind) {
    case 'timeout':
    case 'memory':
    case 'output-limit':
    case 'print-limit':
    case 'processes':
    case 'grader-time':
      return failureMessage(t, failure, file);
    default:
      return t.grading.hiddenError(file, t.grading.hiddenFault[failure.kind]);
  }
}
