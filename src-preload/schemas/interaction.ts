import { z } from 'zod';
import { ToolChoiceSchema, WorkflowProjectSchema } from './example';
import { IntentSchema } from './intent';

/** User feedback on one logged interaction (plan 2.3). */
export const FeedbackSchema = z.enum(['accept', 'reject', 'modify']);
export type Feedback = z.infer<typeof FeedbackSchema>;

/** Where an interaction was recorded. */
export const InteractionOriginSchema = z.enum(['cli', 'playground', 'import']);
export type InteractionOrigin = z.infer<typeof InteractionOriginSchema>;

/** The user's corrections: each field set replaces the logged one in the training target. */
export const ModificationsSchema = z.object({
  intent: IntentSchema.optional(),
  tools: z.array(ToolChoiceSchema).optional(),
  workflow: WorkflowProjectSchema.optional(),
});
export type Modifications = z.infer<typeof ModificationsSchema>;

/** One row of the `interactions` table (JSON columns decoded). */
export const InteractionSchema = z.object({
  id: z.string(),
  session_id: z.string(),
  timestamp: z.string(),
  query: z.string(),
  intent: IntentSchema.nullable(),
  tools: z.array(ToolChoiceSchema).nullable(),
  workflow: WorkflowProjectSchema.nullable(),
  feedback: FeedbackSchema.nullable(),
  modifications: ModificationsSchema.nullable(),
  execution_success: z.boolean().nullable(),
  quality_score: z.number().min(0).max(1),
  origin: InteractionOriginSchema,
  /** sha256 of the canonical JSON of the logged content; unique in the table */
  content_hash: z.string(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

/** What a caller logs: the derived fields (id, quality score, hash) are filled in by the repository. */
export type NewInteraction = Omit<Interaction, 'id' | 'quality_score' | 'content_hash'> & { id?: string };

const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be empty');

/**
 * One line of an imported feedback JSONL file. session_id, timestamp and query are required; the rest default
 * to null. Derived fields in the line (id, quality_score, content_hash, origin) are ignored and recomputed.
 */
export const FeedbackLineSchema = z.object({
  session_id: nonBlank(200),
  timestamp: nonBlank(100).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date/time'),
  query: nonBlank(100_000),
  intent: IntentSchema.nullable().default(null),
  tools: z.array(ToolChoiceSchema).nullable().default(null),
  workflow: WorkflowProjectSchema.nullable().default(null),
  feedback: FeedbackSchema.nullable().default(null),
  modifications: ModificationsSchema.nullable().default(null),
  execution_success: z.boolean().nullable().default(null),
});
export type FeedbackLine = z.infer<typeof FeedbackLineSchema>;
