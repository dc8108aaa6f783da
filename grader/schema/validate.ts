import type { ErrorObject, ValidateFunction } from 'ajv';
import type { TSchema, Static } from '@sinclair/typebox';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

const require = createRequire(import.meta.url);

/** The precompiled validators' file beside this module once built (see `standaloneValidators`). */
export const PRECOMPILED = 'validators.cjs';

/** How ajv checks every schema: every error collected, formats checked (a gradedAt of "yesterday" is refused). */
const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/** A schema's name among the precompiled validators: a hash of its JSON, so a changed schema never meets an old validator. */
export const schemaKey = (schema: TSchema): string => `v${createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16)}`;

type AjvModule = typeof import('ajv');
type FormatsModule = typeof import('ajv-formats');

/** ajv with the formats, loaded only where no validator was precompiled (tests on the sources). */
function newAjv(extra: object = {}): InstanceType<AjvModule['default']> {
  const { default: Ajv } = require('ajv') as AjvModule;
  const { default: addFormats } = require('ajv-formats') as FormatsModule;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  return ajv;
}

/** The validator of `schema`: the precompiled one when the grader is built, else compiled now. */
function load(schema: TSchema): ValidateFunction {
  const file = join(import.meta.dirname, PRECOMPILED);
  const built = existsSync(file) ? (require(file) as Record<string, ValidateFunction | undefined>)[schemaKey(schema)] : undefined;
  return built ?? newAjv().compile(schema);
}

/**
 * A validator for a TypeBox schema: the TypeScript type and the JSON Schema are the same
 * definition. Every error is collected (`allErrors`) and phrased with its JSON path. Nothing is
 * compiled before the first value: the built grader loads ajv's standalone code generated from
 * the same definitions at build time, the sources compile it with ajv at first use.
 */
export function validator<S extends TSchema>(schema: S): (value: unknown) => Validation<Static<S>> {
  let check: ValidateFunction | undefined;
  return (value) => {
    check ??= load(schema);
    return check(value) ? { ok: true, value: value as Static<S> } : { ok: false, errors: (check.errors ?? []).map(phrase) };
  };
}

/**
 * ajv's standalone code (CommonJS) of every schema given, each exported under its `schemaKey`:
 * written beside this module at build time (see grader/pack/dist.ts), so that no command
 * compiles a schema when it starts.
 */
export function standaloneValidators(schemas: readonly TSchema[]): string {
  const { _ } = require('ajv') as AjvModule;
  const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: unknown, refs: Record<string, string>) => string }).default;
  const ajv = newAjv({ code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  const refs: Record<string, string> = {};
  for (const schema of schemas) {
    const key = schemaKey(schema);
    if (refs[key]) continue;
    ajv.addSchema(schema, key);
    refs[key] = key;
  }
  return standaloneCode(ajv, refs);
}

function phrase(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(root)' : e.instancePath;
  if (e.keyword === 'additionalProperties') return `${where}: unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'required') return `${where}: missing property "${(e.params as { missingProperty: string }).missingProperty}"`;
  return `${where}: ${e.message ?? e.keyword}`;
}
