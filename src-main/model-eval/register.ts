import path from 'node:path';
import type { AppContext } from '../app/context';
import { LLM_API_KEY } from '../app/secret-store';
import { JobCancelledError } from '../jobs/job-runner';
import { registerJob } from '../jobs/typed-jobs';
import { loadKnowledge } from '../knowledge/load';
import { EvalCancelledError, runModelEval } from './run-eval';

/** Reports of runs started from the app go beside the store: <store folder>/eval/<run id>/. */
export function appEvalRoot(ctx: Pick<AppContext, 'dbPath'>): string {
  return ctx.dbPath === ':memory:' ? path.resolve('eval') : path.join(path.dirname(path.resolve(ctx.dbPath)), 'eval');
}

/** Job kind 'eval-model': one evaluation run, progress per answered example; cancelling stops the run (stored as failed). */
export function registerModelEvalJobs(ctx: AppContext): void {
  registerJob(ctx.runner, 'eval-model', async (job) => {
    const p = job.params;
    const apiKey = ctx.secrets.get(LLM_API_KEY) || process.env.BIOTRAIN_LLM_API_KEY || undefined;
    try {
      const result = await runModelEval(
        ctx.db,
        loadKnowledge(),
        {
          baseURL: p.baseURL,
          model: p.model,
          ...(apiKey ? { apiKey } : {}),
          split: p.split,
          limit: p.limit,
          concurrency: p.concurrency,
          timeoutMs: p.timeoutMs,
          maxRetries: p.maxRetries,
          temperature: p.temperature,
          maxTokens: null,
          cache: p.cache,
          source: p.buildId ? { buildId: p.buildId } : {},
          outRoot: appEvalRoot(ctx),
          signal: job.signal,
        },
        (done, total) => job.progress(done, total, `${done} of ${total} answered`),
      );
      ctx.events.emit('event', { type: 'data-changed', what: 'eval-runs' });
      return { runId: result.id, score: result.summary.score, n: result.summary.n, reportDir: result.reportDir };
    } catch (e) {
      ctx.events.emit('event', { type: 'data-changed', what: 'eval-runs' });
      if (e instanceof EvalCancelledError) throw new JobCancelledError();
      throw e;
    }
  });
}
