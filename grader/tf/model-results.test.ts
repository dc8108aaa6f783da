import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createModelResults, trainingKey, type TrainingKeyParts } from './model-results.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-model-results-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const layer = (name: string, units: number) => ({ class_name: 'Dense', config: { name, units, activation: 'relu', use_bias: true } });
const topology = (names: readonly string[], units = 10) => ({ class_name: 'Sequential', config: { name: names[0], layers: [layer(names[1]!, 64), layer(names[2]!, units)] } });
const parts: TrainingKeyParts = {
  topology: topology(['sequential_1', 'dense_Dense1', 'dense_Dense2']),
  training: { loss: 'categorical_crossentropy', optimizer_config: { class_name: 'Adam', config: { learning_rate: 0.001 } } },
  seed: 7,
  data: 'mnist-flat',
  budget: { epochs: 1, batchSize: 32, maxSamples: 2048 },
  backend: 'wasm',
};
const isNumber = (v: unknown): v is number => typeof v === 'number';

describe('training results keyed by what determines them', () => {
  it('one model gets one key whatever tfjs named its layers and however its keys are ordered', () => {
    const renamed = { ...parts, topology: topology(['sequential_9', 'dense_Dense17', 'dense_Dense18']) };
    const reordered = { backend: 'wasm', budget: { maxSamples: 2048, batchSize: 32, epochs: 1 }, data: 'mnist-flat', seed: 7, training: parts.training, topology: parts.topology };
    expect(trainingKey(renamed)).toBe(trainingKey(parts));
    expect(trainingKey(reordered)).toBe(trainingKey(parts));
  });

  it.each([
    ['another architecture', { topology: topology(['s', 'a', 'b'], 12) }],
    ['other compile settings', { training: { ...(parts.training as object), optimizer_config: { class_name: 'Adam', config: { learning_rate: 0.1 } } } }],
    ['another seed', { seed: 8 }],
    ['another data set', { data: 'fashion-mnist:/data/fashion' }],
    ['another budget', { budget: { epochs: 2, batchSize: 32, maxSamples: 2048 } }],
    ['another backend', { backend: 'cpu' }],
  ])('%s is another key', (_name, change) => {
    expect(trainingKey({ ...parts, ...change })).not.toBe(trainingKey(parts));
  });

  it('trains each key once in an environment, two askers at once sharing one training', async () => {
    const results = createModelResults({ version: '1' });
    let trainings = 0;
    const train = async (): Promise<number> => (trainings++, 0.91);
    const key = trainingKey(parts);
    const got = await Promise.all([results.trained(key, train, isNumber), results.trained(key, train, isNumber), results.trained(key, train, isNumber)]);
    expect(got).toEqual([0.91, 0.91, 0.91]);
    expect(trainings).toBe(1);
    expect(results.counts).toEqual({ trained: 1, reused: 2 });
    await results.trained(trainingKey({ ...parts, seed: 8 }), train, isNumber);
    expect(trainings).toBe(2);
  });

  it("a batch folder's results serve another process of the same grader, never one of another version", async () => {
    const dir = join(work, 'shared');
    let trainings = 0;
    const train = async (): Promise<number> => (trainings++, 0.5);
    const key = trainingKey(parts);
    await createModelResults({ version: 'fingerprint-a', dir }).trained(key, train, isNumber);
    const sameGrader = createModelResults({ version: 'fingerprint-a', dir });
    expect(await sameGrader.trained(key, train, isNumber)).toBe(0.5);
    expect(sameGrader.counts).toEqual({ trained: 0, reused: 1 });
    const otherGrader = createModelResults({ version: 'fingerprint-b', dir });
    await otherGrader.trained(key, train, isNumber);
    expect(otherGrader.counts).toEqual({ trained: 1, reused: 0 });
    expect(trainings).toBe(2);
  });

  it('a stored file that is torn or not a result is trained again, and a failed training is not kept', async () => {
    const dir = join(work, 'torn');
    const key = trainingKey(parts);
    await createModelResults({ version: 'v', dir }).trained(key, async () => 1, isNumber);
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), '{"value": "not a number"');
    const again = createModelResults({ version: 'v', dir });
    expect(await again.trained(key, async () => 2, isNumber)).toBe(2);
    expect(again.counts.trained).toBe(1);
    const failing = createModelResults({ version: 'v' });
    await expect(failing.trained(key, () => Promise.reject(new Error('backend lost')), isNumber)).rejects.toThrow('backend lost');
    expect(await failing.trained(key, async () => 3, isNumber)).toBe(3);
  });

  it("two workers of a batch asking for one model at the same time train it once: the second waits on the first's claim", async () => {
    const dir = join(work, 'two-workers');
    const [a, b] = [createModelResults({ version: 'v', dir }), createModelResults({ version: 'v', dir })];
    let trainings = 0;
    const train = async (): Promise<number> => {
      trainings++;
      await sleep(300);
      return 0.75;
    };
    const key = trainingKey(parts);
    expect(await Promise.all([a.trained(key, train, isNumber), b.trained(key, train, isNumber)])).toEqual([0.75, 0.75]);
    expect(trainings).toBe(1);
    expect([a.counts, b.counts]).toEqual([{ trained: 1, reused: 0 }, { trained: 0, reused: 1 }]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('a claim left by a worker that died is taken over', async () => {
    const dir = join(work, 'dead-worker');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const results = createModelResults({ version: 'v', dir });
    const key = trainingKey(parts);
    // The name the store gives this key's file: the one a store of the same version wrote in another folder.
    await createModelResults({ version: 'v', dir: join(work, 'probe') }).trained(key, async () => 1, isNumber);
    const [name] = readdirSync(join(work, 'probe'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.lock`), dead);
    expect(await results.trained(key, async () => 2, isNumber)).toBe(2);
    expect(results.counts.trained).toBe(1);
  });

  it("a bounded folder (a student's check cache) keeps the most recently used results, pruning the oldest", async () => {
    const dir = join(work, 'bounded');
    const keys = [1, 2, 3, 4].map((seed) => trainingKey({ ...parts, seed }));
    // The store's file name of a key under version 'v'.
    const file = (key: string): string => `${createHash('sha256').update(`v\0${key}`).digest('hex').slice(0, 32)}.json`;
    const first = createModelResults({ version: 'v', dir, maxEntries: 3 });
    const minuteAgo = Date.now() - 60_000;
    for (const [i, key] of keys.slice(0, 3).entries()) {
      await first.trained(key, async () => i, isNumber);
      // Written a second apart, a minute ago.
      utimesSync(join(dir, file(key)), new Date(minuteAgo + i * 1000), new Date(minuteAgo + i * 1000));
    }
    // A later check reuses the oldest result (it becomes the most recent), then trains a fourth model.
    const later = createModelResults({ version: 'v', dir, maxEntries: 3 });
    expect(await later.trained(keys[0]!, async () => -1, isNumber)).toBe(0);
    await later.trained(keys[3]!, async () => 3, isNumber);
    expect(later.counts).toEqual({ trained: 1, reused: 1 });
    expect(readdirSync(dir).sort()).toEqual([keys[0]!, keys[2]!, keys[3]!].map(file).sort());
  });

  it('a version given as a function is computed once, at the first training asked for', async () => {
    let computed = 0;
    const results = createModelResults({ version: () => (computed++, 'v'), dir: join(work, 'lazy') });
    expect(computed).toBe(0);
    await results.trained(trainingKey(parts), async () => 1, isNumber);
    await results.trained(trainingKey({ ...parts, seed: 9 }), async () => 2, isNumber);
    expect(computed).toBe(1);
  });

  it('a folder that cannot be made keeps nothing but loses no result', async () => {
    const dir = join(work, 'not-a-folder');
    writeFileSync(dir, 'a file where the folder should be');
    const results = createModelResults({ version: 'v', dir });
    expect(await results.trained(trainingKey(parts), async () => 0.8, isNumber)).toBe(0.8);
    expect(results.counts).toEqual({ trained: 1, reused: 0 });
  });
});
