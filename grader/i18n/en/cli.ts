/** Terminal output of the command-line interface, in English. */
export const cli = {
  header: ['exercise', 'score', 'checks', 'notes'] as const,
  total: 'total',
  /** The notes column for a failing check with no named mistake. */
  checkNote: (title: string, status: string) => `${title}: ${status}`,
  passedOf: (passed: number, total: number) => `${passed}/${total} passed`,
  wrote: (path: string) => `Wrote ${path}`,
  sandbox: (name: string) => `Sandbox: ${name}`,
  tfBackend: (name: string) => `TensorFlow.js backend: ${name}`,
  warning: (text: string) => `Warning: ${text}`,
} as const;
