import type { Messages } from '../i18n/types.js';
import { isLang, type Lang } from '../model/localized.js';
import { SYNOPSIS } from './args.js';
import { packLang } from './pack-lang.js';

/** Whether a command's arguments ask for its help. */
export const wantsHelp = (argv: readonly string[]): boolean => argv.includes('--help') || argv.includes('-h');

/**
 * The language help is given in: `--lang` when given (and valid), else the pack's (the nearest
 * package.json's `neurograde.lang`), else English.
 */
export function helpLang(argv: readonly string[], cwd: string): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v !== undefined && isLang(v)) return v;
  }
  return packLang(cwd) ?? 'en';
}

const optionsOf = (lines: readonly string[]): string[] => [...new Set(lines.flatMap((l) => [...l.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!)))];

/** Every option a command's synopsis names, with its description (undefined when the catalogue has none). */
export function describedOptions(t: Messages, command: string): { readonly name: string; readonly text: string | undefined }[] {
  const option = t.help.option as Readonly<Record<string, string>>;
  return [...optionsOf(SYNOPSIS[command] ?? []), 'help'].map((name) => ({ name, text: option[name] }));
}

/** `neurograde --help`: every command's synopsis and what it does. */
export function mainHelp(t: Messages): string {
  const width = Math.max(...Object.keys(SYNOPSIS).map((c) => c.length));
  const summary = t.help.summary as Readonly<Record<string, string>>;
  return [
    t.help.usage,
    ...Object.values(SYNOPSIS).flat().map((l) => `  ${l}`),
    '',
    t.help.commands,
    ...Object.keys(SYNOPSIS).map((c) => `  ${c.padEnd(width)}  ${summary[c] ?? ''}`),
    '',
    t.help.more,
    t.help.langNote,
  ].join('\n');
}

/** `neurograde <command> --help`: its synopsis, what it does, and each of its options. */
export function commandHelp(t: Messages, command: string): string {
  const options = describedOptions(t, command);
  const width = Math.max(...options.map((o) => o.name.length)) + 2;
  return [
    t.help.usage,
    ...(SYNOPSIS[command] ?? []).map((l) => `  ${l}`),
    '',
    (t.help.summary as Readonly<Record<string, string>>)[command] ?? '',
    '',
    t.help.options,
    ...options.map((o) => `  ${`--${o.name}`.padEnd(width)}  ${o.text ?? ''}`),
  ].join('\n');
}
