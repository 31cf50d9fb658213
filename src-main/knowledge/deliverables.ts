import { z } from 'zod';
import type { StudyDetails } from './study-details';
import type { AnalysisType, Tool } from './schemas';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'ids are lower_snake_case');
const Text = z.string().min(20);

/** deliverables.yaml: what the chain makes of each output a request asks to see, per analysis type. */
export const DeliverablesSchema = z.strictObject({
  analysis_type: Id,
  outputs: z.array(
    z.strictObject({
      /** the phrase requests use (study_details.yaml assays.*.outputs) */
      output: z.string().min(3),
      /** other words people use for it ('chromatin loops' for loop calls), matched the same way */
      words: z.array(z.string().min(3)).default([]),
      /** chain tools that make it, with what the answer says of it (the first tool of the chain listed here is named) */
      by: z.record(Id, Text).default({}),
      /** what the answer says when no tool of the chain makes it: not made here, and what would */
      missing: Text,
    }),
  ),
});
export type Deliverables = z.infer<typeof DeliverablesSchema>;
export type Deliverable = Deliverables['outputs'][number];

/** Checks the table: known analysis types and tools, and an entry for every output study_details.yaml lets a request ask for. */
export function checkDeliverables(entries: readonly Deliverables[], types: Map<string, AnalysisType>, tools: Map<string, Tool>, study: StudyDetails | null, problems: string[]): Map<string, Deliverable[]> {
  const file = 'deliverables.yaml';
  const byType = new Map<string, Deliverable[]>();
  for (const e of entries) {
    const where = `${file}: entry '${e.analysis_type}'`;
    if (!types.has(e.analysis_type)) problems.push(`${where}: '${e.analysis_type}' is not in analysis_types.yaml`);
    if (byType.has(e.analysis_type)) problems.push(`${where}: listed twice`);
    byType.set(e.analysis_type, e.outputs);
    for (const o of e.outputs) for (const id of Object.keys(o.by)) if (!tools.has(id)) problems.push(`${where}: output '${o.output}': tool '${id}' is not in tools.yaml`);
  }
  for (const [type, assay] of Object.entries(study?.assays ?? {}))
    for (const out of assay.outputs)
      if (!byType.get(type)?.some((o) => o.output === out)) problems.push(`${file}: '${type}' has no entry for '${out}', an output study_details.yaml lets a request ask for`);
  return byType;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The outputs a request asks for (the output phrase or one of its words, case-insensitive) with what the chain makes of each: the first chain
 * tool that makes it and what it says, or the `missing` text.
 */
export function askedOutputs(table: readonly Deliverable[] | undefined, chain: readonly string[], text: string): { output: string; made: boolean; says: string; tool?: string }[] {
  const out: { output: string; made: boolean; says: string; tool?: string }[] = [];
  for (const d of table ?? []) {
    if (![d.output, ...d.words].some((p) => new RegExp(`(?<![a-z])${escapeRe(p)}(?![a-z])`, 'i').test(text))) continue;
    const tool = chain.find((id) => d.by[id] !== undefined);
    out.push(tool ? { output: d.output, made: true, says: d.by[tool]!, tool } : { output: d.output, made: false, says: d.missing });
  }
  return out;
}
