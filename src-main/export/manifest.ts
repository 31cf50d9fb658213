import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SplitConfigSchema } from '../../src-preload/schemas/build';

export const ManifestFileSchema = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int(), rows: z.number().int().nullable() });
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/** A task's system prompt as exported: its source in resources/, its copy in the export and the copy's sha256. */
export const TaskPromptEntrySchema = z.object({ task: z.string(), source: z.string(), file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const ManifestSchema = z.object({
  format_version: z.literal(1),
  app_version: z.string(),
  schema_version: z.number().int(),
  seed: z.number().int(),
  split_config: SplitConfigSchema,
  engines: z.array(z.string()),
  counts: z.object({ train: z.number().int(), val: z.number().int(), test: z.number().int() }),
  files: z.array(ManifestFileSchema),
  /** the system prompt (and user frames) of each task, copied into metadata/prompts/ */
  task_prompts: z.array(TaskPromptEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export function describeFile(root: string, rel: string, rows: number | null): ManifestFile {
  const abs = path.join(root, rel);
  return { path: rel, sha256: sha256File(abs), bytes: fs.statSync(abs).size, rows };
}
