#!/usr/bin/env node
// `npm run test:busy [-- vitest args]`: the whole test suite with CPU-bound busy loops running
// beside it (two by default, NEUROGRADE_BUSY_LOOPS to change), as on a grading server or a CI
// machine shared with other jobs. The suite must pass the same: no outcome may depend on the
// machine's speed. Exits with the suite's exit code; the loops end with it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.NEUROGRADE_BUSY_LOOPS ?? 2);
if (!Number.isInteger(count) || count < 0) {
  console.error(`busy: NEUROGRADE_BUSY_LOOPS must be a whole number, not "${process.env.NEUROGRADE_BUSY_LOOPS}"`);
  process.exit(2);
}

/** CPU seconds a process has used (utime + stime), or undefined once it is gone. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Clock ticks: USER_HZ, 100 on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const loops = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoops = () => {
  for (const loop of loops) if (loop.exitCode === null && loop.signalCode === null) loop.kill('SIGKILL');
};
process.on('exit', stopLoops);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopLoops();
    process.exit(130);
  });
}

const started = Date.now();
console.log(`busy: ${count} busy loop(s) running (pids ${loops.map((l) => l.pid).join(', ')}); running the test suite beside them`);
const vitest = spawn(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
vitest.on('exit', (code, signal) => {
  const used = loops.map((l) => cpuSeconds(l.pid) ?? 0);
  const wall = (Date.now() - started) / 1000;
  const dead = loops.filter((l) => l.exitCode !== null || l.signalCode !== null).length;
  console.log(
    `busy: the suite ran ${wall.toFixed(0)} s beside ${count} busy loop(s) that used ${used.map((s) => s.toFixed(0)).join(' + ')} CPU-s` +
      (dead ? `; ${dead} loop(s) ended early, so the machine was less busy than asked` : ''),
  );
  stopLoops();
  process.exit(dead ? 1 : (code ?? (signal ? 1 : 0)));
});
