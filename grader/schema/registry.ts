import type { TSchema } from '@sinclair/typebox';
import { ClassResultSchema } from '../model/class-results.js';
import { ManifestSchema } from '../model/manifest.js';
import { SubmissionResultSchema } from '../model/results.js';
import { SimilarityReportSchema } from '../model/similarity.js';
import { OverridesFileSchema } from '../model/adjustments.js';

/**
 * The JSON Schema files in schemas/, each generated from the TypeBox definition that also gives
 * the TypeScript type. `npm run schemas` writes them; a test fails when they drift.
 */
export const SCHEMA_FILES: Readonly<Record<string, { readonly title: string; readonly schema: TSchema }>> = {
  'exercise.schema.json': { title: 'neurograde exercise manifest (exercises/<id>/exercise.json)', schema: ManifestSchema },
  'results.schema.json': { title: 'neurograde results.json of one submission', schema: SubmissionResultSchema },
  'class-results.schema.json': { title: 'neurograde results.json of a class (neurograde batch)', schema: ClassResultSchema },
  'overrides.schema.json': { title: 'neurograde overrides file (batch --overrides): points a teacher gives by hand, with a comment', schema: OverridesFileSchema },
  'similarity.schema.json': { title: 'neurograde similarity.json of a class (neurograde similarity, batch --similarity)', schema: SimilarityReportSchema },
};

/** The text of a schema file: draft-07 with its $id, stable key order, trailing newline. */
export function schemaText(name: string): string {
  const entry = SCHEMA_FILES[name];
  if (!entry) throw new Error(`unknown schema file ${name}`);
  const json = JSON.parse(JSON.stringify(entry.schema)) as Record<string, unknown>;
  // A URN names the schema without claiming a web address the project does not own.
  return JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', $id: `urn:neurograde:schemas:${name}`, title: entry.title, ...json }, null, 2) + '\n';
}
