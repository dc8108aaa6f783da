/** How a submission was handed in: why it cannot be graded as it is, and what was not graded. In English. */
export const layout = {
  problem: {
    empty: () => 'Expected the exercise files in the submission, but got an empty folder. Not graded.',
    unreadable: (detail: string) => `Expected a submission the grader can read, but got an error while reading it (${detail}). Not graded.`,
    'no-expected-file': (expected: string, found: string) =>
      `Expected at least one of ${expected} at the top level of the submission, but got none${found ? ` (found: ${found})` : ''}. Not graded.`,
    nested: (found: string) => `Expected the exercise files at the top level of the submission, but got them in several sub-folders: found ${found}: files must be at the top level. Not graded.`,
  },
  gradedFrom: (folder: string) => `The exercise files were in ${folder}/, not at the top level of the submission: graded from there.`,
  skipped: (files: string, more: number) => `Not graded (no exercise uses them): ${files}${more > 0 ? ` and ${more} more` : ''}.`,
  status: 'not gradable as handed in',
} as const;
