import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../model/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options the grading commands share, spelled the same everywhere. */
export const SHARED_OPTIONS = {
  out: { type: 'string', short: 'o' },
  exercises: { type: 'string', short: 'e' },
  lang: { type: 'string' },
  seed: { type: 'string' },
  course: { type: 'string' },
  'course-only': { type: 'boolean' },
} as const satisfies Options;

export interface CommandLine<T extends Options> {
  readonly options: T;
  /** Whether the command takes folders as positionals. @default true */
  readonly positionals?: boolean;
}

/** Node's parseArgs, strict, with every parse error turned into a one-line UsageError (exit 2). */
export function parseCommandLine<T extends Options>(argv: readonly string[], line: CommandLine<T>) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: line.positionals ?? true, strict: true, options: line.options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
