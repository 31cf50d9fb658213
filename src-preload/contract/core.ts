import { z } from 'zod';
import { ExclusionReasonSchema } from '../schemas/build';
import { ExampleKindSchema, ExampleSchema, ExampleStatusSchema, SplitSchema } from '../schemas/example';
import { channel } from './channel';
import { JobStartRequestSchema, JobStatusSchema, JobViewSchema } from './jobs';
import { HttpUrlSchema } from '../schemas/http-url';

export { JobViewSchema, type JobView } from './jobs';

/** The order a review queue is walked in (and listed): queue order, lowest confidence first, most mismatches first, newest first. */
export const QueueSortSchema = z.enum(['queue', 'low_confidence', 'most_mismatches', 'newest']);
export type QueueSort = z.infer<typeof QueueSortSchema>;

export const ExampleFilterSchema = z.object({
  kind: ExampleKindSchema.optional(),
  status: ExampleStatusSchema.optional(),
  analysisType: z.string().max(100).optional(),
  split: SplitSchema.optional(),
  lowConfidence: z.boolean().optional(),
  intentMismatch: z.boolean().optional(),
  search: z.string().max(500).optional(),
  /** examples a build left out (build_items.excluded), optionally for one reason and one validation rule */
  excludedFrom: z
    .object({
      buildId: z.string().min(1).max(200),
      reason: ExclusionReasonSchema.optional(),
      rule: z.string().regex(/^[a-z0-9_]+$/).max(100).optional(),
    })
    .optional(),
  /** the order only: which items match does not depend on it */
  sort: QueueSortSchema.optional(),
});
export type ExampleFilter = z.infer<typeof ExampleFilterSchema>;

export const ExampleLightSchema = z.object({
  id: z.string(),
  kind: ExampleKindSchema,
  status: ExampleStatusSchema,
  analysis_type: z.string(),
  style: z.string().nullable(),
  input: z.string(),
  confidence: z.number().nullable(),
  intent_mismatches: z.number(),
  seq: z.number(),
});
export type ExampleLight = z.infer<typeof ExampleLightSchema>;

export const JobProgressEventSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  status: JobStatusSchema,
  done: z.number(),
  total: z.number(),
  message: z.string().nullable(),
  rate: z.number(),
});
export type JobProgressEvent = z.infer<typeof JobProgressEventSchema>;

/** Events pushed from main to the renderer (IPC 'event' channel, or SSE on the bridge). */
export const AppEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job-progress'), progress: JobProgressEventSchema }),
  z.object({ type: z.literal('data-changed'), what: z.string() }),
]);
export type AppEvent = z.infer<typeof AppEventSchema>;

const Empty = z.object({}).strict();

/** What "Test connection" found at an endpoint's model list (GET <baseURL>/models). */
export const LlmConnectionTestSchema = z.object({
  ok: z.boolean(),
  /** the exact URL asked */
  url: z.string(),
  /** HTTP status; null when no answer came (refused, timeout, DNS) */
  status: z.number().int().nullable(),
  latencyMs: z.number().int().nonnegative(),
  /** model ids the endpoint serves, in its order */
  models: z.array(z.string()),
  /** whether the model named in the form is among them */
  modelServed: z.boolean(),
  /** why it failed, naming the URL; null when ok */
  error: z.string().nullable(),
});
export type LlmConnectionTest = z.infer<typeof LlmConnectionTestSchema>;

export const coreChannels = {
  'app.info': channel(
    Empty,
    z.object({
      version: z.string(),
      schemaVersion: z.number(),
      dbPath: z.string(),
      mode: z.enum(['studio', 'review']),
    }),
  ),
  'jobs.start': channel(JobStartRequestSchema, JobViewSchema),
  'jobs.list': channel(Empty, z.array(JobViewSchema)),
  'jobs.cancel': channel(z.object({ id: z.string() }), z.object({ cancelled: z.boolean() })),
  'jobs.resume': channel(z.object({ id: z.string() }), JobViewSchema),
  'examples.list': channel(
    z.object({ filter: ExampleFilterSchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }),
    z.object({ total: z.number(), items: z.array(ExampleLightSchema) }),
  ),
  'examples.get': channel(z.object({ id: z.string() }), ExampleSchema.nullable()),
  'settings.get': channel(
    Empty,
    z.object({
      llm: z.object({
        baseURL: z.string(),
        model: z.string(),
        concurrency: z.number().int(),
        timeoutMs: z.number().int(),
        apiKeySet: z.boolean(),
      }),
    }),
  ),
  'settings.setLlm': channel(
    z.object({
      baseURL: HttpUrlSchema,
      model: z.string().min(1).max(200),
      concurrency: z.number().int().min(1).max(64),
      timeoutMs: z.number().int().min(1000).max(600_000),
      /** only in memory / OS keychain; never written to SQLite */
      apiKey: z.string().max(500).optional(),
    }),
    z.object({ ok: z.literal(true) }),
  ),
  /** asks the endpoint in the form (not yet saved) for its model list; the stored key is used when none is given */
  'settings.testLlm': channel(
    z.object({
      baseURL: z.string().url().max(500),
      model: z.string().max(200),
      timeoutMs: z.number().int().min(100).max(600_000),
      apiKey: z.string().max(500).optional(),
    }),
    LlmConnectionTestSchema,
  ),
};
