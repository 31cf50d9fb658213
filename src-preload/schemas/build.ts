import { z } from 'zod';

export const SplitRatiosSchema = z
  .object({ train: z.number().min(0).max(1), val: z.number().min(0).max(1), test: z.number().min(0).max(1) })
  .refine((r) => Math.abs(r.train + r.val + r.test - 1) < 1e-6, { message: 'train + val + test must be 1' })
  .refine((r) => r.train > 0, { message: 'train must be above 0' });

export const SplitConfigSchema = z.object({
  ratios: SplitRatiosSchema.default({ train: 0.8, val: 0.1, test: 0.1 }),
  seed: z.number().int().nonnegative().default(42),
  /** stratify the split by this example field, or not at all */
  stratifyBy: z.enum(['analysis_type', 'category', 'kind', 'none']).default('analysis_type'),
  /** keep all examples sharing this field in one split */
  groupBy: z.enum(['group_id', 'base_id', 'none']).default('group_id'),
  /** estimated Jaccard similarity of word 3-shingles above which two inputs are near-duplicates */
  nearDupThreshold: z.number().min(0.3).max(1).default(0.8),
  /** expert-curated examples go to test only */
  expertTestOnly: z.boolean().default(true),
});
export type SplitConfig = z.infer<typeof SplitConfigSchema>;
export const DEFAULT_SPLIT_CONFIG: SplitConfig = SplitConfigSchema.parse({});

export const SplitCountsSchema = z.object({ train: z.number(), val: z.number(), test: z.number() });
export type SplitCounts = z.infer<typeof SplitCountsSchema>;

export const LeakageReportSchema = z.object({
  sharedGroups: z.number().int(),
  crossSplitNearDuplicates: z.number().int(),
  examples: z.array(z.string()),
});
export type LeakageReport = z.infer<typeof LeakageReportSchema>;

const AnswerLeakageCountsSchema = z.object({
  test_answers: z.number().int(),
  /** byte-identical to a train answer */
  identical: z.number().int(),
  /** not identical, but a near duplicate (estimated Jaccard of word 3-shingles >= threshold) of a train answer */
  near_duplicate: z.number().int(),
  /** (identical + near_duplicate) / test_answers, 0 when there are none */
  share: z.number(),
});
export type AnswerLeakageCounts = z.infer<typeof AnswerLeakageCountsSchema>;

/** The answer side of leakage: test answers a model could have memorised from a train answer. */
export const AnswerLeakageSchema = AnswerLeakageCountsSchema.extend({
  threshold: z.number(),
  /** the same figures for the expert items in test (source 'expert') */
  expert: AnswerLeakageCountsSchema,
  /** up to 20 leaked test answers: '<test id> = <train id>' (identical) or '<test id> ~ <train id>' */
  examples: z.array(z.string()),
});
export type AnswerLeakage = z.infer<typeof AnswerLeakageSchema>;

export const GateSchema = z.object({
  name: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
  display: z.string(),
  result: z.enum(['pass', 'fail', 'n/a']),
});
export type Gate = z.infer<typeof GateSchema>;

export const QualityMetricsSchema = z.object({
  intent_parse_rate: z.number(),
  intent_confidence_mean: z.number(),
  tool_coverage: z.number(),
  tools_covered: z.number().int(),
  tools_in_catalog: z.number().int(),
  tool_accuracy: z.number(),
  workflow_valid_rate: z.number(),
  workflow_complete_rate: z.number(),
  acceptance_rate: z.number().nullable(),
  modification_rate: z.number().nullable(),
  interactions_with_feedback: z.number().int(),
  category_entropy: z.number(),
  category_entropy_normalized: z.number(),
  category_coverage: z.number(),
  categories_covered: z.number().int(),
  categories_total: z.number().int(),
  difficulty_distribution: z.record(z.string(), z.number()),
  category_distribution: z.record(z.string(), z.number()),
  tool_distribution: z.record(z.string(), z.number()),
});
export type QualityMetrics = z.infer<typeof QualityMetricsSchema>;

/**
 * Why the pipeline left an example out of a build (build_items.excluded), with the sentence the Export screen
 * gives it. One list for the pipeline (src-main/pipeline/run-pipeline.ts) and the screens.
 */
export const EXCLUSION_REASONS = {
  rejected_in_review: 'rejected by a reviewer',
  awaiting_review: 'pending or waiting in the review queue',
  rule_rejected: 'a validation rule rejects it',
  rule_review: 'a validation rule sends it to review',
  duplicate: 'the same task and request as a kept example',
  near_duplicate_of_eval: 'a near-duplicate of a val/test example, kept out of train',
} as const;
export type ExclusionReason = keyof typeof EXCLUSION_REASONS;
export const ExclusionReasonSchema = z.enum(Object.keys(EXCLUSION_REASONS) as [ExclusionReason, ...ExclusionReason[]]);

/** The phases a build reports progress in, in order (job messages start with the phase). */
export const BUILD_PHASES = ['validate', 'near-duplicates', 'splits', 'write', 'export', 'metadata', 'check'] as const;
export type BuildPhase = (typeof BUILD_PHASES)[number];
