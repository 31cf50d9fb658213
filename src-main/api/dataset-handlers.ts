import { buildsRepo } from '../build/builds-repo';
import { previewSplits } from '../pipeline/split-preview';
import type { PartHandlers } from './types';

export const datasetHandlers = {
  'splits.preview': (req, ctx) => previewSplits(ctx.db, req.config),
  'build.start': (req, ctx) => {
    const { job, done } = ctx.runner.start('build', { outDir: req.outDir, seed: req.seed, splitConfig: req.splitConfig });
    done.catch(() => undefined);
    return ctx.runner.store.get(job.id) ?? job;
  },
  'builds.list': (req, ctx) => buildsRepo(ctx.db).list(req.limit ?? 50),
  'builds.get': (req, ctx) => buildsRepo(ctx.db).get(req.id),
} satisfies PartHandlers;
