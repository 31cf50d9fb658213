import type { Frame } from './variation-frames';
import { opt, sentence } from './slots';

/**
 * User frames of the tool-selection task: each asks which tools to use (never for workflow code), stating
 * the slots it uses so the target intent is what the question says.
 */
export const TOOL_FRAMES: Frame[] = [
  (s) => sentence('Which tools should I use for', s.analysis, opt(s.organism, (v) => `on ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), opt(s.layout, (v) => `with ${v} data`), opt(s.comparison, (v) => `comparing ${v}`), opt(s.tools, (v) => `if I want ${v} in it`), opt(s.constraints, (v) => `, ${v}`), '?'),
  (s) => sentence('What tools would you pick, in order, for', s.analysisShort, opt(s.organismFormal, (v) => `in ${v}`), opt(s.tissue, (v) => `(${v})`), opt(s.cellType, (v) => `of ${v}`), opt(s.layout, (v) => `- ${v}`), opt(s.strand, (v) => `, ${v}`), opt(s.comparison, (v) => `, ${v}`), opt(s.tools, (v) => `, including ${v}`), opt(s.constraints, (v) => `, ${v}`), '?'),
  (s) => sentence('Recommend a tool chain for', s.analysis, opt(s.organism, (v) => `of ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), 'samples', opt(s.layout, (v) => `sequenced ${v}`), opt(s.comparison, (v) => `to compare ${v}`), opt(s.tools, (v) => `; I would like to keep ${v}`), opt(s.constraints, (v) => `; it must run ${v}`), '. Why each tool?'),
  (s) => sentence('I need to choose software for', s.analysisShort, opt(s.organism, (v) => `with ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), 'data', opt(s.layout, (v) => `(${v})`), opt(s.comparison, (v) => `, ${v}`), opt(s.tools, (v) => `. Where does ${v} fit?`), opt(s.constraints, (v) => `The machine setup: ${v}.`), 'Which aligner, caller or quantifier should I use at each step?'),
  (s) => sentence('Tool advice please:', s.analysis, opt(s.organismFormal, (v) => `, ${v}`), opt(s.tissue, (v) => `, ${v}`), opt(s.cellType, (v) => `, ${v}`), opt(s.layout, (v) => `, ${v}`), opt(s.strand, (v) => `, ${v}`), opt(s.comparison, (v) => `, ${v}`), opt(s.tools, (v) => `, with ${v}`), opt(s.constraints, (v) => `, ${v}`), '. Which tools, and why?'),
  (s) => sentence('which tools for', s.analysisShort, s.organism, s.tissue, s.cellType, s.layout, s.comparison, opt(s.tools, (v) => `w/ ${v}`), s.constraints, '?'),
  (s) => sentence('For', s.analysis, opt(sample3(s.organism, s.tissue, s.cellType), (v) => `on ${v}`), opt(s.layout, (v) => `(${v})`), opt(s.comparison, (v) => `with the contrast ${v}`), ', what is the right set of tools?', opt(s.tools, (v) => `We already use ${v}.`), opt(s.constraints, (v) => `Constraint: ${v}.`)),
  (s) => sentence('Can you list the tools, step by step, for', s.analysisShort, opt(s.organism, (v) => `in ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), opt(s.layout, (v) => `from ${v} reads`), opt(s.comparison, (v) => `(${v})`), opt(s.tools, (v) => `, keeping ${v}`), opt(s.constraints, (v) => `, ${v}`), 'and say why you chose each?'),
];

function sample3(...parts: (string | null)[]): string | null {
  const s = sentence(...parts);
  return s.length > 0 ? s : null;
}
