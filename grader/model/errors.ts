/**
 * Faults of the grader or of its configuration (never of a student: a student's fault is data in
 * a result). Each carries a stable `code` that tests and callers match on.
 */
export type GraderErrorCode =
  | 'BAD_USAGE'
  | 'BAD_MANIFEST'
  | 'BAD_EXERCISE'
  | 'UNKNOWN_EXERCISE'
  | 'DUPLICATE_EXERCISE'
  | 'BAD_RESULTS'
  | 'BAD_CONFIG'
  | 'SANDBOX_UNAVAILABLE'
  | 'PACK_FAILED'
  | 'INTERNAL';

export class GraderError extends Error {
  readonly code: GraderErrorCode;
  constructor(code: GraderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GraderError';
    this.code = code;
  }
}

/**
 * Bad command-line usage: the CLI prints the message on one line and exits 2. The code says
 * which (an exercise id that does not exist is UNKNOWN_EXERCISE). @default code 'BAD_USAGE'
 */
export class UsageError extends GraderError {
  constructor(message: string, code: GraderErrorCode = 'BAD_USAGE') {
    super(code, message);
    this.name = 'UsageError';
  }
}
