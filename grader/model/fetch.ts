/** Why `classroom fetch` has no fresh copy of a student's repository, as a code (the words are in grader/i18n). */
export type FetchFailure = 'no-repository' | 'bad-repository' | 'bad-key' | 'clone-failed' | 'empty-repository';

/** One failed fetch as the terminal reports it. */
export interface FetchFailureView {
  readonly key: string;
  readonly reason: FetchFailure;
  /** `owner/name`, when the roster gave one that parses. */
  readonly repo?: string;
  readonly detail?: string;
  /** The commit of the earlier copy kept in the class folder. */
  readonly kept?: string;
}
