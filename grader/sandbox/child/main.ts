/**
 * The sandboxed child: imports the student's bundle, then answers `run` requests with raw outputs.
 * It decides nothing; every grade is computed in the parent from what it sends. Bundled by
 * esbuild into one file, so it imports nothing at run time but the student's code.
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runSteps, describeThrown, StepFaultError, type Step } from '../steps.js';
import { encodeValue, decodeValue, EncodeError } from '../wire.js';
import { encodeModel } from './model.js';
import type { CaseReply, FromChild, ToChild } from '../protocol.js';

// Taken before the student's code runs, which may patch globals.
const stringify = JSON.stringify;
const parse = JSON.parse;
const PROTOCOL_FD = 3;

function send(message: FromChild): void {
  const line = stringify(message) + '\n';
  let offset = 0;
  const buf = Buffer.from(line);
  while (offset < buf.length) offset += writeSync(PROTOCOL_FD, buf, offset);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  try {
    return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

async function runCase(mod: Record<string, unknown>, steps: readonly Step[], maxItems: number): Promise<CaseReply> {
  try {
    const raw = runSteps(mod, steps, (d) => decodeValue(d));
    const settled: unknown[] = [];
    for (const v of raw) settled.push(isThenable(v) ? await v : v);
    return { ok: true, outputs: settled.map((v) => encodeValue(v, { maxItems, maxDepth: 64 }, encodeModel)) };
  } catch (e) {
    if (e instanceof StepFaultError) return { ok: false, fault: e.fault };
    if (e instanceof EncodeError) return { ok: false, fault: { kind: 'unencodable', message: e.message } };
    return { ok: false, fault: { kind: 'threw', where: 'the answer', error: describeThrown(e) } };
  }
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let mod: Record<string, unknown> | undefined;
  let maxItems = 1_000_000;
  for await (const line of lines) {
    const msg = parse(line) as ToChild;
    if (msg.type === 'init') {
      maxItems = msg.maxItems;
      try {
        mod = (await import('data:text/javascript;base64,' + Buffer.from(msg.code).toString('base64'))) as Record<string, unknown>;
      } catch (e) {
        send({ type: 'load-error', ...describeThrown(e) });
        return;
      }
      const kinds: Record<string, string> = {};
      for (const name of msg.exports) {
        try {
          kinds[name] = typeof mod[name];
        } catch {
          kinds[name] = 'unreadable';
        }
      }
      send({ type: 'ready', exports: kinds });
    } else if (msg.type === 'run' && mod) {
      const cases: CaseReply[] = [];
      for (const steps of msg.cases) cases.push(await runCase(mod, steps, maxItems));
      send({ type: 'result', id: msg.id, cases });
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`neurograde child: ${String(e)}\n`);
    process.exit(70);
  },
);
