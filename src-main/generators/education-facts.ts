import type { AnalysisType, InputFact, Knowledge, Tool } from '../knowledge/schemas';
import { inSentence } from '../util/in-sentence';
import { needAsk } from '../knowledge/workflow-needs';

/**
 * What a practitioner says about a tool or an analysis beyond its catalogue sentence, from the knowledge base's
 * own checked facts: what it needs before it, the reads it is made for and the option that tells it so, how the
 * assay runs it (analysis step notes), what memory it takes and what to do about it, requests it turns down,
 * what a request must settle before it runs (workflow_needs.yaml asks naming it: the hints describe a generated
 * workflow's settings, which an explanation has none of), and when an alternative for
 * its step would be chosen instead. No fact here is invented for the answer.
 */

const list = (items: readonly string[], conjunction = 'and') => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`);
const name = (kb: Knowledge, id: string) => kb.toolById.get(id)?.name ?? id;
const platformName = (kb: Knowledge, id: string) => kb.selection.platforms.find((p) => p.id === id)?.name ?? id;
const sentenceCase = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const stop = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The questions of workflow_needs.yaml (the analysis's own or the need's `ask`) that name the tool: what to settle
 * before it runs, with what the tool does with the answer and its own defaults. Not the hints: they say what a
 * generated workflow assumes ('the workflow counts reads as unstranded'), which read as the tool's defaults here.
 */
function needAsksNaming(kb: Knowledge, t: Tool): string[] {
  const re = new RegExp(`(?<![A-Za-z0-9-])${escapeRe(t.name)}(?![A-Za-z0-9-])`);
  const out = new Set<string>();
  for (const id of t.analysis_types)
    for (const n of kb.workflowNeeds.byAnalysis.get(id) ?? []) {
      // with the tool's own by_tool clause only (featureCounts' -s, not htseq-count's)
      const ask = needAsk(kb.workflowNeeds, id, n.need, [t.id]);
      if (ask && re.test(ask)) out.add(stop(ask));
    }
  return [...out];
}

/** Required inputs (with when, where only some runs need them), then the optional ones with when each is used. */
function inputsText(items: readonly InputFact[]): string {
  const required = items.filter((i) => i.required).map((i) => (i.when ? `${i.name} (${i.when})` : i.name));
  const optional = items.filter((i) => !i.required).map((i) => `${i.name}, ${i.when ?? 'if you have it'}`);
  return `${list(required)}${optional.length ? ` (optional: ${optional.join('; ')})` : ''}`;
}

/** Practitioner bullets about a tool: inputs, prerequisites, reads, how the assays run it, memory, pitfalls. */
export function toolFacts(kb: Knowledge, t: Tool): string[] {
  const rule = kb.selection.toolRules.get(t.id);
  const lines = [`- **Takes** ${inputsText(t.inputs)}; **gives** ${list(t.outputs)}.`];
  for (const group of rule?.requires ?? []) lines.push(`- **Needs before it**: ${list(group.map((id) => name(kb, id)), 'or')}, earlier in the workflow.`);
  if (rule?.platforms) {
    const presets = Object.entries(rule.presets).map(([p, v]) => `${v} for ${platformName(kb, p)}`);
    lines.push(`- **Reads**: made for ${list(rule.platforms.map((p) => platformName(kb, p)))} data${presets.length ? `; tell it which with ${list(presets)}` : ''}.`);
  }
  const notes = kb.analysisTypes.flatMap((a) => a.steps.filter((s) => s.tools[0] === t.id && s.note).map((s) => `- **In ${inSentence(a.name)}** (${s.name.toLowerCase()}): ${stop(s.note!)}`));
  // without a note, the steps it runs say where it sits (a general step such as reporting runs in most analyses)
  const steps = kb.analysisTypes.flatMap((a) => a.steps.filter((s) => s.tools.includes(t.id)).map((s) => `${s.name.toLowerCase()} in ${inSentence(a.name)}`));
  if (notes.length === 0 && steps.length) lines.push(`- **Its step**: ${list([...new Set(steps)].slice(0, 3))}${steps.length > 3 ? ` (and ${steps.length - 3} more)` : ''}.`);
  // a tool of no step (HOMER) is an addition the analyses recommend beside their core steps
  const adds = kb.analysisTypes.filter((a) => !steps.length && (a.recommended_tools.includes(t.id) || a.optional_tools.includes(t.id))).map((a) => inSentence(a.name));
  if (adds.length) lines.push(`- **Its place**: an addition beside the core steps of ${list(adds)}, run on their results.`);
  lines.push(...[...new Set(notes)].slice(0, 2));
  for (const n of t.command_notes) lines.push(`- ${stop(n)}`);
  if (rule?.low_memory) {
    const fix = rule.low_memory.setting ? `on a small machine, ${rule.low_memory.setting}` : rule.low_memory.alternatives.length ? `on a small machine use ${list(rule.low_memory.alternatives.map((id) => name(kb, id)), 'or')}` : '';
    lines.push(`- **Memory**: ${rule.low_memory.note}${fix ? `; ${fix}` : ''}.`);
  }
  // a refusal beside another tool is a fact of the tool; one within an analysis answers a request that lacks something
  for (const r of rule?.refuse ?? []) if (r.beside) lines.push(`- **Not for**: ${stop(r.why)}`);
  for (const h of needAsksNaming(kb, t).slice(0, 2)) lines.push(`- **Check first**: ${h}`);
  // code spans in an explanation are the container only: options appear in the checked typical command
  return lines.map((l) => l.replace(/`/g, ''));
}

/** When an alternative for the tool's step would be chosen instead (alternatives.yaml), one line each. */
export function alternativeLines(kb: Knowledge, t: Tool): string[] {
  const lines: string[] = [];
  for (const g of kb.selection.alternatives) {
    const mine = g.tools.find((x) => x.tool === t.id);
    if (!mine) continue;
    lines.push(`- For ${g.step}, choose it when ${mine.choose_when}.`);
    for (const o of g.tools.filter((x) => x.tool !== t.id)) lines.push(`  - Choose **${name(kb, o.tool)}** instead when ${o.over[t.id] ?? o.choose_when}.`);
  }
  return lines;
}

/**
 * "What is X?": what the analysis is for, what it starts from, what a request must settle before it runs (its
 * needs, with what each changes), and the route in one sentence: an explanation, not a pipeline.
 */
export function explainWhatIs(kb: Knowledge, a: AnalysisType): string[] {
  const lines = [`**${a.name}**: ${stop(a.description)}`, ''];
  lines.push(`**What you start from**: ${inputsText(a.input_data_types)}.${a.input?.why ? ` ${stop(a.input.why)}` : ''}`);
  const route = a.steps.map((s) => s.name.toLowerCase());
  lines.push('', `**The route**: ${list(route)}; the usual tools are ${list(a.required_tools.filter((id) => !['fastqc', 'multiqc'].includes(id)).map((id) => name(kb, id)))}.`);
  const notes = a.steps.filter((s) => s.note).map((s) => `- ${sentenceCase(s.name.toLowerCase())}: ${stop(s.note!)}`);
  if (notes.length) lines.push('', '**What matters in practice**', ...notes.slice(0, 3));
  const needs = (kb.workflowNeeds.byAnalysis.get(a.id) ?? []).filter((n) => n.need !== 'organism' && n.need !== 'read_layout' && n.need !== 'comparison');
  const asks = needs.map((n) => needAsk(kb.workflowNeeds, a.id, n.need)).filter((h): h is string => Boolean(h));
  if (asks.length) lines.push('', '**Settle before you run it**', ...asks.slice(0, 3).map((h) => `- ${sentenceCase(stop(h))}`));
  return lines;
}
