import { readFileSync } from 'node:fs';
import type { Validation } from '../schema/validate.js';

/** A JSON file read and checked against its schema: its value, or why there is none. */
export type ReadValidated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'missing' }
  | { readonly ok: false; readonly reason: 'unreadable' | 'invalid'; readonly errors: readonly string[] };

/**
 * Reads `path` as JSON and checks it with `validate`. A file that is absent, torn (not JSON) or
 * does not match the schema is an outcome, never an exception: the batch's cache and regrade
 * treat each as "not there", merge names the reason.
 */
export function readValidated<T>(path: string, validate: (value: unknown) => Validation<T>): ReadValidated<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' };
    return { ok: false, reason: 'unreadable', errors: [(e as Error).message] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'unreadable', errors: [(e as Error).message] };
  }
  const v = validate(value);
  return v.ok ? { ok: true, value: v.value } : { ok: false, reason: 'invalid', errors: v.errors };
}

/** The value of a valid file, undefined for a missing, torn or invalid one. */
export function readIfValid<T>(path: string, validate: (value: unknown) => Validation<T>): T | undefined {
  const r = readValidated(path, validate);
  return r.ok ? r.value : undefined;
}
