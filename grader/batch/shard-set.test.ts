import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import { shardSetProblems, type ShardOutput } from './shard-set.js';
import { shardProblemText } from '../../reports/shard-problems.js';

const out = (dir: string, index: number, count: number, fingerprint = 'f'): ShardOutput => ({ dir, shard: { index, count }, fingerprint });

describe('shardSetProblems', () => {
  it.each<[string, ShardOutput[], unknown[]]>([
    ['every shard once, graded alike', [out('a', 1, 3), out('b', 2, 3), out('c', 3, 3)], []],
    ['a missing shard', [out('a', 1, 2)], [{ code: 'missing', shard: '2/2' }]],
    ['a shard given twice', [out('a', 1, 2), out('b', 1, 2), out('c', 2, 2)], [{ code: 'duplicate', shard: '1/2', dirs: ['a', 'b'] }]],
    ['another split', [out('a', 1, 2), out('b', 2, 3)], [{ code: 'count', dir: 'b', shard: '2/3', expected: 2 }, { code: 'missing', shard: '2/2' }]],
    ['another grader or seed', [out('a', 1, 2), out('b', 2, 2, 'g')], [{ code: 'mismatch', dir: 'b', other: 'a' }]],
    ['a whole batch among shards', [{ dir: 'w', fingerprint: 'f' }, out('a', 1, 1)], [{ code: 'unsharded', dir: 'w' }]],
    ['no shard at all', [{ dir: 'w' }], [{ code: 'unsharded', dir: 'w' }]],
  ])('%s', (_, outputs, problems) => {
    expect(shardSetProblems(outputs)).toEqual(problems);
  });

  it.each(['en', 'fr'] as const)('names the shard at fault in %s', (lang) => {
    const [missing] = shardSetProblems([out('a', 1, 2)]);
    expect(shardProblemText(messages(lang), missing!)).toContain('2/2');
    const [dup] = shardSetProblems([out('x/one', 1, 1), out('x/two', 1, 1)]);
    expect(shardProblemText(messages(lang), dup!)).toMatch(/x\/one, x\/two/);
  });
});
