import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO, 'out', 'main', 'cli.js');

export interface Served {
  url: string;
  port: number;
  token: string;
  dbPath: string;
  proc: ChildProcess;
  stop(): Promise<void>;
  api<T = unknown>(channel: string, body?: unknown): Promise<T>;
}

const madeDirs: string[] = [];

/** A fresh temporary folder, removed after the test file ends (tests/support/remove-temp-dirs.ts). */
export function tempDir(prefix = 'biotrain-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/** Removes the folders tempDir made in this test file; BIOTRAIN_KEEP_TEMP=1 keeps them for debugging. */
export function removeTempDirs(): void {
  if (process.env.BIOTRAIN_KEEP_TEMP === '1') return;
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Runs the built CLI (`node out/main/cli.js ...`) to completion. */
export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? REPO,
      env: { ...process.env, ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (opts.input !== undefined) p.stdin.end(opts.input);
    else p.stdin.end();
  });
}

/** Starts `biotrain serve` on a fresh (or given) database and waits for its address line. */
export async function startServe(opts: { dbPath?: string; extraArgs?: string[] } = {}): Promise<Served> {
  const dbPath = opts.dbPath ?? path.join(tempDir(), 'biotrain.sqlite');
  const proc = spawn(process.execPath, [CLI, 'serve', '--db', dbPath, ...(opts.extraArgs ?? [])], { cwd: REPO });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const first = await new Promise<string>((resolve, reject) => {
    let buf = '';
    proc.stdout!.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
    proc.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const info = JSON.parse(first) as { url: string; port: number; token: string };
  return {
    ...info,
    dbPath,
    proc,
    async api<T>(channel: string, body: unknown = {}): Promise<T> {
      const res = await fetch(`${info.url}api/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${info.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { ok: boolean; result: T; error?: string };
      if (!json.ok) throw new Error(json.error);
      return json.result;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
