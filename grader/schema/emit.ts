import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILES, schemaText } from './registry.js';

// `npm run schemas`: regenerates schemas/*.json from their TypeBox definitions.
// The package root is two folders up; this script sits below the io stage, so it does not import it.
const dir = join(import.meta.dirname, '..', '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const name of Object.keys(SCHEMA_FILES)) {
  writeFileSync(join(dir, name), schemaText(name));
  console.log(`wrote schemas/${name}`);
}
