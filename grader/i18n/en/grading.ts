/** Messages of the grading pipeline, in English. Every sentence follows "Expected X to be Y, but got Z." */
export const grading = {
  missingFile: (file: string) => `Expected a file ${file} in the submission, but got no such file.`,
  nestedFile: (file: string, found: string) =>
    `Expected ${file} at the top level of the submission, but got it in a sub-folder: found ${found}: files must be at the top level.`,
  outsideFile: (file: string, target: string) =>
    `Expected ${file} to be a file inside the submission, but got a link that leads outside it (${target}); it was not read.`,
  compileError: (location: string, text: string) => `Expected ${location} to compile, but got: ${text}`,
  sourceTooLarge: (file: string, bytes: number, limit: number) =>
    `Expected ${file} to be a source file of at most ${Math.round(limit / 1024)} KiB, but got ${Math.round(bytes / 1024)} KiB; it was not compiled.`,
  sourceTooDeep: (location: string, limit: number) =>
    `Expected ${location} to nest brackets at most ${limit} deep, but got deeper; the file was not compiled.`,
  sourceTooMuch: (file: string, limit: number) =>
    `Expected an exercise's file and everything it imports to total at most ${Math.round(limit / 1024)} KiB of source, but got more when reading ${file}; it was not compiled.`,
  sourceNotAFile: (file: string) => `Expected ${file} to be a regular file, but got a pipe, a device or a folder; it was not read.`,
  bundlerCrashed: (file: string) =>
    `Expected the bundler to compile ${file}, but got a bundler that crashed on it (a file or an import it could not parse, or that ran it out of memory); no other exercise was affected.`,
  bundlerTimeout: (file: string, limitMs: number) =>
    `Expected the bundler to compile ${file} within ${limitMs} ms (time limit), but got no result in time; it was stopped, and no other exercise was affected.`,
  loadError: (file: string, name: string, message: string) =>
    `Expected ${file} to load, but got ${name} while importing it: ${message}`,
  patched: (file: string, changes: string) =>
    `Expected ${file} to leave JavaScript's built-in objects as they are, but got changes at import: ${changes}. Graded code may not patch the language.`,
  missingExport: (file: string, name: string) => `Expected ${file} to export "${name}", but got no export by that name.`,
  notCallable: (name: string, expected: string) => `Expected "${name}" to be a ${expected}, but got something that cannot be called.`,
  threw: (name: string, errName: string, message: string) => `Expected ${name} to return, but got ${errName}: ${message}`,
  unencodable: (message: string) => `Expected an answer the grader can read, but got one it could not send: ${message}.`,
  timeout: (limitMs: number) => `Expected the check to finish within ${limitMs} ms (time limit), but got no answer in time; the process was stopped.`,
  graderTime: (limitMs: number) =>
    `Expected the grader to start the process and pass its answers within its own ${limitMs} ms (the grader's budget, apart from the time limit), but got no answer in time: the grading machine was too busy or broken, not the code; grading again should succeed.`,
  memory: (limitMb: number) => `Expected the code to stay within ${limitMb} MiB (memory limit), but got a process that ran out of memory.`,
  outputLimit: (limitBytes: number) => `Expected answers of at most ${Math.round(limitBytes / 1024)} KiB (output limit), but got more; the process was stopped.`,
  answerTooLarge: (limitBytes: number) =>
    `Expected answers of at most ${Math.round(limitBytes / 1024)} KiB (output limit), but got one that cannot fit; it was refused before it was sent.`,
  graderFault: (exercise: string, check: string, detail: string) =>
    `Expected the grader to check this answer (${exercise}/${check}), but got a fault of the grader on it (${detail}); only this check was affected.`,
  evidenceOmitted: (kib: number) => `(not kept: the values of this case take more than the ${kib} KiB of evidence a result may hold)`,
  printLimit: (limitBytes: number) =>
    `Expected the code to print at most ${Math.round(limitBytes / 1024)} KiB (output limit), but got more; the process was stopped.`,
  processLimit: (limit: number) => `Expected the code to run within ${limit} processes and threads (process limit), but got a process that could not start one more.`,
  crashSignal: (signal: string) => `Expected the process to keep running, but got a crash (signal ${signal}).`,
  crashExit: (code: number | null) => `Expected the process to keep running, but got a crash (exit code ${code ?? 'unknown'}).`,
  protocol: (problem: string) => `Expected the child process to answer the grader, but got an answer it could not accept (${problem}).`,
  protocolProblem: {
    'dirty-fresh-child': 'a fresh child reported changes',
    'not-ready': 'the module was not reported ready',
    'unknown-exports': 'the child listed exports nobody asked for',
    'answer-mismatch': 'the answer does not match the request',
    closed: 'the session is closed',
    'not-json': 'the child sent something that is not JSON',
    'unknown-form': 'the child sent a message of an unknown form',
    unasked: 'the child sent a message nobody asked for',
    'foreign-clock': "the child sent a clock message that is not its runner's",
    'dry-run': 'a dry run has no child',
  },
  skipped: (strikes: number, limit: string) =>
    `Expected this check to run, but got it skipped: ${strikes} earlier ${strikes === 1 ? 'check' : 'checks'} of this exercise hit the ${limit}, so the rest of the exercise was not run.`,
  limitNames: { timeout: 'time limit', memory: 'memory limit' },
  caseLabel: (caseId: string) => `case "${caseId}"`,
  /** The titles of a property check's cases. */
  propertyCases: { counterexample: 'counterexample', random: (n: number) => `random input ${n}` },
  hiddenFailed: (what: string) => `Expected the hidden check to match the reference, but got a different answer (${what}).`,
  hiddenError: (where: string, errName: string) => `Expected ${where} to return, but got ${errName} (details are not shown for a hidden check).`,
  hiddenFault: { threw: 'an error', crash: 'a crash', protocol: 'an answer the grader could not accept', 'load-error': 'an error while importing it', patched: 'changes to built-in objects' },
  hiddenWhat: { type: 'wrong kind of value', shape: 'wrong shape', values: 'wrong values', mutated: 'an argument changed in place' },
  sandboxMissing: (sandbox: string, programs: string) => `Expected ${programs} for the ${sandbox} sandbox, but got no such program on this machine.`,
  sandboxFailed: (sandbox: string, detail: string) => `Expected the ${sandbox} sandbox to start a child, but got: ${detail}.`,
  sandboxGap: {
    filesystem: 'Expected an OS layer to hide the files of this machine from graded code, but got only Node\'s permission model, which its own docs call a seat belt.',
    network: 'Expected graded code to be cut off from the network, but got no layer that blocks connections (not even to 127.0.0.1).',
    signals: 'Expected graded code to be unable to signal the grader, but got the same user and PID namespace; only the runner\'s removal of process.kill stands in the way.',
    processes: 'Expected a limit on the processes and threads of graded code, but got none that the kernel enforces here.',
    memory: 'Expected a cap on all the memory of graded code, but got only the JavaScript heap cap (typed arrays can grow past it).',
    cpu: 'Expected a CPU-time cap on graded code, but got only the wall-clock limit of each request.',
    'node-permissions': 'Expected Node\'s permission model around graded code, but got none: it can read and write files, spawn processes and read other processes\' environment.',
  },
  propertyFailed: (runs: number) => `found after ${runs} random inputs, shrunk to the smallest input that still fails`,
} as const;
