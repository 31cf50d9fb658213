import type { AnalysisType, InputFact, Knowledge, Tool } from '../knowledge/schemas';
import type { AlternativeGroup } from '../knowledge/selection';
import type { ToolMemory } from '../knowledge/tool-facts';
import { inSentence } from '../util/in-sentence';
import { categoryOf } from './categories';
import { alternativeLines, explainWhatIs, toolFacts } from './education-facts';
import type { ExampleSeed } from './example-factory';
import { Rng } from './rng';

export type EducationSpec =
  | { kind: 'tool'; tool: Tool; question: number }
  | { kind: 'analysis'; analysis: AnalysisType; question: number }
  | { kind: 'compare'; a: Tool; b: Tool; group: AlternativeGroup };

const TOOL_QUESTIONS: ((t: Tool) => string)[] = [
  (t) => `What does ${t.name} do?`,
  (t) => `When should I use ${t.name}, and at which step?`,
  (t) => `What are the inputs and outputs of ${t.name}?`,
  (t) => `How do I run ${t.name}? Show a typical command.`,
  (t) => `Can you explain ${t.name} to a new student in our lab?`,
  (t) => `How does ${t.name} work, and what should I watch out for?`,
];
const ANALYSIS_QUESTIONS: ((a: AnalysisType) => string)[] = [
  (a) => `Explain the main steps of ${a.name}.`,
  (a) => `Which tools do I need for ${a.name}, and why?`,
  (a) => `What input data does ${a.name} require?`,
  (a) => `I'm new to ${inSentence(a.name)}. What is it, and what are the usual steps?`,
  (a) => `What is ${inSentence(a.name)}?`,
];

export { inSentence };

/** 'variant_calling' -> 'variant calling' */
// category ids as words, acronyms in capitals ('crispr' -> 'CRISPR', 'assembly_qc' -> 'assembly QC')
const categoryLabel = (t: Tool) =>
  t.category
    .replace(/_/g, ' ')
    .replace(/\bcrispr\b/, 'CRISPR')
    .replace(/\bqc\b/, 'QC')
    .replace(/\b(rna|dna|sv|cnv)\b/g, (m) => m.toUpperCase());

const list = (items: readonly string[], conjunction = 'and') => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`);

/** The required inputs, each required only in some runs with when ('known sites VCFs (for BQSR ...)'). */
const requiredInputs = (items: readonly InputFact[]) => items.filter((i) => i.required).map((i) => (i.when ? `${i.name} (${i.when})` : i.name));
/** The optional inputs with when each is used, or null when there are none. */
function optionalInputs(items: readonly InputFact[]): string | null {
  const optional = items.filter((i) => !i.required);
  return optional.length ? optional.map((i) => `${i.name}, ${i.when ?? 'if you have it'}`).join('; ') : null;
}
/** One sentence of inputs: the required ones, then 'Optional: ...' (lists inside a sentence use 'and'). */
function inputsSentence(items: readonly InputFact[], join: (xs: string[]) => string = list): string {
  const optional = optionalInputs(items);
  return `${join(requiredInputs(items))}${optional ? `; optional: ${optional}` : ''}`;
}

// analysis names hold "and" themselves ("functional profiling and assembly"), so several are kept apart with semicolons
function toolAnalyses(kb: Knowledge, t: Tool): string {
  return t.analysis_types
    .map((id) => inSentence(kb.analysisTypeById.get(id)?.name ?? id))
    .slice(0, 4)
    .join('; ');
}

/** "How do I run X?": a library's calls in its language, else the command line with its placeholders named. */
function howToRun(kb: Knowledge, t: Tool): string[] {
  const lib = kb.libraryUsage.get(t.id);
  if (lib)
    return [
      '',
      `${t.name} is a${lib.language === 'R' ? 'n R' : ' Python'} library, not a command-line program: there is no \`${t.id}\` command to run. Install it with \`${lib.install}\` and call it from ${lib.language}:`,
      `\`\`\`${lib.language === 'R' ? 'r' : 'python'}`,
      lib.code.trimEnd(),
      '```',
      `In a generated Nextflow workflow its process runs a script shipped with the workflow that makes these calls, in the container \`${t.container}\`.`,
    ];
  // {args} is the workflow's hook for extra options, not something a reader types
  const command = t.typical_command.replace(/ \{args\}/g, '');
  return [
    '',
    'A typical invocation (values in braces are your files and settings; {prefix} is the sample name):',
    '```bash',
    command,
    '```',
    ...t.command_notes.map((n) => `- ${n}`),
    `Container: \`${t.container}\`.`,
  ];
}

/** "When should I use X?": the steps it performs in each analysis, and when to prefer it over its alternatives. */
function whenToUse(kb: Knowledge, t: Tool): string[] {
  const lines = [''];
  // one line per step it runs: "Long-read RNA-seq isoforms, step **Isoforms**: Identify and quantify isoforms."
  // (a step named like its analysis read "It does isoforms in long-read RNA-seq isoforms")
  const uses = kb.analysisTypes.flatMap((a) => a.steps.filter((s) => s.tools.includes(t.id)).map((s) => `- ${a.name}, step **${s.name}**: ${s.description}`));
  if (uses.length) lines.push('Where it runs:', ...[...new Set(uses)].slice(0, 4), '');
  for (const g of kb.selection.alternatives) {
    const mine = g.tools.find((x) => x.tool === t.id);
    if (!mine) continue;
    const others = g.tools.filter((x) => x.tool !== t.id);
    lines.push(`For ${g.step}, choose it when ${mine.choose_when}.`);
    for (const o of others) lines.push(`- Choose **${kb.toolById.get(o.tool)?.name ?? o.tool}** instead when ${o.choose_when}.`);
  }
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * One answer per question: what it does (with what a practitioner checks), when to use it, its inputs and
 * outputs, how to run it (the checked process command, never an invented one), an explanation for a student
 * (facts and alternatives), how it works (facts and the command).
 */
function explainTool(kb: Knowledge, t: Tool, question: number): string {
  const lines = [`**${t.name}** (${categoryLabel(t)}): ${t.purpose}`];
  if (question === 2) {
    const optional = optionalInputs(t.inputs);
    lines.push('', `- **Inputs**: ${list(requiredInputs(t.inputs))}`, ...(optional ? [`- **Optional inputs**: ${optional}`] : []), `- **Outputs**: ${list(t.outputs)}`);
  }
  else if (question === 3) lines.push(...howToRun(kb, t));
  else if (question === 1) lines.push(...whenToUse(kb, t));
  else if (question === 5) lines.push('', ...toolFacts(kb, t), ...howToRun(kb, t));
  else lines.push('', ...toolFacts(kb, t));
  if (question === 4) {
    const alternatives = alternativeLines(kb, t);
    if (alternatives.length) lines.push('', '**Alternatives for its step**', ...alternatives);
  }
  // after a list, a blank line keeps the sentence out of the last bullet
  if (question !== 1 && question !== 3 && question !== 5) lines.push('', `It is used in ${toolAnalyses(kb, t)}.`);
  else if (question === 3 || question === 5) lines.push(`It is used in ${toolAnalyses(kb, t)}.`);
  // memory only as the tool's documentation states it (tool_memory.yaml); memory_gb is the selector's profile, not a fact
  const memory = kb.toolMemory.get(t.id);
  if (question === 4) lines.push(`In a Nextflow workflow it runs in the container \`${t.container}\`.${memory ? ` ${memory.statement}` : ''}`);
  return lines.join('\n');
}

function explainAnalysis(kb: Knowledge, a: AnalysisType, question: number): string {
  const tool = (id: string) => kb.toolById.get(id)?.name ?? id;
  const lines = [`**${a.name}**: ${a.description}`, ''];
  if (question === 2) {
    lines.push(`Input data: ${list(requiredInputs(a.input_data_types))}.`);
    const optional = optionalInputs(a.input_data_types);
    if (optional) lines.push(`Optional: ${optional}.`);
    // species as their names are written (*Escherichia coli*), not the lowercased id list ("e. coli")
    if (a.typical_organisms.length) lines.push(`Often run on ${list(a.typical_organisms.map((o) => (kb.organismById.get(o) ? `*${kb.organismById.get(o)!.scientific_name}*` : o)))}.`);
  } else if (question === 1) {
    lines.push('Core tools, in order, and why:');
    for (const [i, id] of a.required_tools.entries()) {
      // the step's note says why this assay runs it that way; otherwise what the tool does
      const step = a.steps.find((s) => s.tools[0] === id && s.note);
      lines.push(`${i + 1}. **${tool(id)}** - ${step?.note ? `${step.note}.` : (kb.toolById.get(id)?.purpose ?? '')}`);
    }
    // a recommended tool that can take a core tool's place is an alternative with its own "when", not an addition
    const alternativeOf = (id: string) =>
      kb.selection.alternatives
        .filter((g) => g.tools.some((t) => t.tool === id))
        .map((g) => ({ group: g, core: g.tools.find((t) => t.tool !== id && a.required_tools.includes(t.tool)) }))
        .find((x) => x.core);
    const alternatives = a.recommended_tools.filter((id) => alternativeOf(id));
    const additions = a.recommended_tools.filter((id) => !alternativeOf(id));
    if (alternatives.length) {
      lines.push('', 'Alternatives for a core step:');
      for (const id of alternatives) {
        const { group, core } = alternativeOf(id)!;
        lines.push(`- **${tool(id)}** instead of **${tool(core!.tool)}** when ${group.tools.find((t) => t.tool === id)!.choose_when}.`);
      }
    }
    // an addition that runs a step says which: SAMtools' statistics, not the sort a core step needs (done in its step)
    const addition = (id: string) => {
      const step = a.steps.find((s) => s.tools.includes(id) && !a.required_tools.some((r) => r !== id && s.tools.includes(r)));
      return step ? `${tool(id)} (${step.name.toLowerCase()})` : tool(id);
    };
    if (additions.length) lines.push('', `Recommended additions: ${list(additions.map(addition))}.`);
  } else if (question === 4) {
    // "What is X?" asks for an explanation, not a pipeline
    return explainWhatIs(kb, a).join('\n');
  } else if (question === 3) {
    lines.splice(0, lines.length, ...explainWhatIs(kb, a), '', '**The usual steps**');
    for (const [i, s] of a.steps.entries()) lines.push(`${i + 1}. **${s.name}** (${list(s.tools.map(tool), 'or')}): ${s.description}`);
  } else {
    lines.push('Steps:');
    // the tools of one step are alternatives: one of them runs
    for (const [i, s] of a.steps.entries()) lines.push(`${i + 1}. **${s.name}** (${list(s.tools.map(tool), 'or')}): ${s.description}`);
  }
  return lines.join('\n');
}

/**
 * Two tools that can do the same step (alternatives.yaml), side by side, and when to choose each; the memory
 * each needs where its documentation states it.
 */
export function explainComparison(a: Tool, b: Tool, group: AlternativeGroup, memory: ReadonlyMap<string, ToolMemory> = new Map()): string {
  // when to choose one over this other tool (`over`), else when to choose it at all
  const when = (t: Tool, other: Tool) => {
    const entry = group.tools.find((x) => x.tool === t.id)!;
    return entry.over[other.id] ?? entry.choose_when;
  };
  const lines = [
    `**${a.name}** and **${b.name}** are alternatives for one step: ${group.step}.`,
    '',
    `- **${a.name}**: ${a.purpose}`,
    `- **${b.name}**: ${b.purpose}`,
    '',
    '**How to choose**',
    `- Choose **${a.name}** when ${when(a, b)}.`,
    `- Choose **${b.name}** when ${when(b, a)}.`,
  ];
  // memory as each tool's documentation states it (tool_memory.yaml), never the selector's resource profile
  const stated = [a, b].flatMap((t) => memory.get(t.id)?.statement ?? []);
  if (stated.length) lines.push(`- Memory: ${stated.join(' ')}`);
  return lines.join('\n');
}

export function planEducation(kb: Knowledge, count: number): EducationSpec[] {
  const specs: EducationSpec[] = [];
  for (let q = 0; q < TOOL_QUESTIONS.length; q++) for (const tool of kb.tools) specs.push({ kind: 'tool', tool, question: q });
  for (let q = 0; q < ANALYSIS_QUESTIONS.length; q++) for (const analysis of kb.analysisTypes) specs.push({ kind: 'analysis', analysis, question: q });
  // comparisons only between alternatives for one step
  for (const group of kb.selection.alternatives) {
    const tools = group.tools.map((t) => kb.toolById.get(t.tool)!);
    for (let i = 0; i < tools.length; i++) for (let j = i + 1; j < tools.length; j++) specs.push({ kind: 'compare', a: tools[i]!, b: tools[j]!, group });
  }
  // interleave kinds so a partial count covers tools, analyses and comparisons
  const buckets = [specs.filter((s) => s.kind === 'tool'), specs.filter((s) => s.kind === 'analysis'), specs.filter((s) => s.kind === 'compare')];
  const out: EducationSpec[] = [];
  for (let i = 0; out.length < Math.min(count, specs.length); i++) for (const b of buckets) if (b[i] && out.length < count) out.push(b[i]!);
  return out;
}

export function educationId(seed: number, spec: EducationSpec): string {
  if (spec.kind === 'tool') return `edu-${seed}-tool-${spec.tool.id}-${spec.question}`;
  if (spec.kind === 'analysis') return `edu-${seed}-analysis-${spec.analysis.id}-${spec.question}`;
  return `edu-${seed}-compare-${spec.group.id}-${spec.a.id}-${spec.b.id}`;
}

export function educationSeed(kb: Knowledge, seed: number, spec: EducationSpec): ExampleSeed {
  const rng = Rng.of(seed, 'education', JSON.stringify(spec.kind === 'compare' ? [spec.a.id, spec.b.id] : spec.kind === 'tool' ? [spec.tool.id, spec.question] : [spec.analysis.id, spec.question]));
  if (spec.kind === 'tool') {
    const analysisType = spec.tool.analysis_types[0]!;
    return {
      id: educationId(seed, spec),
      kind: 'education',
      groupId: `edu-tool-${spec.tool.id}`,
      baseId: null,
      engine: 'template',
      category: categoryOf(kb, analysisType),
      analysisType,
      difficulty: spec.question >= 3 ? 2 : 1,
      input: TOOL_QUESTIONS[spec.question]!(spec.tool),
      output: { explanation: explainTool(kb, spec.tool, spec.question) },
      templateId: `edu-tool-q${spec.question}`,
    };
  }
  if (spec.kind === 'analysis') {
    return {
      id: educationId(seed, spec),
      kind: 'education',
      groupId: `edu-analysis-${spec.analysis.id}`,
      baseId: null,
      engine: 'template',
      category: categoryOf(kb, spec.analysis.id),
      analysisType: spec.analysis.id,
      difficulty: spec.question === 1 ? 2 : 1,
      input: ANALYSIS_QUESTIONS[spec.question]!(spec.analysis),
      output: { explanation: explainAnalysis(kb, spec.analysis, spec.question) },
      templateId: `edu-analysis-q${spec.question}`,
    };
  }
  const [a, b] = rng.chance(0.5) ? [spec.a, spec.b] : [spec.b, spec.a];
  const frame = rng.int(3);
  const analysisType = a.analysis_types[0]!;
  return {
    id: educationId(seed, spec),
    kind: 'education',
    groupId: `edu-tool-${spec.a.id}`,
    baseId: null,
    engine: 'template',
    category: categoryOf(kb, analysisType),
    analysisType,
    difficulty: 2,
    input: [`${a.name} vs ${b.name}: which should I use?`, `What is the difference between ${a.name} and ${b.name}?`, `Should I pick ${a.name} or ${b.name}?`][frame]!,
    output: { explanation: explainComparison(a, b, spec.group, kb.toolMemory) },
    templateId: `edu-compare-${String(frame).padStart(2, '0')}`,
  };
}
