import { currentOwner, describeOwner, type OwnerColumns, rowOwnerAlive } from '../jobs/owner';
import type { Db } from '../store/db';

/** The owner columns a new builds row starts with: this process, beating now. */
export function buildOwnerValues(now: string): { owner_pid: number; owner_host: string; owner_started_at: string; heartbeat_at: string } {
  const o = currentOwner();
  return { owner_pid: o.pid, owner_host: o.host, owner_started_at: o.startedAt, heartbeat_at: now };
}

/** Records that the build's process is alive; a connection busy inside a cursor skips this beat. */
export function buildHeartbeat(db: Db, buildId: string): void {
  try {
    db.prepare('UPDATE builds SET heartbeat_at = ? WHERE id = ?').run(new Date().toISOString(), buildId);
  } catch {
    // the next progress report beats again
  }
}

type BuildOwnerRow = OwnerColumns & { id: string };

/**
 * Builds left 'running' by a process that is gone (killed, crashed) are marked 'error' with the reason, and
 * their partial build_items rows are removed; a build whose process is alive is left alone. Returns the ids.
 */
export function markDeadBuilds(db: Db): string[] {
  const running = () => db.prepare("SELECT id, owner_pid, owner_host, owner_started_at, heartbeat_at FROM builds WHERE status = 'running'").all() as BuildOwnerRow[];
  // a read first: opening a store takes the write lock only when there is something to mark
  if (running().every(rowOwnerAlive)) return [];
  return db
    .transaction(() => {
      const dead = running().filter((r) => !rowOwnerAlive(r));
      const now = new Date().toISOString();
      for (const r of dead) {
        const error = `interrupted: the build's process stopped before it finished (${describeOwner(r)}); its partial rows were removed. Run the build again.`;
        db.prepare("UPDATE builds SET status = 'error', quality_report = ?, finished_at = ? WHERE id = ?").run(JSON.stringify({ error }), now, r.id);
        db.prepare('DELETE FROM build_items WHERE build_id = ?').run(r.id);
      }
      return dead.map((r) => r.id);
    })
    .immediate();
}
