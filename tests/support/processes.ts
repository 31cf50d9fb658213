import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

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

/**
 * Another process that takes the write lock (BEGIN IMMEDIATE) of a file that need not be a store yet (a new,
 * empty one included), and holds it until `release()`, which resolves once that process has committed and exited.
 */
export function holdFileWriteLock(dbPath: string, cwd: string): Promise<{ release(): Promise<void> }> {
  const script = `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(dbPath)}); d.exec('BEGIN IMMEDIATE');
console.log('locked'); process.stdin.once('data', () => { d.exec('COMMIT'); d.close(); process.exit(0); });`;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', script], { cwd });
    const exited = new Promise<void>((done) => p.on('exit', () => done()));
    p.on('error', reject);
    p.stdout.once('data', () =>
      resolve({
        release: () => {
          p.stdin.end('release\n');
          return exited;
        },
      }),
    );
  });
}

/** Resolves once process `pid` has `file` open (a link in /proc/PID/fd), polling every 20 ms. */
export async function whenFileOpen(pid: number, file: string): Promise<void> {
  const target = fs.realpathSync(file);
  const linksTo = (fd: string) => {
    try {
      return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target;
    } catch {
      return false; // closed meanwhile
    }
  };
  while (!fs.readdirSync(`/proc/${pid}/fd`).some(linksTo)) await new Promise((r) => setTimeout(r, 20));
}
