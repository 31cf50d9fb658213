import { buildReport } from '../build/build-report';
import { buildsRepo } from '../build/builds-repo';
import { previewSplits } from '../pipeline/split-preview';
import { startJob } from '../jobs/typed-jobs';
import { startedJobReply } from './job-reply';
import type { PartHandlers } from './types';

export const datasetHandlers = {
  'splits.preview': (req, ctx) => previewSplits(ctx.db, req.config),
  'build.start': (req, ctx) => startedJobReply(ctx, startJob(ctx.runner, 'build', { outDir: req.outDir, seed: req.seed, splitConfig: req.splitConfig })),
  'builds.list': (req, ctx) => buildsRepo(ctx.db).list(req.limit ?? 50),
  'builds.get': (req, ctx) => buildsRepo(ctx.db).get(req.id),
  'builds.report': (req, ctx) => buildReport(ctx.db, req.id, req.limit ?? 200),
} satisfies PartHandlers;
