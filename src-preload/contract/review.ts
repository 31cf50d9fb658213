import { z } from 'zod';
import { ExampleKindSchema, ExampleOutputSchema, ExampleSchema, ExampleStatusSchema } from '../schemas/example';
import { IntentDiffSchema, IntentSchema } from '../schemas/intent';
import { channel } from './channel';
import { ExampleFilterSchema } from './core';

export const DiagnosticSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string(),
});
export type DiagnosticView = z.infer<typeof DiagnosticSchema>;

/** Why an item was rejected (shown as a picker; exported with the decision). */
export const RejectReasonSchema = z.enum([
  'wrong_intent',
  'wrong_tools',
  'invalid_workflow',
  'wrong_facts',
  'unclear_query',
  'off_topic',
  'duplicate',
  'other',
]);
export type RejectReason = z.infer<typeof RejectReasonSchema>;

/** What a reviewer may attach to a decision: a comment, a flag (for a second look), a reject reason. */
export const DecisionNoteSchema = z.object({
  comment: z.string().max(2000).optional(),
  flag: z.boolean().optional(),
  reason: RejectReasonSchema.optional(),
});
export type DecisionNote = z.infer<typeof DecisionNoteSchema>;

export const HistoryEntrySchema = z.object({
  seq: z.number().int(),
  exampleId: z.string(),
  /** 'flag' marks an item for a second look without deciding it (bulk flag) */
  action: z.enum(['accept', 'reject', 'edit', 'flag']),
  reviewer: z.string(),
  createdAt: z.string(),
  /** the item's query (first 200 characters) */
  input: z.string(),
  kind: ExampleKindSchema,
  /** the item's status now */
  status: ExampleStatusSchema,
  undone: z.boolean(),
  note: DecisionNoteSchema.nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** One reason an edited output cannot be accepted: where (a dotted path into the output) and why. */
export const EditProblemSchema = z.object({ path: z.string(), message: z.string() });
export type EditProblem = z.infer<typeof EditProblemSchema>;

/** The knowledge base's ids and names, for pickers (analysis types, organisms with their builds, tools). */
export const CatalogSchema = z.object({
  analysisTypes: z.array(z.object({ id: z.string(), name: z.string(), dataType: z.string() })),
  organisms: z.array(z.object({ id: z.string(), scientific_name: z.string(), genome_builds: z.array(z.string()) })),
  tools: z.array(z.object({ id: z.string(), name: z.string(), purpose: z.string() })),
});
export type Catalog = z.infer<typeof CatalogSchema>;

export const reviewChannels = {
  'knowledge.catalog': channel(z.object({}).strict(), CatalogSchema),
  /** the review guidelines (markdown): the open bundle's in reviewer mode, the shipped ones in the studio */
  'review.guidelines': channel(z.object({}).strict(), z.object({ markdown: z.string() })),
  /** validates an edited output of an item the way review.decide will (live, while editing) */
  'review.checkEdit': channel(
    z.object({ id: z.string().min(1).max(200), output: ExampleOutputSchema }),
    z.object({ problems: z.array(EditProblemSchema) }),
  ),
  'review.next': channel(
    z.object({ filter: ExampleFilterSchema, afterSeq: z.number().int().min(0) }),
    z.object({ item: ExampleSchema.extend({ seq: z.number() }).nullable() }),
  ),
  'review.decide': channel(
    z.object({
      id: z.string().min(1).max(200),
      action: z.enum(['accept', 'reject', 'edit']),
      output: ExampleOutputSchema.optional(),
      note: DecisionNoteSchema.optional(),
    }),
    z.object({ seq: z.number(), status: ExampleStatusSchema }),
  ),
  /** one action on the selected items, in one transaction; one review.undo undoes it all */
  'review.decideMany': channel(
    z.object({
      ids: z.array(z.string().min(1).max(200)).min(1).max(1000),
      action: z.enum(['accept', 'reject', 'flag']),
      note: DecisionNoteSchema.optional(),
    }),
    z.object({ count: z.number().int(), batch: z.string() }),
  ),
  'review.item': channel(z.object({ id: z.string().min(1).max(200) }), z.object({ item: ExampleSchema.extend({ seq: z.number() }).nullable() })),
  /** undoes the latest decision, or all of the bulk action it belongs to (`count` items; `exampleId` its first) */
  'review.undo': channel(
    z.object({}).strict(),
    z.object({ exampleId: z.string(), undone: z.number(), status: ExampleStatusSchema, count: z.number().int() }).nullable(),
  ),
  /** the latest decisions, newest first (the history panel) */
  'review.history': channel(z.object({ limit: z.number().int().min(1).max(500) }), z.object({ entries: z.array(HistoryEntrySchema) })),
  /** the note of the decision in effect on an item */
  'review.note': channel(z.object({ id: z.string().min(1).max(200) }), z.object({ note: DecisionNoteSchema.nullable() })),
  'review.stats': channel(z.object({ filter: ExampleFilterSchema }), z.object({ total: z.number(), remaining: z.number(), decided: z.number() })),
  'review.diff': channel(
    z.object({ id: z.string().min(1).max(200) }),
    z.object({
      groundTruth: IntentSchema.nullable(),
      parsed: IntentSchema.nullable(),
      roundTrip: IntentDiffSchema.nullable(),
      /** edited vs original target intent, when the example was edited */
      original: IntentSchema.nullable(),
      edit: IntentDiffSchema.nullable(),
    }),
  ),
  'workflow.lint': channel(
    z.object({ files: z.record(z.string().max(500), z.string().max(2_000_000)) }),
    z.object({ diagnostics: z.array(DiagnosticSchema), errorCount: z.number(), warningCount: z.number() }),
  ),
};
