import { GraderError, UsageError } from '../model/errors.js';
import { USAGE } from './args.js';
import { gradeCommand } from './grade.js';

type Command = (argv: readonly string[], print: (line: string) => void) => Promise<number>;

/** The sub-commands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  grade: gradeCommand,
};

/**
 * Runs the CLI and returns the exit code: 0 when grading ran (whatever the score), 2 for bad
 * usage (one line on stderr), 1 for a fault of the grader itself.
 */
export async function main(argv: readonly string[], print: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    print(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; known: ${Object.keys(COMMANDS).join(', ')}`);
    return await command(rest, print);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`neurograde: ${e.message}\n`);
      return 2;
    }
    if (e instanceof GraderError) {
      process.stderr.write(`neurograde: [${e.code}] ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`neurograde: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
