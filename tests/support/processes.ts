import { type ChildProcess, spawn } from 'node:child_process';

/** The pid of a process that has run and exited (so it belongs to no live process). */
export function exitedPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', '0']);
    p.on('error', reject);
    p.on('exit', () => resolve(p.pid!));
  });
}

/** A live idle process (until killed) to stand in for another Biotrain process owning a job. */
export function idleProcess(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000); console.log("up")']);
    p.on('error', reject);
    p.stdout.once('data', () => resolve(p));
  });
}
