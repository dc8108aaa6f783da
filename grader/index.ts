/** The programmatic API: grade submissions from code (the CLI is built on it). */
export { createEnvironment, type EnvironmentOptions } from './execute/environment.js';
export { gradeSubmission, type GradingEnvironment } from './execute/grade-submission.js';
export type { GradeOptions } from './execute/options.js';
export type { SubmissionResult, ExerciseResult, CheckResult, Mismatch, Diagnosis, Evidence } from './model/results.js';
export { GraderError, UsageError, type GraderErrorCode } from './model/errors.js';
