import { describe, expect, it } from 'vitest';
import type { LaunchRequest } from '../launcher.js';
import { readHost } from './host.js';
import { baseNodeArgs } from './node-args.js';

const request = (memoryMb: number): LaunchRequest => ({ childScript: '/cache/child.mjs', readPaths: [], memoryMb, processes: 64, cpuSeconds: 30 });

describe('baseNodeArgs', () => {
  it.each([
    ['V8 cap unknown', undefined, 4096, '--max-old-space-size=4096'],
    ['the limit is V8 own cap', 4144, 4144, undefined],
    ['the limit is within 128 MiB below V8 own cap', 4144, 4096, undefined],
    ['the limit is further below', 4144, 1024, '--max-old-space-size=1024'],
    ['the limit is above V8 own cap', 4144, 8192, '--max-old-space-size=8192'],
  ])('%s: heap flag %s', (_, defaultHeapMb, memoryMb, flag) => {
    const args = baseNodeArgs(request(memoryMb), defaultHeapMb === undefined ? {} : { defaultHeapMb });
    expect(args.find((a) => a.startsWith('--max-old-space-size'))).toBe(flag);
    // No flag that makes Node drop the code cache of its own modules (--single-threaded would).
    expect(args).not.toContain('--single-threaded');
    expect(args).toEqual(expect.arrayContaining(['--single-threaded-gc', '--no-concurrent-recompilation', '--stack-size=984']));
  });

  it("reads V8's own heap cap of a child on this machine", () => {
    const mb = readHost().defaultHeapMb;
    expect(mb).toBeGreaterThan(256);
  });
});
