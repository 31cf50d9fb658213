import { CompareError, compareRuns } from '../model-eval/compare';
import { buildReport } from '../model-eval/report';
import { EvalRunsRepo } from '../model-eval/runs-repo';
import { startJob } from '../jobs/typed-jobs';
import { ApiError } from './api-error';
import { startedJobReply } from './job-reply';
import type { PartHandlers } from './types';

export const modelEvalHandlers = {
  'evalModel.start': (req, ctx) => startedJobReply(ctx, startJob(ctx.runner, 'eval-model', req)),
  'evalModel.runs': (req, ctx) => new EvalRunsRepo(ctx.db).list(req.limit ?? 50),
  'evalModel.get': (req, ctx) => {
    const repo = new EvalRunsRepo(ctx.db);
    const run = repo.find(req.id);
    if (!run) return null;
    // the report as report.json has it, rebuilt from the store (the folder may have been moved)
    const report =
      run.summary && run.row.finished_at
        ? buildReport({ id: run.row.id, created_at: run.row.created_at, finished_at: run.row.finished_at }, run.settings, run.summary, repo.items(run.row.id))
        : null;
    return { run: run.row, report, error: run.error };
  },
  'evalModel.compare': (req, ctx) => {
    try {
      return compareRuns(new EvalRunsRepo(ctx.db), req.a, req.b);
    } catch (e) {
      if (e instanceof CompareError) throw new ApiError(404, e.message);
      throw e;
    }
  },
} satisfies PartHandlers;
