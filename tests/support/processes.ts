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

/** Another process that takes the store's write lock (BEGIN IMMEDIATE), holds it `ms`, then commits. Resolves once it holds it. */
export function holdWriteLock(dbPath: string, ms: number, cwd: string): Promise<{ released: Promise<void> }> {
  const script = `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(dbPath)}); d.exec('BEGIN IMMEDIATE');
d.prepare("UPDATE settings SET value = value WHERE key = 'none'").run(); console.log('locked');
setTimeout(() => { d.exec('COMMIT'); d.close(); }, ${ms});`;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', script], { cwd });
    const released = new Promise<void>((done) => p.on('exit', () => done()));
    p.on('error', reject);
    p.stdout.once('data', () => resolve({ released }));
  });
}
