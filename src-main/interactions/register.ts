import type { AppContext } from '../app/context';
import { loadKnowledge } from '../knowledge/load';
import { registerJob } from '../jobs/typed-jobs';
import { importFeedback } from './import-feedback';

/** Bad-line reports kept in an import job's result (the count covers all). */
const JOB_MAX_ERRORS = 100;
/** Progress goes to the store and the UI at most this often: each store write waits for the writer's batch. */
const PROGRESS_EVERY_MS = 500;

/**
 * Job kind 'import-feedback': params {path}; progress in bytes; the result is the ImportSummary. Cancelling
 * stops after the batch being written. Running it again on the same file adds exactly what is missing.
 */
export function registerInteractionJobs(ctx: AppContext): void {
  registerJob(ctx.runner, 'import-feedback', async (job) => {
    const { path } = job.params;
    let last = 0;
    const summary = await importFeedback(ctx.db, path, {
      kb: loadKnowledge(),
      maxErrors: JOB_MAX_ERRORS,
      signal: job.signal,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        job.progress(done, total, 'bytes');
      },
    });
    ctx.events.emit('event', { type: 'data-changed', what: 'interactions' });
    if (summary.examples > 0) ctx.events.emit('event', { type: 'data-changed', what: 'examples' });
    return summary;
  });
}
