import { z } from 'zod';
import type { AnalysisType, Tool } from './schemas';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'ids are lower_snake_case');
const Text = z.string().min(10);

/** platforms.yaml: a sequencing platform and the words that name it in a request. */
export const PlatformSchema = z.object({
  id: Id,
  name: z.string().min(2),
  read_kind: z.enum(['short', 'long']),
  default: z.boolean().default(false),
  default_for: z.array(z.string()).default([]),
  keywords: z.array(z.string().min(2)).min(1),
  /** instruments of the platform whose two-colour chemistry calls a dark cycle as a high-quality G (NovaSeq, NextSeq) */
  two_colour_keywords: z.array(z.string().min(2)).default([]),
});
export type Platform = z.infer<typeof PlatformSchema>;

const LowMemorySchema = z.object({
  alternatives: z.array(Id).default([]),
  not_in: z.array(Id).default([]),
  /**
   * analysis types whose data the tool handles within a low-memory machine as it is, with why (a bacterial isolate
   * of a few Mb assembles with SPAdes in a few GB): there it stays, and the answer says why, instead of a swap
   */
  fits: z.record(Id, Text).default({}),
  note: Text,
  setting: Text.optional(),
});

/** A request for the tool that the answer turns down: in an analysis type, or beside a tool of the chain. */
const RefusalSchema = z
  .object({ analysis_type: Id.optional(), beside: Id.optional(), why: Text })
  .refine((r) => (r.analysis_type === undefined) !== (r.beside === undefined), 'a refusal names exactly one of analysis_type and beside');
export type Refusal = z.infer<typeof RefusalSchema>;

/** tool_rules.yaml: how the selector may use a tool (platforms, predecessors, presets, constraints). */
export const ToolRuleSchema = z.object({
  tool: Id,
  platforms: z.array(Id).min(1).optional(),
  requires: z.array(z.array(Id).min(1)).default([]),
  presets: z.record(Id, z.string().min(2)).default({}),
  rna_presets: z.record(Id, z.string().min(2)).default({}),
  low_memory: LowMemorySchema.optional(),
  gpu: Text.optional(),
  /** a tool whose pinned version runs on CPUs only but a later version runs on GPUs: what that version needs (its docs) */
  gpu_later: Text.optional(),
  gpu_alternatives: z.array(Id).default([]),
  conda: z.boolean().default(true),
  conda_alternatives: z.array(Id).default([]),
  refuse: z.array(RefusalSchema).default([]),
  /** false for a tool that stages the genome FASTA only to decode CRAM: it does not align or call against it */
  reads_reference: z.boolean().default(true),
  /**
   * what makes the tool itself faster than more CPUs do, for a request that must run fast (IQ-TREE --fast): one text,
   * or one per analysis type with `default` (STAR: Salmon for gene-level DE, nothing alike for fusions)
   */
  fast: z.union([Text, z.record(Id, Text)]).optional(),
  /**
   * why a step many analyses share runs in this request's chain, for its rationale in place of the catalogue
   * sentence: keyed by analysis type id or `default`, worded with {reads} (the request's reads: 'read pairs',
   * 'single-end reads'), {next} (the tool after it in the chain), {aligner} (the aligner before it), {before}
   * (every tool before it) and {genome} (the organism's build, or 'the genome')
   */
  why_here: z.record(z.string().regex(/^[a-z0-9_]+$/), Text).optional(),
  /**
   * MultiQC's own: the MultiQC module (a folder of MultiQC's multiqc/modules/) that reads each tool's report
   * outputs; a tool with a report output must have one, a tool without a module passes MultiQC nothing
   */
  multiqc_modules: z.record(Id, z.string().regex(/^[a-z0-9_]+$/)).optional(),
});
export type ToolRule = z.infer<typeof ToolRuleSchema>;

/** alternatives.yaml: tools that can take each other's place in one step, with when to choose each. */
export const AlternativeGroupSchema = z.object({
  id: Id,
  step: z.string().min(5),
  /** choose_when: when to choose the tool; over: when to choose it instead of one tool of the group, where that differs */
  tools: z.array(z.object({ tool: Id, choose_when: Text, over: z.record(Id, Text).default({}) })).min(2),
});
export type AlternativeGroup = z.infer<typeof AlternativeGroupSchema>;

/** request_focus.yaml: wording that narrows an analysis and the tools it swaps. */
export const RequestFocusSchema = z.object({
  id: Id,
  analysis_type: Id,
  keywords: z.array(z.string().min(2)).min(1),
  /** tools of the default chain that do not serve the focus, and what takes their place */
  replace: z.record(Id, Id).default({}),
  /** tools the focus needs beside the default chain (host-read removal for a host-associated metagenome), placed by step or category */
  add: z.array(Id).default([]),
  /** the focus also applies when the request names an organism: for a metagenome that is its host */
  any_organism: z.boolean().default(false),
  /** the focus also applies when the request's organism has this organism fact (plants' methylation_contexts: CHG and CHH calls) */
  organism_fact: Id.optional(),
  /**
   * a focus that changes how default tools run rather than swapping them (tumour-only Mutect2 or MSIsensor-pro): the
   * rationale of the first of these tools in the chain says the note, once
   */
  explained_by: z.array(Id).default([]),
  note: Text,
});
export type RequestFocus = z.infer<typeof RequestFocusSchema>;

const PrimerSchema = z.object({
  name: z.string().min(2),
  /** 5'->3', IUPAC nucleotide code */
  sequence: z.string().regex(/^[ACGTRYSWKMBDHVN]{15,35}$/, "a primer is 15-35 IUPAC bases, 5'->3'"),
  /** the publication (or protocol) that gives this sequence */
  source: Text,
});

/** amplicon_regions.yaml: a marker-gene region a request names, and the primer pair that amplifies it. */
export const AmpliconRegionSchema = z.object({
  id: Id,
  name: z.string().min(2),
  analysis_type: Id,
  keywords: z.array(z.string().min(2)).min(1),
  forward: PrimerSchema,
  reverse: PrimerSchema,
  /** the amplicon can be shorter than the reads: the other primer's reverse complement is cut from the 3' end too */
  read_through: z.boolean().default(false),
  /** defaults for references that depend on the region (its QIIME 2 classifier) */
  references: z.record(Id, z.string().min(3)).default({}),
});
export type AmpliconRegion = z.infer<typeof AmpliconRegionSchema>;

/** category_order.yaml: the order tool categories run in. */
export const CategoryOrderSchema = z.object({ id: Id });

export interface SelectionRules {
  platforms: Platform[];
  /** tool category -> rank in category_order.yaml */
  categoryRank: Map<string, number>;
  toolRules: Map<string, ToolRule>;
  alternatives: AlternativeGroup[];
  focus: RequestFocus[];
  /** marker-gene regions and their primers (amplicon_regions.yaml) */
  ampliconRegions: AmpliconRegion[];
}

/** Cross-references of the selection tables: every id names a tool, platform or analysis type that exists. */
/**
 * The slots a why_here sentence may use (filled by the rationale from the request and its chain); {reports}: the
 * tools before it whose reports MultiQC is given and has a module for, with whether they run per sample or once.
 */
export const WHY_HERE_SLOTS = ['reads', 'pairs', 'next', 'aligner', 'before', 'genome', 'reports'];

export function checkSelection(
  s: { platforms: Platform[]; toolRules: ToolRule[]; alternatives: AlternativeGroup[]; focus: RequestFocus[]; categories: string[]; ampliconRegions: AmpliconRegion[] },
  toolById: ReadonlyMap<string, Tool>,
  analysisTypeById: ReadonlyMap<string, AnalysisType>,
  problems: string[],
): void {
  const platformIds = new Set(s.platforms.map((p) => p.id));
  const modules = s.toolRules.find((r) => r.tool === 'multiqc')?.multiqc_modules ?? {};
  for (const id of Object.keys(modules)) if (!toolById.has(id)) problems.push(`tool_rules.yaml: multiqc: multiqc_modules: tool '${id}' is not in tools.yaml`);
  for (const t of toolById.values()) {
    const outputs = [t.process.outputs, ...Object.values(t.process.overrides).map((o) => o.outputs ?? [])].flat();
    if (outputs.some((o) => o.report) && modules[t.id] === undefined)
      problems.push(`tools.yaml: ${t.id}: a report output is passed to MultiQC, which has no module for it (tool_rules.yaml multiqc: multiqc_modules)`);
  }
  for (const r of s.toolRules)
    for (const [key, text] of Object.entries(r.why_here ?? {})) {
      const where = `tool_rules.yaml: ${r.tool}: why_here.${key}`;
      if (key !== 'default' && !analysisTypeById.has(key)) problems.push(`${where}: '${key}' is neither default nor an analysis type`);
      for (const m of text.matchAll(/\{(\w+)\}/g)) if (!WHY_HERE_SLOTS.includes(m[1]!)) problems.push(`${where}: unknown slot {${m[1]}}`);
    }
  const tool = (where: string, id: string) => {
    if (!toolById.has(id)) problems.push(`${where}: tool '${id}' is not in tools.yaml`);
  };
  const platform = (where: string, id: string) => {
    if (!platformIds.has(id)) problems.push(`${where}: platform '${id}' is not in platforms.yaml`);
  };
  if (s.platforms.filter((p) => p.default).length !== 1) problems.push('platforms.yaml: exactly one entry must have default: true');
  for (const r of s.ampliconRegions) {
    if (!analysisTypeById.has(r.analysis_type)) problems.push(`amplicon_regions.yaml: entry '${r.id}': analysis type '${r.analysis_type}' is not in analysis_types.yaml`);
    for (const dup of s.ampliconRegions.filter((o) => o !== r && o.keywords.some((k) => r.keywords.includes(k))))
      problems.push(`amplicon_regions.yaml: entry '${r.id}': keyword shared with '${dup.id}', so the text cannot tell them apart`);
  }
  const ranked = new Set(s.categories);
  for (const t of toolById.values())
    if (!ranked.has(t.category)) problems.push(`category_order.yaml: tool category '${t.category}' (of tool '${t.id}') has no place in the order`);
  const seen = new Set<string>();
  for (const r of s.toolRules) {
    const where = `tool_rules.yaml: entry '${r.tool}'`;
    if (seen.has(r.tool)) problems.push(`tool_rules.yaml: duplicate entry for tool '${r.tool}'`);
    seen.add(r.tool);
    tool(where, r.tool);
    for (const p of r.platforms ?? []) platform(`${where}: field 'platforms'`, p);
    r.requires.forEach((g, i) => {
      for (const id of g) tool(`${where}: field 'requires.${i}'`, id);
      if (g.includes(r.tool)) problems.push(`${where}: field 'requires.${i}': a tool cannot require itself`);
    });
    for (const p of [...Object.keys(r.presets), ...Object.keys(r.rna_presets)]) platform(`${where}: field 'presets'`, p);
    for (const id of r.low_memory?.alternatives ?? []) tool(`${where}: field 'low_memory.alternatives'`, id);
    for (const id of [...(r.low_memory?.not_in ?? []), ...Object.keys(r.low_memory?.fits ?? {})])
      if (!analysisTypeById.has(id)) problems.push(`${where}: field 'low_memory.not_in/fits': analysis type '${id}' is not in analysis_types.yaml`);
    for (const id of [...r.gpu_alternatives, ...r.conda_alternatives]) tool(`${where}: field 'gpu_alternatives/conda_alternatives'`, id);
    r.refuse.forEach((x, i) => {
      if (x.beside) tool(`${where}: field 'refuse.${i}.beside'`, x.beside);
      if (x.analysis_type && !analysisTypeById.has(x.analysis_type))
        problems.push(`${where}: field 'refuse.${i}.analysis_type': analysis type '${x.analysis_type}' is not in analysis_types.yaml`);
    });
  }
  // a tool without a rule has a Conda package (conda defaults to true)
  for (const t of toolById.values()) {
    const conda = s.toolRules.find((r) => r.tool === t.id)?.conda ?? true;
    if ((t.process.conda.length === 0) === conda)
      problems.push(
        `tool_rules.yaml: entry '${t.id}': field 'conda' is ${conda} but tools.yaml lists ${conda ? 'no' : 'its'} Conda packages for it: the two must agree`,
      );
  }
  for (const g of s.alternatives)
    g.tools.forEach((t, i) => {
      tool(`alternatives.yaml: entry '${g.id}': field 'tools.${i}.tool'`, t.tool);
      if (g.tools.findIndex((x) => x.tool === t.tool) !== i) problems.push(`alternatives.yaml: entry '${g.id}': tool '${t.tool}' listed twice`);
      for (const other of Object.keys(t.over))
        if (!g.tools.some((x) => x.tool === other)) problems.push(`alternatives.yaml: entry '${g.id}': tool '${t.tool}': over '${other}' is not a tool of this group`);
    });
  for (const f of s.focus) {
    const where = `request_focus.yaml: entry '${f.id}'`;
    if (!analysisTypeById.has(f.analysis_type)) problems.push(`${where}: field 'analysis_type': '${f.analysis_type}' is not in analysis_types.yaml`);
    // tools.yaml process overrides are keyed by analysis type or focus id: one name, one meaning
    if (analysisTypeById.has(f.id)) problems.push(`${where}: field 'id': '${f.id}' is an analysis type id`);
    f.add.forEach((id, i) => {
      tool(`${where}: field 'add.${i}'`, id);
    });
    for (const [from, to] of Object.entries(f.replace)) {
      tool(`${where}: field 'replace'`, from);
      tool(`${where}: field 'replace.${from}'`, to);
    }
    f.explained_by.forEach((id, i) => {
      tool(`${where}: field 'explained_by.${i}'`, id);
    });
  }
}
