import type { Intent } from '../../src-preload/schemas/intent';
import { hostOf } from '../knowledge/host';
import { elsewhereClause, organismFactFor } from '../knowledge/organism-facts';
import { resolveProcess, variantFor } from '../knowledge/process-schema';
import type { Knowledge, Tool } from '../knowledge/schemas';
import type { RequestFocus } from '../knowledge/selection';
import { inSentence } from '../util/in-sentence';
import type { Choice, Selection } from './choose';
import { readInput } from './context';

/** Build-specific files that are not a sequence to align or call against (the blacklist is a region list). */
const ANNOTATION_ONLY = new Set(['gtf', 'chromsizes', 'blacklist']);

/**
 * What of the organism a tool reads: its genome (or transcriptome) when its process stages a reference whose
 * location depends on the genome build (references.yaml `{build}`), only its gene annotation, or nothing.
 * Prokka, MEGAHIT or Kraken2 stage none, so a host organism named in a metagenomics request is not "their"
 * reference.
 */
function organismReference(tool: Tool, analysisType: string, kb: Knowledge): 'genome' | 'annotation' | null {
  const built = resolveProcess(tool.process, analysisType).input.references.filter((r) => kb.referenceById.get(r)?.default.includes('{build}'));
  if (built.some((r) => !ANNOTATION_ONLY.has(r))) return 'genome';
  return built.includes('gtf') ? 'annotation' : null;
}
const LAYOUT: Record<string, string> = { paired: 'paired-end', single: 'single-end' };
const STRAND_FLAG: Record<string, Record<string, string>> = {
  featurecounts: { reverse: '-s 2', forward: '-s 1', unstranded: '-s 0' },
  htseq: { reverse: '-s reverse', forward: '-s yes', unstranded: '-s no' },
};

/** Replicates the request states ("three biological replicates per condition", "n=4 per group"). */
/** whether the tool's process reads the sequencing reads (tximport reads Salmon's quantifications, not reads) */
const readsReads = (tool: Tool) => tool.process.input.files.some((f) => f.kinds.includes('reads'));

export function statedReplicates(text: string): string | null {
  const m = /\b(two|three|four|five|six|\d+)\s+(?:biological\s+)?replicates\b/i.exec(text) ?? /\bn\s*=\s*(\d+)\s+(?:per|each)\b/i.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * The preset the tool's command runs with for these reads, read from the command the workflow writes (its process
 * entry for this analysis type and focuses): tool_rules.yaml `presets` name which option is the preset (minimap2's
 * -ax, DeepVariant's --model_type); the command gives its value and the preset options after it, up to the first
 * option that takes a file or a value of the run (-t ${task.cpus}), so a direct-RNA minimap2 is said to run with
 * -ax splice -uf -k14 and an exome DeepVariant with --model_type=WES. Undefined where the command has no such option.
 */
export function commandPreset(tool: Tool, sel: Selection, intent: Intent, kb: Knowledge): string | undefined {
  const rule = kb.selection.toolRules.get(tool.id);
  const rna = intent.data_type === 'long_read_rna';
  const named = (rna ? rule?.rna_presets[sel.platform.id] : undefined) ?? rule?.presets[sel.platform.id];
  if (!named) return undefined;
  const process = resolveProcess(tool.process, sel.type.id, sel.focuses.map((f) => f.id));
  const variant = variantFor(process, sel.platform.id, readInput(intent, kb, 'illumina').kind !== 'single');
  const tokens = (variant ? process.command[variant]! : '').split(/\s+/);
  const head = named.split(/\s+/);
  const option = (t: string) => t.split('=')[0]!;
  const at = tokens.findIndex((t) => option(t) === option(head[0]!));
  if (at < 0) return undefined;
  const taken = tokens.slice(at, at + head.length);
  for (let i = at + head.length; i < tokens.length; ) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!t.startsWith('-') || t.includes('$')) break;
    if (next !== undefined && !next.startsWith('-')) {
      if (next.includes('$')) break;
      taken.push(t, next);
      i += 2;
    } else {
      taken.push(t);
      i += 1;
    }
  }
  return taken.join(' ');
}

function contextParts(tool: Tool, choice: Choice, sel: Selection, intent: Intent, kb: Knowledge, text: string): string[] {
  const parts: string[] = [];
  const rule = kb.selection.toolRules.get(tool.id);
  const preset = commandPreset(tool, sel, intent, kb);
  if (preset) parts.push(`run with ${preset} for ${sel.platform.name} reads`);
  // a host-associated community's host is sample context: the genome host reads are removed against
  const host = intent.organism ? undefined : hostOf(intent, kb);
  const reference = (intent.organism || host) && rule?.reads_reference !== false ? organismReference(tool, sel.type.id, kb) : null;
  if (reference === 'genome' && host) parts.push(`against the ${host.scientific_name} ${host.genome_build} host genome`);
  else if (reference === 'genome') parts.push(`against the ${intent.organism!.scientific_name} ${intent.organism!.genome_build} reference`);
  else if (reference === 'annotation') parts.push(`on the ${intent.organism!.scientific_name} ${intent.organism!.genome_build} gene annotation`);
  if (LAYOUT[intent.read_layout] && readInput(intent, kb, 'illumina').kind !== 'fasta' && ['trimming', 'alignment', 'quantification'].includes(tool.category) && readsReads(tool) && sel.platform.read_kind === 'short')
    parts.push(`on ${LAYOUT[intent.read_layout]} reads`);
  const strand = STRAND_FLAG[tool.id]?.[intent.strandedness];
  if (strand) parts.push(`with ${strand} for the ${intent.strandedness === 'unstranded' ? 'unstranded' : `${intent.strandedness}-stranded`} library`);
  if (tool.category === 'statistics' && intent.comparison) {
    const reps = statedReplicates(text);
    parts.push(`to test ${intent.comparison.groups.join(' against ')}${reps ? ` with ${reps} replicates per group` : ', which needs biological replicates in each group'}`);
  }
  if (choice.reason === 'requested') parts.push('as you asked');
  return parts;
}

function reasonSentence(choice: Choice, sel: Selection, kb: Knowledge): string {
  const was = choice.replaced ? kb.toolById.get(choice.replaced)?.name : undefined;
  switch (choice.reason) {
    case 'platform':
      return was ? ` It replaces ${was}, which is not made for ${sel.platform.name} reads.` : '';
    case 'layout':
      return was ? ` It replaces ${was}, which needs read pairs: these reads are single-end.` : '';
    case 'comparison':
      return ' It is added because the request compares groups, which the per-sample steps do not test.';
    case 'low_memory':
      // memory figures only as the tools' documentation states them (tool_memory.yaml), not the selector's memory_gb
      return was ? ` It replaces ${was} to fit a low-memory machine.${kb.toolMemory.get(choice.id) ? ` ${kb.toolMemory.get(choice.id)!.statement}` : ''}` : '';
    case 'gpu':
      return was ? ` It replaces ${was} because it can use the GPU.` : '';
    case 'conda':
      return was ? ` It replaces ${was}, which has no Bioconda package.` : '';
    case 'focus':
      // the note starts with a tool name as its authors write it (miRDeep2), so it is not capitalised
      {
        const focus = sel.focuses.find((f) => f.id === choice.focus) ?? sel.focus;
        return focus ? ` ${focus.note}.` : '';
      }
    case 'predecessor':
      // the tool it feeds was named by the user, or put in by the request's focus (featureCounts for piRNAs)
      return choice.feeds ? ` It is added because ${kb.toolById.get(choice.feeds)!.name}${sel.choices.find((c) => c.id === choice.feeds)?.reason === 'requested' ? ', which you named,' : ''} reads its output.` : '';
    case 'bam_needs':
      // a step the chain's BAM reader needs before it (tools.yaml bam_needs: DELLY's duplicate marking)
      return choice.feeds ? ` It is added because ${kb.toolById.get(choice.feeds)!.name} reads a BAM with its duplicates marked, which no earlier step of this chain marks.` : '';
    default:
      return '';
  }
}

/**
 * For a tool the chain chose by default: when the alternative for the same step (alternatives.yaml, and a
 * tool of that step in this analysis type) would be the better choice, so the reader can tell whether their
 * design or machine calls for it. Named, swapped or added tools say why they are there instead.
 */
function alternativeSentence(choice: Choice, sel: Selection, kb: Knowledge): string {
  if (choice.reason !== 'default') return '';
  const stepTools = sel.type.steps.find((s) => s.tools.includes(choice.id))?.tools ?? [];
  for (const group of kb.selection.alternatives) {
    if (!group.tools.some((t) => t.tool === choice.id)) continue;
    // nor one the request's focus rules out (Strelka2 for tumours without a normal)
    const alt = group.tools.find((t) => t.tool !== choice.id && stepTools.includes(t.tool) && !sel.choices.some((c) => c.id === t.tool) && !sel.focuses.some((f) => f.replace[t.tool] !== undefined));
    if (alt) return ` ${kb.toolById.get(alt.tool)!.name} is the alternative when ${alt.over[choice.id] ?? alt.choose_when}.`;
  }
  return '';
}

/**
 * The step a named tool has in most analysis types (Picard: duplicate marking), for a tool with no step in this
 * one: its catalogue category ('alignment utilities') names no step.
 */
function usualStep(tool: Tool, kb: Knowledge): string | undefined {
  const count = new Map<string, number>();
  for (const t of kb.analysisTypes) for (const s of t.steps) if (s.tools.includes(tool.id)) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * What the workflow loses on this genome for each reference the tool would stage that the organism's build lacks
 * (references.yaml `absent`: Mutect2 with no germline resource or panel of normals for a dog), so the answer says it.
 */
function absentSentence(tool: Tool, sel: Selection, intent: Intent, kb: Knowledge): string {
  const o = intent.organism;
  if (!o) return '';
  const facts = (kb.organismById.get(o.id)?.facts ?? {}) as Record<string, unknown>;
  const has = (fact: string) => {
    const v = facts[fact];
    return v !== undefined && (typeof v !== 'object' || Array.isArray(v) || (v as Record<string, unknown>)[o.genome_build] !== undefined);
  };
  const refs = resolveProcess(tool.process, sel.type.id, sel.focuses.map((f) => f.id)).input.references.map((r) => kb.referenceById.get(r));
  const lost = refs.filter((r) => r?.absent !== undefined && r.organism_fact !== undefined && !has(r.organism_fact));
  return lost.map((r) => ` ${r!.absent!.replace(/\{organism\}/g, `${o.scientific_name} ${o.genome_build}`)}.`).join('');
}

/**
 * A focus the organism brings (request_focus.yaml organism_fact: a plant's CHG and CHH methylation) changes how a
 * tool with an override for it runs, which the request never asked for: its note says so.
 */
function organismFocusSentence(tool: Tool, choice: Choice, sel: Selection): string {
  // or a focus that changes how this tool runs and names it to say so, the first such tool of the chain (tumour-only Mutect2)
  const explains = (f: RequestFocus) => f.explained_by.find((id) => sel.choices.some((c) => c.id === id)) === tool.id;
  return sel.focuses
    .filter((f) => choice.focus !== f.id && (choice.reason !== 'focus' || explains(f)))
    .filter((f) => (f.organism_fact !== undefined && tool.process.overrides[f.id] !== undefined) || explains(f))
    .map((f) => ` ${f.note}.`)
    .join('');
}

/**
 * Why a step many analyses share runs in this chain (tool_rules.yaml why_here), worded from the request: its reads,
 * the tools around it, its genome. Undefined for a tool without one (its catalogue purpose is said instead).
 */
function whyHere(tool: Tool, sel: Selection, intent: Intent, kb: Knowledge): string | undefined {
  const table = kb.selection.toolRules.get(tool.id)?.why_here;
  const template = table?.[sel.type.id] ?? table?.default;
  if (!template) return undefined;
  const names = sel.choices.map((c) => kb.toolById.get(c.id)!);
  const at = sel.choices.findIndex((c) => c.id === tool.id);
  const input = readInput(intent, kb, 'illumina');
  const organism = intent.organism ?? hostOf(intent, kb);
  const build = intent.organism?.genome_build ?? organism?.genome_build;
  const aligner = names.slice(0, at).reverse().find((t) => t.category === 'alignment');
  const slots: Record<string, string> = {
    // an unstated layout is not asserted (the workflow assumes pairs and says so under "Before you run")
    reads: input.kind === 'paired' ? (intent.read_layout === 'unknown' ? 'reads (each mate of a pair on its own)' : 'read pairs (each mate on its own)') : input.kind === 'single' ? 'single-end reads' : 'reads',
    // an aligner of pairs reads both mates together (Bowtie2 -1/-2), unlike a QC tool that reads each file
    pairs: input.kind === 'paired' ? (intent.read_layout === 'unknown' ? 'reads (the two mates of a pair together, as one fragment)' : 'read pairs (both mates together, as one fragment)') : input.kind === 'single' ? 'single-end reads' : 'reads',
    next: names[at + 1]?.name ?? 'the next step',
    aligner: aligner?.name ?? 'aligned',
    before: andList(names.slice(0, at).map((t) => t.name)) || 'the steps before it',
    genome: organism && build ? `the ${organism.scientific_name} ${build} genome` : 'the genome',
    reports: reportsSlot(names.slice(0, at), sel, kb),
  };
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? k);
  // a program named as its authors write it ('bamCoverage') keeps its lower-case first letter
  return /^[a-z]+[A-Z]/.test(text) ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * The tools before MultiQC whose report outputs the workflow passes to it and that MultiQC has a module for
 * (tool_rules.yaml multiqc_modules): 'of FastQC and STAR for every sample', a step run over all samples at once
 * said as such.
 */
function reportsSlot(before: readonly Tool[], sel: Selection, kb: Knowledge): string {
  const modules = kb.selection.toolRules.get('multiqc')?.multiqc_modules ?? {};
  const focuses = sel.focuses.map((f) => f.id);
  const read = before
    .filter((t) => modules[t.id] !== undefined)
    .map((t) => ({ t, p: resolveProcess(t.process, sel.type.id, focuses) }))
    .filter(({ p }) => p.outputs.some((o) => o.report));
  const perSample = read.filter(({ p }) => p.input.mode !== 'collect').map(({ t }) => t.name);
  const once = read.filter(({ p }) => p.input.mode === 'collect').map(({ t }) => t.name);
  const parts = [perSample.length ? `of ${andList(perSample)} for every sample` : '', once.length ? `of ${andList(once)}, run once over all samples,` : ''].filter(Boolean);
  return parts.join(' and ') || 'of the steps before it';
}

const andList = (xs: readonly string[]) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/**
 * What the tool needs of a resource only some organisms have (organism_resources.yaml): GATK's known sites for
 * BQSR, its truth sets for VQSR; said for the request's organism, nothing when it names none.
 */
function resourceSentence(tool: Tool, intent: Intent, kb: Knowledge): string {
  const r = kb.organismResources.get(tool.id);
  const organism = intent.organism ? kb.organismById.get(intent.organism.id) : undefined;
  if (!r || !organism) return '';
  const build = intent.organism?.genome_build ?? organism.genome_build;
  const value = organismFactFor(organism, r.fact, build);
  const text = value !== undefined ? r.present.replace('{value}', value) : r.absent.replace('{organism}', organism.scientific_name).replace('{build}', build).replace('{elsewhere}', elsewhereClause(organism, r.fact, build));
  return ` ${text}.`;
}

/** The tool and its step, what it does, why it fits this request, and when its alternative would. */
export function rationale(choice: Choice, sel: Selection, intent: Intent, kb: Knowledge, text: string): string {
  const tool = kb.toolById.get(choice.id)!;
  const entry = sel.type.steps.find((s) => s.tools.includes(tool.id));
  const step = inSentence(entry?.name ?? usualStep(tool, kb) ?? tool.category.replace(/_/g, ' '));
  const parts = contextParts(tool, choice, sel, intent, kb, text);
  // what this assay needs of the step's default tool (no input control in ATAC-seq, capture targets in WES), else why
  // a shared step runs in this chain, else what the tool does; a focus's own note says why its added tool is there
  const focusNote = choice.reason === 'focus' && reasonSentence(choice, sel, kb) !== '';
  const why = focusNote ? '' : (entry?.note && entry.tools[0] === tool.id ? entry.note : (whyHere(tool, sel, intent, kb) ?? tool.purpose)).replace(/\.$/, '');
  return `${tool.name} for ${step}${parts.length ? `, ${parts.join(', ')}` : ''}.${why ? ` ${why}.` : ''}${resourceSentence(tool, intent, kb)}${reasonSentence(choice, sel, kb)}${organismFocusSentence(tool, choice, sel)}${absentSentence(tool, sel, intent, kb)}${alternativeSentence(choice, sel, kb)}`;
}
