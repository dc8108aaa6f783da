import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema, Static } from '@sinclair/typebox';

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

/**
 * A validator for a TypeBox schema: the TypeScript type and the JSON Schema are the same
 * definition. Every error is collected (`allErrors`) and phrased with its JSON path.
 */
export function validator<S extends TSchema>(schema: S): (value: unknown) => Validation<Static<S>> {
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  // Formats are checked (a gradedAt of "yesterday" is refused), as any client of the published schemas would.
  addFormats.default(ajv);
  const check: ValidateFunction = ajv.compile(schema);
  return (value) => (check(value) ? { ok: true, value: value as Static<S> } : { ok: false, errors: (check.errors ?? []).map(phrase) });
}

function phrase(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(root)' : e.instancePath;
  if (e.keyword === 'additionalProperties') return `${where}: unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'required') return `${where}: missing property "${(e.params as { missingProperty: string }).missingProperty}"`;
  return `${where}: ${e.message ?? e.keyword}`;
}
