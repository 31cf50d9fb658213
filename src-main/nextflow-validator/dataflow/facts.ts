import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NOT_READ, yamlData } from '../../knowledge/load';
import { resourcesDir } from '../../knowledge/resources-dir';

export const PlatformSchema = z.enum(['illumina', 'ont', 'pacbio_hifi', 'pacbio_clr']);
export type Platform = z.infer<typeof PlatformSchema>;

const FixedOutputSchema = z.strictObject({
  program: z.string().min(1),
  unless_options: z.array(z.string().min(1)),
  names: z.array(z.strictObject({ name: z.string().min(1), when_word: z.string().min(1).optional() })).min(1),
  source: z.string().min(1),
});

const PairedFlagSchema = z.strictObject({
  program: z.string().min(1),
  flags: z.array(z.string().min(1)).min(1),
  value: z.string().min(1).optional(),
  source: z.string().min(1),
});

const PresetSchema = z
  .strictObject({
    program: z.string().min(1),
    option: z.string().min(1).optional(),
    values: z.record(z.string(), PlatformSchema).optional(),
    genomic_values: z.array(z.string().min(1)).optional(),
    flags: z.record(z.string(), PlatformSchema).optional(),
    platform: PlatformSchema.optional(),
    source: z.string().min(1),
  })
  .refine((p) => (p.option !== undefined) === (p.values !== undefined), { message: 'option and values go together' })
  .refine((p) => p.values || p.flags || p.platform, { message: 'a preset needs values, flags or a platform' });

export const DataflowFactsSchema = z.strictObject({
  fixed_output_names: z.array(FixedOutputSchema),
  paired_only_flags: z.array(PairedFlagSchema),
  platform_presets: z.array(PresetSchema),
});
export type DataflowFacts = z.infer<typeof DataflowFactsSchema>;

export const FACTS_FILE = 'nextflow_dataflow.yaml';

/** Parses the facts file's text; errors name the file and the path of the bad field. */
export function parseFacts(text: string, file = FACTS_FILE): DataflowFacts {
  const problems: string[] = [];
  const data = yamlData(text, file, problems);
  const parsed = data === NOT_READ ? null : DataflowFactsSchema.safeParse(data);
  if (parsed && !parsed.success) problems.push(...parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
  if (!parsed?.success) throw new Error(`invalid dataflow facts:\n  ${problems.join('\n  ')}`);
  return parsed.data;
}

let cached: DataflowFacts | null = null;

/** resources/knowledge/nextflow_dataflow.yaml, read and validated once. */
export function dataflowFacts(): DataflowFacts {
  cached ??= parseFacts(fs.readFileSync(path.join(resourcesDir(), 'knowledge', FACTS_FILE), 'utf8'));
  return cached;
}

export const fixedOutputNames = () => dataflowFacts().fixed_output_names;
export const pairedOnlyFlags = () => dataflowFacts().paired_only_flags;
export const platformPresets = () => dataflowFacts().platform_presets;
