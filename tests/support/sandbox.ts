import { messages } from '../../grader/i18n/index.js';
import { GraderError } from '../../grader/model/errors.js';
import { childScript } from '../../grader/sandbox/child-bundle.js';
import type { Launcher, LauncherId, SandboxChoice } from '../../grader/sandbox/launcher.js';
import { detectLauncher } from '../../grader/sandbox/launchers/index.js';
import { createEnvironment, dependencyPaths, type EnvironmentOptions } from '../../grader/execute/environment.js';
import type { GradingEnvironment } from '../../grader/execute/grade-submission.js';

/**
 * With `CI` set, the tests run where `.ci/run` installed bubblewrap, and every sandbox must hold:
 * a bwrap that is missing or fails its probe fails the run with a message that says so, instead
 * of moving the hostile suite to a weaker launcher, still green.
 */
export const CI = Boolean(process.env.CI);

/** The launcher `.ci/run` installs, which CI requires. */
export const CI_LAUNCHER: LauncherId = 'bwrap';

/** The sandbox tests grade under: NEUROGRADE_SANDBOX if set, else under CI the one it installs, else the strongest that works here. */
export function testSandbox(): SandboxChoice {
  const named = process.env.NEUROGRADE_SANDBOX;
  if (named) return named as SandboxChoice;
  return CI ? CI_LAUNCHER : 'auto';
}

/** Under CI, a sandbox that cannot run is a failure that says why CI needs it. */
function explained(e: unknown, sandbox: SandboxChoice): unknown {
  if (!CI || !(e instanceof GraderError) || e.code !== 'SANDBOX_UNAVAILABLE') return e;
  return new Error(
    `CI is set, so the tests require the ${sandbox} sandbox (.ci/run installs bubblewrap), but it cannot run here: ${e.message} ` +
      'Run the tests through .ci/run, or unset CI to test under the strongest sandbox this machine has.',
    { cause: e },
  );
}

/** createEnvironment under `testSandbox()`; under CI a sandbox that cannot run fails with the reason CI needs it. */
export async function testEnvironment(options: Omit<EnvironmentOptions, 'sandbox'> = {}): Promise<GradingEnvironment> {
  const sandbox = testSandbox();
  try {
    return await createEnvironment({ ...options, sandbox });
  } catch (e) {
    throw explained(e, sandbox);
  }
}

/** The launcher a `neurograde` process started with NEUROGRADE_SANDBOX=testSandbox() picks here, or why it cannot run. */
export async function testLauncher(): Promise<Launcher | Error> {
  const sandbox = testSandbox();
  try {
    return await detectLauncher({ childScript: await childScript(), readPaths: dependencyPaths(), t: messages('en'), choice: sandbox });
  } catch (e) {
    const error = explained(e, sandbox);
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Why a launcher cannot run here: its programs are missing or its probe fails (a container
 * without user namespaces). Undefined when it starts a real child.
 */
export async function launcherUnavailable(id: LauncherId): Promise<string | undefined> {
  const script = await childScript();
  try {
    await detectLauncher({ childScript: script, readPaths: dependencyPaths(), t: messages('en'), choice: id });
    return undefined;
  } catch (e) {
    if (e instanceof GraderError && e.code === 'SANDBOX_UNAVAILABLE') return e.message;
    throw e;
  }
}

/**
 * For `it.skipIf`/`describe.skipIf`: skip a launcher's tests where it cannot run, with the reason
 * in the title; under CI never (the tests then fail, saying why).
 */
export function skipReason(id: LauncherId, unavailable: string | undefined): string | undefined {
  return unavailable !== undefined && !CI ? `skipped: the ${id} launcher cannot run here (${unavailable})` : undefined;
}
