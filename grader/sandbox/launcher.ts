/** How a child process is started: the command line that wraps `node child.mjs`. */
export interface LaunchSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export interface LaunchRequest {
  /** The bundled child runner. */
  readonly childScript: string;
  /** Folders the child may read: the child runner's and the dependencies it may import. */
  readonly readPaths: readonly string[];
  readonly memoryMb: number;
  readonly processes: number;
}

/** An isolation strategy: what it wraps the child in, and its name for reports. */
export interface Launcher {
  readonly name: string;
  /** What this strategy could not provide on this machine, for the report. */
  readonly warnings: readonly string[];
  spec(request: LaunchRequest): LaunchSpec;
}

/** No isolation beyond a separate process and a scrubbed environment. */
export const plainLauncher: Launcher = {
  name: 'process',
  warnings: [],
  spec: (r) => ({
    command: process.execPath,
    args: [`--max-old-space-size=${r.memoryMb}`, '--stack-size=984', r.childScript],
    env: { PATH: '/usr/bin:/bin', NODE_OPTIONS: '' },
  }),
};
