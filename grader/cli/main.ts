import { GraderError, UsageError } from '../model/errors.js';
import { messages } from '../i18n/index.js';
import { commandHelp, helpLang, mainHelp, wantsHelp } from './help.js';
import { terminalLine } from '../io/unsafe-text.js';
import { AHEAD, type Ahead } from './ahead.js';

type Command = (argv: readonly string[], print: (line: string) => void, ahead: Ahead) => Promise<number>;

/**
 * The sub-commands, by name, each loaded on first use: `--help` or a typo should not pay for
 * loading esbuild, ajv and every exercise.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  grade: async () => (await import('./grade.js')).gradeCommand,
  batch: async () => (await import('./batch.js')).batchCommand,
  merge: async () => (await import('./merge.js')).mergeCommand,
  similarity: async () => (await import('./similarity.js')).similarityCommand,
  check: async () => (await import('./check.js')).checkCommand,
  ci: async () => (await import('./ci.js')).ciCommand,
  pack: async () => (await import('./pack.js')).packCommand,
  classroom: async () => (await import('./classroom.js')).classroomCommand,
  feedback: async () => (await import('./feedback.js')).feedbackCommand,
};

/**
 * Runs the CLI and returns the exit code: 0 when grading ran (whatever the score), 2 for bad
 * usage (one line on stderr), 1 for a fault of the grader itself.
 */
export async function main(argv: readonly string[], print: (line: string) => void = (l) => console.log(terminalLine(l))): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    print(mainHelp(messages(helpLang(rest, process.cwd()))));
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; known: ${Object.keys(COMMANDS).join(', ')}`);
    if (wantsHelp(rest)) {
      print(commandHelp(messages(helpLang(rest, process.cwd())), name));
      return 0;
    }
    // Started while the command's modules load (see AHEAD).
    const ahead = AHEAD[name]?.() ?? Promise.resolve({});
    return await (await command())(rest, print, await ahead);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`neurograde: ${terminalLine(e.message)}\n`);
      return 2;
    }
    if (e instanceof GraderError) {
      process.stderr.write(`neurograde: [${e.code}] ${terminalLine(e.message)}\n`);
      return 1;
    }
    process.stderr.write(`neurograde: internal error: ${terminalLine((e as Error).stack ?? String(e))}\n`);
    return 1;
  }
}
