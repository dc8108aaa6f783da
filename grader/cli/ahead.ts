import type { Bundler } from '../load/bundler.js';

/** What a command finds started before its own modules loaded. */
export interface Ahead {
  /** The bundler's process, already starting (see `createBundler`): the command's environment takes it. @default none */
  readonly bundler?: Bundler;
}

/** Starts the bundler's process: node, its modules and esbuild's service take about 0.1 s, as long as the grade command's own modules do. */
async function bundlerAhead(): Promise<Ahead> {
  const { createBundler } = await import('../load/bundler.js');
  const bundler = createBundler();
  bundler.warm?.();
  return { bundler };
}

/**
 * What to start, by command, before the command's modules are loaded: a command that bundles a
 * submission first thing has its bundler start meanwhile, not after.
 */
export const AHEAD: Readonly<Record<string, () => Promise<Ahead>>> = {
  grade: bundlerAhead,
  check: bundlerAhead,
};
