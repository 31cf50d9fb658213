// Runs the CLI under another node binary as a child that this process stands in for: the child shares this
// process's stdio, gets the signals sent to this process, and this process ends as the child ended. Without
// the signal passing, stopping the launcher (SIGTERM from a service manager, a test, `kill`) would leave the
// real server running, orphaned.
import { spawn } from 'node:child_process';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function runWith(node, args) {
  const child = spawn(node, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const s of FORWARDED) process.on(s, forward);
  child.on('error', (err) => {
    console.error(`biotrain: cannot start ${node}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of FORWARDED) process.off(s, forward);
    // end by the same signal (the default action, now that no handler is left), or with the same code
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
