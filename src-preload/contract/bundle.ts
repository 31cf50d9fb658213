import { z } from 'zod';
import { channel } from './channel';

const DecisionViewSchema = z.object({
  example_id: z.string(),
  action: z.enum(['accept', 'reject', 'edit']),
  output: z.unknown().optional(),
  decided_at: z.string(),
});

/** Channels of the bundle part: the reviewer app's view of the opened `.btbundle`. */
export const bundleChannels = {
  /** the opened bundle in review mode; all null in studio mode (no bundle open) */
  'bundle.info': channel(
    z.object({}).strict(),
    z.object({
      bundleId: z.string().nullable(),
      reviewer: z.string().nullable(),
      itemCount: z.number().int(),
      guidelines: z.string().nullable(),
      decided: z.number().int(),
      decisionsPath: z.string().nullable(),
      createdBy: z.string().nullable(),
      createdAt: z.string().nullable(),
    }),
  ),
  /** rewrites the session's decisions file and returns its content (review mode only) */
  'bundle.exportDecisions': channel(
    z.object({}).strict(),
    z.object({
      path: z.string(),
      count: z.number().int(),
      file: z.object({
        format_version: z.number().int().optional(),
        bundle_id: z.string(),
        items_sha256: z.string(),
        reviewer: z.string(),
        decisions: z.array(DecisionViewSchema),
      }),
    }),
  ),
};
