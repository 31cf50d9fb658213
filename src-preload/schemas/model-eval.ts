import { z } from 'zod';
import { SplitSchema } from './example';

/** Metric name -> value in [0, 1] (counts are reported as rates); a metric that does not apply is absent. */
export const MetricsSchema = z.record(z.string(), z.number());
export type Metrics = z.infer<typeof MetricsSchema>;

/** The metrics that make up an answer's score, each in [0, 1]; the score is the mean of those that apply. */
export const HEADLINE_METRICS = ['format', 'intent.fields', 'tools.f1', 'workflow.score', 'facts.recall', 'facts.known'] as const;

/** One test example, the model's answer and how every checker scored it. */
export const EvalItemSchema = z.object({
  record_id: z.string(),
  example_id: z.string(),
  kind: z.string(),
  analysis_type: z.string(),
  /** false when no answer came back (timeout, retries exhausted); every metric is then 0 */
  answered: z.boolean(),
  error: z.string().nullable(),
  /** the mean of the headline metrics that apply to this task */
  score: z.number(),
  metrics: MetricsSchema,
  /** what went wrong, one short sentence each, in checker order */
  diagnostics: z.array(z.string()),
  answer: z.string(),
  latency_ms: z.number(),
  cached: z.boolean(),
});
export type EvalItem = z.infer<typeof EvalItemSchema>;

export const EvalSettingsSchema = z.object({
  base_url: z.string(),
  model: z.string(),
  split: z.enum(['train', 'val', 'test']),
  limit: z.number().int().nullable(),
  concurrency: z.number().int(),
  timeout_ms: z.number().int(),
  max_retries: z.number().int(),
  temperature: z.number(),
  max_tokens: z.number().int().nullable(),
  cache: z.boolean(),
  /** where the examples came from: an export folder or a build in the store */
  source: z.string(),
});
export type EvalSettings = z.infer<typeof EvalSettingsSchema>;

/** A table row: a group of items (a task or an analysis type) with its mean score and metric means. */
export const EvalGroupSchema = z.object({
  key: z.string(),
  n: z.number().int(),
  score: z.number(),
  /** metric -> mean over the items where it applies */
  metrics: MetricsSchema,
  /** metric -> how many items it applied to */
  counts: z.record(z.string(), z.number().int()),
});
export type EvalGroup = z.infer<typeof EvalGroupSchema>;

export const EvalSummarySchema = z.object({
  n: z.number().int(),
  answered: z.number().int(),
  score: z.number(),
  overall: EvalGroupSchema,
  by_task: z.array(EvalGroupSchema),
  by_analysis_type: z.array(EvalGroupSchema),
  usage: z.object({ calls: z.number().int(), cached: z.number().int(), prompt_tokens: z.number().int(), completion_tokens: z.number().int() }),
  duration_ms: z.number(),
  /** answers per second over the run's wall time */
  throughput: z.number(),
});
export type EvalSummary = z.infer<typeof EvalSummarySchema>;

export const EvalRunRowSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  status: z.enum(['running', 'completed', 'failed']),
  model: z.string(),
  base_url: z.string(),
  split: z.string(),
  n: z.number().int(),
  score: z.number().nullable(),
  report_dir: z.string().nullable(),
});
export type EvalRunRow = z.infer<typeof EvalRunRowSchema>;

export const EvalReportSchema = z.object({
  format_version: z.literal(1),
  run: z.object({ id: z.string(), created_at: z.string(), finished_at: z.string() }),
  settings: EvalSettingsSchema,
  summary: EvalSummarySchema,
  worst: z.array(EvalItemSchema.omit({ answer: true }).extend({ answer_excerpt: z.string() })),
});
export type EvalReport = z.infer<typeof EvalReportSchema>;

/** Two runs side by side: per metric (overall and per task) and per example. */
export const EvalComparisonSchema = z.object({
  a: EvalRunRowSchema,
  b: EvalRunRowSchema,
  metrics: z.array(z.object({ group: z.string(), metric: z.string(), a: z.number().nullable(), b: z.number().nullable(), delta: z.number().nullable() })),
  examples: z.array(
    z.object({ record_id: z.string(), kind: z.string(), analysis_type: z.string(), a: z.number().nullable(), b: z.number().nullable(), delta: z.number().nullable() }),
  ),
  /** examples whose score rose, fell, stayed; only in one run */
  changes: z.object({ better: z.number().int(), worse: z.number().int(), same: z.number().int(), unmatched: z.number().int() }),
});
export type EvalComparison = z.infer<typeof EvalComparisonSchema>;

/** What an evaluation run is started with (the eval-model job's params). */
export const EvalModelStartSchema = z.object({
  baseURL: z.string().trim().max(2000).regex(/^https?:\/\/\S+$/, 'an http(s) URL, e.g. http://127.0.0.1:8000/v1'),
  model: z.string().trim().min(1).max(200),
  split: SplitSchema.default('test'),
  limit: z.number().int().min(1).nullable().default(null),
  concurrency: z.number().int().min(1).max(64).default(4),
  timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  maxRetries: z.number().int().min(0).max(10).default(3),
  temperature: z.number().min(0).max(2).default(0),
  cache: z.boolean().default(true),
  /** a build of the store (default: the latest passed build) */
  buildId: z.string().min(1).max(200).optional(),
});
export type EvalModelStart = z.infer<typeof EvalModelStartSchema>;

/** The eval-model job's result. */
export const EvalModelResultSchema = z.object({ runId: z.string(), score: z.number(), n: z.number().int(), reportDir: z.string() });
