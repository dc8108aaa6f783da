import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, schemaText } from './registry.js';
import { validator } from './validate.js';
import { ManifestSchema } from '../model/manifest.js';
import { listExerciseIds } from '../load/exercises.js';
import { PACKAGE_ROOT } from '../io/package.js';

describe('schemas/ stays generated from the TypeBox definitions', () => {
  it.each(Object.keys(SCHEMA_FILES))('%s matches its definition (run `npm run schemas` after a change)', (name) => {
    expect(readFileSync(join(PACKAGE_ROOT, 'schemas', name), 'utf8')).toBe(schemaText(name));
  });
});

describe('manifest validation', () => {
  const validate = validator(ManifestSchema);
  const roots = { exercisesDir: join(PACKAGE_ROOT, 'exercises'), referenceDir: join(PACKAGE_ROOT, 'reference') };

  it.each(listExerciseIds(roots))('exercises/%s/exercise.json is valid', (id) => {
    const manifest = JSON.parse(readFileSync(join(roots.exercisesDir, id, 'exercise.json'), 'utf8'));
    expect(validate(manifest)).toEqual({ ok: true, value: manifest });
  });

  it('collects every error of a bad manifest at once, each with its path', () => {
    const result = validate({ id: 'Bad Id', title: { fr: 'x' }, file: 'x.py', exports: [], tolerance: { atol: -1, rtol: 0 }, checks: {}, extra: 1 });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/id: must match pattern/),
        expect.stringMatching(/^\/title: missing property "en"/),
        expect.stringMatching(/^\(root\): missing property "summary"/),
        expect.stringMatching(/^\/file: must match pattern/),
        expect.stringMatching(/^\/exports: must NOT have fewer than 1 items/),
        expect.stringMatching(/^\/tolerance\/atol: must be >= 0/),
        expect.stringMatching(/^\(root\): unknown property "extra"/),
      ]),
    );
  });
});
