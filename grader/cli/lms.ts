import { findStudent, readRoster, type Roster } from '../io/roster.js';
import type { Messages } from '../i18n/index.js';
import { UsageError } from '../model/errors.js';

/** `--roster` and `--canvas-ids`, shared by batch and merge. */
export const LMS_OPTIONS = { roster: { type: 'string' }, 'canvas-ids': { type: 'string' } } as const;

/** `--canvas-ids convolution=1201,image=1202`: Canvas assignment ids by exercise id. */
export function parseCanvasIds(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z][a-z0-9-]*)=(\d+)$/.exec(part);
    if (!m) throw new UsageError(`--canvas-ids takes exercise=number pairs separated by commas (convolution=1201), not "${part}"`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

/** The LMS options of a command line, ready for BatchOptions or MergeOptions. */
export function lmsOptions(values: { readonly roster?: string; readonly 'canvas-ids'?: string }): { roster?: Roster; canvasAssignments?: Record<string, string> } {
  const canvas = parseCanvasIds(values['canvas-ids']);
  return { ...(values.roster ? { roster: readRoster(values.roster) } : {}), ...(canvas ? { canvasAssignments: canvas } : {}) };
}

/** The line that names submissions the roster does not know (left out of the LMS files), if any. */
export function unmatchedLine(roster: Roster | undefined, names: readonly string[], t: Messages): string | undefined {
  if (!roster) return undefined;
  const missing = names.filter((n) => !findStudent(roster, n));
  return missing.length > 0 ? t.batch.roster.unmatched(missing.join(', ')) : undefined;
}
