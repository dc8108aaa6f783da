import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IDX_FILES, IdxError, loadFashionMnist } from '../data/idx.js';
import { messages } from '../i18n/index.js';
import { UsageError } from '../model/errors.js';
import { gradeSubmission } from '../execute/grade-submission.js';
import { createEnvironment } from '../execute/environment.js';
import type { GradeOptions } from '../execute/options.js';
import type { Ahead } from './ahead.js';
import { parseGrade } from './args.js';
import { writeResults } from '../io/results-file.js';
import { summaryTable } from './table.js';
import { writeFileAtomic } from '../io/write.js';
import { courseSources } from './options.js';
import { userCacheDir } from './check-cache.js';

/** The teacher's Fashion-MNIST folder, checked before any grading: the four IDX files, raw or gzipped. */
function fashionMnistDir(dir: string): string {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(`--fashion-mnist: ${dir} is not a folder`);
  const missing = Object.values(IDX_FILES).filter((f) => !existsSync(join(abs, f)) && !existsSync(join(abs, `${f}.gz`)));
  if (missing.length > 0) throw new UsageError(`--fashion-mnist: ${dir} lacks ${missing.join(', ')} (raw or .gz)`);
  // Read once now: a truncated or foreign file is the teacher's to fix before any grading, not a
  // fault found minutes later in a learning check.
  try {
    loadFashionMnist(abs);
  } catch (e) {
    if (e instanceof IdxError) throw new UsageError(`--fashion-mnist: ${e.message}`);
    throw e;
  }
  return abs;
}

/** `neurograde grade <dir> --out <dir>`: grades one submission, prints a table, writes results. */
export async function gradeCommand(argv: readonly string[], print: (line: string) => void, ahead: Ahead = {}): Promise<number> {
  const cmd = parseGrade(argv);
  const dir = resolve(cmd.submission);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${cmd.submission} is not a folder`);
  const fashionMnist = cmd.fashionMnist ? fashionMnistDir(cmd.fashionMnist) : undefined;
  const grading: GradeOptions = {
    lang: cmd.lang,
    ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
    ...(cmd.isolation ? { isolation: cmd.isolation } : {}),
    ...(cmd.varyHidden !== undefined ? { varyHidden: cmd.varyHidden } : {}),
    ...(fashionMnist ? { datasets: { fashionMnist } } : {}),
  };
  const env = await createEnvironment({
    ...(cmd.exercises ? { only: cmd.exercises } : {}),
    ...courseSources(cmd.course),
    ...(cmd.sandbox ? { sandbox: cmd.sandbox } : {}),
    lang: cmd.lang,
    // The sandbox's plan learnt at an earlier start: no ldd, no probe child (the first child confirms it).
    launcherCache: userCacheDir(),
    // The first children boot while the exercises' modules load.
    earlyChildren: grading,
    ...(ahead.bundler ? { bundler: ahead.bundler } : {}),
  });
  // The report's modules (Handlebars, the views) load while the children work.
  const reporting = import('../../reports/html.js');
  const result = await gradeSubmission(env, dir, grading).finally(() => env.spareChildren?.close());
  const t = messages(cmd.lang);
  const out = resolve(cmd.out);
  const resultsPath = join(out, 'results.json');
  writeResults(resultsPath, result);
  const { html } = await reporting;
  const reportPath = join(out, html.fileName);
  writeFileAtomic(reportPath, html.render(result, { lang: result.lang, exercises: env.exercises }));
  print(summaryTable(result, t));
  print(t.cli.sandbox(result.environment.sandbox));
  if (result.environment.tfBackend) print(t.cli.tfBackend(result.environment.tfBackend));
  for (const w of result.environment.warnings) print(t.cli.warning(w));
  print(t.cli.wrote(resultsPath));
  print(t.cli.wrote(reportPath));
  return 0;
}
