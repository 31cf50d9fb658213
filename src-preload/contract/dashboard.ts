import { z } from 'zod';
import { ExampleKindSchema } from '../schemas/example';
import { channel } from './channel';
import { BuildRowSchema, QualityReportViewSchema } from './dataset';

/** Channels of the dashboard part. */
export const dashboardChannels = {
  'dashboard.summary': channel(
    z.object({}).strict(),
    z.object({
      total: z.number().int(),
      /** every kind, with its plan target (null for interactions, which have none) */
      kinds: z.array(z.object({ kind: ExampleKindSchema, count: z.number().int(), target: z.number().int().nullable() })),
      statuses: z.record(z.string(), z.number().int()),
      /** the knowledge base's categories and tools, so charts can show the uncovered ones (empty without a build) */
      categories: z.array(z.object({ id: z.string(), name: z.string() })),
      tools: z.array(z.object({ id: z.string(), name: z.string() })),
      /** the newest finished build (passed or failed) with its quality report */
      latestBuild: z.object({ build: BuildRowSchema, report: QualityReportViewSchema.nullable() }).nullable(),
    }),
  ),
};
