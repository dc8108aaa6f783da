/**
 * The bundler's process: runs esbuild (whose own Go process it starts) for the grader, one
 * request at a time. A source file that crashes esbuild, or runs it out of time, kills this
 * process and nothing else; the grader starts another (see `createBundler`). Forked with the tsx
 * loader; exits with its parent.
 */
import { bundleSubmissionFiles } from './bundle.js';
import type { BundlerReply, BundlerRequest } from './bundler.js';

process.on('message', (m: BundlerRequest) => {
  bundleSubmissionFiles(m.dir, m.files, m.limits).then(
    (outcomes) => process.send?.({ id: m.id, ok: true, outcomes: [...outcomes] } satisfies BundlerReply),
    (e: unknown) => process.send?.({ id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) } satisfies BundlerReply),
  );
});
process.on('disconnect', () => process.exit(0));
