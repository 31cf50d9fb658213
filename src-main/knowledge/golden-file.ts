import { z } from 'zod';
import type { Intent } from '../../src-preload/schemas/intent';
import { ReadLayoutSchema, StrandednessSchema } from '../../src-preload/schemas/intent';
import { missingInformation } from './missing-information';
import type { AnalysisType, GoldenQuery, OrganismEntry } from './schemas';

/** A golden query as written in golden_queries.yaml: intent fields inline, defaults left out. */
export const GoldenQueryEntrySchema = z
  .object({
    id: z.string().regex(/^gq_\d{3}$/),
    category: z.string(),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    query: z.string().min(5),
    analysis_type: z.string(),
    organism: z.string().nullable().default(null),
    tissue: z.string().nullable().default(null),
    cell_type: z.string().nullable().default(null),
    data_type: z.string().nullable().optional(),
    read_layout: ReadLayoutSchema.default('unknown'),
    strandedness: StrandednessSchema.default('unknown'),
    comparison: z.tuple([z.string(), z.string()]).nullable().default(null),
    requested_tools: z.array(z.string()).default([]),
    constraints: z.array(z.string()).default([]),
    missing: z.array(z.string()).optional(),
    expected_tools: z.array(z.string()).optional(),
  })
  .strict();
export type GoldenQueryEntry = z.infer<typeof GoldenQueryEntrySchema>;

/** The analysis type's default pipeline with each requested tool replacing the default of its step. */
export function expectedToolsFor(type: AnalysisType | undefined, requested: readonly string[]): string[] {
  if (!type) return [];
  const tools = [...type.required_tools];
  for (const r of requested) {
    if (tools.includes(r)) continue;
    const step = type.steps.find((s) => s.tools.includes(r));
    const replaced = step ? tools.findIndex((t) => step.tools.includes(t)) : -1;
    if (replaced >= 0) tools[replaced] = r;
    else tools.push(r);
  }
  return tools;
}

export function expandGoldenQuery(
  e: GoldenQueryEntry,
  types: Map<string, AnalysisType>,
  organisms: Map<string, OrganismEntry>,
): { golden?: GoldenQuery; problem?: string } {
  const type = types.get(e.analysis_type);
  if (e.analysis_type !== 'unknown' && !type) return { problem: `field 'analysis_type': unknown analysis type '${e.analysis_type}'` };
  let organism: Intent['organism'] = null;
  if (e.organism) {
    const o = organisms.get(e.organism);
    if (!o) return { problem: `field 'organism': unknown organism '${e.organism}'` };
    organism = { id: o.id, scientific_name: o.scientific_name, genome_build: o.genome_build };
  }
  const comparison = e.comparison ? { groups: [...e.comparison], description: `${e.comparison[0]} vs ${e.comparison[1]}` } : null;
  const base = { analysis_type: e.analysis_type, organism, comparison };
  const intent: Intent = {
    analysis_type: e.analysis_type,
    organism,
    tissue: e.tissue,
    cell_type: e.cell_type,
    data_type: e.data_type === undefined ? (type?.data_type ?? null) : e.data_type,
    read_layout: e.read_layout,
    strandedness: e.strandedness,
    comparison,
    requested_tools: e.requested_tools,
    constraints: [...e.constraints].sort(),
    missing_information: e.missing ?? missingInformation(base, type),
    confidence: 1,
  };
  return {
    golden: {
      id: e.id,
      query: e.query,
      category: e.category,
      difficulty: e.difficulty,
      expected_intent: intent,
      expected_tools: e.expected_tools ?? expectedToolsFor(type, e.requested_tools),
    },
  };
}
