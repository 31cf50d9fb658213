import { z } from 'zod';
import { ExampleSchema, ToolChoiceSchema } from '../schemas/example';
import { FeedbackSchema, InteractionOriginSchema, InteractionSchema, ModificationsSchema } from '../schemas/interaction';
import { IntentSchema } from '../schemas/intent';
import { channel } from './channel';
import { ImportSummarySchema } from './jobs';
import { DiagnosticSchema, EditProblemSchema } from './review';


export { type ImportSummary, ImportSummarySchema } from './jobs';

export const InteractionStatsSchema = z.object({
  total: z.number().int(),
  withFeedback: z.number().int(),
  accepted: z.number().int(),
  modified: z.number().int(),
  rejected: z.number().int(),
});

/** Channels of the playground part: try a query, give feedback, browse and import logged interactions. */
export const playgroundChannels = {
  /** parse -> select tools -> generate -> lint one query; the run is logged as an interaction */
  'playground.run': channel(
    z.object({ query: z.string().trim().min(1).max(100_000), sessionId: z.string().min(1).max(200).optional() }),
    z.object({
      intent: IntentSchema,
      tools: z.array(ToolChoiceSchema),
      /** relative path -> file text; empty when the analysis type is unknown */
      workflow: z.record(z.string(), z.string()),
      diagnostics: z.array(DiagnosticSchema),
      interactionId: z.string(),
      sessionId: z.string(),
    }),
  ),
  /**
   * the workflow for an edited intent and tool list (nothing is logged): what "Save modification" will store.
   * `problems` name what the knowledge base refuses (unknown analysis type, tool, organism); then no workflow.
   */
  'playground.regenerate': channel(
    z.object({ query: z.string().trim().min(1).max(100_000), intent: IntentSchema, tools: z.array(ToolChoiceSchema).max(50) }),
    z.object({ workflow: z.record(z.string(), z.string()), diagnostics: z.array(DiagnosticSchema), problems: z.array(EditProblemSchema) }),
  ),
  /** records feedback on a logged run (the row is updated); accepted / modified runs become examples */
  'playground.feedback': channel(
    z.object({
      interactionId: z.string().min(1).max(200),
      feedback: FeedbackSchema,
      modifications: ModificationsSchema.nullable().optional(),
      executionSuccess: z.boolean().nullable().optional(),
    }),
    z.object({ interaction: InteractionSchema, example: ExampleSchema.nullable() }),
  ),
  'interactions.list': channel(
    z.object({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(200),
      sessionId: z.string().max(200).optional(),
      origin: InteractionOriginSchema.optional(),
      feedback: z.union([FeedbackSchema, z.literal('none')]).optional(),
      newestFirst: z.boolean().optional(),
    }),
    z.object({ total: z.number().int(), items: z.array(InteractionSchema), stats: InteractionStatsSchema }),
  ),
  /** imports a feedback JSONL file from a local path */
  'interactions.import': channel(
    // jobId: chosen by the caller so it can follow the import's job-progress events (and cancel) while waiting
    z.object({ path: z.string().min(1).max(4096), jobId: z.string().uuid().optional() }),
    ImportSummarySchema,
  ),
};
