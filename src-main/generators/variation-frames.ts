import type { VariationStyle } from '../../src-preload/schemas/example';
import type { FrameForm, FrameWording, RequestWording } from '../knowledge/request-wording';
import type { Rng } from './rng';
import { article, finish, list, opt, type Slots, sentence } from './slots';
import { chooseAlternatives } from './study-clauses';

/**
 * Sentence frames per style. A frame reads only the slots it uses (the stated intent of the query is what
 * it read), each slot has one grammatical type (see Slots), and a frame is built from interchangeable
 * parts: a lead-in, a verb, a way of attaching each slot, a closing, so that the styles have many openers
 * and few repeated word sequences. The words of every part are in request_wording.yaml `frames`; the frames
 * here say only how the parts are put together.
 */
export type Frame = (s: Slots, r: Rng) => string;

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const an = (phrase: string) => `${article(phrase)} ${phrase}`;
/** One wording of a phrase with [a|b|c] groups (an empty alternative drops the group). */
const alt = (template: string, r: Rng) => chooseAlternatives(template, r);
/** A wording with [a|b] groups and the value in place of {v} (the value itself is never split). */
const altv = (template: string, v: string, r: Rng) => alt(template, r).replaceAll('{a_v}', an(v)).replaceAll('{v}', v);
/** One template of a pool, worded, with the value in place of {v}. */
const pickv = (templates: readonly string[], v: string, r: Rng) => altv(r.pick(templates), v, r);
/** The frame wording of request_wording.yaml. */
const fw = (s: Slots): FrameWording => s.wording.frames;

/** "a reproducible Nextflow pipeline" */
function aWorkflow(s: Slots, r: Rng): string {
  return an(list(' ', r.pick(fw(s).workflow_adjectives), r.pick(fw(s).workflow_nouns)));
}

/** Slots a frame already placed before the analysis, which its tail then leaves out. */
type Part = 'layout' | 'tools' | 'constraints';
const NONE: ReadonlySet<Part> = new Set();
const only = (...parts: Part[]): ReadonlySet<Part> => new Set(parts);

/** Templates that follow "can only run": only when every constraint is a limit ("without Docker", not "as fast as possible"). */
const limits = (s: Slots, templates: readonly string[]): readonly string[] => (s.constraintsAreLimits ? templates : []);

/** The slots after the analysis, each attached in one of several ways (formal register). */
function formalTail(s: Slots, r: Rng, withSample = true, skip: ReadonlySet<Part> = NONE): string {
  const t = fw(s).formal.tail;
  const middle = r.shuffle([
    opt(skip.has('layout') ? null : s.layout, (v) => pickv(t.layout, v, r)),
    // (every strand wording is made before one is picked)
    opt(s.strand, (v) => r.pick(t.strand.map((x) => altv(x, v, r)))),
    opt(s.comparison, (v) => pickv(t.comparison, v, r)),
    opt(skip.has('tools') ? null : s.tools, (v) => pickv(t.tools, v, r)),
  ]);
  return sentence(
    withSample ? opt(s.samples, (v) => pickv(t.samples, v, r)) : null,
    ...middle,
    opt(skip.has('constraints') ? null : s.constraints, (v) => pickv([...t.constraints, ...limits(s, t.constraints_limit)], v, r)),
  );
}

/** Every wording of a template with [a|b] groups (all combinations), for short closing formulas. */
const expand = (template: string): string[] => {
  const m = /\[([^[\]]*)\]/.exec(template);
  if (!m) return [template.replace(/ {2,}/g, ' ').replace(/ +([.!?])/g, '$1').trim()];
  return m[1]!.split('|').flatMap((o) => expand(template.slice(0, m.index) + o + template.slice(m.index + m[0].length)));
};
/** Closing courtesies, short as people write them (a remark on the study goes before them). */
const formalClose = (s: Slots, r: Rng): string => (r.chance(0.55) ? '.' : `. ${r.pick(fw(s).formal.closings)}`);

function formalEnd(lead: string, s: Slots, r: Rng): string {
  return /^(could|would|can|please could|might)/i.test(lead) ? '?' : formalClose(s, r);
}

/**
 * Further frames, one per group of lead-ins that share a form (request_wording.yaml frames.formal.more and
 * frames.casual.more): 'workflow' leads take "a ... pipeline for <analysis>", 'analysis' leads take the
 * analysis noun phrase directly. Questions end with '?'.
 */
const isQuestion = (lead: string) => /^(could|would|can|is|may|might|anyone|does|got|is nextflow)\b/i.test(lead);

function moreFrames(table: readonly FrameForm[], tail: (s: Slots, r: Rng) => string, close: (q: boolean, s: Slots, r: Rng) => string, casual: boolean): Frame[] {
  return table.map(({ form, leads }) => (s: Slots, r: Rng) => {
    const lead = r.pick(leads);
    // a short name already names the analysis ("a 16S pipeline"); a plain workflow takes the noun phrase
    const body =
      form === 'analysis'
        ? s.analysis
        : casual
          ? an(`${s.analysisShort} ${r.pick(fw(s).casual.more_things)}`)
          : sentence(aWorkflow(s, r), r.pick(fw(s).formal.more_links), s.analysis);
    return sentence(lead, body, tail(s, r), close(isQuestion(lead), s, r));
  });
}

const formal: Frame[] = [
  // imperative: lead + verb + a workflow + for + analysis + tail
  (s, r) => {
    const lead = r.pick(fw(s).formal.leads);
    const verb = r.pick(fw(s).verbs);
    return sentence(lead ? `${lead} ${verb}` : cap(verb), aWorkflow(s, r), r.pick(fw(s).formal.workflow_links), s.analysis, formalTail(s, r), formalEnd(lead, s, r));
  },
  (s, r) => {
    const lead = r.pick(fw(s).formal.leads);
    const verb = r.pick(fw(s).verbs);
    return sentence(lead ? `${lead} ${verb}` : cap(verb), an(`${s.analysisShort} ${r.pick(fw(s).workflow_nouns)}`), formalTail(s, r), formalEnd(lead, s, r));
  },
  // declarative: a subject that needs the analysis
  (s, r) => sentence(r.pick(fw(s).formal.needs.subjects), s.analysis, formalTail(s, r), r.pick(fw(s).formal.needs.ends)),
  (s, r) => sentence(r.pick(fw(s).formal.labels), an(`${s.analysisShort} ${r.pick(fw(s).workflow_nouns)}`), formalTail(s, r), '.'),
  (s, r) => sentence(r.pick(fw(s).formal.aims.subjects), s.analysis, formalTail(s, r), r.pick(fw(s).formal.aims.ends)),
  (s, r) => {
    const w = fw(s).formal.for_samples;
    return sentence(r.pick(w.leads), opt(s.samples, (v) => v) ?? w.fallback, r.pick(w.next), s.analysis, formalTail(s, r, false), '.');
  },
  (s, r) => sentence(r.pick(fw(s).formal.passive), s.analysis, formalTail(s, r), '.'),
  (s, r) => sentence(r.pick(fw(s).formal.greeting.hello), r.pick(fw(s).formal.greeting.need), aWorkflow(s, r), 'for', s.analysis, formalTail(s, r), '.'),
];

/**
 * Formal frames that put one slot before the request (a constraint, the tools, the reads), as people write
 * when that is what decides the rest; without that slot they open with the request itself.
 */
const formalFront: Frame[] = [
  (s, r) => {
    const w = fw(s).formal.front_constraint;
    const front = opt(s.constraints, (v) => altv(s.constraintsAreLimits ? w.limit : w.wish, v, r));
    const please = alt(w.please, r);
    return sentence(front ?? alt(w.fallback, r), please, r.pick(fw(s).verbs), aWorkflow(s, r), 'for', s.analysis, formalTail(s, r, true, only('constraints')), /could|would/.test(please) ? '?' : '.');
  },
  (s, r) => {
    const w = fw(s).formal.front_tools;
    const front = opt(s.tools, (v) => altv(w.front, v, r));
    return sentence(front ?? alt(w.fallback, r), alt(w.need, r), aWorkflow(s, r), 'for', s.analysis, formalTail(s, r, true, only('tools')), '.');
  },
  (s, r) => {
    // the subject and its verbs agree ("the lab has ... and requires"); "data of mouse samples", not "data of mouse data"
    const w = fw(s).formal.front_layout;
    const [has, need] = r.pick(w.subjects);
    const front = opt(s.layout, (v) => altv(w.reads.replace('{has}', has), v, r));
    return sentence(front ?? alt(w.fallback.replace('{has}', has), r), opt(s.samples, (v) => `${r.pick(w.samples)} ${v.replace(/ data$/, ' samples')}`), alt(need, r), s.analysis, formalTail(s, r, false, only('layout')), '.');
  },
  (s, r) => sentence(alt(fw(s).formal.brief.lead, r), s.analysis, formalTail(s, r), alt(fw(s).formal.brief.as, r), aWorkflow(s, r), '.'),
];

/** Whether a sample phrase is a plural one can count ("a few liver samples", not "a few mouse data" or "a few liver tissue"). */
const countable = (samples: string): boolean => !/\b(data|tissue)$|\b(data|tissue) (from|taken from|collected from) \w+$/.test(samples);

/** Casual register: the same slots, attached the way people type in chat. */
function casualTail(s: Slots, r: Rng, withSample = true, skip: ReadonlySet<Part> = NONE): string {
  const t = fw(s).casual.tail;
  const middle = r.shuffle([
    opt(skip.has('layout') ? null : s.layout, (v) => pickv(t.layout, v, r)),
    opt(s.strand, (v) => pickv(t.strand, v, r)),
    opt(s.comparison, (v) => pickv(t.comparison, v, r)),
    opt(skip.has('tools') ? null : s.tools, (v) => pickv(t.tools, v, r)),
  ]);
  return sentence(
    withSample ? opt(s.samples, (v) => pickv([...t.samples, ...(countable(v) ? t.samples_countable : [])], v, r)) : null,
    ...middle,
    opt(skip.has('constraints') ? null : s.constraints, (v) => pickv([...t.constraints, ...limits(s, t.constraints_limit)], v, r)),
  );
}
/** Every wording of the casual sign-offs, made once per wording table. */
const expandedSignoffs = new WeakMap<readonly string[], string[]>();
function signoffs(s: Slots): string[] {
  const raw = fw(s).casual.signoffs;
  const hit = expandedSignoffs.get(raw);
  if (hit) return hit;
  const all = raw.flatMap(expand);
  expandedSignoffs.set(raw, all);
  return all;
}
const bye = (s: Slots, r: Rng) => r.pick(signoffs(s));
const hi = (s: Slots, r: Rng) => r.pick(fw(s).casual.greetings);

const casual: Frame[] = [
  (s, r) => sentence(hi(s, r), r.pick(fw(s).casual.run), s.analysis, casualTail(s, r), r.pick(['?', '', '.']), bye(s, r)),
  (s, r) => sentence(hi(s, r), r.pick(fw(s).casual.need.verbs), an(`${s.analysisShort} ${r.pick(fw(s).casual.need.things)}`), casualTail(s, r), bye(s, r)),
  (s, r) => {
    const w = fw(s).casual.got;
    return sentence(hi(s, r), r.pick(w.leads), opt(s.samples, (v) => v) ?? w.fallback, r.pick(w.next), s.analysis, casualTail(s, r, false), r.pick(w.ends));
  },
  (s, r) => sentence(r.pick(fw(s).casual.boss.leads), s.analysis, casualTail(s, r), r.pick(fw(s).casual.boss.ends)),
  (s, r) => sentence(r.pick(fw(s).casual.ask), s.analysis, casualTail(s, r), '?', bye(s, r)),
  (s, r) => sentence(r.pick(fw(s).casual.make.verbs), an(`${s.analysisShort} ${r.pick(fw(s).casual.make.things)}`), casualTail(s, r), bye(s, r)),
  (s, r) => sentence(r.pick(fw(s).casual.situation.leads), r.pick(fw(s).casual.situation.verbs), s.analysis, casualTail(s, r), bye(s, r)),
  (s, r) => sentence(hi(s, r), r.pick(fw(s).casual.how), s.analysis, casualTail(s, r), '?'),
];

/** Casual frames that start with the thing that decides the rest: the tools, a constraint, the reads. */
const casualFront: Frame[] = [
  (s, r) => {
    const w = fw(s).casual.front_tools;
    const front = opt(s.tools, (v) => pickv(w.leads, v, r));
    return sentence(hi(s, r), front ?? alt(w.fallback, r), alt(w.need, r), s.analysis, casualTail(s, r, true, only('tools')), bye(s, r));
  },
  (s, r) => {
    const w = fw(s).casual.front_constraint;
    const front = opt(s.constraints, (v) => altv(s.constraintsAreLimits ? w.limit : w.wish, v, r));
    return sentence(front ?? hi(s, r), alt(w.ask, r), s.analysis, casualTail(s, r, true, only('constraints')), '?', bye(s, r));
  },
  (s, r) => {
    const w = fw(s).casual.front_layout;
    const front = opt(s.layout, (v) => altv(w.reads, v, r));
    return sentence(hi(s, r), front ?? alt(w.fallback, r), opt(s.samples, (v) => `${r.pick(w.samples)} ${v}`), alt(w.need, r), s.analysis, casualTail(s, r, false, only('layout')), bye(s, r));
  },
  (s, r) => {
    const w = fw(s).casual.quick;
    return sentence(alt(w.lead, r), alt(w.how, r), alt(w.verb, r), s.analysis, casualTail(s, r), '?', bye(s, r));
  },
];

/** Terse styles: words joined by spaces, a comparison set off by a comma ("rice RNA-seq DE, infected vs uninfected"). */
const terse = (...parts: (string | null | undefined)[]) => list(' ', ...parts).replace(/ ,/g, ',');
const vs = (s: Slots) => opt(s.comparison, (v) => `, ${v}`);

const minimal: Frame[] = [
  (s) => terse(s.organism, s.tissue, s.cellType, s.analysisShort, vs(s), s.tools, s.constraints),
  (s) => terse(s.analysisShort, s.organism, s.tissue, s.cellType, s.layout, s.tools),
  (s) => terse(s.analysisShort, list(', ', terse(s.organism, s.tissue, s.cellType), s.comparison)),
  (s) => terse(s.analysisShort, 'pipeline', s.organism, s.tissue, s.cellType, s.tools, s.constraints),
  (s) => terse(s.organism, s.cellType, s.tissue, s.analysisShort, s.layout, vs(s)),
  (s) => terse(s.analysisShort, opt(terse(s.organism, s.tissue, s.cellType) || null, (v) => `(${v})`), s.tools),
  (s) => terse(s.analysis, s.organism, s.tissue, s.cellType, vs(s), s.constraints),
  (s) => terse(s.organism, s.analysisShort, s.tissue, s.cellType, s.strand, s.tools),
  (s) => terse(s.analysisShort, 'workflow', s.organism, s.tissue, s.cellType, vs(s), s.tools, s.constraints),
  (s) => list(', ', terse(s.analysisShort, s.organism), terse(s.tissue, s.cellType), s.layout, s.strand, s.comparison),
  (s) => terse(s.tools, s.analysisShort, s.organism, s.tissue, s.cellType, s.constraints),
  (s) => list(': ', s.analysis, terse(s.organism, s.tissue, s.cellType, vs(s), s.tools)),
  (s) => terse('nextflow', s.analysisShort, s.organism, s.tissue, s.cellType, s.layout),
  (s) => list(' - ', s.analysisShort, terse(s.organism, s.tissue, s.cellType), s.tools),
];

/** One sentence of a detailed request stating a slot (request_wording.yaml detail_sentences). */
type DetailKind = 'layout' | 'strand' | 'comparison' | 'tools' | 'constraint';
function detailSentence(kind: DetailKind, v: string, s: Slots, r: Rng): string {
  const d = s.wording.detail_sentences;
  const pool = kind === 'constraint' ? [...d.constraint, ...(s.constraintsAreLimits ? d.constraint_limit : [])] : d[kind];
  return altv(r.pick(pool), v, r);
}

function detailParts(s: Slots, r: Rng): string[] {
  const facts = [
    opt(s.layout, (v) => detailSentence('layout', v, s, r)),
    opt(s.strand, (v) => detailSentence('strand', v, s, r)),
    opt(s.comparison, (v) => detailSentence('comparison', v, s, r)),
    opt(s.tools, (v) => detailSentence('tools', v, s, r)),
    opt(s.constraints, (v) => detailSentence('constraint', v, s, r)),
  ].filter((x): x is string => x !== null);
  const st = s.study;
  // a few remarks on the study, as people add them: some requests say a lot, many say one thing or none
  const remarks = r.shuffle([st.cohort, st.background, st.sequencing, st.library, st.interest, st.timeCourse, st.sex, r.chance(0.3) ? st.location : null].filter((x): x is string => x !== null));
  const closing = r.shuffle([st.outputs, r.chance(0.4) ? st.practical : null].filter((x): x is string => x !== null));
  // the facts of a request come in no fixed order, wishes and deadlines last
  return [...r.shuffle([...facts, ...remarks.slice(0, r.pick([0, 1, 1, 1, 2, 2, 3]))]), ...closing.slice(0, r.chance(0.35) ? 1 : 0)];
}
/** The closing request of a detailed query, composed of parts so the closings do not repeat one sentence. */
function ask(s: Slots, r: Rng): string {
  const w = fw(s).detailed.ask;
  // 'the' names a workflow already in mind ('the full workflow'), not one only just described ('the tidy workflow')
  const the = r.chance(0.5);
  const what = list(' ', the ? 'the' : 'a', r.pick(the ? w.the_adjectives : w.a_adjectives), r.pick(w.names), r.pick(w.nouns));
  // only asks the generated answer meets (QC report, one module per tool, rationale, -resume, one config): a wish it
  // ignores ('runs on SLURM', 'a small test dataset', 'a README') would teach the model to drop stated requirements
  const extra = r.pick(w.extras);
  return r.pick([
    () => sentence(alt(w.question.lead, r), alt(w.question.verb, r), what, extra, '?'),
    () => sentence(alt(w.please.lead, r), alt(w.please.verb, r), what, extra, '.'),
    () => alt(w.which, r),
    () => alt(r.pick(s.wording.closing_asks), r),
    () => alt(r.pick(s.wording.closing_asks), r),
    () => alt(w.how, r),
    () => sentence(alt(w.need, r), what, extra, '.'),
    () => alt(w.one, r),
    () => alt(w.thanks, r),
    () => sentence(alt(w.where.lead, r), alt(w.where.as, r), alt(w.where.end, r)),
    () => sentence(alt(w.hope, r), what, extra, '.'),
    () => alt(w.any, r),
  ])();
}
/** A first fact: how the data were sequenced or how many samples there are, else the platform remark. */
const leadFact = (s: Slots, r: Rng): string => (r.chance(0.5) ? s.study.sequencing : null) ?? s.study.cohort ?? s.context;
/** The platform remark of compatibility.yaml only where no study remark says how the data were made (its numbers would contradict them). */
const aside = (s: Slots, r: Rng): string | null => (s.study.sequencing === null && r.chance(0.3) ? s.context : null);
/** Most detailed requests end with an explicit ask; the opening sentence already asks in the others. */
const maybeAsk = (s: Slots, r: Rng): string | null => (r.chance(0.7) ? ask(s, r) : null);
/** A request says each thing once: a remark that repeats an earlier sentence (a labelled one too: "Data status: ...") is dropped. */
const once = (frame: Frame): Frame => (s, r) => {
  const seen = new Set<string>();
  const key = (x: string) => x.replace(/^[A-Z][\w ]{0,25}:\s+/, '');
  return frame(s, r)
    .split(/(?<=[.?!])\s+/)
    .filter((x) => !seen.has(key(x)) && Boolean(seen.add(key(x))))
    .join(' ');
};
/**
 * A detailed request written as a labelled list, as people fill in a request form or paste project notes:
 * the analysis and the slots, then a few facts of the study, in no fixed order, ending with the ask or not.
 */
function labelled(s: Slots, r: Rng): string {
  const f = s.study.facts;
  const l = fw(s).detailed.labelled;
  const item = (labels: string, value: string | null) => (value ? `${alt(labels, r)}: ${value}` : null);
  const slots = [
    item(l.samples, s.samples),
    item(l.layout, s.layout),
    item(l.strand, s.strand),
    item(l.comparison, s.comparison),
    item(l.tools, s.tools),
    opt(s.constraints, (v) => `${alt(l.constraint, r)}: ${alt(s.constraintsAreLimits ? l.constraint_limit_verbs : l.constraint_verbs, r)} ${v}`),
  ];
  const study = r.shuffle([
    item(l.total, f.perGroup ? `${f.total}, ${f.perGroup}` : f.total),
    item(l.instrument, f.instrument),
    item(l.depth, f.depth),
    item(l.read_length, f.readLength),
    item(l.strain, f.strain),
    item(l.interest, f.interest),
    item(l.times, f.times),
    item(l.outputs, f.outputs),
  ].filter((x): x is string => x !== null));
  const lines = [item(l.analysis, s.analysis)!, ...r.shuffle([...slots.filter((x): x is string => x !== null), ...study.slice(0, 1 + r.int(4))])];
  const head = r.pick(['', '', alt(l.head, r)]);
  // sentences in a row, or one item per line (then the head and the ask stand on lines of their own)
  const asList = r.chance(0.5);
  const close = r.chance(0.6) ? ask(s, r) : null;
  // a list item before the ask ends with a stop, so "treated vs control" is not read on into the next line
  const body = asList ? lines.map((x, i) => `- ${x}${close && i === lines.length - 1 ? '.' : ''}`).join('\n') : lines.map((x) => `${x}.`).join(' ');
  return [head, body, close].filter(Boolean).join(asList ? '\n' : ' ');
}

const detailed: Frame[] = [
  (s, r) => sentence(alt(r.pick(fw(s).detailed.project), r), s.analysis, opt(s.samples, (v) => `with ${v}`), '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r)),
  (s, r) => {
    const w = fw(s).detailed.context;
    return sentence(r.pick(w.labels), leadFact(s, r), r.pick(w.goals), s.analysis, opt(s.samples, (v) => `of ${v}`), '.', ...detailParts(s, r), ask(s, r));
  },
  (s, r) => {
    const w = fw(s).detailed.received;
    return sentence(alt(r.pick(w.opening), r), opt(s.samples, (v) => v) ?? w.fallback, r.pick(w.next), s.analysis, '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r));
  },
  (s, r) => {
    const w = fw(s).detailed.study_for;
    return sentence(r.pick(w.opening), opt(s.samples, (v) => `on ${v}`), r.pick(w.next), s.analysis, r.pick(w.ends), ...detailParts(s, r), aside(s, r), maybeAsk(s, r));
  },
  (s, r) => {
    const w = fw(s).detailed.facts_first;
    return sentence(r.pick(w.labels), leadFact(s, r), r.pick(w.next), s.analysis, opt(s.samples, (v) => `for ${v}`), '.', ...detailParts(s, r), ask(s, r));
  },
  (s, r) => {
    const w = fw(s).detailed.situation;
    return sentence(r.pick(w.labels), opt(s.samples, (v) => w.samples.replace('{v}', v)) ?? w.fallback, r.pick(w.next), s.analysis, '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r));
  },
  (s, r) => {
    const w = fw(s).detailed.new_to;
    return sentence(r.pick(w.opening), s.analysisShort, r.pick(w.next), opt(s.samples, (v) => v) ?? w.fallback, '.', ...detailParts(s, r), aside(s, r), r.pick(w.asks), s.analysisShort, r.pick(w.ends));
  },
  (s, r) => {
    const w = fw(s).detailed.after_sequencing;
    return sentence(r.pick(w.opening), opt(s.samples, (v) => v) ?? w.fallback, r.pick(w.next), s.analysis, '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r));
  },
];

/** Detailed requests that ask first and give the details after, or open with who is asking or what came before. */
const detailedMore: Frame[] = [
  (s, r) => {
    const w = fw(s).detailed.help_first;
    const lead = alt(w.lead, r);
    return sentence(lead, s.analysis, opt(s.samples, (v) => `${r.pick(w.samples)} ${v}`), /^I /.test(lead) ? '.' : '?', alt(w.details, r), ...detailParts(s, r), aside(s, r));
  },
  (s, r) => {
    const w = fw(s).detailed.before;
    return sentence(alt(w.when, r), s.analysis, opt(s.samples, (v) => `${r.pick(w.samples)} ${v}`) ?? alt(w.fallback, r), alt(w.now, r), ...detailParts(s, r), aside(s, r), maybeAsk(s, r));
  },
  (s, r) => {
    const w = fw(s).detailed.who;
    return sentence(r.chance(0.5) ? alt(w.with_and, r) : alt(w.as, r), s.analysis, opt(s.samples, (v) => `${r.pick(w.samples)} ${v}`), '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r));
  },
  (s, r) => {
    const w = fw(s).detailed.greeting;
    return sentence(alt(w.hello, r), alt(w.need, r), s.analysis, opt(s.samples, (v) => `${r.pick(w.samples)} ${v}`), '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r));
  },
];

/** Edge cases: terse, odd order, lowercase or shouted; typos are added afterwards. */
const edgeCase: Frame[] = [
  (s) => terse(s.analysisShort, s.organism, s.tissue, s.cellType, vs(s), s.tools).toLowerCase(),
  (s) => terse('need', s.analysisShort, opt(terse(s.organism, s.tissue, s.cellType) || null, (v) => `for ${v}`), vs(s), s.tools, 'thx'),
  (s) => `${terse(terse(s.organism, s.tissue, s.cellType), '->', s.analysisShort, s.tools)}??`,
  (s) => terse('uh', s.analysis, 'i think?', s.organism, s.tissue, s.cellType, s.layout, vs(s)),
  (s) => terse(s.analysisShort.toUpperCase(), s.organism?.toUpperCase(), s.tissue, s.cellType, vs(s), s.tools),
  (s) => terse('pls', s.analysisShort, s.organism, s.tissue, s.cellType, s.tools, s.constraints, 'thx'),
  (s) => terse('how do i', s.analysisShort, s.organism, s.tissue, s.cellType, vs(s), s.tools).toLowerCase(),
  (s) => list(' / ', s.analysis, s.organism, terse(s.tissue, s.cellType), s.layout, s.comparison, s.tools),
  (s) => terse('workflow', s.analysisShort, s.organism, s.tissue, s.cellType, opt(s.tools, (v) => `w/ ${v}`), vs(s), s.constraints),
  (s) => terse(s.organism, s.analysis, s.tissue, s.cellType, 'data', vs(s), s.tools),
  (s) => terse('is it possible to do', s.analysisShort, opt(terse(s.organism, s.tissue, s.cellType) || null, (v) => `on ${v}`), vs(s), s.tools, s.constraints, 'or not'),
  (s) => terse('#', s.analysisShort, s.organism, s.tissue, s.cellType, s.layout, s.tools, s.constraints),
];

/** A study fact as people type it in chat ("12 samples, six per group", "NovaSeq 6000 run"). */
function chatFact(s: Slots, r: Rng): string | null {
  const f = s.study.facts;
  const w = fw(s).casual.chat_facts;
  const options = [
    pickv(w.total, f.perGroup ? `${f.total}, ${f.perGroup}` : f.total, r),
    f.instrument && r.pick(w.instrument.map((t) => t.replaceAll('{a_v}', an(f.instrument!)).replaceAll('{v}', f.instrument!))),
    f.depth && altv(w.depth, f.depth.replace(/^(about|around|roughly|approximately|on average) /, ''), r),
    f.interest && pickv(w.interest, f.interest, r),
    f.strain && pickv(w.strain, f.strain, r),
    f.times && altv(w.times, f.times, r),
    f.outputs && pickv(w.outputs, f.outputs, r),
  ].filter((x): x is string => typeof x === 'string' && x.length > 0);
  return options.length > 0 ? r.pick(options) : null;
}

/** One remark on the study (study_details.yaml) that a short request may carry; null most of the time it has none. */
function remark(s: Slots, r: Rng, chance: number): string | null {
  if (!r.chance(chance)) return null;
  const st = s.study;
  return r.pick([st.cohort, st.sequencing, st.outputs, st.interest, st.interest, st.library, st.timeCourse, st.cohort, st.practical].filter((x): x is string => x !== null));
}

const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A formal request with a remark on the study after its request sentence (before a closing thank-you). */
const formalWithRemark = (frame: Frame, thanksAtEnd: RegExp): Frame => (s, r) => {
  const text = frame(s, r);
  const extra = remark(s, r, 0.8);
  if (!extra) return text;
  const thanks = thanksAtEnd.exec(text);
  const body = thanks ? text.slice(0, thanks.index) : text;
  return sentence(/[.?!]$/.test(body) ? body : `${body}.`, extra, thanks?.[1]);
};

/**
 * A casual request: a sign-off is set off from the request by punctuation ("... liver samples, thanks!", not
 * "... liver samples thanks!"), and a remark on the study, typed as people chat, comes before it.
 */
const casualWithRemark = (frame: Frame, byeAtEnd: RegExp): Frame => (s, r) => {
  const text = frame(s, r);
  const bye = byeAtEnd.exec(text);
  let body = bye ? text.slice(0, bye.index) : text;
  const chat = r.chance(0.5) ? chatFact(s, r) : null;
  const extra = chat ?? remark(s, r, 0.6);
  if (extra) {
    const stop = /[.?!]$/.test(body) ? '' : r.pick(['.', ' -', ',']);
    // a new sentence may start with a capital, a clause after a comma or dash does not
    // (a chat fact is typed as it is: 'NovaSeq 6000 run', 'Mki67 and Isg15 are the main ones')
    const lower = chat === null && (stop !== '.' && stop !== '' ? true : r.chance(0.5));
    // (only a capital that starts an ordinary word: not 'RIN values' or 'H3K27ac')
    body = sentence(`${body}${stop}`, lower && /^[A-Z][a-z ]/.test(extra) ? extra.charAt(0).toLowerCase() + extra.slice(1) : extra);
  }
  if (!bye) return body;
  body = finish(body);
  // an emoticon follows the text directly
  const sep = /[.?!:]$/.test(body) || bye[1] === ':)' ? '' : r.pick([',', '.', ' -']);
  return sentence(`${body}${sep}`, bye[1]);
};

function buildFrames(w: RequestWording): Record<VariationStyle, Frame[]> {
  const f = w.frames;
  const thanksAtEnd = new RegExp(`\\s*(${f.formal.closings.map(escapeRe).join('|')})$`);
  const byeAtEnd = new RegExp(`\\s*(?<![A-Za-z0-9])(${f.casual.signoffs.flatMap(expand).filter(Boolean).map(escapeRe).join('|')})$`);
  return {
    formal: [...formal, ...formalFront, ...moreFrames(f.formal.more, formalTail, (q, s, r) => (q ? '?' : formalClose(s, r)), false)].map((x) => formalWithRemark(x, thanksAtEnd)),
    casual: [...casual, ...casualFront, ...moreFrames(f.casual.more, casualTail, (q, s, r) => sentence(q ? '?' : '', bye(s, r)), true)].map((x) => casualWithRemark(x, byeAtEnd)),
    minimal,
    detailed: [...[...detailed, ...detailedMore].map(once), labelled, labelled, labelled, labelled, labelled, labelled],
    edge_case: edgeCase,
  };
}

const built = new WeakMap<RequestWording, Record<VariationStyle, Frame[]>>();
/** The sentence frames of each style, made once per wording table (request_wording.yaml). */
export function framesOf(w: RequestWording): Record<VariationStyle, Frame[]> {
  const hit = built.get(w);
  if (hit) return hit;
  const frames = buildFrames(w);
  built.set(w, frames);
  return frames;
}
