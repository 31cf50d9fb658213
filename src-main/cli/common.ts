import path from 'node:path';
import type { Command } from 'commander';
import { openAppContext } from '../app/compose';
import type { AppContext, AppMode } from '../app/context';

export const DEFAULT_DB = 'data/biotrain.sqlite';

export function addDbOption(cmd: Command): Command {
  return cmd.option('--db <file>', 'SQLite store to use (env BIOTRAIN_DB)', process.env.BIOTRAIN_DB ?? DEFAULT_DB);
}

/** The store this command opened, for naming it in errors that SQLite reports without a file name. */
let storeInUse: string | null = null;

export function openContext(dbPath: string, mode: AppMode = 'studio'): AppContext {
  storeInUse = path.resolve(dbPath);
  return openAppContext({ dbPath: storeInUse, mode });
}

/**
 * The one-line message for an error that ended a command. SQLite's "database disk image is malformed" (a
 * store damaged past its first page, found only once a query reaches the damage) names no file: name it.
 */
export function cliErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (storeInUse && typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return `${storeInUse}: ${message}: the store file is damaged; restore it from a backup, or pass another --db path`;
  return message;
}

/** Progress lines on stderr: rewritten in place on a TTY, one line per update step otherwise. */
export function stderrProgress(label: string): (done: number, total: number, message?: string) => void {
  let lastPct = -1;
  let lastAt = 0;
  let finished = false;
  return (done, total, message) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
    const now = Date.now();
    if (done === total ? finished : pct === lastPct && now - lastAt < 1000) return;
    finished = done === total;
    lastPct = pct;
    lastAt = now;
    const line = `${label} ${String(pct).padStart(3)}% ${done}/${total}${message ? ` ${message}` : ''}`;
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}${done === total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

/** Prints a clear one-line error and exits 1 (or 2 for usage errors). */
export function fail(message: string, code = 1): never {
  process.stderr.write(`biotrain: ${message}\n`);
  process.exit(code);
}
