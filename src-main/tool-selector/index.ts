import type { ToolChoice } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import { loadKnowledge } from '../knowledge/load';
import type { AnalysisType, Knowledge, Tool } from '../knowledge/schemas';

/** Under a low-memory constraint, a default tool above this footprint gives way to a cheaper one of its step. */
export const LOW_MEMORY_LIMIT_GB = 16;
/** Short-read aligners that long reads replace with minimap2. */
const SHORT_READ_ALIGNERS = new Set(['bwa', 'bwa_mem2', 'bowtie2', 'star', 'hisat2']);
const LONG_READ_ALIGNER = 'minimap2';
const LONG_READ_QC = 'nanoplot';

type Reason = 'default' | 'requested' | 'low_memory' | 'long_reads';
interface Choice {
  id: string;
  reason: Reason;
}

const stepIndex = (type: AnalysisType, toolId: string) => type.steps.findIndex((s) => s.tools.includes(toolId));

/** Puts a named tool in its step: replacing that step's default, else after the tools of earlier steps. */
function placeRequested(chosen: Choice[], id: string, type: AnalysisType, kb: Knowledge): void {
  const existing = chosen.find((c) => c.id === id);
  if (existing) {
    existing.reason = 'requested';
    return;
  }
  const step = stepIndex(type, id);
  const slot = step >= 0 ? chosen.findIndex((c) => c.reason !== 'requested' && type.steps[step]!.tools.includes(c.id)) : -1;
  if (slot >= 0) {
    chosen[slot] = { id, reason: 'requested' };
    return;
  }
  let at = chosen.findIndex((c) => kb.toolById.get(c.id)?.category === 'reporting');
  if (step >= 0) {
    const later = chosen.findIndex((c) => stepIndex(type, c.id) > step);
    if (later >= 0) at = later;
  }
  chosen.splice(at >= 0 ? at : chosen.length, 0, { id, reason: 'requested' });
}

/** A named tool that reads FASTQ after the alignment step (salmon, kallisto) makes the default aligner moot. */
function dropBypassedAligners(chosen: Choice[], type: AnalysisType, kb: Knowledge): void {
  for (const c of chosen.filter((x) => x.reason === 'requested')) {
    const tool = kb.toolById.get(c.id)!;
    if (tool.category === 'alignment' || !tool.inputs.some((i) => /fastq/i.test(i))) continue;
    const step = stepIndex(type, c.id);
    for (let i = chosen.length - 1; i >= 0; i--) {
      const x = chosen[i]!;
      const other = stepIndex(type, x.id);
      if (x.reason === 'default' && kb.toolById.get(x.id)?.category === 'alignment' && other >= 0 && other < step) chosen.splice(i, 1);
    }
  }
}

function lowMemorySwaps(chosen: Choice[], type: AnalysisType, kb: Knowledge): void {
  for (const c of chosen) {
    const tool = kb.toolById.get(c.id)!;
    if (c.reason === 'requested' || tool.memory_gb <= LOW_MEMORY_LIMIT_GB) continue;
    const step = type.steps[stepIndex(type, c.id)];
    const cheapest = (step?.tools ?? [])
      .map((id) => kb.toolById.get(id)!)
      .filter((t) => t.memory_gb < tool.memory_gb && !chosen.some((x) => x.id === t.id))
      .sort((a, b) => a.memory_gb - b.memory_gb || a.id.localeCompare(b.id))[0];
    if (cheapest) Object.assign(c, { id: cheapest.id, reason: 'low_memory' });
  }
}

/** Long reads: minimap2 for a short-read aligner, NanoPlot for FastQC, and no Illumina adapter trimming. */
function longReadSwaps(chosen: Choice[], kb: Knowledge): void {
  const swap = (from: (id: string) => boolean, to: string) => {
    if (!kb.toolById.has(to) || chosen.some((c) => c.id === to)) return;
    const c = chosen.find((x) => x.reason === 'default' && from(x.id));
    if (c) Object.assign(c, { id: to, reason: 'long_reads' });
  };
  swap((id) => SHORT_READ_ALIGNERS.has(id), LONG_READ_ALIGNER);
  swap((id) => id === 'fastqc', LONG_READ_QC);
  for (let i = chosen.length - 1; i >= 0; i--)
    if (chosen[i]!.reason === 'default' && kb.toolById.get(chosen[i]!.id)?.category === 'trimming') chosen.splice(i, 1);
}

/** Ordered pipeline: the type's required tools, named tools swapped into their step, then constraint swaps. */
export function chooseTools(intent: Intent, type: AnalysisType, kb: Knowledge): Choice[] {
  const chosen: Choice[] = type.required_tools.map((id) => ({ id, reason: 'default' }));
  for (const r of intent.requested_tools) if (kb.toolById.has(r)) placeRequested(chosen, r, type, kb);
  dropBypassedAligners(chosen, type, kb);
  if (intent.data_type?.startsWith('long_read')) longReadSwaps(chosen, kb);
  if (intent.constraints.includes('low_memory')) lowMemorySwaps(chosen, type, kb);
  return chosen;
}

function context(tool: Tool, intent: Intent): string {
  const parts: string[] = [];
  if (intent.organism && ['alignment', 'single_cell', 'quantification', 'spatial'].includes(tool.category))
    parts.push(`against the ${intent.organism.scientific_name} ${intent.organism.genome_build} reference`);
  if (intent.read_layout !== 'unknown' && ['trimming', 'alignment', 'quantification'].includes(tool.category))
    parts.push(`in ${intent.read_layout}-end mode`);
  if (intent.strandedness !== 'unknown' && tool.category === 'quantification') parts.push(`with ${intent.strandedness} strandedness`);
  if (intent.comparison && tool.category === 'statistics') parts.push(`to compare ${intent.comparison.description}`);
  if (intent.tissue && tool.category === 'quality_control') parts.push(`of the ${intent.tissue} samples`);
  return parts.length ? ` ${parts.join(', ')}` : '';
}

const WHY: Record<Reason, (t: Tool) => string> = {
  default: () => '',
  requested: () => ' (requested by the user)',
  low_memory: (t) => ` (chosen for its ${t.memory_gb} GB memory footprint on a low-memory machine)`,
  long_reads: () => ' (chosen because the reads are long reads)',
};

function rationale(tool: Tool, type: AnalysisType, reason: Reason, intent: Intent): string {
  const step = type.steps[stepIndex(type, tool.id)]?.name.toLowerCase() ?? tool.category.replace(/_/g, ' ');
  // keep a leading acronym or name ("BWA ...", "GATK ..."), lowercase an ordinary first word
  const keepCase = /^[A-Z][A-Z0-9]/.test(tool.purpose);
  const purpose = (keepCase ? tool.purpose : tool.purpose.charAt(0).toLowerCase() + tool.purpose.slice(1)).replace(/\.$/, '');
  return `${tool.name} for ${step}${context(tool, intent)}: ${purpose}${WHY[reason](tool)}.`;
}

/** Ordered tools with a one-sentence rationale each; [] for an unknown analysis type. */
export function selectTools(intent: Intent, kb: Knowledge = loadKnowledge()): ToolChoice[] {
  const type = kb.analysisTypeById.get(intent.analysis_type);
  if (!type) return [];
  return chooseTools(intent, type, kb).map(({ id, reason }) => ({
    tool: id,
    rationale: rationale(kb.toolById.get(id)!, type, reason, intent),
  }));
}
