// The typed job contract: params and result per job kind. Adding a job kind = one entry in each map below
// (the union member) + its register file in main + one line in src-main/jobs/register-all.ts.
import { z } from 'zod';
import { AnswerLeakageSchema, GateSchema, LeakageReportSchema, QualityMetricsSchema, SplitConfigSchema } from '../schemas/build';
import { VariationStyleSchema } from '../schemas/example';
import { EvalModelResultSchema, EvalModelStartSchema } from '../schemas/model-eval';
import { GENERATED_KINDS, type GeneratedKind } from '../schemas/plan-targets';

export const GenerateParamsSchema = z.object({
  kind: z.enum(GENERATED_KINDS as [GeneratedKind, ...GeneratedKind[]]),
  count: z.number().int().min(1).max(1_000_000),
  seed: z.number().int().min(0).default(42),
  engine: z.enum(['template', 'llm']).default('template'),
});

export const GenerateSummarySchema = z.object({
  kind: GenerateParamsSchema.shape.kind,
  engine: z.string(),
  /** the count asked for */
  requested: z.number().int(),
  /** the items planned: fewer than requested when the kind holds fewer distinct items (then `capped` says so) */
  planned: z.number().int(),
  /** why fewer items were planned than requested; null when the plan holds the count */
  capped: z.string().nullable(),
  inserted: z.number().int(),
  skippedExisting: z.number().int(),
  autoValidated: z.number().int(),
  needsReview: z.number().int(),
  /** per variation style (query_variation only) */
  diversity: z
    .partialRecord(VariationStyleSchema, z.object({ count: z.number().int(), distinct2: z.number(), meanPairwiseSimilarity: z.number() }))
    .nullable(),
});

export const BuildJobParamsSchema = z.object({
  outDir: z.string().min(1),
  seed: z.number().int().nonnegative(),
  splitConfig: SplitConfigSchema.partial().optional(),
});

export const BuildSummarySchema = z.object({
  buildId: z.string(),
  outDir: z.string(),
  files: z.number().int(),
  passed: z.boolean(),
  failures: z.array(z.string()),
  kinds: z.array(
    z.object({
      kind: z.string(),
      total: z.number().int(),
      target: z.number().int().nullable(),
      train: z.number().int(),
      val: z.number().int(),
      test: z.number().int(),
      excluded: z.number().int(),
    }),
  ),
  /** examples left out, by reason (rejected in review, rule failures, duplicates, ...) */
  excluded: z.record(z.string(), z.number().int()),
  gates: z.array(GateSchema),
  leakage: LeakageReportSchema,
  nearDuplicateClusters: z.number().int(),
  metrics: QualityMetricsSchema,
  /** expert items whose answer the expert approved (only these are exported as expert ground truth) */
  expertVerified: z.object({ verified: z.number().int(), total: z.number().int() }),
  /** test answers byte-identical to, or near duplicates of, a train answer */
  answerLeakage: AnswerLeakageSchema,
});

export const ImportJobParamsSchema = z.object({ path: z.string().min(1) });

/** What an import of a feedback JSONL file did. */
export const ImportSummarySchema = z.object({
  /** lines read, blank ones included */
  lines: z.number().int(),
  imported: z.number().int(),
  /** lines whose interaction (content hash) was already stored, in the store or earlier in the file */
  duplicates: z.number().int(),
  /** the first bad lines (capped); errorCount has the total */
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** number of bad lines */
  errorCount: z.number().int(),
  /** training examples created from imported accepted / modified interactions */
  examples: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const JOB_PARAMS = {
  generate: GenerateParamsSchema,
  build: BuildJobParamsSchema,
  'import-feedback': ImportJobParamsSchema,
  'eval-model': EvalModelStartSchema,
} as const;

export const JOB_RESULTS = {
  generate: GenerateSummarySchema,
  build: BuildSummarySchema,
  'import-feedback': ImportSummarySchema,
  'eval-model': EvalModelResultSchema,
} as const satisfies Record<keyof typeof JOB_PARAMS, z.ZodType>;

export type JobKind = keyof typeof JOB_PARAMS;
export const JOB_KINDS = Object.keys(JOB_PARAMS) as JobKind[];
/** params as the handler sees them (defaults applied) */
export type JobParams<K extends JobKind> = z.output<(typeof JOB_PARAMS)[K]>;
/** params as a caller may send them (defaults optional) */
export type JobParamsInput<K extends JobKind> = z.input<(typeof JOB_PARAMS)[K]>;
export type JobResult<K extends JobKind> = z.output<(typeof JOB_RESULTS)[K]>;

export const JobStatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted']);

/** A stored job row, as the job store keeps it (params and result as JSON of any shape). */
export const JobRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatusSchema,
  params: z.unknown(),
  progress_done: z.number(),
  progress_total: z.number(),
  message: z.string().nullable(),
  error: z.string().nullable(),
  result: z.unknown(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

/** A job as the API shows it: narrowing on `kind` gives its params and result types. */
export const JobViewSchema = z.discriminatedUnion('kind', [
  JobRecordSchema.extend({ kind: z.literal('generate'), params: GenerateParamsSchema, result: GenerateSummarySchema.nullable() }),
  JobRecordSchema.extend({ kind: z.literal('build'), params: BuildJobParamsSchema, result: BuildSummarySchema.nullable() }),
  JobRecordSchema.extend({ kind: z.literal('import-feedback'), params: ImportJobParamsSchema, result: ImportSummarySchema.nullable() }),
  JobRecordSchema.extend({ kind: z.literal('eval-model'), params: EvalModelStartSchema, result: EvalModelResultSchema.nullable() }),
]);
export type JobView = z.infer<typeof JobViewSchema>;

/** jobs.start: one member per kind, so a kind's params are validated (400) before any job row exists. */
export const JobStartRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('generate'), params: GenerateParamsSchema }),
  z.object({ kind: z.literal('build'), params: BuildJobParamsSchema }),
  z.object({ kind: z.literal('import-feedback'), params: ImportJobParamsSchema }),
  z.object({ kind: z.literal('eval-model'), params: EvalModelStartSchema }),
]);

// compile-time: every kind has a view and a start member
type MissingJobKinds = Exclude<JobKind, JobView['kind'] | z.infer<typeof JobStartRequestSchema>['kind']>;
const everyKindCovered: [MissingJobKinds] extends [never] ? true : false = true;
void everyKindCovered;
