import { z } from 'zod';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'ids are lower_snake_case');
export const CONSTRAINTS = ['low_memory', 'no_docker', 'fast', 'singularity', 'apptainer', 'conda', 'gpu'] as const;

export const SampleSourceSchema = z.object({
  /** the canonical value (unless `value` is set) the parser reads the phrase back as */
  id: z.string().min(2),
  field: z.enum(['tissue', 'cell_type']),
  kind: z.enum(['tissue', 'cell_type', 'cell_line', 'environment']),
  /** organism ids, class names or 'none' */
  organisms: z.array(z.string()).min(1),
  phrase: z.string().optional(),
  value: z.string().optional(),
});
export type SampleSource = z.infer<typeof SampleSourceSchema>;

export const DesignSchema = z.object({
  id: Id,
  groups: z.tuple([z.string().min(2), z.string().min(2)]),
  organisms: z.array(z.string()).min(1),
  /** only with these sample source ids */
  samples: z.array(z.string()).optional(),
});
export type Design = z.infer<typeof DesignSchema>;

/** How requests name a read layout: adjectives with the read lengths people quote */
const LayoutPhrasesSchema = z.strictObject({ paired: z.array(z.string().min(3)).min(1), single: z.array(z.string().min(3)).min(1) });

export const AnalysisCompatSchema = z.object({
  /** noun phrases naming the analysis ("differential gene expression analysis") */
  phrases: z.array(z.string().min(3)).min(2),
  /** compact names that also work as a modifier ("an RNA-seq DE pipeline") */
  short: z.array(z.string().min(2)).min(1),
  organisms: z.array(z.string()).min(1),
  samples: z.array(z.string()).default([]),
  designs: z.array(Id).default([]),
  layouts: z.array(z.enum(['paired', 'single'])).default([]),
  /** the assay's own read lengths, where the default phrases would name ones it cannot use */
  layout_phrases: LayoutPhrasesSchema.optional(),
  strandedness: z.boolean().default(false),
  platforms: z.array(Id).min(1),
  constraints: z.array(z.enum(CONSTRAINTS)).default(['low_memory', 'no_docker', 'fast', 'singularity', 'apptainer', 'conda']),
});
export type AnalysisCompat = z.infer<typeof AnalysisCompatSchema>;

export const CompatibilitySchema = z.object({
  organism_classes: z.record(Id, z.array(Id).min(1)),
  sample_sources: z.array(SampleSourceSchema).min(1),
  sample_sets: z.record(Id, z.array(z.string()).min(1)),
  designs: z.array(DesignSchema).min(1),
  platforms: z.record(Id, z.array(z.string().min(10)).min(1)),
  layout_phrases: LayoutPhrasesSchema,
  /** words that name a platform: a query naming one gets no phrase or context sentence naming another */
  platform_names: z.record(Id, z.array(z.string().min(2)).min(1)).default({}),
  // strict: an unquoted request with a comma would otherwise lose its second half to a stray key
  off_topic: z.array(z.object({ seed: z.string().regex(/^gq_\d{3}$/), request: z.string().min(5) }).strict()).min(1),
  /** words that describe a request's data without naming an analysis, with the analyses they leave open */
  data_hints: z.record(Id, z.object({ words: z.array(z.string().min(3)).min(1), analyses: z.array(Id).min(2) })).default({}),
  analyses: z.record(Id, AnalysisCompatSchema),
});
export type CompatibilityTables = z.infer<typeof CompatibilitySchema>;

/** The tables with the references resolved: organism classes expanded, '@set' sample lists flattened. */
export interface Compatibility {
  tables: CompatibilityTables;
  sourceById: Map<string, SampleSource>;
  designById: Map<string, Design>;
  /** organism ids (or 'none') an analysis type is run on */
  organismsOf(analysisType: string): string[];
  /** sample sources valid for an analysis type and organism ('none' for no organism) */
  samplesFor(analysisType: string, organism: string): SampleSource[];
  /** designs valid for an analysis type, organism and sample source (null: no sample) */
  designsFor(analysisType: string, organism: string, sample: SampleSource | null): Design[];
  /** whether an organism (or 'none') belongs to a list of ids and class names */
  organismIn(list: readonly string[], organism: string): boolean;
}

/** The checks of the tables against the rest of the knowledge base, one problem per line. */
export function checkCompatibility(
  t: CompatibilityTables,
  known: { organisms: Set<string>; analysisTypes: Set<string>; goldenIds: Set<string> },
  problems: string[],
): void {
  const file = 'compatibility.yaml';
  const organismRef = (where: string, o: string) => {
    if (o !== 'none' && !known.organisms.has(o) && !(o in t.organism_classes))
      problems.push(`${file}: ${where}: '${o}' is neither an organism in organisms.yaml nor a class in organism_classes`);
  };
  for (const [cls, list] of Object.entries(t.organism_classes))
    for (const o of list) if (!known.organisms.has(o)) problems.push(`${file}: organism_classes.${cls}: '${o}' is not in organisms.yaml`);
  const sources = new Set(t.sample_sources.map((s) => s.id));
  for (const s of t.sample_sources) for (const o of s.organisms) organismRef(`sample_sources '${s.id}'`, o);
  for (const [set, list] of Object.entries(t.sample_sets))
    for (const s of list) if (!sources.has(s)) problems.push(`${file}: sample_sets.${set}: '${s}' is not a sample source`);
  const designs = new Set(t.designs.map((d) => d.id));
  for (const d of t.designs) {
    for (const o of d.organisms) organismRef(`designs '${d.id}'`, o);
    for (const s of d.samples ?? [])
      if (s.startsWith('@') ? !(s.slice(1) in t.sample_sets) : !sources.has(s)) problems.push(`${file}: designs '${d.id}': '${s}' is not a sample source or set`);
  }
  for (const o of t.off_topic) if (!known.goldenIds.has(o.seed)) problems.push(`${file}: off_topic: seed '${o.seed}' is not a golden query`);
  for (const type of known.analysisTypes) if (!(type in t.analyses)) problems.push(`${file}: analyses: no entry for analysis type '${type}'`);
  for (const [id, h] of Object.entries(t.data_hints))
    for (const a of h.analyses) if (!known.analysisTypes.has(a)) problems.push(`${file}: data_hints.${id}: '${a}' is not an analysis type`);
  for (const p of Object.keys(t.platform_names)) if (!(p in t.platforms)) problems.push(`${file}: platform_names.${p}: no such platform in platforms`);
  for (const [type, a] of Object.entries(t.analyses)) {
    const where = `analyses.${type}`;
    if (!known.analysisTypes.has(type)) problems.push(`${file}: ${where}: '${type}' is not in analysis_types.yaml`);
    for (const o of a.organisms) organismRef(where, o);
    for (const s of a.samples) {
      if (s.startsWith('@') ? !(s.slice(1) in t.sample_sets) : !sources.has(s)) problems.push(`${file}: ${where}.samples: '${s}' is not a sample source or set`);
    }
    for (const d of a.designs) if (!designs.has(d)) problems.push(`${file}: ${where}.designs: '${d}' is not a design`);
    for (const p of a.platforms) if (!(p in t.platforms)) problems.push(`${file}: ${where}.platforms: '${p}' is not a platform`);
  }
}

export function resolveCompatibility(t: CompatibilityTables): Compatibility {
  const sourceById = new Map(t.sample_sources.map((s) => [s.id, s]));
  const designById = new Map(t.designs.map((d) => [d.id, d]));
  const expand = (list: readonly string[]): Set<string> => new Set(list.flatMap((o) => t.organism_classes[o] ?? [o]));
  const organismIn = (list: readonly string[], organism: string) => expand(list).has(organism);
  const entry = (type: string) => t.analyses[type];
  const sampleIds = (list: readonly string[]) => new Set(list.flatMap((s) => (s.startsWith('@') ? (t.sample_sets[s.slice(1)] ?? []) : [s])));
  const designSamples = new Map(t.designs.map((d) => [d.id, d.samples ? sampleIds(d.samples) : null]));
  return {
    tables: t,
    sourceById,
    designById,
    organismIn,
    organismsOf: (type) => [...expand(entry(type)?.organisms ?? [])],
    samplesFor(type, organism) {
      const ids = sampleIds(entry(type)?.samples ?? []);
      return [...ids].map((id) => sourceById.get(id)!).filter((s) => s && organismIn(s.organisms, organism));
    },
    designsFor(type, organism, sample) {
      const value = sample ? (sample.value ?? sample.id) : null;
      return (entry(type)?.designs ?? [])
        .map((id) => designById.get(id)!)
        .filter((d) => d && organismIn(d.organisms, organism))
        .filter((d) => {
          const only = designSamples.get(d.id);
          return !only || (sample !== null && only.has(sample.id));
        })
        // a group that is also the sample ("tumor vs normal" on a tumour biopsy) would not read as the tissue
        .filter((d) => value === null || !d.groups.includes(value));
    },
  };
}
