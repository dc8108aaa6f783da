/**
 * The bundler's process: runs esbuild (whose own Go process it starts) for the grader, one
 * request at a time. A source file that crashes esbuild, or runs it out of time or memory, kills
 * this process and nothing else; the grader starts another (see `createBundler`). Started as built
 * JS (or with the tsx loader from sources); exits with its parent.
 */
import { serveHelper } from '../io/helper-process.js';
import { bundleSubmissionFiles, warmBundler } from './bundle.js';
import type { BundlerReply, BundlerRequest } from './bundler.js';

// esbuild's service is started before the grader is told the process is ready: a request's time limit counts the bundling alone.
await warmBundler();
serveHelper<BundlerRequest, BundlerReply>((m) =>
  bundleSubmissionFiles(m.dir, m.files, m.limits).then(
    (outcomes): BundlerReply => ({ ok: true, outcomes: [...outcomes] }),
    (e: unknown): BundlerReply => ({ ok: false, message: e instanceof Error ? e.message : String(e) }),
  ),
);
