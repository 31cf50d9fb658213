import fs from 'node:fs';
import os from 'node:os';

/** Which process runs a job or build: its pid, host and start time (the start time tells a reused pid apart). */
export interface Owner {
  pid: number;
  host: string;
  startedAt: string;
}

/** A job whose owner runs on another host counts as gone once its heartbeat is older than this. */
export const STALE_HEARTBEAT_MS = 60_000;
/** How often a running job writes its heartbeat. */
export const HEARTBEAT_MS = 2_000;
/** Two readings of one process's start time differ by clock-tick rounding at most, far less than this. */
const START_TOLERANCE_MS = 1_000;

let self: Owner | null = null;

/** This process as an owner. */
export function currentOwner(): Owner {
  if (!self) {
    // the same reading other processes make of this one (/proc), so the two compare exactly
    const started = procStartMs(process.pid) ?? Date.now() - process.uptime() * 1000;
    self = { pid: process.pid, host: os.hostname(), startedAt: new Date(started).toISOString() };
  }
  return self;
}

/** Start time of a process from /proc (Linux), or null when it cannot be read. */
function procStartMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces and parentheses): state is field 3, starttime field 22
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const btime = Number(/^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return null;
    return btime * 1000 + ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** When process `pid` started (from /proc), as owners record it; null where that cannot be read. */
export function processStartedAt(pid: number): string | null {
  const ms = procStartMs(pid);
  return ms === null ? null : new Date(ms).toISOString();
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the owner of a job or build is still running. On this host: its pid exists and (where /proc tells)
 * started when the owner did, so a reused pid is not mistaken for it. On another host: its heartbeat is recent.
 * No owner recorded (rows from before owners were recorded): gone.
 */
export function ownerAlive(owner: Partial<Owner> | null, heartbeatAt: string | null, now = Date.now()): boolean {
  if (!owner?.pid || !owner.host) return false;
  if (owner.host !== os.hostname()) return heartbeatAt !== null && now - Date.parse(heartbeatAt) < STALE_HEARTBEAT_MS;
  if (owner.pid === process.pid) return owner.startedAt === currentOwner().startedAt || !owner.startedAt;
  if (!pidAlive(owner.pid)) return false;
  const started = procStartMs(owner.pid);
  if (started === null || !owner.startedAt) return true;
  return Math.abs(started - Date.parse(owner.startedAt)) < START_TOLERANCE_MS;
}

/** The owner columns of a jobs or builds row. */
export interface OwnerColumns {
  owner_pid: number | null;
  owner_host: string | null;
  owner_started_at: string | null;
  heartbeat_at: string | null;
}

export const rowOwnerAlive = (r: OwnerColumns): boolean =>
  ownerAlive({ pid: r.owner_pid ?? undefined, host: r.owner_host ?? undefined, startedAt: r.owner_started_at ?? undefined }, r.heartbeat_at);

export const describeOwner = (r: OwnerColumns): string =>
  `process ${r.owner_pid} on ${r.owner_host}${r.heartbeat_at ? `, last heartbeat ${r.heartbeat_at}` : ''}`;
