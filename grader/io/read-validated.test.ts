import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { afterAll, describe, expect, it } from 'vitest';
import { validator } from '../schema/validate.js';
import { readIfValid, readValidated } from './read-validated.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-read-validated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const validate = validator(Type.Object({ score: Type.Number() }, { additionalProperties: false }));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('readValidated', () => {
  it('returns the value of a valid file', () => {
    expect(readValidated(file('ok.json', '{"score": 7.5}'), validate)).toEqual({ ok: true, value: { score: 7.5 } });
  });

  it.each<[string, () => string, string, RegExp]>([
    ['absent', () => join(dir, 'none.json'), 'missing', /^$/],
    ['torn', () => file('torn.json', '{"score": 7'), 'unreadable', /JSON/],
    ['of another shape', () => file('bad.json', '{"score": "7", "x": 1}'), 'invalid', /score|unknown property "x"/],
    ['a folder', () => dir, 'unreadable', /EISDIR|directory/],
  ])('says why there is no value for a file %s', (_what, path, reason, errors) => {
    const r = readValidated(path(), validate);
    expect(r).toMatchObject({ ok: false, reason });
    expect(r.ok ? '' : 'errors' in r ? r.errors.join(' ') : '').toMatch(errors);
    expect(readIfValid(path(), validate)).toBeUndefined();
  });

  it('collects every schema error, not only the first', () => {
    const r = readValidated(file('two.json', '{"score": "7", "x": 1}'), validate);
    expect(r.ok === false && r.reason === 'invalid' ? r.errors.length : 0).toBe(2);
  });
});
