import type { VariationStyle } from '../../src-preload/schemas/example';
import type { Rng } from './rng';
import { article, finish, list, opt, type Slots, sentence } from './slots';
import { chooseAlternatives } from './study-clauses';

/**
 * Sentence frames per style. A frame reads only the slots it uses (the stated intent of the query is what
 * it read), each slot has one grammatical type (see Slots), and a frame is built from interchangeable
 * parts: a lead-in, a verb, a way of attaching each slot, a closing, so that the styles have many openers
 * and few repeated word sequences.
 */
export type Frame = (s: Slots, r: Rng) => string;

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const an = (phrase: string) => `${article(phrase)} ${phrase}`;
/** One wording of a phrase with [a|b|c] groups (an empty alternative drops the group). */
const alt = (template: string, r: Rng) => chooseAlternatives(template, r);

const WORKFLOW = ['workflow', 'pipeline', 'Nextflow pipeline', 'Nextflow DSL2 workflow', 'Nextflow workflow', 'DSL2 pipeline', 'DSL2 workflow', 'Nextflow DSL2 pipeline', 'Nextflow-based workflow', 'Nextflow-based pipeline', 'processing pipeline', 'bioinformatics pipeline', 'bioinformatics workflow', 'workflow in Nextflow', 'pipeline in Nextflow', 'pipeline written in Nextflow', 'Nextflow DSL2 implementation', 'workflow written in DSL2'];
const ADJ = ['', '', '', 'reproducible', 'complete', 'standard', 'robust', 'containerized', 'end-to-end', 'well-documented', 'production-ready', 'modular', 'portable', 'maintainable', 'scalable', 'fully automated', 'clean'];
// (not 'assemble': "assemble a WGS pipeline" reads as genome assembly)
const VERB = ['generate', 'build', 'design', 'set up', 'write', 'create', 'prepare', 'produce', 'develop', 'implement', 'draft', 'construct', 'put together', 'outline', 'provide', 'assemble the steps of', 'code up', 'lay out', 'compose'];
const FORMAL_LEAD = ['Please', 'Kindly', '', '', 'I would like you to', 'Could you', 'Would you', 'I kindly ask you to', 'We would like you to', 'Please could you', 'I need you to', 'Can you please', 'We ask that you', 'I would appreciate it if you could', 'Would you kindly', 'May I ask you to', 'We would be glad if you could', 'I am asking you to', 'Our group asks you to', 'It would help if you could'];

/** "a reproducible Nextflow pipeline" */
function aWorkflow(r: Rng): string {
  return an(list(' ', r.pick(ADJ), r.pick(WORKFLOW)));
}

/** Slots a frame already placed before the analysis, which its tail then leaves out. */
type Part = 'layout' | 'tools' | 'constraints';
const NONE: ReadonlySet<Part> = new Set();
const only = (...parts: Part[]): ReadonlySet<Part> => new Set(parts);

/** The slots after the analysis, each attached in one of several ways (formal register). */
function formalTail(s: Slots, r: Rng, withSample = true, skip: ReadonlySet<Part> = NONE): string {
  const middle = r.shuffle([
    opt(skip.has('layout') ? null : s.layout, (v) => altv(r.pick(['with {v} reads', '({v} reads)', 'from {v} libraries', '({v} sequencing)', '; the reads are {v}', ', sequenced {v},', '(data: {v})', '[, all data being|, the data are|; our reads are] {v}', '[for|from] {v} [data|reads|runs]', '[, based on|, starting from|, working from] {v} [reads|FASTQ files|sequencing data]', '[; sequencing was|; the libraries were sequenced|; all samples were sequenced] {v}', '(reads: {v})']), v, r)),
    opt(s.strand, (v) => r.pick([`from ${an(`${v} library`)}`, `with ${an(`${v} protocol`)}`, `(library: ${v})`, `(${v} library prep)`, alt('[; the libraries are|, libraries being|; library preparation was] ', r) + v])),
    opt(s.comparison, (v) => altv(r.pick([', comparing {v},', ', to contrast {v},', ', with the contrast {v},', ', for the {v} comparison,', ', evaluating {v},', ', contrasting {v},', '; the comparison is {v};', '(design: {v})', '(contrast: {v})', ', for a comparison of {v},', '[; the groups are|; the design is|; our contrast is] {v};']), v, r)),
    opt(skip.has('tools') ? null : s.tools, (v) => altv(r.pick([', using {v}', ', with {v}', ', built on {v}', ', based on {v}', ', employing {v}', ', preferably with {v}', ', relying on {v}', '; please include {v}', ', incorporating {v}', '[; we would prefer|; our preference is|; the group prefers|; we favour] {v}', '[, ideally|, if possible|, preferably] [using|with|around] {v}', ', making use of {v}', '[; {v} would be preferred|; {v} would be our choice|; {v} would suit us best]', '[, centred on|, organised around|, structured around] {v}', '; {v} should be [part of it|used for the key steps|at the centre of it]', '[, with|, including] {v} [as the main tools|at its core|for the key steps]']), v, r)),
  ]);
  return sentence(
    withSample ? opt(s.samples, (v) => r.pick([`of ${v}`, `on ${v}`, `for ${v}`, `using ${v}`, `with ${v}`, `applied to ${v}`])) : null,
    ...middle,
    opt(skip.has('constraints') ? null : s.constraints, (v) => altv(r.pick(['; it [must|has to|needs to|should] [run|work|execute] {v}', ', [running|operating|executing] {v}', '; the [run|analysis|whole run] [has to|must|needs to] [work|run|complete] {v}', ', and it [should|must|ought to] [run|work] {v}', '; [everything|every step|each process] [must|has to|should] run {v}', '. It is [essential|crucial|important|a requirement] that it [runs|works] {v}', '; [note|please note|be aware] that it [has to|must|needs to] run {v}', '[; the workflow|; the pipeline|. The pipeline|. The workflow] [must|should|needs to|has to] [run|work|operate] {v}', '; it is important that [it|the workflow|each step] [runs|can run] {v}', '; a requirement is that [it|the pipeline|the whole run] [runs|works] {v}', '. Please [ensure|make sure|check] that [it|the pipeline|everything] [runs|will run] {v}', '[, on the condition|, with the condition|, with the proviso] that it [runs|can run] {v}', '. [An essential point|A key condition|One condition] is that [it|the workflow] [runs|can run] {v}', '[; it should be possible|; it must be possible] to run it {v}', ...limits(s, '[, bearing in mind|, given|; please note] that [we|our group|the lab] can only run [it|pipelines|jobs] {v}', '[; our environment only allows us to run jobs|; our infrastructure only lets us run software] {v}')]), v, r)),
  );
}

/** Every wording of a template with [a|b] groups (all combinations), for short closing formulas. */
const expand = (template: string): string[] => {
  const m = /\[([^[\]]*)\]/.exec(template);
  if (!m) return [template.replace(/ {2,}/g, ' ').replace(/ +([.!?])/g, '$1').trim()];
  return m[1]!.split('|').flatMap((o) => expand(template.slice(0, m.index) + o + template.slice(m.index + m[0].length)));
};
/** Closing courtesies, short as people write them (a remark on the study goes before them). */
const FORMAL_CLOSINGS = ['Thank you.', 'Many thanks.', 'Thanks in advance.', 'With thanks.', 'Kind regards.', 'Best regards.', 'Warm regards.', 'Regards.', 'Thank you in advance.', 'I look forward to your reply.', 'Thank you for your time.', 'With best wishes.', 'Thank you for your help.', 'Sincerely.', 'Your help is much appreciated.', 'I appreciate your assistance.', 'Thank you kindly.', 'With kind regards.', 'Many thanks in advance.', 'I am grateful for any help.', 'Best wishes.', 'Thanks for your support.'];
const formalClose = (r: Rng): string => (r.chance(0.55) ? '.' : `. ${r.pick(FORMAL_CLOSINGS)}`);

function formalEnd(lead: string, r: Rng): string {
  return /^(could|would|can|please could|might)/i.test(lead) ? '?' : formalClose(r);
}

/**
 * Further frames, one per group of lead-ins that share a form: 'workflow' leads take "a ... pipeline for
 * <analysis>", 'analysis' leads take the analysis noun phrase directly. Questions end with '?'.
 */
type Form = 'workflow' | 'analysis';
const FORMAL_MORE: [Form, string[]][] = [
  ['workflow', ['May I request', 'I am writing to request', 'On behalf of our group, I request']],
  ['workflow', ['Our department requires', 'Our facility needs', 'The laboratory would benefit from']],
  ['workflow', ['We are seeking', 'I am seeking', 'It would be helpful to have']],
  ['workflow', ['Would it be possible to obtain', 'Is it possible to receive', 'Could we receive']],
  ['workflow', ['Please prepare', 'Kindly draft', 'Please put together']],
  ['analysis', ['This request concerns', 'The task at hand is', 'This project requires']],
  ['analysis', ['Our analysis plan includes', 'The study design calls for', 'The protocol foresees']],
  ['analysis', ['Your help is requested with', 'Kindly assist with', 'I seek guidance on implementing']],
  ['analysis', ['Could a workflow be provided for', 'Is there a recommended workflow for', 'Can a pipeline be set up for']],
  ['analysis', ['We are preparing to run', 'Our next step is', 'The lab plans', 'I have been asked to run']],
  ['workflow', ['I would be grateful for', 'We would be grateful for', 'It would be much appreciated to receive']],
  ['workflow', ['Our core facility is looking for', 'The institute is looking for', 'Our research group is looking for']],
  ['workflow', ['For a manuscript in preparation we need', 'For a grant deliverable we need', 'For an upcoming publication we require']],
  ['workflow', ['I would like to commission', 'We would like to request', 'Our group wishes to request']],
  ['workflow', ['Please design', 'Kindly develop', 'Please implement', 'Kindly set up']],
  ['workflow', ['As a first step, we need', 'For a start, we require', 'At this stage we need']],
  ['workflow', ['Might you be able to provide', 'Would you be so kind as to write', 'Could you kindly prepare']],
  ['workflow', ['Following our discussion, I am requesting', 'As agreed, we are requesting', 'As discussed with our group leader, we need']],
  ['analysis', ['Our laboratory intends to carry out', 'The group intends to perform', 'We intend to undertake']],
  ['analysis', ['I am responsible for', 'I have been tasked with', 'My part of the project is']],
  ['analysis', ['The next work package covers', 'The second aim of the grant covers', 'Our current milestone is']],
  ['analysis', ['We require support for', 'I would appreciate support with', 'We would welcome assistance with']],
  ['analysis', ['Our collaborators have asked us to carry out', 'A partner laboratory has asked us for', 'The consortium expects']],
  ['analysis', ['This message concerns', 'I am writing about', 'The following request relates to']],
  ['analysis', ['Could you help us establish', 'Would you help us implement', 'Could you assist us in setting up']],
];
const CASUAL_MORE: [Form, string[]][] = [
  ['analysis', ['ok i need to do', 'tryna run', 'gonna need', 'just need']],
  ['analysis', ['wanna set up', 'could really use', 'idk how to set up', 'mind helping with']],
  ['analysis', ['need some help with', 'working on', 'can we do', 'pls help me set up']],
  ['analysis', ['looking for help with', 'trying to get', 'need ur help with', 'any way to automate']],
  ['analysis', ['thinking of running', 'planning to run', 'about to start', 'is nextflow good for']],
  ['workflow', ['anyone have', 'sketch me', 'write me', 'set me up with']],
  ['workflow', ['the PI has asked for', 'a reviewer requested', 'my manager needs', 'our core wants to offer']],
  ['analysis', ['tbh i just need', 'honestly just need', 'really just want']],
  ['analysis', ['been asked to do', 'got asked to run', 'supposed to do']],
  ['analysis', ['wondering if you can help with', 'hoping you can help with', 'could you give me a hand with']],
  ['analysis', ['gotta set up', 'have to get going with', 'need to get started on']],
  ['analysis', ['can u help me with', 'can you do', 'could u set up']],
  ['workflow', ['could i get', 'got', 'is there']],
  ['workflow', ['could you put together', 'can you knock together', 'can u write']],
  ['workflow', ['help me build', 'help me write', 'pls help me make']],
  ['workflow', ['i just need', 'all i need is', 'really need']],
];
const isQuestion = (lead: string) => /^(could|would|can|is|may|might|anyone|does|got|is nextflow)\b/i.test(lead);

function moreFrames(table: [Form, string[]][], tail: (s: Slots, r: Rng) => string, close: (q: boolean, r: Rng) => string, casual: boolean): Frame[] {
  return table.map(([form, leads]) => (s: Slots, r: Rng) => {
    const lead = r.pick(leads);
    // a short name already names the analysis ("a 16S pipeline"); a plain workflow takes the noun phrase
    const body =
      form === 'analysis'
        ? s.analysis
        : casual
          ? an(`${s.analysisShort} ${r.pick(['pipeline', 'workflow', 'nextflow pipeline', 'setup'])}`)
          : sentence(aWorkflow(r), r.pick(['for', 'for', 'to run', 'covering', 'that handles', 'dedicated to', 'that carries out', 'that performs', 'for running', 'that takes care of', 'able to run']), s.analysis);
    return sentence(lead, body, tail(s, r), close(isQuestion(lead), r));
  });
}

const formal: Frame[] = [
  // imperative: lead + verb + a workflow + for + analysis + tail
  (s, r) => {
    const lead = r.pick(FORMAL_LEAD);
    const verb = r.pick(VERB);
    return sentence(lead ? `${lead} ${verb}` : cap(verb), aWorkflow(r), r.pick(['for', 'that performs', 'to carry out', 'covering', 'dedicated to', 'that handles', 'that runs', 'to handle', 'that takes care of', 'for running', 'to perform']), s.analysis, formalTail(s, r), formalEnd(lead, r));
  },
  (s, r) => {
    const lead = r.pick(FORMAL_LEAD);
    const verb = r.pick(VERB);
    return sentence(lead ? `${lead} ${verb}` : cap(verb), an(`${s.analysisShort} ${r.pick(WORKFLOW)}`), formalTail(s, r), formalEnd(lead, r));
  },
  // declarative: a subject that needs the analysis
  (s, r) =>
    sentence(
      r.pick(['I would like to perform', 'We would like to carry out', 'Our group needs', 'We require', 'My laboratory requires', 'Our study calls for', 'We intend to run', 'I am planning', 'The project needs', 'Our team would like to run', 'I have to carry out', 'We plan to conduct']),
      s.analysis,
      formalTail(s, r),
      r.pick(['. Please provide the workflow.', '. Could you provide a suitable Nextflow workflow?', '. A Nextflow DSL2 implementation would be appreciated.', '. What workflow would you propose?', '.']),
    ),
  (s, r) =>
    sentence(
      r.pick(['Requesting', 'Request:', 'Required:', 'Needed:', 'Wanted:', 'Objective:', 'Task:', 'Subject:']),
      an(`${s.analysisShort} ${r.pick(WORKFLOW)}`),
      formalTail(s, r),
      '.',
    ),
  (s, r) =>
    sentence(
      r.pick(['The objective is', 'The aim is', 'Our goal is', 'The purpose of this request is', 'What we need is']),
      s.analysis,
      formalTail(s, r),
      r.pick(['. Please provide the workflow.', '. Please write it in Nextflow.', '. Kindly supply the pipeline.', '.']),
    ),
  (s, r) =>
    sentence(
      r.pick(['For', 'Regarding', 'Concerning', 'In a study of', 'As part of a study on', 'With']),
      opt(s.samples, (v) => v) ?? 'our samples',
      r.pick([', we need', ', I require', ', please set up', ', we would like', ', I am looking for']),
      s.analysis,
      formalTail(s, r, false),
      '.',
    ),
  (s, r) =>
    sentence(
      r.pick(['A Nextflow workflow is needed for', 'A pipeline is required for', 'Support is needed for', 'Assistance is requested with', 'Help is needed with']),
      s.analysis,
      formalTail(s, r),
      '.',
    ),
  (s, r) =>
    sentence(
      r.pick(['Good morning.', 'Hello.', 'Dear assistant,', 'Greetings.', 'Good afternoon,']),
      r.pick(['I am looking for', 'we are looking for', 'I would need', 'we need', 'I would be grateful for']),
      aWorkflow(r),
      'for',
      s.analysis,
      formalTail(s, r),
      '.',
    ),
];

/**
 * Formal frames that put one slot before the request (a constraint, the tools, the reads), as people write
 * when that is what decides the rest; without that slot they open with the request itself.
 */
const formalFront: Frame[] = [
  (s, r) => {
    const front = opt(s.constraints, (v) => altv(s.constraintsAreLimits ? '[Since|As|Because] [we|our group|the lab] can only run [jobs|pipelines|software] {v},' : '[Since|As|Because] [it|the analysis|everything] [has to|must] run {v},', v, r));
    const please = alt('[please|kindly|could you|would you]', r);
    return sentence(front ?? alt('[For our next project,|For a new study,|For an upcoming analysis,]', r), please, r.pick(VERB), aWorkflow(r), 'for', s.analysis, formalTail(s, r, true, only('constraints')), /could|would/.test(please) ? '?' : '.');
  },
  (s, r) => {
    const front = opt(s.tools, (v) => altv('[Since we already use|As we work with|Since the lab relies on|As we have experience with|Since we trust] {v},', v, r));
    return sentence(front ?? alt('[With standard tools,|With well-established tools,|With tools that are widely used,]', r), alt('[we would like|I would like|our group needs|we need]', r), aWorkflow(r), 'for', s.analysis, formalTail(s, r, true, only('tools')), '.');
  },
  (s, r) => {
    // the subject and its verbs agree ("the lab has ... and requires"); "data of mouse samples", not "data of mouse data"
    const [has, need] = r.pick([['We have', '[and require|and would like|and need]'], ['Our group has', '[and requires|and would like|and needs]'], ['The lab has', '[and requires|and would like|and needs]']] as const);
    const front = opt(s.layout, (v) => altv(`${has} {v} [reads|data|sequencing data]`, v, r));
    return sentence(front ?? alt(`${has} [new sequencing data|sequencing data ready|data ready for analysis]`, r), opt(s.samples, (v) => `${r.pick(['from', 'of', 'for'])} ${v.replace(/ data$/, ' samples')}`), alt(need, r), s.analysis, formalTail(s, r, false, only('layout')), '.');
  },
  (s, r) =>
    sentence(
      alt('[In brief|Briefly|In short|To summarise], [the request is|we are requesting|I am requesting]', r),
      s.analysis,
      formalTail(s, r),
      alt('[, implemented as|, delivered as|, written as|, provided as]', r),
      aWorkflow(r),
      '.',
    ),
];

/** Whether a sample phrase is a plural one can count ("a few liver samples", not "a few mouse data" or "a few liver tissue"). */
const countable = (samples: string): boolean => !/\b(data|tissue)$|\b(data|tissue) (from|taken from|collected from) \w+$/.test(samples);

/** Casual register: the same slots, attached the way people type in chat. */
function casualTail(s: Slots, r: Rng, withSample = true, skip: ReadonlySet<Part> = NONE): string {
  const middle = r.shuffle([
    opt(skip.has('layout') ? null : s.layout, (v) => altv(r.pick(["- they're {v}", '({v} reads)', ', {v} reads btw', ", it's {v}", ', {v} data', ', all {v}', '({v} fwiw)', ', reads are {v}', '[, the data is|, data is|, our stuff is|, everything is] {v}[| btw| fyi]', '[, sequenced|, ran it|, the core did it] {v}[| i think| iirc]', '[, got|, have] {v} [fastqs|reads|files]', '(all {v})']), v, r)),
    opt(s.strand, (v) => altv(r.pick([', library is {v}', '({v})', ', {v} library', '[, libs are|, kit was|, prep was] {v}[| i think| afaik]', '[, pretty sure the libs are|, the kit says] {v}']), v, r)),
    opt(s.comparison, (v) => altv(r.pick([', and I wanna compare {v},', '- comparing {v} -', ', {v} is the comparison,', ', looking at {v},', ', want to compare {v},', '({v})', ', groups are {v},', '[, simple design:|, the design is|, groups:] {v},', '[, need to compare|, gotta compare|, trying to compare] {v},', '- {v} -']), v, r)),
    opt(skip.has('tools') ? null : s.tools, (v) => altv(r.pick(["- I'd like to use {v}", ', ideally with {v}', ', was thinking {v}', ', using {v} if possible', ', my PI likes {v}', ', we usually use {v}', ', prob with {v}', ', {v} ideally', ', keen on {v}', ', the lab swears by {v}', '[, would love to|, want to|, hoping to|, planning to] [use|stick with|go with] {v}', '[, everyone here uses|, my labmates use|, our group likes] {v}', '[, been using|, have been using|, mostly use] {v}[ so far| lately|]', '[, {v} if you can|, {v} would be nice|, {v} pls]', '[, our old scripts used|, last time we used|, the previous student used] {v}', '[, not married to it but|, open to others but] [we like|i like] {v}']), v, r)),
  ]);
  return sentence(
    withSample ? opt(s.samples, (v) => r.pick([`on my ${v}`, `for some ${v}`, `on our ${v}`, `for ${v}`, `with ${v}`, `on ${v}`, ...(countable(v) ? [`on a bunch of ${v}`, `for a few ${v}`, `on a handful of ${v}`, `for several ${v}`, `on a batch of ${v}`, `for a dozen or so ${v}`, `on some new ${v}`, `for a couple of ${v}`, `on loads of ${v}`, `on two dozen ${v}`, `for our latest ${v}`] : [])])) : null,
    ...middle,
    opt(skip.has('constraints') ? null : s.constraints, (v) => altv(r.pick([', [needs to|has to|gotta|should|must] [run|work] {v}', '- [has to|needs to|must] [run|work] {v}', ', [it must|it should|it needs to|it has to] [run|work] {v}', ', oh and it [has to|needs to|should] [run|work] {v}', '([must|has to|needs to] run {v})', '[, catch is|, only thing:|, small catch:] [it|this|everything] [needs to|has to|must] [run|work] {v}', '[, btw it|, oh and it|, also it] [should|needs to|has to] [run|work] {v}', '[, one thing:|, the catch:|, constraint:] [it|all of it] [has to|must] [be able to |]run {v}', '[, and|, but] [ideally|preferably|really] it [runs|works] {v}', ...limits(s, '[, and|, plus|, also] [we|i] can only run [stuff|things|it] {v}', '[, our cluster only runs things|, we only get to run things] {v}')]), v, r)),
  );
}
const HI = ['hey', 'hi', 'hey there,', 'yo', 'ok so', 'so', 'question:', 'hello!', 'um', 'heya', 'hiya', 'morning!', 'alright,', 'hey all,', 'hey folks,', 'hi again,', 'evening!', 'right, so', 'ok,', 'hey team,', 'sorry to bug you,', 'ok here goes:', 'hey, me again,', 'afternoon!', 'right,', '', '', ''];
const BYE = [
  '',
  '',
  '',
  '',
  'thanks[!| a lot| so much| in advance|!!]',
  'thx[| in advance| a ton]',
  'cheers[|!]',
  'ty[!| so much]',
  'lmk[| if you need more info]',
  '[any ideas|thoughts|suggestions][?|]',
  '[much|super] appreciated',
  'appreciate it',
  'any help welcome',
  'pls',
  'ta',
  ':)',
  'thank you!',
].flatMap(expand);

const casual: Frame[] = [
  (s, r) => sentence(r.pick(HI), r.pick(['can you help me run', 'could you help me with', 'can u set up', 'wanna do', 'need to run', 'gotta do', 'trying to run', 'how do I run', 'looking to do']), s.analysis, casualTail(s, r), r.pick(['?', '', '.']), r.pick(BYE)),
  (s, r) => sentence(r.pick(HI), r.pick(['i need', 'need', 'i want', 'could use', "i'm after", 'looking for']), an(`${s.analysisShort} ${r.pick(['pipeline', 'workflow', 'nextflow thing', 'setup'])}`), casualTail(s, r), r.pick(BYE)),
  (s, r) =>
    sentence(
      r.pick(HI),
      r.pick(['so I got some', 'just got back some', 'we finally have', 'got my', 'sitting on some', 'collected some', 'have a pile of']),
      opt(s.samples, (v) => v) ?? 'data',
      r.pick(['and need', 'and want to do', '- need', ', now I need']),
      s.analysis,
      casualTail(s, r, false),
      r.pick(['. any ideas?', '. help?', '. where do I start?', '.']),
    ),
  (s, r) => sentence(r.pick(['my PI wants', 'my supervisor asked for', 'boss wants', 'our lab needs', 'the reviewers want', 'my advisor wants']), s.analysis, casualTail(s, r), r.pick(['- where do I start?', '- can you set it up?', ', can you help?', '?'])),
  (s, r) => sentence(r.pick(['got a pipeline for', 'can you sort out', 'need a hand with', 'could you script', 'any chance you can set up', 'how would you do']), s.analysis, casualTail(s, r), '?', r.pick(BYE)),
  (s, r) => sentence(r.pick(['could you whip up', 'can you make me', 'mind putting together', 'can you throw together', 'pls make']), an(`${s.analysisShort} ${r.pick(['pipeline', 'workflow', 'nextflow pipeline'])}`), casualTail(s, r), r.pick(BYE)),
  (s, r) => sentence(r.pick(['new to this, need to', 'first time doing this: need to', 'deadline friday, need to', 'for my thesis i need to', 'small favour: need to', 'urgh, have to']), r.pick(['do', 'run', 'set up']), s.analysis, casualTail(s, r), r.pick(BYE)),
  (s, r) => sentence(r.pick(HI), r.pick(['anyone know how to set up', 'is there an easy way to do', 'can nextflow do', 'any pipeline for']), s.analysis, casualTail(s, r), '?'),
];

/** Casual frames that start with the thing that decides the rest: the tools, a constraint, the reads. */
const casualFront: Frame[] = [
  (s, r) => {
    const front = opt(s.tools, (v) => altv(r.pick(['{v} [person|user|fan] here -', 'big {v} [fan|user] here,', 'we [mostly|always|usually] use {v} so']), v, r));
    return sentence(r.pick(HI), front ?? alt('[quick one -|quick q:|random q:]', r), alt('[need to run|gotta do|want to do|need help with]', r), s.analysis, casualTail(s, r, true, only('tools')), r.pick(BYE));
  },
  (s, r) => {
    const front = opt(s.constraints, (v) => altv(s.constraintsAreLimits ? '[ok so|so|heads up,] [we|i] can only run [stuff|things|jobs] {v} -' : '[ok so|so|heads up,] [this|it] [has to|needs to] run {v} -', v, r));
    return sentence(front ?? r.pick(HI), alt('[any chance you can set up|can you set up|could you sort out|can you help with]', r), s.analysis, casualTail(s, r, true, only('constraints')), '?', r.pick(BYE));
  },
  (s, r) => {
    const front = opt(s.layout, (v) => altv('[got|have|sitting on] {v} [reads|data]', v, r));
    return sentence(r.pick(HI), front ?? alt('[got|have|sitting on] [some data|new data|fresh data]', r), opt(s.samples, (v) => `${r.pick(['from', 'for', 'off'])} ${v}`), alt('[and want|and need|, want|, need] [to do|to run]', r), s.analysis, casualTail(s, r, false, only('layout')), r.pick(BYE));
  },
  (s, r) => sentence(alt('[quick q:|quick one:|random q:|dumb question maybe:]', r), alt('[how would you|what is the best way to|how do people]', r), alt('[set up|run|do]', r), s.analysis, casualTail(s, r), '?', r.pick(BYE)),
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

/** A wording with [a|b] groups and the value in place of {v} (the value itself is never split). */
const altv = (template: string, v: string, r: Rng) => alt(template, r).replaceAll('{a_v}', an(v)).replaceAll('{v}', v);

/** Templates that follow "can only run": only when every constraint is a limit ("without Docker", not "as fast as possible"). */
const limits = (s: Slots, ...templates: string[]): string[] => (s.constraintsAreLimits ? templates : []);

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
  // 'the' names a workflow already in mind ('the full workflow'), not one only just described ('the tidy workflow')
  const the = r.chance(0.5);
  const what = list(' ', the ? 'the' : 'a', r.pick(the ? ['', 'complete', 'full', 'whole'] : ['', 'complete', 'full', 'whole', 'working', 'reproducible', 'clean', 'simple', 'solid', 'tidy', 'maintainable']), r.pick(['Nextflow', 'DSL2', 'Nextflow DSL2', '', '']), r.pick(['workflow', 'pipeline']));
  // only asks the generated answer meets (QC report, one module per tool, rationale, -resume, one config): a wish it
  // ignores ('runs on SLURM', 'a small test dataset', 'a README') would teach the model to drop stated requirements
  const extra = r.pick(['', '', '', '', 'with QC and a report', 'with one module per tool', 'including all preprocessing', 'and explain the tool choices', 'with sensible defaults', 'with comments I can follow', 'that a new student could rerun', 'that we can extend later', 'with the parameters in one config', 'that resumes cleanly', 'with clear output folders', 'that reports what each step did', 'that I can hand over to a colleague', 'that stays easy to rerun on new batches', 'with resource settings we can tune']);
  return r.pick([
    () => sentence(alt('[Could you|Can you|Would you|Would you be able to|Any chance you could|Is it possible for you to]', r), alt('[generate|write|build|draft|put together|set up|sketch|prepare]', r), what, extra, '?'),
    () => sentence(alt('[Please|Kindly|I would be grateful if you could|It would help a lot if you could|I would appreciate it if you could|It would be great if you could]', r), alt('[generate|write|build|draft|provide|set up|prepare]', r), what, extra, '.'),
    () => alt('[What|Which] [workflow|pipeline] [would you build|do you recommend|would you suggest|fits this|makes sense here]?', r),
    () => alt(r.pick(s.wording.closing_asks), r),
    () => alt(r.pick(s.wording.closing_asks), r),
    () => alt('[How would you|How should I|How would I best|What is the best way to] [structure|organise|lay out|set up] [the analysis|the steps|the whole thing] in [Nextflow|DSL2|a Nextflow pipeline]?', r),
    () => sentence(alt('[I need|We need|I am after|We are looking for|What I want is|All I need is]', r), what, extra, '.'),
    () => alt('[A|One] [Nextflow|DSL2] [workflow|pipeline] for this would [help a lot|be great|save us weeks|be ideal].', r),
    () => alt('[Thanks|Thank you|Many thanks] [in advance|for reading this far][, a workflow would be ideal|, a pipeline sketch is enough|].', r),
    () => sentence(alt('[Where would you start|What would your first version look like|How would you wire this up]', r), alt('[as a|in a|in one]', r), alt('[Nextflow|DSL2|Nextflow DSL2] [workflow|pipeline]?', r)),
    () => sentence(alt('[My hope is to get|The ideal outcome is|I am hoping to end up with|What would help most is]', r), what, extra, '.'),
    () => alt('[Any help|Any pointers|A first draft|Even a rough draft] [would be appreciated|is welcome|would already help], [ideally|preferably|best of all] as [a|one] [Nextflow|DSL2] [workflow|pipeline].', r),
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
  const item = (labels: string, value: string | null) => (value ? `${alt(labels, r)}: ${value}` : null);
  const slots = [
    item('[Samples|Material|Sample type|Starting material|Source material|What we sequenced]', s.samples),
    item('[Reads|Layout|Read layout|Sequencing|Read type|Sequencing layout]', s.layout),
    item('[Library|Strandedness|Library type|Library prep]', s.strand),
    item('[Comparison|Contrast|Design|Groups|Conditions|Experimental design|Contrast of interest]', s.comparison),
    item('[Tools|Preferred tools|Tools we know|Tool preference|Software|Software preference|Tools to use]', s.tools),
    opt(s.constraints, (v) => `${alt('[Constraint|Requirement|Compute|Environment|Infrastructure|Limits]', r)}: ${alt(s.constraintsAreLimits ? '[must run|has to run|runs|needs to run|should run|can only run]' : '[must run|has to run|needs to run|should run]', r)} ${v}`),
  ];
  const study = r.shuffle([
    item('[Sample count|Cohort|Number of samples|Samples sequenced|Cohort size|How many]', f.perGroup ? `${f.total}, ${f.perGroup}` : f.total),
    item('[Sequencer|Instrument|Machine|Sequenced on]', f.instrument),
    item('[Depth|Sequencing depth|Coverage|Read depth|Yield]', f.depth),
    item('[Read length|Read lengths|Length]', f.readLength),
    item('[Background|Strain|Genetic background|Line]', f.strain),
    item('[Focus|Of most interest|Candidates|Main interest|Key targets]', f.interest),
    item('[Time points|Sampling times|Time course]', f.times),
    item('[Outputs wanted|Deliverables|Wanted at the end|Outputs|Expected outputs|End products]', f.outputs),
  ].filter((x): x is string => x !== null));
  const lines = [item('[Analysis|Task|Request|Goal|Analysis needed|What we need]', s.analysis)!, ...r.shuffle([...slots.filter((x): x is string => x !== null), ...study.slice(0, 1 + r.int(4))])];
  const head = r.pick(['', '', alt('[Request details|Project notes|Summary of what we have|The details|Our setup|Key facts|Project summary|Notes]:', r)]);
  // sentences in a row, or one item per line (then the head and the ask stand on lines of their own)
  const asList = r.chance(0.5);
  const close = r.chance(0.6) ? ask(s, r) : null;
  // a list item before the ask ends with a stop, so "treated vs control" is not read on into the next line
  const body = asList ? lines.map((x, i) => `- ${x}${close && i === lines.length - 1 ? '.' : ''}`).join('\n') : lines.map((x) => `${x}.`).join(' ');
  return [head, body, close].filter(Boolean).join(asList ? '\n' : ' ');
}

const detailed: Frame[] = [
  (s, r) => sentence(alt(r.pick(['I am working on a [project|study|side project] that [involves|needs|centres on]', '[My|Our] current [project|study] [involves|needs|is about]', '[Our lab|Our group|My team] is [starting|planning|about to start]', 'We are setting up', 'My [thesis|PhD|master\'s] project needs', 'This [semester|year|quarter] I am doing', 'Right now [my project|our work] involves', 'Our consortium is starting', 'The lab I joined does', '[This spring|This autumn|Next month] [we start|our group starts|I start]', 'A [new|small|collaborative] project [in our lab|in the group|with another lab] [involves|needs|covers]', 'Part of my [postdoc|PhD|current] work is']), r), s.analysis, opt(s.samples, (v) => `with ${v}`), '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r)),
  (s, r) => sentence(r.pick(['Context:', 'Background:', 'Some background:', 'A bit of context:', 'First, some context:', 'Setting the scene:', 'For context:', 'Brief background:', 'Short background:', 'Where things stand:', 'The short version:']), leadFact(s, r), r.pick(['Goal:', 'Request:', 'What I need:', 'Aim:', 'Task:', 'The ask:', 'What we want:', 'Next step:', 'What we are after:', 'Our question:']), s.analysis, opt(s.samples, (v) => `of ${v}`), '.', ...detailParts(s, r), ask(s, r)),
  (s, r) => sentence(alt(r.pick(['[Our lab|My group] generated', 'We [recently|finally|just] sequenced', 'The core facility [returned|sent back|delivered]', 'Our collaborators [sent us|shared]', 'We just received', '[Last month|Last week|In spring] we sequenced', 'My colleague handed me', 'A sequencing provider delivered', '[Two weeks|A few days|Three months] ago we got', 'Our sequencing core produced', 'We have [finally|just now|at last] [got|received] [back|]', 'The [provider|facility|genomics centre] [has just sent|just uploaded|finished sequencing]']), r), opt(s.samples, (v) => v) ?? 'new data', r.pick(['and we need', 'and now we need', 'and we would like', 'and want to run', 'and have to do', 'and the next job is']), s.analysis, '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r)),
  (s, r) => sentence(r.pick(['For a study', 'For a grant project', 'In our experiment', 'As part of a pilot', 'Within a collaborative project', 'In a follow-up study', 'During a pilot study', 'Under a new grant', 'For my thesis', 'For a revision of our paper', 'In a new collaboration', 'For a method comparison', 'For a side project', 'In a student project', 'For a core facility service', 'For an atlas project', 'In a replication study', 'For a preprint', 'Within our new cohort study', 'For a teaching dataset']), opt(s.samples, (v) => `on ${v}`), r.pick([', I need to carry out', ', we need', ', we plan to run', ', we have to run', ', my job is', ', the group wants', ', I am supposed to run', ', the next task is']), s.analysis, r.pick(['starting from raw FASTQ files.', '.', 'from the raw reads.']), ...detailParts(s, r), aside(s, r), maybeAsk(s, r)),
  (s, r) => sentence(r.pick(['', 'Some facts first:', 'Data status:', 'Where we are:', 'To start with the data:', 'Status update:', 'The data first:', 'What we have:', 'Current state:']), leadFact(s, r), r.pick(['The analysis I need is', 'What we need now is', 'Next we want', 'The plan is to run', 'Now we have to do', 'The next step is', 'What comes next is', 'We now need', 'My task now is', 'The job now is']), s.analysis, opt(s.samples, (v) => `for ${v}`), '.', ...detailParts(s, r), ask(s, r)),
  (s, r) => sentence(r.pick(['Here is my situation:', 'In short:', 'Project summary:', 'The setup is as follows:', 'Summary of the study:', 'My situation is this:', 'A short overview:', 'Study outline:', 'The situation:', 'What we have so far:', 'Overview:', 'Quick summary:', 'Where we are now:', 'The gist:', 'To sum up our project:']), opt(s.samples, (v) => `we have ${v}`) ?? 'we have sequencing data', r.pick(['and need', 'that need', 'for', 'and would like', 'that are waiting for', 'ready for']), s.analysis, '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r)),
  (s, r) => sentence(r.pick(['I am new to', 'I have not done', 'This is my first time running', 'Nobody in our group has done', 'Our lab has never run', 'Until now I have never run', 'Coming from wet-lab work, I have not run', 'I have only read about', 'Our group is new to', 'I have little experience with', 'I am a beginner at']), s.analysisShort, r.pick(['and have', 'but I have', 'and we have']), opt(s.samples, (v) => v) ?? 'some data', '.', ...detailParts(s, r), aside(s, r), r.pick(['Could you set up the whole', 'Can you prepare the', 'Could you build the full', 'Would you draft the', 'Can you lay out the', 'Could you sketch the']), s.analysisShort, r.pick(['pipeline for me?', 'workflow for me?', 'pipeline?'])),
  (s, r) => sentence(r.pick(['After sequencing', 'Having sequenced', 'Now that we have sequenced', 'Once we had sequenced', 'Since we finished sequencing', 'With sequencing done on', 'Now that the core has sequenced', 'With the reads back for', 'Having finally sequenced', 'Now that the facility has delivered', 'Since the provider returned', 'With the FASTQ files in for']), opt(s.samples, (v) => v) ?? 'our samples', r.pick([', we want to proceed with', ', the next step is', ', we need', ', it is time for', ', we can move on to', ', what remains is', ', we would now like']), s.analysis, '.', ...detailParts(s, r), aside(s, r), maybeAsk(s, r)),
];

/** Detailed requests that ask first and give the details after, or open with who is asking or what came before. */
const detailedMore: Frame[] = [
  (s, r) => {
    const lead = alt('[Could you help me|Can you help us|Would you be able to help me|I would like help to|I need help to|Could you show me how to|Would you mind helping me] [set up|build|write|put together|draft] [a|the] [Nextflow|DSL2|Nextflow DSL2] [workflow|pipeline] for', r);
    return sentence(
      lead,
      s.analysis,
      opt(s.samples, (v) => `${r.pick(['on', 'of', 'for'])} ${v}`),
      /^I /.test(lead) ? '.' : '?',
      alt('[Here is what we have.|Some details follow.|The details are below.|A few details follow.|Here are the details.|Details below.|Some background follows.|This is what I know so far.]', r),
      ...detailParts(s, r),
      aside(s, r),
    );
  },
  (s, r) =>
    sentence(
      alt('[A while ago|Last year|Earlier this year|During my master\'s] [we|I] did', r),
      s.analysis,
      opt(s.samples, (v) => `${r.pick(['on a few', 'for a handful of', 'on some'])} ${v}`) ?? alt('[on a handful of samples|for a pilot|on a small test set]', r),
      alt('[by hand|with ad hoc scripts|step by step in the terminal|with a patchwork of tools|in a notebook|on a web server]; [now we want to|this time we would like to|now the plan is to|this round we need to|for the new batch we want to] [do it properly|automate it|run the full set the same way|make it reproducible|scale it up].', r),
      ...detailParts(s, r),
      aside(s, r),
      maybeAsk(s, r),
    ),
  (s, r) =>
    sentence(
      r.chance(0.5)
        ? alt('I am a [postdoc|PhD student|research technician|staff scientist|visiting researcher] in a [small|new|mostly wet-lab|young] [lab|group][,|] and [I need to run|I have to set up|my task is]', r)
        : alt('As a [postdoc|PhD student|research technician|staff scientist|visiting researcher] in a [small|new|mostly wet-lab|young] [lab|group], [I need to run|I have to set up|my task is]', r),
      s.analysis,
      opt(s.samples, (v) => `${r.pick(['for', 'on'])} ${v}`),
      '.',
      ...detailParts(s, r),
      aside(s, r),
      maybeAsk(s, r),
    ),
  (s, r) =>
    sentence(
      alt('[Hi,|Hello,|Hi there,|Dear all,|Hello everyone,] [I hope this is the right place to ask.|hope you can help.|I have a request.|a request from our lab.|I could use some advice.|I am stuck on something.|quick request here.]', r),
      alt('[We|I] [need to run|want to set up|have to do|would like to run|are about to run|have been asked to run|must run]', r),
      s.analysis,
      opt(s.samples, (v) => `${r.pick(['on', 'for', 'with'])} ${v}`),
      '.',
      ...detailParts(s, r),
      aside(s, r),
      maybeAsk(s, r),
    ),
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
  const options = [
    altv(r.pick(['{v} [total|altogether|in all]', '[got|have] {v}', '{v} so far']), f.perGroup ? `${f.total}, ${f.perGroup}` : f.total, r),
    f.instrument && r.pick([`${f.instrument} run`, `ran on ${an(f.instrument)}`, `sequenced on ${an(f.instrument)}`, `data came off ${an(f.instrument)}`]),
    f.depth && altv('[roughly|around|about] {v}', f.depth.replace(/^(about|around|roughly|approximately|on average) /, ''), r),
    f.interest && altv(r.pick(['mostly care about {v}', 'main genes are {v}', '{v} are the main ones', 'interested in {v} mainly']), f.interest, r),
    f.strain && altv(r.pick(['all {v}', '{v} background', 'strain is {v}']), f.strain, r),
    f.times && altv('[timepoints|time points|sampled at] {v}', f.times, r),
    f.outputs && altv(r.pick(['want {v} at the end', 'need {v} for the paper', 'end goal is {v}', 'mainly after {v}', '{v} is what my PI wants', 'hoping for {v}']), f.outputs, r),
  ].filter((x): x is string => typeof x === 'string' && x.length > 0);
  return options.length > 0 ? r.pick(options) : null;
}

/** One remark on the study (study_details.yaml) that a short request may carry; null most of the time it has none. */
function remark(s: Slots, r: Rng, chance: number): string | null {
  if (!r.chance(chance)) return null;
  const st = s.study;
  return r.pick([st.cohort, st.sequencing, st.outputs, st.interest, st.interest, st.library, st.timeCourse, st.cohort, st.practical].filter((x): x is string => x !== null));
}

const FORMAL_THANKS = new RegExp(`\\s*(${FORMAL_CLOSINGS.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

/** A formal request with a remark on the study after its request sentence (before a closing thank-you). */
const formalWithRemark = (frame: Frame): Frame => (s, r) => {
  const text = frame(s, r);
  const extra = remark(s, r, 0.8);
  if (!extra) return text;
  const thanks = FORMAL_THANKS.exec(text);
  const body = thanks ? text.slice(0, thanks.index) : text;
  return sentence(/[.?!]$/.test(body) ? body : `${body}.`, extra, thanks?.[1]);
};

const BYE_AT_END = new RegExp(`\\s*(?<![A-Za-z0-9])(${BYE.filter(Boolean).map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

/**
 * A casual request: a sign-off is set off from the request by punctuation ("... liver samples, thanks!", not
 * "... liver samples thanks!"), and a remark on the study, typed as people chat, comes before it.
 */
const casualWithRemark = (frame: Frame): Frame => (s, r) => {
  const text = frame(s, r);
  const bye = BYE_AT_END.exec(text);
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

export const FRAMES: Record<VariationStyle, Frame[]> = {
  formal: [...formal, ...formalFront, ...moreFrames(FORMAL_MORE, formalTail, (q, r) => (q ? '?' : formalClose(r)), false)].map(formalWithRemark),
  casual: [...casual, ...casualFront, ...moreFrames(CASUAL_MORE, casualTail, (q, r) => sentence(q ? '?' : '', r.pick(BYE)), true)].map(casualWithRemark),
  minimal,
  detailed: [...[...detailed, ...detailedMore].map(once), labelled, labelled, labelled, labelled, labelled, labelled],
  edge_case: edgeCase,
};
