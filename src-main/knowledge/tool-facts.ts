import { z } from 'zod';
import { readList } from './load';
import { ORGANISM_FACT_KEYS } from './process-schema';
import type { Knowledge } from './schemas';

const ToolId = z.string().regex(/^[a-z0-9][a-z0-9_]*$/);

/**
 * How a tool's memory and CPU time grow with the data (tool_memory.yaml scale): `by` read_pairs (millions, the whole
 * data set) or genome_size (Mb); points from its documentation (per platform where they differ), between which the
 * need is interpolated, proportional beyond the last.
 */
export const ToolScaleSchema = z.strictObject({
  by: z.enum(['read_pairs', 'genome_size']),
  points: z
    .array(z.strictObject({ at: z.number().positive(), memory_gb: z.number().positive(), cpu_hours: z.number().positive().optional(), platform: z.string().optional() }))
    .min(1),
  source: z.string().min(10),
});
export type ToolScale = z.infer<typeof ToolScaleSchema>;

/** tool_memory.yaml: the memory a tool needs, as its documentation states it (the only figures answers give). */
export const ToolMemorySchema = z.object({ tool: ToolId, statement: z.string().min(20), source: z.string().min(10), scale: ToolScaleSchema.optional() });
export type ToolMemory = z.infer<typeof ToolMemorySchema>;

/** One `bcftools filter -s NAME -e EXPR` step; `type` limits it to SNPs or indels (GATK filters them apart). */
export const CallerFilterSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  type: z.enum(['snp', 'indel', 'all']),
  exclude: z.string().min(3).refine((e) => !/'/.test(e), 'no single quotes: the expression is single-quoted in the command'),
});

/** variant_callers.yaml: the INFO tags a caller writes, and the filters its calls get before PASS records are kept. */
export const VariantCallerSchema = z.object({
  caller: ToolId,
  info_tags: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/)).min(1),
  filters: z.array(CallerFilterSchema),
  source: z.string().min(10),
});
export type VariantCaller = z.infer<typeof VariantCallerSchema>;

/** The INFO tags a filter expression tests (`INFO/QD<2` -> QD). */
export const infoTagsOf = (expression: string): string[] => [...expression.matchAll(/INFO\/([A-Za-z_][A-Za-z0-9_.]*)/g)].map((m) => m[1]!);

/**
 * The command that reads one caller's VCF (`${vcf}`) and writes it, filtered, as uncompressed BCF to stdout:
 * its filters in order, each marking failing records in FILTER; a caller that sets FILTER itself is only read.
 */
export function callerFilterCommand(c: VariantCaller): string {
  if (!c.filters.length) return 'bcftools view -Ou ${vcf}';
  return c.filters
    .map((f, i) => {
      const expr = f.type === 'all' ? f.exclude : `TYPE="${f.type}" && (${f.exclude})`;
      return `bcftools filter${i ? ' -m +' : ''} -s ${f.name} -e '${expr}' -Ou ${i ? '-' : '${vcf}'}`;
    })
    .join(' | ');
}

/** organism_resources.yaml: what a tool's rationale says about a resource only some organisms have (an organism fact). */
export const OrganismResourceSchema = z.object({
  tool: ToolId,
  fact: z.string().regex(/^[a-z][a-z0-9_]*$/),
  present: z.string().min(20).refine((t) => t.includes('{value}'), 'present names the resource as {value}'),
  absent: z.string().min(20).refine((t) => t.includes('{organism}'), 'absent names the organism as {organism}'),
});
export type OrganismResource = z.infer<typeof OrganismResourceSchema>;

/** Reads tool_memory.yaml, variant_callers.yaml and organism_resources.yaml; every tool must exist, and a filter may test only tags its caller writes. */
export function loadToolFacts(dir: string, k: Pick<Knowledge, 'toolById'>, problems: string[]): Pick<Knowledge, 'toolMemory' | 'variantCallers' | 'organismResources'> {
  const memory = readList(dir, 'tool_memory.yaml', ToolMemorySchema, problems);
  for (const m of memory) if (!k.toolById.has(m.tool)) problems.push(`tool_memory.yaml: entry '${m.tool}': tool '${m.tool}' is not in tools.yaml`);
  const callers = readList(dir, 'variant_callers.yaml', VariantCallerSchema, problems);
  for (const c of callers) {
    const where = `variant_callers.yaml: entry '${c.caller}'`;
    if (!k.toolById.has(c.caller)) problems.push(`${where}: tool '${c.caller}' is not in tools.yaml`);
    c.filters.forEach((f, i) => {
      for (const tag of infoTagsOf(f.exclude))
        if (!c.info_tags.includes(tag)) problems.push(`${where}: field 'filters.${i}.exclude': INFO/${tag} is no tag ${c.caller} writes (bcftools filter stops on it)`);
    });
  }
  const resources = readList(dir, 'organism_resources.yaml', OrganismResourceSchema, problems);
  for (const r of resources) {
    if (!k.toolById.has(r.tool)) problems.push(`organism_resources.yaml: entry '${r.tool}': tool '${r.tool}' is not in tools.yaml`);
    if (!(ORGANISM_FACT_KEYS as string[]).includes(r.fact)) problems.push(`organism_resources.yaml: entry '${r.tool}': field 'fact': '${r.fact}' is no organism fact`);
  }
  return {
    toolMemory: new Map(memory.map((m) => [m.tool, m])),
    variantCallers: new Map(callers.map((c) => [c.caller, c])),
    organismResources: new Map(resources.map((r) => [r.tool, r])),
  };
}
