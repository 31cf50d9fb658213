import type { z } from 'zod';
import { type JobRecord, JobRecordSchema, JobStatusSchema } from '../../src-preload/contract/jobs';
import type { Db } from '../store/db';
import { ClientError } from '../util/client-error';
import { currentOwner, describeOwner, type OwnerColumns, rowOwnerAlive } from './owner';

/** A stored job row; the API shows it typed per kind (jobs/job-view.ts). */
export const JobSchema = JobRecordSchema;
export { JobStatusSchema };
export type JobStatus = z.infer<typeof JobStatusSchema>;
export type Job = JobRecord;

interface JobRow extends Omit<Job, 'params' | 'result'>, OwnerColumns {
  params: string;
  result: string | null;
}

const toJob = (r: JobRow): Job => ({ ...r, params: JSON.parse(r.params), result: r.result ? JSON.parse(r.result) : null });

const LIVE = new Set<JobStatus>(['running', 'queued']);

/** A job that another process runs right now: resuming or starting it again here is refused. */
export class JobAliveError extends ClientError {
  constructor(id: string, row: OwnerColumns) {
    super(`job ${id} is still running (${describeOwner(row)}); wait for it to finish or cancel it there`, 409);
  }
}

/** Persistence of jobs: every state change is written so a crash leaves an accurate record. */
export class JobStore {
  constructor(private readonly db: Db) {}

  /** A new job, owned by this process from its first moment (so no other process takes it for dead). */
  /**
   * Inserts a new queued job owned by this process; undefined when a job with this id exists already (another
   * process inserted it after this one last looked).
   */
  create(id: string, kind: string, params: unknown, now: string): Job | undefined {
    const o = currentOwner();
    const inserted = this.db
      .prepare(
        `INSERT INTO jobs (id, kind, status, params, created_at, updated_at, heartbeat_at, owner_pid, owner_host, owner_started_at)
         VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(id, kind, JSON.stringify(params), now, now, now, o.pid, o.host, o.startedAt);
    return inserted.changes === 1 ? this.get(id)! : undefined;
  }

  /**
   * Takes over an existing job for this process, atomically (under the write lock): refused while the job
   * is queued or running in a process that is alive (JobAliveError), so two processes never run it at once.
   */
  claim(id: string): Job {
    return this.db
      .transaction(() => {
        const r = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
        if (!r) throw new ClientError(`no job with id ${id}`, 404);
        if (LIVE.has(r.status) && rowOwnerAlive(r)) throw new JobAliveError(id, r);
        const o = currentOwner();
        const now = new Date().toISOString();
        this.db
          .prepare("UPDATE jobs SET status = 'queued', owner_pid = ?, owner_host = ?, owner_started_at = ?, heartbeat_at = ?, updated_at = ? WHERE id = ?")
          .run(o.pid, o.host, o.startedAt, now, now, id);
        return this.get(id)!;
      })
      .immediate();
  }

  /** Whether the job is queued or running in a live process (this one included). */
  isLive(id: string): boolean {
    const r = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return r !== undefined && LIVE.has(r.status) && rowOwnerAlive(r);
  }

  heartbeat(id: string): void {
    this.db.prepare('UPDATE jobs SET heartbeat_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }

  get(id: string): Job | undefined {
    const r = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return r ? toJob(r) : undefined;
  }

  list(limit = 100): Job[] {
    return (this.db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as JobRow[]).map(toJob);
  }

  setStatus(id: string, status: JobStatus, fields: { error?: string | null; result?: unknown; message?: string | null } = {}): void {
    this.db
      .prepare(
        `UPDATE jobs SET status = @status, error = coalesce(@error, error), result = coalesce(@result, result),
         message = coalesce(@message, message), updated_at = @now WHERE id = @id`,
      )
      .run({
        id,
        status,
        error: fields.error ?? null,
        result: fields.result === undefined ? null : JSON.stringify(fields.result),
        message: fields.message ?? null,
        now: new Date().toISOString(),
      });
  }

  setProgress(id: string, done: number, total: number, message: string | null): void {
    const now = new Date().toISOString();
    this.db
      .prepare('UPDATE jobs SET progress_done = ?, progress_total = ?, message = ?, updated_at = ?, heartbeat_at = ? WHERE id = ?')
      .run(done, total, message, now, now, id);
  }

  /**
   * Jobs left 'running' or 'queued' by a process that is gone become 'interrupted' (resumable). A job whose
   * owner is alive (another CLI run, the app, a server) is left alone.
   */
  markInterrupted(): Job[] {
    // a read first: opening a store takes the write lock only when there is something to mark
    const live = this.db.prepare("SELECT * FROM jobs WHERE status IN ('running', 'queued')").all() as JobRow[];
    if (live.every(rowOwnerAlive)) return [];
    return this.db
      .transaction(() => {
        const rows = this.db.prepare("SELECT * FROM jobs WHERE status IN ('running', 'queued')").all() as JobRow[];
        const dead = rows.filter((r) => !rowOwnerAlive(r));
        for (const r of dead) this.setStatus(r.id, 'interrupted', { message: `interrupted: its process stopped while it ran (${describeOwner(r)})` });
        return dead.map((r) => this.get(r.id)!);
      })
      .immediate();
  }
}
