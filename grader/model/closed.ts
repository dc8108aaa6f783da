import type { TSchema } from '@sinclair/typebox';

/**
 * Closes every object of a TypeBox schema, in place: `additionalProperties: false` wherever an
 * object lists its properties and says nothing of others. Results are read by other programs
 * (LMS imports, dashboards): a misspelt or unknown field must fail validation, not pass silently.
 * Returns the schema, so a definition reads `closed(Type.Object({...}))`.
 */
export function closed<T extends TSchema>(schema: T): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const s = node as Record<string, unknown>;
    if (s.type === 'object' && typeof s.properties === 'object' && !('additionalProperties' in s)) s.additionalProperties = false;
    for (const value of Object.values(s)) visit(value);
  };
  visit(schema);
  return schema;
}
