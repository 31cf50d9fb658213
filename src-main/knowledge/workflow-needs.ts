import { z } from 'zod';
import type { AnalysisType } from './schemas';
import type { RequestFocus } from './selection';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'ids are lower_snake_case');

/** How a request states one need (workflow_needs.yaml `needs`): any one of the ways given is enough. */
export const NeedSchema = z
  .strictObject({
    /** an intent field that is set: organism or comparison not null, read_layout not unknown */
    field: z.enum(['organism', 'comparison', 'read_layout', 'strandedness']).optional(),
    /** a comparison group of one of these names ('normal': a tumour compared with its normal) */
    groups: z.array(z.string().min(2)).optional(),
    /** whole words or phrases of the request, case-insensitive */
    words: z.array(z.string().min(2)).optional(),
    /** the request names a long-read platform (platforms.yaml keywords) */
    platform: z.literal(true).optional(),
    /** the request names a marker-gene region of its analysis (amplicon_regions.yaml keywords): the generator's own test, so a stated region always has its primers */
    region: z.literal(true).optional(),
    /** the request states its read length ('Read length: 100 bp', '2x150'), as the generator reads it (requestReadLength) */
    read_length: z.literal(true).optional(),
    /**
     * organism facts (organisms.yaml) the workflow's commands read: the need is open only when the request names an
     * organism whose facts lack one of them for its build (an unnamed organism is the organism need's)
     */
    organism_fact: z.array(z.string().min(3)).min(1).optional(),
    /** what a workflow answer says while the need is open; organism and read_layout are worded from the workflow */
    hint: z.string().min(20).optional(),
    /**
     * what a tool-selection answer asks while the need is open: the question, then what of the tool choice or its
     * settings depends on the answer; worded for tools, not for a workflow (no parameters)
     */
    ask: z.string().min(20),
    /**
     * the intent field whose value this need decides: null while the need is open (an intent never asserts what its
     * missing_information asks for), else the first of `values` whose words the request says (table order)
     */
    sets: z.strictObject({ field: z.literal('data_type'), values: z.record(z.string().min(2), z.array(z.string().min(2)).min(1)) }).optional(),
    /**
     * the hint per organism: `hint` (with `{fact}`, the organism's value of this fact for its build) when the organism
     * has it, `without` (with `{organism}`) when it has not or none is named
     */
    by_fact: z.strictObject({ fact: z.string().min(3), without: z.string().min(20) }).optional(),
  })
  .refine(
    (n) => n.field !== undefined || n.groups !== undefined || n.words !== undefined || n.platform !== undefined || n.region !== undefined || n.read_length !== undefined || n.organism_fact !== undefined,
    'a need says how a request states it (field, groups, words, platform, region, read_length or organism_fact)',
  );
export type Need = z.infer<typeof NeedSchema>;

/**
 * One need of an analysis type: only under a request focus, or only for reads of one platform (named or the
 * analysis's default), with this analysis's own hint (workflow answers) and ask (tool-selection and education
 * answers) where its chain differs from what the need's own text says: a reference-free chain has no aligner
 * index to build, a Trinity chain no read counter to set.
 */
const AnalysisNeedSchema = z
  .union([
    Id,
    z.strictObject({
      need: Id,
      focus: Id.optional(),
      platform: Id.optional(),
      hint: z.string().min(20).optional(),
      ask: z.string().min(20).optional(),
      /**
       * what each tool of the chain assumes while the need is open, said after the hint (', ') and the ask (' '): only
       * the clauses of tools the workflow runs, so a Canu workflow is not told how Flye runs
       */
      by_tool: z.record(Id, z.string().min(20)).optional(),
    }),
  ])
  .transform((n): AnalysisNeed => (typeof n === 'string' ? { need: n } : n));
export interface AnalysisNeed {
  need: string;
  focus?: string | undefined;
  platform?: string | undefined;
  hint?: string | undefined;
  ask?: string | undefined;
  by_tool?: Record<string, string> | undefined;
}

export const WorkflowNeedsSchema = z.strictObject({
  needs: z.record(Id, NeedSchema),
  analyses: z.record(Id, z.array(AnalysisNeedSchema)),
});
export type WorkflowNeedsTables = z.infer<typeof WorkflowNeedsSchema>;

/** The needs table resolved: each analysis type's needs, in answer order. */
export interface WorkflowNeeds {
  needs: Map<string, Need>;
  byAnalysis: Map<string, AnalysisNeed[]>;
}

/** Whether an analysis type's library leaves the read layout to the request (short reads, FASTQ, no fixed layout). */
export const layoutIsOpen = (t: AnalysisType) => !t.data_type.startsWith('long_read') && t.input?.format !== 'fasta' && t.input?.layout === undefined;

/** Checks the table and resolves it, the read layout added where analysis_types.yaml leaves it open. */
export function checkWorkflowNeeds(
  t: WorkflowNeedsTables,
  types: Map<string, AnalysisType>,
  selection: { focus: readonly RequestFocus[]; platforms: readonly string[]; regionTypes: ReadonlySet<string> },
  problems: string[],
  factKeys: readonly string[] = [],
): WorkflowNeeds {
  const { focus, platforms } = selection;
  const file = 'workflow_needs.yaml';
  for (const [id, n] of Object.entries(t.needs)) {
    for (const [value, words] of Object.entries(n.sets?.values ?? {}))
      for (const w of words) if (!n.words?.includes(w)) problems.push(`${file}: needs.${id}.sets.values.${value}: '${w}' is not one of the need's words`);
    if (n.hint === undefined && id !== 'organism' && id !== 'read_layout') problems.push(`${file}: needs.${id}: no hint (only organism and read_layout are worded from the workflow)`);
    for (const f of [...(n.organism_fact ?? []), ...(n.by_fact ? [n.by_fact.fact] : [])])
      if (factKeys.length > 0 && !factKeys.includes(f)) problems.push(`${file}: needs.${id}: '${f}' is not an organism fact (organisms.yaml facts)`);
    if (n.by_fact && !n.hint?.includes('{fact}')) problems.push(`${file}: needs.${id}: by_fact needs a hint with {fact}`);
  }
  for (const id of types.keys()) if (!(id in t.analyses)) problems.push(`${file}: analyses: no entry for analysis type '${id}'`);
  for (const [type, list] of Object.entries(t.analyses)) {
    const where = `${file}: analyses.${type}`;
    const entry = types.get(type);
    if (!entry) problems.push(`${where}: '${type}' is not in analysis_types.yaml`);
    for (const n of list) {
      if (!(n.need in t.needs)) problems.push(`${where}: '${n.need}' is not a need in needs`);
      if (n.focus !== undefined && !focus.some((f) => f.id === n.focus && f.analysis_type === type))
        problems.push(`${where}: focus '${n.focus}' is not a request focus of '${type}'`);
      if (n.platform !== undefined && !platforms.includes(n.platform)) problems.push(`${where}: platform '${n.platform}' is not in platforms.yaml`);
      for (const tool of Object.keys(n.by_tool ?? {}))
        if (entry && !entry.steps.some((s) => s.tools.includes(tool)) && !entry.optional_tools.includes(tool) && !entry.recommended_tools.includes(tool))
          problems.push(`${where}: ${n.need}.by_tool: '${tool}' is no tool of '${type}'`);
      if (t.needs[n.need]?.region && !selection.regionTypes.has(type)) problems.push(`${where}: '${n.need}' is stated by a region, but amplicon_regions.yaml has none for '${type}'`);
    }
    if (!entry) continue;
    // read_layout is listed only to word it for this chain: analysis_types.yaml input owns whether it is open
    for (const n of list.filter((x) => x.need === 'read_layout')) {
      if (!layoutIsOpen(entry)) problems.push(`${where}: read_layout is worded here, but analysis_types.yaml input fixes the layout of '${type}'`);
      if (n.ask === undefined || n.focus !== undefined || n.platform !== undefined) problems.push(`${where}: read_layout is listed only with its own ask (analysis_types.yaml input owns whether it is open)`);
    }
    if (list.some((n) => n.need === 'platform') && !entry.data_type.startsWith('long_read')) problems.push(`${where}: platform is listed, but ${type} is not a long-read analysis`);
  }
  if (!('read_layout' in t.needs)) problems.push(`${file}: needs: no read_layout (how a request states its read layout)`);
  // the read layout is open where the library leaves it to the request: after the intent-field needs
  const withLayout = (type: string, all: AnalysisNeed[]): AnalysisNeed[] => {
    const entry = types.get(type);
    const own = all.find((n) => n.need === 'read_layout') ?? { need: 'read_layout' };
    const list = all.filter((n) => n.need !== 'read_layout');
    if (!entry || !layoutIsOpen(entry)) return list;
    const at = list.filter((n) => n.need === 'organism' || n.need === 'comparison').length;
    return [...list.slice(0, at), own, ...list.slice(at)];
  };
  return {
    needs: new Map(Object.entries(t.needs)),
    byAnalysis: new Map(Object.entries(t.analyses).map(([k, v]) => [k, withLayout(k, v)])),
  };
}

/**
 * The question a tool-selection or education answer asks while a need is open: the analysis's own wording of it
 * (what its chain's tools do with the answer), else the need's, then the by_tool clauses of the chain's tools.
 */
export function needAsk(needs: WorkflowNeeds, analysisType: string, need: string, tools?: readonly string[]): string | undefined {
  const own = needs.byAnalysis.get(analysisType)?.find((n) => n.need === need);
  const ask = own?.ask ?? needs.needs.get(need)?.ask;
  const clauses = toolClauses(own, tools);
  // each clause starts as the table writes it: a tool named as its authors write it (featureCounts, fastp) keeps its case
  return ask && clauses.length ? `${ask} ${clauses.map((c) => `${c}.`).join(' ')}` : ask;
}

/**
 * The clauses of an analysis need's by_tool for the tools of this chain, in the table's order; with no chain given
 * (an answer about the analysis, not one workflow), every tool's.
 */
export function toolClauses(n: AnalysisNeed | undefined, tools?: readonly string[]): string[] {
  return Object.entries(n?.by_tool ?? {})
    .filter(([id]) => !tools || tools.includes(id))
    .map(([, text]) => text);
}
