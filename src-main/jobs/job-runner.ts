import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../store/db';
import { ClientError } from '../util/client-error';
import { type Job, JobAliveError, JobStore } from './job-store';
import { HEARTBEAT_MS } from './owner';

export interface JobProgress {
  jobId: string;
  kind: string;
  status: Job['status'];
  done: number;
  total: number;
  message: string | null;
  /** items per second since the job (re)started */
  rate: number;
}

export interface JobContext<P> {
  jobId: string;
  params: P;
  db: Db;
  signal: AbortSignal;
  /** true when this run continues an interrupted or cancelled job */
  resumed: boolean;
  progress(done: number, total: number, message?: string): void;
}

export type JobHandler<P = unknown, R = unknown> = (ctx: JobContext<P>) => Promise<R>;

export class JobCancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Runs jobs in this process against the store. Handlers must be idempotent per item (deterministic ids,
 * INSERT OR IGNORE in transactions) so that resuming after a crash neither duplicates nor loses items.
 */
export class JobRunner extends EventEmitter {
  readonly store: JobStore;
  private readonly handlers = new Map<string, JobHandler<never, unknown>>();
  private readonly running = new Map<string, { controller: AbortController; promise: Promise<Job> }>();

  constructor(private readonly db: Db) {
    super();
    this.store = new JobStore(db);
    this.store.markInterrupted();
  }

  register<P, R>(kind: string, handler: JobHandler<P, R>): void {
    this.handlers.set(kind, handler as JobHandler<never, unknown>);
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Starts a job, or continues the one with this id (its stored params win). A job that is running already
   * is not started twice: its promise is returned. An id of another kind's job is refused.
   */
  start(kind: string, params: unknown, id: string = randomUUID()): { job: Job; done: Promise<Job> } {
    if (!this.handlers.has(kind)) throw new ClientError(`unknown job kind '${kind}' (known: ${this.kinds().join(', ')})`);
    const refuseOtherKind = (j: Job) => {
      if (j.kind !== kind) throw new ClientError(`job ${id} is a '${j.kind}' job, not '${kind}'`, 409);
    };
    const existing = this.store.get(id);
    if (existing) {
      refuseOtherKind(existing);
      const running = this.running.get(id);
      if (running) return { job: existing, done: running.promise };
    } else {
      const created = this.store.create(id, kind, params, new Date().toISOString());
      if (created) return { job: created, done: this.run(created, false) };
      // another process inserted it since the look above (two builds reaching the same generation together)
      refuseOtherKind(this.store.get(id)!);
    }
    // an existing job is taken over only when no live process runs it (JobAliveError otherwise)
    const job = this.store.claim(id);
    return { job, done: this.run(job, true) };
  }

  /**
   * Continues an interrupted, failed or cancelled job with its original params. A job that a live process
   * (another CLI run, the app, a server) is running is refused with JobAliveError (409), never run twice.
   */
  resume(id: string): { job: Job; done: Promise<Job> } {
    const job = this.store.get(id);
    if (!job) throw new ClientError(`no job with id ${id}`, 404);
    if (job.status === 'completed') return { job, done: Promise.resolve(job) };
    if (this.running.has(id)) return { job, done: this.running.get(id)!.promise };
    return { job, done: this.run(this.store.claim(id), true) };
  }

  /**
   * `start`, but when another live process runs the job with this id, waits (polling the store) until it
   * has finished and then continues it here: for jobs with fixed ids that two processes may both need.
   */
  async startWhenFree(kind: string, params: unknown, id: string, pollMs = 250): Promise<Job> {
    for (;;) {
      if (!this.running.has(id) && this.store.isLive(id)) {
        await new Promise((r) => setTimeout(r, pollMs));
        continue;
      }
      try {
        return await this.start(kind, params, id).done;
      } catch (err) {
        if (!(err instanceof JobAliveError)) throw err;
      }
    }
  }

  cancel(id: string): boolean {
    const r = this.running.get(id);
    if (!r) return false;
    r.controller.abort();
    return true;
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  private run(job: Job, resumed: boolean): Promise<Job> {
    const handler = this.handlers.get(job.kind)!;
    const controller = new AbortController();
    const started = Date.now();
    let firstDone: number | null = null;
    let lastWrite = 0;
    const emit = (status: Job['status'], done: number, total: number, message: string | null) => {
      if (firstDone === null) firstDone = done;
      const secs = (Date.now() - started) / 1000;
      const rate = secs > 0 ? (done - firstDone) / secs : 0;
      const p: JobProgress = { jobId: job.id, kind: job.kind, status, done, total, message, rate };
      this.emit('progress', p);
    };
    // the owner's heartbeat; a failed write (store busy, or its connection inside a cursor) waits for the next beat
    const heartbeat = setInterval(() => {
      try {
        this.store.heartbeat(job.id);
      } catch {
        // next beat
      }
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const promise = (async () => {
      this.store.setStatus(job.id, 'running', { message: resumed ? 'resumed' : 'started' });
      emit('running', job.progress_done, job.progress_total, resumed ? 'resumed' : 'started');
      // no work before `start` has returned: its caller prints or answers the job id first
      await yieldToLoop();
      try {
        const result = await handler({
          jobId: job.id,
          params: job.params as never,
          db: this.db,
          signal: controller.signal,
          resumed,
          progress: (done, total, message) => {
            const now = Date.now();
            // throttle store writes; events are cheap
            if (now - lastWrite > 200 || done === total) {
              this.store.setProgress(job.id, done, total, message ?? null);
              lastWrite = now;
            }
            emit('running', done, total, message ?? null);
          },
        });
        this.store.setStatus(job.id, 'completed', { result: result ?? null, message: 'completed' });
      } catch (err) {
        if (controller.signal.aborted || err instanceof JobCancelledError) {
          this.store.setStatus(job.id, 'cancelled', { message: 'cancelled by user' });
        } else {
          this.store.setStatus(job.id, 'failed', { error: (err as Error).message ?? String(err) });
        }
      } finally {
        clearInterval(heartbeat);
        this.running.delete(job.id);
      }
      const final = this.store.get(job.id)!;
      emit(final.status, final.progress_done, final.progress_total, final.error ?? final.message);
      return final;
    })();
    this.running.set(job.id, { controller, promise });
    return promise;
  }
}

/** Throws JobCancelledError when the signal is aborted; call between batches. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelledError();
}
