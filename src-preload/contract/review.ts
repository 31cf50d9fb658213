import { z } from 'zod';
import { ExampleOutputSchema, ExampleSchema, ExampleStatusSchema } from '../schemas/example';
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

export const reviewChannels = {
  'review.next': channel(
    z.object({ filter: ExampleFilterSchema, afterSeq: z.number().int().min(0) }),
    z.object({ item: ExampleSchema.extend({ seq: z.number() }).nullable() }),
  ),
  'review.decide': channel(
    z.object({ id: z.string().min(1).max(200), action: z.enum(['accept', 'reject', 'edit']), output: ExampleOutputSchema.optional() }),
    z.object({ seq: z.number(), status: ExampleStatusSchema }),
  ),
  'review.item': channel(z.object({ id: z.string().min(1).max(200) }), z.object({ item: ExampleSchema.extend({ seq: z.number() }).nullable() })),
  'review.undo': channel(z.object({}).strict(), z.object({ exampleId: z.string(), undone: z.number(), status: ExampleStatusSchema }).nullable()),
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
