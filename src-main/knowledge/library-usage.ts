import { z } from 'zod';

/** library_usage.yaml: a tool that is a library, and how it is called from its language. */
export const LibraryUsageSchema = z.object({
  tool: z.string().regex(/^[a-z0-9][a-z0-9_]*$/),
  language: z.enum(['R', 'Python']),
  install: z.string().min(5),
  code: z.string().min(20),
});
export type LibraryUsage = z.infer<typeof LibraryUsageSchema>;
