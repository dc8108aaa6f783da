import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../score/environment.js';
import { SCHEMA_FILES, schemaText } from './registry.js';

// `npm run schemas`: regenerates schemas/*.json from their TypeBox definitions.
const dir = join(PACKAGE_ROOT, 'schemas');
mkdirSync(dir, { recursive: true });
for (const name of Object.keys(SCHEMA_FILES)) {
  writeFileSync(join(dir, name), schemaText(name));
  console.log(`wrote schemas/${name}`);
}
