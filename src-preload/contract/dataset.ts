import { z } from 'zod';
import { ExclusionReasonSchema, GateSchema, LeakageReportSchema, QualityMetricsSchema, SplitConfigSchema, SplitCountsSchema } from '../schemas/build';
import { channel } from './channel';
import { JobViewSchema } from './core';

const TokenStatsSchema = z.object({ n: z.number().int(), p50: z.number().int(), p95: z.number().int(), max: z.number().int() });
export const TokenBudgetViewSchema = z.object({
  tokenizer: z.string(),
  per_task: z.record(z.string(), TokenStatsSchema),
  all: TokenStatsSchema,
  recommended: z.object({ axolotl_sequence_len: z.number().int(), llamafactory_cutoff_len: z.number().int() }),
});

const StyleQualitySchema = z.object({
  count: z.number().int(),
  distinct2: z.number(),
  distinct3: z.number(),
  /** share (0-1) of the style's queries opening with one of its 12 most common openers */
  top12OpenerShare: z.number(),
  /** what the build's artefact detector found, in all and per kind, with up to 10 examples */
  artefacts: z.number().int(),
  artefactsByKind: z.record(z.string(), z.number().int()),
  artefactExamples: z.array(z.string()),
});

/** Naturalness of the query variations a build kept (build/query-report.ts), with the issue-17 targets and each one missed. */
export const QueryQualityViewSchema = z.object({
  targets: z.object({ maxArtefacts: z.number(), minDistinct3: z.number(), maxTop12OpenerShare: z.number() }),
  styles: z.record(z.string(), StyleQualitySchema),
  overall: z.object({ count: z.number().int(), distinct2: z.number(), distinct3: z.number() }),
  misses: z.array(z.string()),
});
export type QueryQualityView = z.infer<typeof QueryQualityViewSchema>;

/** One generated kind's kept count against its plan target (build/target-loop.ts). */
export const KindTargetViewSchema = z.object({
  kind: z.string(),
  target: z.number().int(),
  generated: z.number().int(),
  kept: z.number().int(),
  met: z.boolean(),
  /** why a kind fell short: an exhausted generator, or the top-up rounds and what filtering took */
  reason: z.string().nullable(),
});
export type KindTargetView = z.infer<typeof KindTargetViewSchema>;

export const ExpertVerificationViewSchema = z.object({ verified: z.number().int(), total: z.number().int(), label: z.string() });

/** The parts of a build's quality report the screens show (metadata/quality_report.json holds the rest). */
export const QualityReportViewSchema = z.object({
  passed: z.boolean(),
  failures: z.array(z.string()),
  gates: z.array(GateSchema),
  metrics: QualityMetricsSchema,
  counts: z.object({ total: z.number().int(), kept: z.number().int(), splits: SplitCountsSchema }),
  leakage: LeakageReportSchema,
  near_duplicates: z.object({ clusters: z.number().int(), pairs: z.number().int(), threshold: z.number() }).optional(),
  /** tokens per conversation per task and the sequence length at which no example is cut (metrics/token-budget.ts) */
  token_budget: TokenBudgetViewSchema.optional(),
  /** optional: reports of builds before these figures existed lack them */
  query_quality: QueryQualityViewSchema.optional(),
  targets: z.array(KindTargetViewSchema).optional(),
  expert_verification: ExpertVerificationViewSchema.optional(),
});
export type QualityReportView = z.infer<typeof QualityReportViewSchema>;

export const ManifestViewSchema = z.object({
  seed: z.number().int(),
  app_version: z.string(),
  engines: z.array(z.string()),
  counts: SplitCountsSchema,
  files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number().int(), rows: z.number().int().nullable() })),
});
export type ManifestView = z.infer<typeof ManifestViewSchema>;

export const BuildStatusSchema = z.enum(['running', 'passed', 'failed', 'error']);

export const BuildRowSchema = z.object({
  id: z.string(),
  status: BuildStatusSchema,
  seed: z.number().int(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  output_dir: z.string().nullable(),
  counts: SplitCountsSchema.nullable(),
  failures: z.array(z.string()),
  /** set when the build stopped with an error */
  error: z.string().nullable(),
});
export type BuildRow = z.infer<typeof BuildRowSchema>;

export const SplitPreviewSchema = z.object({
  /** examples taken into the preview: status auto_validated or accepted */
  included: z.number().int(),
  /** examples left out of the preview (pending, needs review, rejected) */
  notIncluded: z.number().int(),
  splits: SplitCountsSchema,
  /** band: 'ok' when val and test each hold 5-15% of the type, 'outside' when not, 'small' under 50 examples */
  byAnalysisType: z.array(
    z.object({ analysisType: z.string(), train: z.number().int(), val: z.number().int(), test: z.number().int(), band: z.enum(['ok', 'outside', 'small']) }),
  ),
  /**
   * Leakage of the previewed assignment: paraphrase groups (group_id) in more than one split, and
   * near-duplicate pairs across splits. Pairs come from the latest build's near-duplicate clusters.
   */
  leakage: LeakageReportSchema,
  nearDuplicates: z.object({
    /** the build whose clusters gave the pairs; null when there is no build yet */
    buildId: z.string().nullable(),
    threshold: z.number().nullable(),
    clusters: z.number().int(),
    pairs: z.number().int(),
  }),
  /** the expert items (golden queries, test only) and how many of them the expert has verified so far */
  expertTest: z.object({ verified: z.number().int(), total: z.number().int() }),
  ms: z.number(),
});
export type SplitPreview = z.infer<typeof SplitPreviewSchema>;

const SplitTally = { total: z.number().int(), train: z.number().int(), val: z.number().int(), test: z.number().int(), excluded: z.number().int() };

/** What one build kept and left out, and why: the Export screen's account of a build. */
export const BuildReportSchema = z.object({
  buildId: z.string(),
  /** per task (the system prompt an example trains): examples seen, per split, excluded; target of the kind teaching it */
  perTask: z.array(z.object({ task: z.string(), kind: z.string().nullable(), target: z.number().int().nullable(), ...SplitTally })),
  /** examples left out per reason, every reason listed (0 included), in the pipeline's order */
  excluded: z.array(z.object({ reason: ExclusionReasonSchema, count: z.number().int() })),
  /** validation rule findings (an example may have several), most frequent first */
  ruleFailures: z.array(z.object({ rule: z.string(), count: z.number().int() })),
  nearDuplicates: z.object({ clusters: z.number().int(), pairs: z.number().int(), threshold: z.number() }).nullable(),
  /**
   * Examples a reviewer accepted or edited before the build started that the build still left out: the
   * decision in effect, the reason and the rule findings. At most `limit` items; `total` counts them all.
   */
  dropped: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        input: z.string(),
        decision: z.enum(['accept', 'edit']),
        decidedAt: z.string(),
        reason: ExclusionReasonSchema,
        rules: z.array(z.string()),
      }),
    ),
  }),
});
export type BuildReport = z.infer<typeof BuildReportSchema>;

/** Channels of the dataset part: split preview, the build job and the list of builds. */
export const datasetChannels = {
  /** split assignment of the current store without exporting anything */
  'splits.preview': channel(z.object({ config: SplitConfigSchema }), SplitPreviewSchema),
  /** runs the pipeline and export over the store as a job of kind 'build' */
  'build.start': channel(
    z.object({
      outDir: z.string().trim().min(1).max(4096),
      seed: z.number().int().nonnegative(),
      splitConfig: SplitConfigSchema.partial().optional(),
    }),
    JobViewSchema,
  ),
  'builds.list': channel(z.object({ limit: z.number().int().min(1).max(500).optional() }), z.array(BuildRowSchema)),
  'builds.get': channel(
    z.object({ id: z.string().min(1).max(200) }),
    z.object({ build: BuildRowSchema, manifest: ManifestViewSchema.nullable(), qualityReport: QualityReportViewSchema.nullable() }).nullable(),
  ),
  /** per-task counts, exclusions by reason and rule, and the reviewed examples the build dropped; null for an unknown or unfinished build */
  'builds.report': channel(z.object({ id: z.string().min(1).max(200), limit: z.number().int().min(1).max(500).optional() }), BuildReportSchema.nullable()),
};
