import { z } from 'zod';

/** request_wording.yaml: how generated requests word their slots, and the sentences detailed requests say them in. */
const Phrase = z.string().min(2);
/** a sentence template holding the slot value ({v} or {a_v}) */
const Template = z.string().min(5).regex(/\{a?_?v\}/, 'a detail sentence holds {v} or {a_v}');

/** a wording with [a|b] groups (one alternative is taken from each group), or a plain phrase */
const Wording = z.string().min(1);
/** a list of parts a frame picks one of; an empty entry leaves the part out */
const Parts = z.array(z.string()).min(1);
/** templates holding the slot value ({v} or {a_v}) */
const Templates = z.array(Template).min(1);
/** lead-ins that share a form: 'workflow' leads take "a ... pipeline for <analysis>", 'analysis' leads the analysis noun phrase */
const FrameFormSchema = z.strictObject({ form: z.enum(['workflow', 'analysis']), leads: z.array(Phrase).min(1) });
export type FrameForm = z.infer<typeof FrameFormSchema>;
const Tail = z.strictObject({ samples: Templates, layout: Templates, strand: Templates, comparison: Templates, tools: Templates, constraints: Templates, constraints_limit: Templates });
const LeadsThen = { opening: z.array(Phrase).min(1), fallback: Phrase, next: z.array(Phrase).min(1) };

/** The words of the sentence frames of variation-frames.ts: leads, links, tails, closings, per style. */
const FrameWordingSchema = z.strictObject({
  workflow_nouns: z.array(Phrase).min(1),
  workflow_adjectives: Parts,
  verbs: z.array(Phrase).min(1),
  formal: z.strictObject({
    leads: Parts,
    tail: Tail,
    closings: z.array(z.string().regex(/^[A-Z].*[.!]$/, 'a closing is a sentence')).min(1),
    workflow_links: z.array(Phrase).min(1),
    more_links: z.array(Phrase).min(1),
    needs: z.strictObject({ subjects: z.array(Phrase).min(1), ends: Parts }),
    labels: z.array(Phrase).min(1),
    aims: z.strictObject({ subjects: z.array(Phrase).min(1), ends: Parts }),
    for_samples: z.strictObject({ leads: z.array(Phrase).min(1), fallback: Phrase, next: z.array(Phrase).min(1) }),
    passive: z.array(Phrase).min(1),
    greeting: z.strictObject({ hello: z.array(Phrase).min(1), need: z.array(Phrase).min(1) }),
    front_constraint: z.strictObject({ limit: Template, wish: Template, please: Wording, fallback: Wording }),
    front_tools: z.strictObject({ front: Template, fallback: Wording, need: Wording }),
    /** subject and the verb that agrees with it; {has} is the subject in the wordings */
    front_layout: z.strictObject({ subjects: z.array(z.tuple([Phrase, Wording])).min(1), reads: Template, fallback: Wording, samples: z.array(Phrase).min(1) }),
    brief: z.strictObject({ lead: Wording, as: Wording }),
    more: z.array(FrameFormSchema).min(1),
  }),
  casual: z.strictObject({
    tail: Tail.extend({ samples_countable: Templates }),
    greetings: Parts,
    /** sign-offs with [a|b] groups, every wording of which is used; an empty entry: no sign-off */
    signoffs: Parts,
    run: z.array(Phrase).min(1),
    need: z.strictObject({ verbs: z.array(Phrase).min(1), things: z.array(Phrase).min(1) }),
    got: z.strictObject({ leads: z.array(Phrase).min(1), fallback: Phrase, next: z.array(Phrase).min(1), ends: z.array(z.string().min(1)).min(1) }),
    boss: z.strictObject({ leads: z.array(Phrase).min(1), ends: z.array(z.string().min(1)).min(1) }),
    ask: z.array(Phrase).min(1),
    make: z.strictObject({ verbs: z.array(Phrase).min(1), things: z.array(Phrase).min(1) }),
    situation: z.strictObject({ leads: z.array(Phrase).min(1), verbs: z.array(Phrase).min(1) }),
    how: z.array(Phrase).min(1),
    more_things: z.array(Phrase).min(1),
    front_tools: z.strictObject({ leads: Templates, fallback: Wording, need: Wording }),
    front_constraint: z.strictObject({ limit: Template, wish: Template, ask: Wording }),
    front_layout: z.strictObject({ reads: Template, fallback: Wording, samples: z.array(Phrase).min(1), need: Wording }),
    quick: z.strictObject({ lead: Wording, how: Wording, verb: Wording }),
    chat_facts: z.strictObject({ total: Templates, instrument: Templates, depth: Template, interest: Templates, strain: Templates, times: Template, outputs: Templates }),
    more: z.array(FrameFormSchema).min(1),
  }),
  detailed: z.strictObject({
    project: z.array(Phrase).min(1),
    context: z.strictObject({ labels: z.array(Phrase).min(1), goals: z.array(Phrase).min(1) }),
    received: z.strictObject(LeadsThen),
    study_for: z.strictObject({ opening: z.array(Phrase).min(1), next: z.array(Phrase).min(1), ends: z.array(z.string().min(1)).min(1) }),
    facts_first: z.strictObject({ labels: Parts, next: z.array(Phrase).min(1) }),
    situation: z.strictObject({ labels: z.array(Phrase).min(1), samples: Template, fallback: Phrase, next: z.array(Phrase).min(1) }),
    new_to: z.strictObject({ ...LeadsThen, asks: z.array(Phrase).min(1), ends: z.array(Phrase).min(1) }),
    after_sequencing: z.strictObject(LeadsThen),
    help_first: z.strictObject({ lead: Wording, samples: z.array(Phrase).min(1), details: Wording }),
    before: z.strictObject({ when: Wording, samples: z.array(Phrase).min(1), fallback: Wording, now: Wording }),
    who: z.strictObject({ with_and: Wording, as: Wording, samples: z.array(Phrase).min(1) }),
    greeting: z.strictObject({ hello: Wording, need: Wording, samples: z.array(Phrase).min(1) }),
    /** the labels of a labelled-list request, one wording per item */
    labelled: z.record(z.enum(['analysis', 'samples', 'layout', 'strand', 'comparison', 'tools', 'constraint', 'constraint_limit_verbs', 'constraint_verbs', 'total', 'instrument', 'depth', 'read_length', 'strain', 'interest', 'times', 'outputs', 'head']), Wording),
    /** the parts of the closing ask of a detailed request */
    ask: z.strictObject({
      the_adjectives: Parts,
      a_adjectives: Parts,
      names: Parts,
      nouns: z.array(Phrase).min(1),
      extras: Parts,
      question: z.strictObject({ lead: Wording, verb: Wording }),
      please: z.strictObject({ lead: Wording, verb: Wording }),
      which: Wording,
      how: Wording,
      need: Wording,
      one: Wording,
      thanks: Wording,
      where: z.strictObject({ lead: Wording, as: Wording, end: Wording }),
      hope: Wording,
      any: Wording,
    }),
  }),
});
export type FrameWording = z.infer<typeof FrameWordingSchema>;

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
  /** the words of the sentence frames of each style */
  frames: FrameWordingSchema,
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
