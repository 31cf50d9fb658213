import { z } from 'zod';
import type { CompatibilityTables } from './compatibility';

/** study_details.yaml: what requests say about a study (sample counts, instruments, outputs), per assay. */
const Phrase = z.string().min(3);

const POOLS = ['genes', 'drivers', 'germline', 'fusions', 'mirnas', 'taxa', 'pathways', 'lineages'] as const;
export type InterestPool = (typeof POOLS)[number];
/** pools keyed by organism id; the others by 'animal'/'plant', 'host'/'environment' or 'any' */
export const ORGANISM_POOLS: readonly InterestPool[] = ['genes', 'drivers', 'germline', 'fusions'];

export const AssayDetailsSchema = z.strictObject({
  /** the pool of interests.* the assay's requests name items of */
  interest: z.enum(POOLS).optional(),
  /** what the assay's samples are called ("libraries", "exomes") */
  units: z.array(Phrase).min(1),
  /** a depth phrase with {m} and the values it takes; {reads}: 'read pairs' for a paired layout, 'reads' otherwise; [a|b] groups give its wordings ("about 30 million", "roughly 30M") */
  depth: z.strictObject({
    template: Phrase.regex(/\{m\}/, 'a depth template holds {m}').refine((t) => !/\bread pairs\b/.test(t), "say {reads}, not 'read pairs': a request counting read pairs states a paired layout its intent may not have"),
    values: z.array(z.number().positive()).min(2),
  }),
  /** sentences on how the libraries were made ({m}: one of library_values) */
  library: z.array(Phrase).min(1),
  library_values: z.array(z.number().positive()).optional(),
  /** noun phrases: what the assay's users want to see at the end */
  outputs: z.array(Phrase).min(2),
});

const ClausesSchema = z.strictObject({
  cohort: z.array(Phrase).min(1),
  groups: z.array(Phrase).min(1),
  background: z.array(Phrase).min(1),
  background_plant: z.array(Phrase).min(1),
  background_microbe: z.array(Phrase).min(1),
  sequencing: z.array(Phrase).min(1),
  sequencing_long: z.array(Phrase).min(1),
  location: z.array(Phrase).min(1),
  outputs: z.array(Phrase).min(1),
  practical: z.array(Phrase).min(1),
});
export type ClauseKind = keyof z.infer<typeof ClausesSchema>;

export const StudyDetailsSchema = z.strictObject({
  sequencers: z.record(z.string(), z.array(Phrase).min(1)),
  read_lengths: z.record(z.string(), z.array(z.number().int().positive()).min(1)),
  sample_counts: z.array(z.number().int().min(4)).min(3),
  replicates: z.array(z.string().min(3)).min(2),
  backgrounds: z.record(z.string(), z.array(z.string().min(2)).min(1)),
  assays: z.record(z.string(), AssayDetailsSchema),
  clauses: ClausesSchema,
  interests: z.strictObject(Object.fromEntries(POOLS.map((p) => [p, z.record(z.string(), z.array(z.string().min(1)).min(2))])) as Record<InterestPool, z.ZodRecord<z.ZodString, z.ZodArray<z.ZodString>>>),
  interest_sentences: z.strictObject(Object.fromEntries(POOLS.map((p) => [p, z.array(Phrase.regex(/\{genes\}/, 'an interest sentence holds {genes}')).min(1)])) as Record<InterestPool, z.ZodArray<z.ZodString>>),
  time_courses: z.array(Phrase).min(2),
  time_sentences: z.array(Phrase.regex(/\{times\}/, 'a time sentence holds {times}')).min(1),
  sexes: z.array(Phrase).min(1),
});
export type StudyDetails = z.infer<typeof StudyDetailsSchema>;
export type AssayDetails = z.infer<typeof AssayDetailsSchema>;

/** The placeholders a clause may hold, and which clauses may hold each. */
const PLACEHOLDERS: Record<string, readonly ClauseKind[] | 'library'> = {
  n: ['cohort', 'groups'],
  reps: ['groups'],
  unit: ['cohort', 'groups'],
  seq: ['sequencing', 'sequencing_long'],
  a_seq: ['sequencing', 'sequencing_long'],
  len: ['sequencing'],
  depth: ['sequencing', 'sequencing_long'],
  out: ['outputs'],
  out2: ['outputs'],
  strain: ['background', 'background_plant', 'background_microbe'],
  a_strain: ['background', 'background_plant', 'background_microbe'],
  m: 'library',
};

/** Cross-checks against the other tables, one problem per line. */
export function checkStudyDetails(d: StudyDetails, t: CompatibilityTables, organisms: Set<string>, problems: string[]): void {
  const file = 'study_details.yaml';
  for (const p of [...Object.keys(d.sequencers), ...Object.keys(d.read_lengths)])
    if (!(p in t.platforms)) problems.push(`${file}: '${p}' is not a platform of compatibility.yaml`);
  for (const o of Object.keys(d.backgrounds)) if (!organisms.has(o)) problems.push(`${file}: backgrounds: '${o}' is not in organisms.yaml`);
  for (const type of Object.keys(t.analyses)) if (!(type in d.assays)) problems.push(`${file}: assays: no entry for analysis type '${type}'`);
  for (const type of Object.keys(d.assays)) if (!(type in t.analyses)) problems.push(`${file}: assays: '${type}' is not an analysis type`);
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  for (const [kind, list] of Object.entries(d.clauses) as [ClauseKind, string[]][])
    for (const text of list)
      for (const p of placeholders(text)) {
        const allowed = PLACEHOLDERS[p];
        if (!Array.isArray(allowed) || !allowed.includes(kind)) problems.push(`${file}: clauses.${kind}: '{${p}}' cannot be filled in '${text}'`);
      }
  for (const pool of ORGANISM_POOLS)
    for (const o of Object.keys(d.interests[pool])) if (!organisms.has(o)) problems.push(`${file}: interests.${pool}: '${o}' is not in organisms.yaml`);
  const fixed: Record<string, string[]> = { mirnas: ['animal', 'plant'], taxa: ['host', 'environment'], pathways: ['any'], lineages: ['any'] };
  for (const [pool, keys] of Object.entries(fixed))
    for (const k of Object.keys(d.interests[pool as InterestPool])) if (!keys.includes(k)) problems.push(`${file}: interests.${pool}: '${k}' is none of ${keys.join(', ')}`);
  for (const [type, a] of Object.entries(d.assays))
    for (const text of a.library)
      for (const p of placeholders(text))
        if (p !== 'm' || !a.library_values) problems.push(`${file}: assays.${type}.library: '{${p}}' cannot be filled in '${text}'`);
}
