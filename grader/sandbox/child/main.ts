/**
 * The sandboxed child: imports the student's bundle, then answers `run` requests with raw outputs.
 * It decides nothing; every grade is computed in the parent from what it sends, and the parent
 * checks every message against the protocol schema, so code that writes to the protocol pipe
 * itself gains nothing it could not get by returning values. Bundled by esbuild into one file,
 * so it imports nothing at run time but the student's code.
 */
import { Buffer } from 'node:buffer';
import { writeSync } from 'node:fs';
import { runStepsWatched, describeThrown, isStepFaultError, type Step } from '../steps.js';
import { encodeValue, decodeValue, encodeFault, EncodeError, DECODE_LIMITS } from '../wire.js';
import { builtinChanges, captureState, changesSince } from './state.js';
import { encodeModel } from './model.js';
import { warmInitializers } from './tf-warm.js';
import { guardCostlyDraws } from './tf-guard.js';
import type { CaseReply, FromChild, ToChild } from '../protocol.js';

// Taken before the student's code runs, which may patch globals (a module that patches
// built-ins at import is refused, but its code has run by then).
const stringify = JSON.stringify;
const parse = JSON.parse;
const fromString = Buffer.from.bind(Buffer);
const exit = process.exit.bind(process);
const PROTOCOL_FD = 3;

function send(message: FromChild): void {
  const buf = fromString(stringify(message) + '\n');
  let offset = 0;
  while (offset < buf.length) offset += writeSync(PROTOCOL_FD, buf, offset);
}

/**
 * Signals are the one thing the permission model lets a child send to the grader; where no PID
 * namespace or other uid stands in the way, taking `kill` away is what keeps them in.
 */
function disarmSignals(): void {
  const refuse = (): never => {
    const error = new Error('process.kill is not available to graded code');
    (error as Error & { code: string }).code = 'ERR_ACCESS_DENIED';
    throw error;
  };
  for (const name of ['kill', '_kill'] as const) {
    Object.defineProperty(process, name, { value: refuse, writable: false, configurable: false, enumerable: false });
  }
}

/**
 * Node writes to a piped stdout asynchronously, queueing in memory what the pipe cannot take: a
 * print loop that never yields would fill the child's memory while the grader sees nothing.
 * Blocking writes hand every byte to the grader as it is printed, where the output limit counts it.
 */
function blockingOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    (stream as unknown as { _handle?: { setBlocking?: (blocking: boolean) => unknown } })._handle?.setBlocking?.(true);
  }
}

/** The grader's messages, one a line; not node:readline, which costs every child a few ms to load. */
async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let pending = '';
  for await (const chunk of input) {
    // Only the new chunk is searched: a long line arriving in many chunks costs linear time.
    let from = pending.length;
    pending += chunk as string;
    let start = 0;
    let nl: number;
    while ((nl = pending.indexOf('\n', from)) >= 0) {
      yield pending.slice(start, nl);
      start = from = nl + 1;
    }
    pending = pending.slice(start);
  }
  if (pending) yield pending;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  try {
    return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

function isEncodeError(e: unknown): e is EncodeError {
  try {
    return e instanceof EncodeError;
  } catch {
    return false;
  }
}

/** Bounds of one case's answer: items, bytes left in this request, and the exercise's output limit (named in the fault). */
interface AnswerBounds {
  readonly maxItems: number;
  readonly maxBytes: number;
  readonly limitBytes: number;
}

async function runCase(mod: Record<string, unknown>, steps: readonly Step[], bounds: AnswerBounds): Promise<CaseReply> {
  const { maxItems, maxBytes } = bounds;
  try {
    const { outputs: raw, changed } = runStepsWatched(mod, steps, (d) => decodeValue(d, DECODE_LIMITS, { plainObjects: true }));
    const settled: unknown[] = [];
    for (const v of raw) settled.push(isThenable(v) ? await v : v);
    const outputs = settled.map((v) => encodeValue(v, { maxItems, maxDepth: 64, maxBytes }, encodeModel));
    return changed ? { ok: true, outputs, changed: { ...changed, at: changed.at.slice(0, 64).map((k) => (typeof k === 'string' ? k.slice(0, 200) : k)) } } : { ok: true, outputs };
  } catch (e) {
    if (isStepFaultError(e)) return { ok: false, fault: e.fault };
    if (isEncodeError(e)) {
      const fault = encodeFault(e);
      return { ok: false, fault: fault.kind === 'too-large' ? { kind: 'too-large', limitBytes: bounds.limitBytes } : fault };
    }
    return { ok: false, fault: { kind: 'threw', where: 'the answer', error: describeThrown(e) } };
  }
}

/** What the child keeps between messages: created in main, never module state. */
interface ChildState {
  mod?: Record<string, unknown>;
  maxItems: number;
  maxBytes: number;
  baseline?: ReturnType<typeof captureState>;
  token?: string;
  /**
   * Modules this child has evaluated: a hidden phase loads them again, and importing the same
   * code again returns the module it already has without running it.
   */
  readonly evaluated: Set<string>;
}

type Init = Extract<ToChild, { type: 'init' }>;
type Run = Extract<ToChild, { type: 'run' }>;

const clock = (state: ChildState, phase: 'student' | 'grader'): void => send({ type: 'clock', phase, token: state.token ?? '' });

/**
 * A later exercise of the same submission loads here only if the earlier ones left the child
 * exactly as it was before any student code ran. False (and `dirty` sent) when they did not.
 */
function stillClean(state: ChildState): boolean {
  if (state.baseline === undefined) {
    state.baseline = captureState();
    return true;
  }
  const changes = changesSince(state.baseline);
  if (changes.length === 0) return true;
  send({ type: 'dirty', reasons: changes.slice(0, 20).map((c) => c.slice(0, 200)) });
  return false;
}

/** Imports the packages the grader provides (again: a no-op for those a `preload` message loaded). */
async function preload(urls: readonly string[], options: { readonly warm?: boolean } = {}): Promise<void> {
  // A provided package that cannot load fails the student's import, which says why.
  for (const url of urls) {
    const mod: unknown = await import(url).catch(() => undefined);
    guardCostlyDraws(mod);
    if (options.warm) warmInitializers(mod);
  }
}

/** Imports the student's module on the student's clock; undefined (and `load-error` sent) when it throws. */
async function importStudent(state: ChildState, msg: Init): Promise<Record<string, unknown> | undefined> {
  await preload(msg.preload);
  clock(state, 'student');
  try {
    const mod = (await import('data:text/javascript;base64,' + fromString(msg.code).toString('base64'))) as Record<string, unknown>;
    clock(state, 'grader');
    return mod;
  } catch (e) {
    clock(state, 'grader');
    send({ type: 'load-error', ...describeThrown(e) });
    return undefined;
  }
}

/** The kind of each export the grader asked about (`typeof`, or 'unreadable' for a getter that throws). */
function exportKinds(mod: Record<string, unknown>, names: readonly string[]): Extract<FromChild, { type: 'ready' }>['exports'] {
  const kinds: Record<string, string> = {};
  for (const name of names) {
    try {
      kinds[name] = typeof mod[name];
    } catch {
      kinds[name] = 'unreadable';
    }
  }
  return kinds as Extract<FromChild, { type: 'ready' }>['exports'];
}

/** Loads an exercise's code; false when the child must stop (dirty, load error, patched built-ins). */
async function init(state: ChildState, msg: Init): Promise<boolean> {
  if (!stillClean(state)) return false;
  // Only the first init's token counts: it arrived before any student code could read stdin.
  state.token ??= msg.token;
  state.maxItems = msg.maxItems;
  state.maxBytes = msg.maxBytes;
  const mod = await importStudent(state, msg);
  if (!mod) return false;
  state.mod = mod;
  // Patching the language is refused, as Node's --frozen-intrinsics would at the assignment,
  // but checked once here instead of slowing every property access of the graded code. A
  // module imported again did not run again; what its calls changed since, changesSince saw.
  const patched = state.evaluated.has(msg.code) ? [] : builtinChanges(state.baseline!);
  state.evaluated.add(msg.code);
  if (patched.length > 0) {
    send({ type: 'patched', changes: patched.slice(0, 20).map((c) => c.slice(0, 200)) });
    return false;
  }
  send({ type: 'ready', exports: exportKinds(mod, msg.exports) });
  return true;
}

async function run(state: ChildState, mod: Record<string, unknown>, msg: Run): Promise<void> {
  const cases: CaseReply[] = [];
  // Answers past the output limit are sent as soon as they pass it: the grader stops at the
  // limit, and encoding the rest would only run into the time limit instead.
  let bytes = 0;
  for (const steps of msg.cases) {
    // What is left of the output limit for this request: an answer that cannot fit is
    // refused while it is read, before it is encoded.
    const reply = await runCase(mod, steps, { maxItems: state.maxItems, maxBytes: Math.max(0, state.maxBytes - bytes), limitBytes: state.maxBytes });
    cases.push(reply);
    bytes += stringify(reply).length;
    if (bytes > state.maxBytes) break;
  }
  // Writing the answer waits on the grader reading it: the grader's time, not the student's.
  clock(state, 'grader');
  send({ type: 'result', id: msg.id, cases });
}

async function main(): Promise<void> {
  disarmSignals();
  blockingOutput();
  const state: ChildState = { maxItems: 1_000_000, maxBytes: Infinity, evaluated: new Set() };
  for await (const line of lines(process.stdin)) {
    const msg = parse(line) as ToChild;
    if (msg.type === 'init') {
      if (!(await init(state, msg))) return;
    } else if (msg.type === 'run' && state.mod) await run(state, state.mod, msg);
    // Only before any module: what a fresh child booted ahead loads while it waits for one.
    else if (msg.type === 'preload' && state.baseline === undefined) await preload(msg.preload, { warm: true });
  }
}

main().then(
  () => exit(0),
  (e) => {
    process.stderr.write(`neurograde child: ${describeThrown(e).message}\n`);
    exit(70);
  },
);
