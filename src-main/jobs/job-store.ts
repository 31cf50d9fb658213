import type { z } from 'zod';
import { type JobRecord, JobRecordSchema, JobStatusSchema } from '../../src-preload/contract/jobs';
import type { Db } from '../store/db';

/** A stored job row; the API shows it typed per kind (jobs/job-view.ts). */
export const JobSchema = JobRecordSchema;
export { JobStatusSchema };
export type JobStatus = z.infer<typeof JobStatusSchema>;
export type Job = JobRecord;

interface JobRow extends Omit<Job, 'params' | 'result'> {
  params: string;
  result: string | null;
}

const toJob = (r: JobRow): Job => ({ ...r, params: JSON.parse(r.params), result: r.result ? JSON.parse(r.result) : null });

/** Persistence of jobs: every state change is written so a crash leaves an accurate record. */
export class JobStore {
  constructor(private readonly db: Db) {}

  create(id: string, kind: string, params: unknown, now: string): Job {
    this.db
      .prepare(`INSERT INTO jobs (id, kind, status, params, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?)`)
      .run(id, kind, JSON.stringify(params), now, now);
    return this.get(id)!;
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

  /** Jobs left 'running' or 'queued' by a process that died become 'interrupted' (resumable). */
  markInterrupted(): Job[] {
    const rows = this.db.prepare("SELECT * FROM jobs WHERE status IN ('running', 'queued')").all() as JobRow[];
    for (const r of rows) this.setStatus(r.id, 'interrupted', { message: 'interrupted: the process stopped while this job ran' });
    return rows.map((r) => this.get(r.id)!);
  }
}
