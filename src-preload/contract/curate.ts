import { z } from 'zod';
import { ExampleKindSchema, ExampleOutputSchema, ExampleSchema, ExampleStatusSchema } from '../schemas/example';
import { channel } from './channel';

/** One golden query of the expert test set and whether the expert's approval of its answer stands. */
export const ExpertItemSchema = z.object({
  id: z.string(),
  goldenId: z.string().nullable(),
  query: z.string(),
  category: z.string(),
  analysisType: z.string(),
  difficulty: z.number().int(),
  kind: ExampleKindSchema,
  status: ExampleStatusSchema,
  /** approved by the expert, and neither edited nor undone since */
  verified: z.boolean(),
  /** the approved answer differs from the generated one */
  edited: z.boolean(),
  verifiedAt: z.string().nullable(),
});
export type ExpertItem = z.infer<typeof ExpertItemSchema>;

const Id = z.object({ id: z.string().min(1).max(200) });
const Counts = z.object({ verified: z.number().int(), total: z.number().int() });

export const curateChannels = {
  /** the expert test set in golden-query order, with the verified count ("expert-verified: N/100") */
  'curate.list': channel(z.object({}).strict(), Counts.extend({ items: z.array(ExpertItemSchema) })),
  /** one expert item: the stored example and the full answer the export writes for it */
  'curate.item': channel(Id, z.object({ item: ExpertItemSchema, example: ExampleSchema.extend({ seq: z.number() }), answer: z.string() })),
  /** approves the answer as expert ground truth, edited when `output` differs (checked like review.decide's edits) */
  'curate.approve': channel(Id.extend({ output: ExampleOutputSchema.optional() }), Counts.extend({ item: ExpertItemSchema })),
  /** withdraws an approval: the item stays in test, unverified */
  'curate.revoke': channel(Id, Counts.extend({ item: ExpertItemSchema })),
};
