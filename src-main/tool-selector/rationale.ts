import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge, Tool } from '../knowledge/schemas';
import type { Choice, Selection } from './choose';

/** Categories whose tools read a reference genome or transcriptome, so the organism's build matters. */
const REFERENCE_CATEGORIES = new Set(['alignment', 'quantification', 'fusion_detection', 'transcript_assembly', 'variant_calling', 'structural_variants', 'copy_number', 'annotation', 'methylation']);
const REFERENCE_TOOLS = new Set(['starsolo', 'cellranger', 'spaceranger', 'mirdeep2', 'ivar']);
const LAYOUT: Record<string, string> = { paired: 'paired-end', single: 'single-end' };
const STRAND_FLAG: Record<string, Record<string, string>> = {
  featurecounts: { reverse: '-s 2', forward: '-s 1', unstranded: '-s 0' },
  htseq: { reverse: '-s reverse', forward: '-s yes', unstranded: '-s no' },
};

/** Replicates the request states ("three biological replicates per condition", "n=4 per group"). */
export function statedReplicates(text: string): string | null {
  const m = /\b(two|three|four|five|six|\d+)\s+(?:biological\s+)?replicates\b/i.exec(text) ?? /\bn\s*=\s*(\d+)\s+(?:per|each)\b/i.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function contextParts(tool: Tool, choice: Choice, sel: Selection, intent: Intent, kb: Knowledge, text: string): string[] {
  const parts: string[] = [];
  const rule = kb.selection.toolRules.get(tool.id);
  const rna = intent.data_type === 'long_read_rna';
  const preset = (rna ? rule?.rna_presets[sel.platform.id] : undefined) ?? rule?.presets[sel.platform.id];
  if (preset) parts.push(`run with ${preset} for ${sel.platform.name} reads`);
  if (intent.organism && (REFERENCE_CATEGORIES.has(tool.category) || REFERENCE_TOOLS.has(tool.id)) && !['statistics'].includes(tool.category))
    parts.push(`against the ${intent.organism.scientific_name} ${intent.organism.genome_build} reference`);
  if (LAYOUT[intent.read_layout] && ['trimming', 'alignment', 'quantification'].includes(tool.category) && sel.platform.read_kind === 'short')
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
    case 'low_memory':
      return was ? ` It replaces ${was} to fit a low-memory machine (about ${kb.toolById.get(choice.id)!.memory_gb} GB).` : '';
    case 'gpu':
      return was ? ` It replaces ${was} because it can use the GPU.` : '';
    case 'conda':
      return was ? ` It replaces ${was}, which has no Bioconda package.` : '';
    case 'focus':
      return sel.focus ? ` ${sentenceCase(sel.focus.note)}.` : '';
    case 'predecessor':
      return ' It is added because the tool you named reads its output.';
    default:
      return '';
  }
}

/** One or two sentences: the tool and its step, what it does, and why it fits this request. */
export function rationale(choice: Choice, sel: Selection, intent: Intent, kb: Knowledge, text: string): string {
  const tool = kb.toolById.get(choice.id)!;
  const step = sel.type.steps.find((s) => s.tools.includes(tool.id))?.name.toLowerCase() ?? tool.category.replace(/_/g, ' ');
  const parts = contextParts(tool, choice, sel, intent, kb, text);
  const purpose = tool.purpose.replace(/\.$/, '');
  return `${tool.name} for ${step}${parts.length ? `, ${parts.join(', ')}` : ''}. ${purpose}.${reasonSentence(choice, sel, kb)}`;
}
