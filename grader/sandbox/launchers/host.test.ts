import { describe, expect, it } from 'vitest';
import { prepareHost, readHost } from './host.js';

describe('the host facts read ahead', () => {
  it("prepareHost knows node's libraries and default heap cap as readHost reads them, without a process of their own afterwards", async () => {
    const ahead = await prepareHost();
    const now = readHost();
    expect(ahead.defaultHeapMb).toBe(now.defaultHeapMb);
    expect(ahead.libraries(process.execPath)).toEqual(now.libraries(process.execPath));
    expect(ahead.defaultHeapMb).toBeGreaterThan(0);
    expect(ahead.which('node') ?? ahead.node).toBeTruthy();
  });
});
