import { z } from 'zod';

/** request_wording.yaml: how generated requests word their slots, and the sentences detailed requests say them in. */
const Phrase = z.string().min(2);
/** a sentence template holding the slot value ({v} or {a_v}) */
const Template = z.string().min(5).regex(/\{a?_?v\}/, 'a detail sentence holds {v} or {a_v}');

export const RequestWordingSchema = z.strictObject({
  strandedness: z.strictObject({ reverse: z.array(Phrase).min(1), forward: z.array(Phrase).min(1), unstranded: z.array(Phrase).min(1) }),
  constraints: z.record(z.string(), z.strictObject({ limit: z.boolean(), phrases: z.array(Phrase).min(1) })),
  comparison_joiners: z.array(Phrase).min(1),
  /** organism id -> the plural of one of its common names */
  plurals: z.record(z.string(), Phrase),
  detail_sentences: z.strictObject({
    layout: z.array(Template).min(1),
    strand: z.array(Template).min(1),
    comparison: z.array(Template).min(1),
    tools: z.array(Template).min(1),
    constraint: z.array(Template).min(1),
    constraint_limit: z.array(Template).min(1),
  }),
  closing_asks: z.array(z.string().min(10)).min(1),
  /** full form -> contraction ("I am" -> "I'm"), for the casual and detailed writers who contract */
  contractions: z.record(z.string().regex(/^[A-Za-z]+( [a-z]+)*$/, 'a full form is words'), z.string().regex(/'/, 'a contraction holds an apostrophe')),
});
export type RequestWording = z.infer<typeof RequestWordingSchema>;

/** Cross-checks against the other tables, one problem per line. */
export function checkRequestWording(w: RequestWording, organisms: ReadonlyMap<string, { common_names: string[] }>, constraintIds: ReadonlySet<string>, problems: string[]): void {
  const file = 'request_wording.yaml';
  for (const [id, plural] of Object.entries(w.plurals)) {
    const o = organisms.get(id);
    if (!o) problems.push(`${file}: plurals: '${id}' is not in organisms.yaml`);
    // the parser reads an organism by its common names: a plural no name list holds would name nothing
    else if (!o.common_names.includes(plural)) problems.push(`${file}: plurals.${id}: '${plural}' is none of its common_names`);
  }
  for (const id of Object.keys(w.constraints)) if (!constraintIds.has(id)) problems.push(`${file}: constraints: '${id}' is no constraint the parser knows`);
  for (const id of constraintIds) if (!(id in w.constraints)) problems.push(`${file}: constraints: no phrases for '${id}'`);
}
