import type { Frame } from './variation-frames';
import { article, opt, sentence } from './slots';

const an = (phrase: string) => `${article(phrase)} ${phrase}`;

/**
 * User frames of the tool-selection task: each asks which tools to use (never for workflow code) and reads
 * only typed slots, the way the query frames do: the analysis as a noun phrase (or its short name as a
 * modifier of "project"), the sample as a noun phrase ("mouse liver samples", "human T cells", or the
 * source alone beside a formal reference), layout and strandedness as adjectives, constraints as adverbials
 * after "run". So the target intent is what the question says, and the question reads as English.
 */
export const TOOL_FRAMES: Frame[] = [
  (s) =>
    sentence(
      'Which tools should I use for',
      s.analysis,
      opt(s.samples, (v) => `on ${v}`),
      opt(s.layout, (v) => `with ${v} reads`),
      opt(s.strand, (v) => `from ${an(`${v} library`)}`),
      opt(s.comparison, (v) => `, comparing ${v},`),
      opt(s.tools, (v) => `if I want to keep ${v}`),
      opt(s.constraints, (v) => `, given that it has to run ${v}`),
      '?',
    ),
  (s) =>
    sentence(
      'What tools would you pick, in order, for',
      an(`${s.analysisShort} project`),
      opt(s.samples, (v) => `on ${v}`),
      opt(s.layout, (v) => `(${v} reads)`),
      opt(s.comparison, (v) => `comparing ${v}`),
      opt(s.tools, (v) => `that includes ${v}`),
      opt(s.constraints, (v) => `, running ${v}`),
      '?',
    ),
  (s) =>
    sentence(
      'Recommend a tool chain for',
      s.analysis,
      opt(s.samples, (v) => `of ${v}`),
      opt(s.layout, (v) => `sequenced ${v}`),
      opt(s.comparison, (v) => `to compare ${v}`),
      opt(s.tools, (v) => `; I would like to keep ${v}`),
      opt(s.constraints, (v) => `; it must run ${v}`),
      '. Why each tool?',
    ),
  (s) =>
    sentence(
      'I need to choose software for',
      s.analysis,
      opt(s.samples, (v) => `with ${v}`),
      opt(s.layout, (v) => `(${v} reads)`),
      opt(s.comparison, (v) => `, comparing ${v}`),
      '.',
      opt(s.tools, (v) => `Where should ${v} go in the chain?`),
      opt(s.constraints, (v) => `Everything has to run ${v}.`),
      'Which tool should I use at each step?',
    ),
  (s) =>
    sentence(
      'Tool advice please:',
      s.analysis,
      opt(s.samples, (v) => `for ${v}`),
      opt(s.layout, (v) => `, ${v} reads`),
      opt(s.strand, (v) => `, ${v} library`),
      opt(s.comparison, (v) => `, ${v}`),
      opt(s.tools, (v) => `, with ${v}`),
      opt(s.constraints, (v) => `, to run ${v}`),
      '. Which tools, and why?',
    ),
  (s) =>
    sentence(
      'quick one: which tools would you use for',
      an(`${s.analysisShort} project`),
      opt(s.samples, (v) => `on my ${v}`),
      opt(s.layout, (v) => `, ${v} reads`),
      opt(s.comparison, (v) => `, ${v}`),
      opt(s.tools, (v) => `, ideally with ${v}`),
      opt(s.constraints, (v) => `- it has to run ${v}`),
      '?',
    ),
  (s) =>
    sentence(
      'For',
      s.analysis,
      opt(s.samples, (v) => `on ${v}`),
      opt(s.layout, (v) => `(${v} reads)`),
      opt(s.comparison, (v) => `with the contrast ${v}`),
      ', what is the right set of tools?',
      opt(s.tools, (v) => `We already use ${v}.`),
      opt(s.constraints, (v) => `It has to run ${v}.`),
    ),
  (s) =>
    sentence(
      'Can you list the tools, step by step, for',
      s.analysis,
      opt(s.samples, (v) => `of ${v}`),
      opt(s.layout, (v) => `from ${v} reads`),
      opt(s.comparison, (v) => `(${v})`),
      opt(s.tools, (v) => `, keeping ${v}`),
      opt(s.constraints, (v) => `, running ${v}`),
      ', and say why you chose each?',
    ),
  // the reference stated formally, the sample source beside it: "Reference: Mus musculus (GRCm39)."
  (s) =>
    sentence(
      opt(s.organismFormal, (v) => `Reference: ${v}.`),
      'Which tools fit',
      s.analysis,
      opt(s.source, (v) => `of ${v}`),
      opt(s.layout, (v) => `with ${v} reads`),
      opt(s.comparison, (v) => `, comparing ${v},`),
      opt(s.tools, (v) => `if ${v} should stay in`),
      opt(s.constraints, (v) => `and everything runs ${v}`),
      '?',
    ),
];
