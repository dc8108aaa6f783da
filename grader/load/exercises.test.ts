import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraderError } from '../model/errors.js';
import { loadExercise, loadExercises } from './exercises.js';
import { PACKAGE_ROOT } from '../io/package.js';

const roots = { exercisesDir: join(PACKAGE_ROOT, 'exercises'), referenceDir: join(PACKAGE_ROOT, 'reference') };

function brokenCopy(edit: (dir: string) => void): { exercisesDir: string; referenceDir: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'neurograde-exercise-'));
  cpSync(join(roots.exercisesDir, 'shapes'), join(tmp, 'exercises', 'shapes'), { recursive: true });
  cpSync(join(roots.referenceDir, 'shapes.ts'), join(tmp, 'reference', 'shapes.ts'));
  // The exercise imports the public kit by name, as a course's would: `npm install neurograde`.
  mkdirSync(join(tmp, 'node_modules'));
  symlinkSync(PACKAGE_ROOT, join(tmp, 'node_modules', 'neurograde'));
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }');
  edit(join(tmp, 'exercises', 'shapes'));
  return { exercisesDir: join(tmp, 'exercises'), referenceDir: join(tmp, 'reference') };
}

async function problemOf(r: { exercisesDir: string }): Promise<GraderError> {
  try {
    await loadExercise(r as typeof roots, 'shapes');
  } catch (e) {
    return e as GraderError;
  } finally {
    rmSync(join(r.exercisesDir, '..'), { recursive: true, force: true });
  }
  throw new Error('expected loadExercise to fail');
}

describe('loading exercises', () => {
  it('loads the bundled exercises with their checks, mistakes and reference', async () => {
    const [shapes] = await loadExercises(roots, ['shapes']);
    expect(shapes!.manifest.id).toBe('shapes');
    expect(shapes!.checks.map((c) => c.id)).toEqual(Object.keys(shapes!.manifest.checks));
    expect(typeof shapes!.reference.convOutputShape).toBe('function');
    expect(shapes!.statement.fr).toMatch(/^# /);
  });

  it('names the known exercises when asked for an unknown one', async () => {
    await expect(loadExercises(roots, ['convolutoin'])).rejects.toMatchObject({ code: 'UNKNOWN_EXERCISE', message: expect.stringMatching(/"convolutoin".*known: .*shapes/) });
  });

  it('loads an untouched copy (the control for the broken ones below)', async () => {
    const copy = brokenCopy(() => undefined);
    try {
      const ex = await loadExercise(copy, 'shapes');
      expect(ex.checks.length).toBeGreaterThan(0);
    } finally {
      rmSync(join(copy.exercisesDir, '..'), { recursive: true, force: true });
    }
  });

  it.each([
    ['a check declared but not defined', (d: string) => {
      const m = JSON.parse(readFileSync(join(d, 'exercise.json'), 'utf8'));
      m.checks['ghost'] = { points: 1, public: true };
      writeFileSync(join(d, 'exercise.json'), JSON.stringify(m));
    }, /check "ghost" is in exercise.json but not in checks\/index.ts/],
    ['an invalid manifest', (d: string) => writeFileSync(join(d, 'exercise.json'), '{"id": "shapes"}'), /exercise.json \(root\): missing property "title"/],
    ['a missing English statement', (d: string) => rmSync(join(d, 'README.en.md')), /README.en.md: missing statement/],
  ])('reports %s as a BAD_EXERCISE with every problem', async (_, edit, pattern) => {
    const e = await problemOf(brokenCopy(edit));
    expect(e).toBeInstanceOf(GraderError);
    expect(e.code).toBe('BAD_EXERCISE');
    expect(e.message).toMatch(pattern);
    expect(e.message).not.toMatch(/cannot be imported/);
  });

  it('reports a TypeScript syntax error of a check with its file and line, and the exercise\'s other problems with it', async () => {
    const e = await problemOf(
      brokenCopy((d) => {
        writeFileSync(join(d, 'checks', 'index.ts'), "import type { CheckDefinition } from 'neurograde/kit';\n\nexport const checks: CheckDefinition[] = [;\n");
        rmSync(join(d, 'README.en.md'));
      }),
    );
    expect(e.code).toBe('BAD_EXERCISE');
    expect(e.message).toMatch(/checks\/index.ts: cannot be imported: .*checks\/index\.ts:3:\d+: Unexpected/);
    expect(e.message).toMatch(/README.en.md: missing statement/);
  });

  it('names the build of an exercise\'s code: the same for the same files, another once the reference changes (so cases kept for the old one are not read)', async () => {
    const copy = brokenCopy(() => undefined);
    try {
      const first = await loadExercise(copy, 'shapes');
      expect(first.build).toMatch(/^[0-9a-f]{64}$/);
      expect((await loadExercise(copy, 'shapes')).build).toBe(first.build);
      const reference = join(copy.referenceDir, 'shapes.ts');
      writeFileSync(reference, `${readFileSync(reference, 'utf8')}\nexport const answer = 42;\n`);
      expect((await loadExercise(copy, 'shapes')).build).not.toBe(first.build);
    } finally {
      rmSync(join(copy.exercisesDir, '..'), { recursive: true, force: true });
    }
  });

  it('a saved change to a check is graded at the next load, with no build step', async () => {
    const copy = brokenCopy(() => undefined);
    try {
      const before = await loadExercise(copy, 'shapes');
      const dir = join(copy.exercisesDir, 'shapes');
      const index = join(dir, 'checks', 'index.ts');
      writeFileSync(index, readFileSync(index, 'utf8').replace(', paramCountProperty]', ']'));
      const manifest = JSON.parse(readFileSync(join(dir, 'exercise.json'), 'utf8')) as { checks: Record<string, unknown> };
      delete manifest.checks['param-count-property'];
      writeFileSync(join(dir, 'exercise.json'), JSON.stringify(manifest));
      const after = await loadExercise(copy, 'shapes');
      expect(after.checks.map((c) => c.id)).toEqual(before.checks.map((c) => c.id).filter((id) => id !== 'param-count-property'));
    } finally {
      rmSync(join(copy.exercisesDir, '..'), { recursive: true, force: true });
    }
  });
});
