import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppContext } from '../app/context';
import { JobCancelledError, type JobProgress } from '../jobs/job-runner';
import { openStore } from '../store/db';
import { ExamplesRepo } from '../store/examples-repo';
import { registerJob } from '../jobs/typed-jobs';
import { runBuild } from './run-build';

/** pipeline/export phases that stream rows through an open SQLite cursor while reporting progress */
const CURSOR_PHASES = new Set(['validate', 'export']);

/**
 * Job kind 'build': the pipeline and export over what the store holds (no generation), with progress
 * forwarded as "phase: message" and a per-phase rate. Cancelling stops at the next progress point; the build
 * row is marked error and the export folder is left as it was (the export writes to a .partial folder first).
 *
 * The build runs on its own connection to the store: the pipeline and the export keep a cursor open across
 * event-loop turns, and better-sqlite3 refuses every other statement on that connection meanwhile, so sharing
 * the app's connection would fail the job-progress writes and every API request made during the build.
 */
export function registerBuildJobs(ctx: AppContext): void {
  registerJob(ctx.runner, 'build', async (job) => {
    const { params } = job;
    // let build.start answer first: the pipeline's first batch runs synchronously
    await nextTurn();
    const own = ctx.dbPath !== ':memory:';
    const db = own ? openStore(ctx.dbPath) : ctx.db;
    const buildCtx: AppContext = own ? { ...ctx, db, examples: new ExamplesRepo(db), close: () => db.close() } : ctx;
    let phase = '';
    let phaseStart = Date.now();
    let phaseFirst = 0;
    let lastWrite = 0;
    try {
      const summary = await runBuild(
        buildCtx,
        { outDir: path.resolve(params.outDir), seed: params.seed, scale: 1, noGenerate: true, splitConfig: { ...params.splitConfig, seed: params.seed } },
        (p) => {
          if (job.signal.aborted) throw new JobCancelledError();
          const now = Date.now();
          if (p.phase !== phase) {
            phase = p.phase;
            phaseStart = now;
            phaseFirst = p.done;
          }
          const secs = (now - phaseStart) / 1000;
          const message = p.message ? `${p.phase}: ${p.message}` : p.phase;
          const progress: JobProgress = {
            jobId: job.jobId,
            kind: 'build',
            status: 'running',
            done: p.done,
            total: p.total,
            message,
            rate: secs > 0.2 ? (p.done - phaseFirst) / secs : 0,
          };
          ctx.runner.emit('progress', progress);
          // on a shared (in-memory) connection the job row can only be written outside the cursor phases
          if ((own || !CURSOR_PHASES.has(p.phase)) && (now - lastWrite > 200 || p.done === p.total)) {
            ctx.runner.store.setProgress(job.jobId, p.done, p.total, message);
            lastWrite = now;
          }
        },
      );
      ctx.events.emit('event', { type: 'data-changed', what: 'builds' });
      return summary;
    } finally {
      if (own) db.close();
    }
  });
}
