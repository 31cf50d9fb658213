import { z } from 'zod';
import { EvalComparisonSchema, EvalModelStartSchema, EvalReportSchema, EvalRunRowSchema } from '../schemas/model-eval';
import { channel } from './channel';
import { JobViewSchema } from './core';

const RunId = z.string().min(1).max(200);


/** Channels of model evaluation: start a run (a job of kind 'eval-model'), list, open and compare runs. */
export const modelEvalChannels = {
  'evalModel.start': channel(EvalModelStartSchema, JobViewSchema),
  'evalModel.runs': channel(z.object({ limit: z.number().int().min(1).max(500).optional() }), z.array(EvalRunRowSchema)),
  /** a run's report (settings, per-task and per-analysis-type tables, worst answers); null for an unknown or unfinished run */
  'evalModel.get': channel(z.object({ id: RunId }), z.object({ run: EvalRunRowSchema, report: EvalReportSchema.nullable(), error: z.string().nullable() }).nullable()),
  'evalModel.compare': channel(z.object({ a: RunId, b: RunId }), EvalComparisonSchema),
};
