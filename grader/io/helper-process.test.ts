import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './package.js';
import { cpuTimeMs, createHelper, helperCommand, helperEnv, prlimitPath, type HelperOptions, type HelperProcess } from './helper-process.js';

const HOST = join(PACKAGE_ROOT, 'tests', 'fixtures', 'helper-host', 'host.ts');
type Request = { op: 'echo'; value: number } | { op: 'spin' } | { op: 'sleep'; ms: number } | { op: 'allocate' } | { op: 'throw' };

/**
 * The grader's helper processes (esbuild, the model rebuild): a request's budget counts from the
 * moment the process is ready, CPU time is the process's own, memory is capped, and a process
 * that dies is replaced by the next request.
 */
describe('createHelper', () => {
  const opened: HelperProcess<Request, number>[] = [];
  const helper = (options: Partial<HelperOptions> & { startDelayMs?: number } = {}): HelperProcess<Request, number> => {
    const h = createHelper<Request, number>({ script: HOST, args: [String(options.startDelayMs ?? 0)], memoryMb: 512, wallMs: 120_000, ...options });
    opened.push(h);
    return h;
  };
  afterEach(() => {
    for (const h of opened.splice(0)) h.close();
  });

  it("counts a request's wall clock from the moment the process is ready, not its start-up", async () => {
    // Ready after 6 s; the request's 5 s would have run out during the start-up.
    const h = helper({ startDelayMs: 6000, wallMs: 5000 });
    await expect(h.request({ op: 'echo', value: 7 })).resolves.toEqual({ ok: true, reply: 7 });
  });

  it.skipIf(cpuTimeMs(process.pid) === undefined)('stops a request past its CPU budget, and does not count time spent waiting', async () => {
    const h = helper({ cpuMs: 300 });
    await expect(h.request({ op: 'sleep', ms: 1500 })).resolves.toEqual({ ok: true, reply: 1500 });
    await expect(h.request({ op: 'spin' })).resolves.toEqual({ ok: false, reason: 'timeout', budget: 'cpu' });
    // The next request gets a fresh process.
    await expect(h.request({ op: 'echo', value: 1 })).resolves.toEqual({ ok: true, reply: 1 });
  });

  it('stops a request past its wall clock', async () => {
    const h = helper({ wallMs: 500 });
    await expect(h.request({ op: 'sleep', ms: 600_000 })).resolves.toEqual({ ok: false, reason: 'timeout', budget: 'wall' });
  });

  it.skipIf(prlimitPath() === undefined)('caps the memory the process maps (array buffers and wasm memory too, not only the heap)', async () => {
    const h = helper({ memoryMb: 512 });
    await expect(h.request({ op: 'allocate' })).resolves.toEqual({ ok: false, reason: 'crash' });
    await expect(h.request({ op: 'echo', value: 2 })).resolves.toEqual({ ok: true, reply: 2 });
  });

  it('a host whose own code fails is a crash of that request only', async () => {
    const h = helper();
    await expect(h.request({ op: 'throw' })).resolves.toEqual({ ok: false, reason: 'crash' });
    await expect(h.request({ op: 'echo', value: 3 })).resolves.toEqual({ ok: true, reply: 3 });
  });

  it('a warmed process answers the first request once ready', async () => {
    const h = helper({ startDelayMs: 300 });
    h.warm();
    h.warm();
    await expect(h.request({ op: 'echo', value: 9 })).resolves.toEqual({ ok: true, reply: 9 });
  });

  it('a warmed process never asked keeps no one waiting: its grader exits while it is still starting', () => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
    const module = pathToFileURL(join(import.meta.dirname, 'helper-process.ts')).href;
    // Ready after 10 minutes: a grader held by it would be stopped by spawnSync's timeout (status null).
    const script = `const { createHelper } = await import(${JSON.stringify(module)}); createHelper({ script: ${JSON.stringify(HOST)}, args: ['600000'], memoryMb: 512, wallMs: 1000 }).warm(); console.log('graded');`;
    const r = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 50_000 });
    expect([r.status, r.stdout]).toEqual([0, 'graded\n']);
  });

  it('a process that never gets ready is a fault of the grader, thrown, not an outcome of the request', async () => {
    const h = helper({ startDelayMs: 600_000, startMs: 1000 });
    await expect(h.request({ op: 'echo', value: 4 })).rejects.toMatchObject({ name: 'GraderError', code: 'INTERNAL' });
  });

  it.each([
    ['with prlimit', '/usr/bin/prlimit', ['/usr/bin/prlimit', '--data=536870912']],
    ['without', undefined, [process.execPath, '--max-old-space-size=256']],
  ])('command line %s: a heap cap under the whole budget, and the data segment capped where prlimit exists', (_name, prlimit, starts) => {
    const { command, args } = helperCommand({ script: HOST, memoryMb: 512 }, { prlimit });
    expect([command, ...args].slice(0, 2)).toEqual(starts);
    expect(args).toContain('--max-old-space-size=256');
    expect(args.at(-1)).toBe(HOST);
  });

  it("a host starts without the grader's node flags and extra TLS certificates, every other variable kept", () => {
    const env = helperEnv({ PATH: '/usr/bin', HOME: '/home/t', NODE_OPTIONS: '--max-old-space-size=64', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/t', NODE_OPTIONS: '' });
  });
});
