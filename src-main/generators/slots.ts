import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import { analysisPhrases } from './analysis-phrases';
import type { Rng } from './rng';

/** The phrases a sentence frame can use, all derived from one ground-truth intent. */
export interface Slots {
  analysis: string;
  analysisShort: string;
  organism: string | null;
  organismFormal: string | null;
  tissue: string | null;
  cellType: string | null;
  layout: string | null;
  strand: string | null;
  comparison: string | null;
  tools: string | null;
  constraints: string | null;
}

const LAYOUT_PHRASES: Record<string, string[]> = {
  paired: ['paired-end', 'paired-end reads', 'PE reads', 'paired end 2x150'],
  single: ['single-end', 'single-end reads', 'SE reads', 'single end 1x75'],
};
const STRAND_PHRASES: Record<string, string[]> = {
  reverse: ['reverse-stranded', 'reverse stranded library', 'dUTP stranded (reverse)'],
  forward: ['forward-stranded', 'forward stranded library'],
  unstranded: ['unstranded', 'unstranded library'],
};
const CONSTRAINT_PHRASES: Record<string, string[]> = {
  low_memory: ['on a laptop with limited memory', 'with low memory usage', 'that fits in 16 GB of RAM'],
  no_docker: ['without Docker', 'no docker available', 'without using Docker'],
  fast: ['as fast as possible', 'quickly', 'with a fast turnaround'],
  gpu: ['using a GPU', 'with GPU acceleration'],
  singularity: ['with Singularity containers', 'using singularity'],
  conda: ['with conda environments', 'using conda'],
};

function humanize(id: string): string {
  return id.replace(/_/g, ' ');
}


export function buildSlots(intent: Intent, kb: Knowledge, rng: Rng): Slots {
  const phrases = analysisPhrases(kb, intent.analysis_type);
  const byLength = [...phrases].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const org = intent.organism ? kb.organismById.get(intent.organism.id) : undefined;
  const common = org ? rng.pick(org.common_names) : intent.organism?.id ?? null;
  const toolNames = intent.requested_tools.map((id) => kb.toolById.get(id)?.name ?? id);
  return {
    analysis: rng.pick(phrases),
    analysisShort: byLength[Math.min(byLength.length - 1, rng.int(Math.min(3, byLength.length)))]!,
    organism: common,
    organismFormal: org ? `${org.scientific_name} (${org.genome_build})` : common,
    tissue: intent.tissue,
    cellType: intent.cell_type,
    layout: LAYOUT_PHRASES[intent.read_layout] ? rng.pick(LAYOUT_PHRASES[intent.read_layout]!) : null,
    strand: STRAND_PHRASES[intent.strandedness] ? rng.pick(STRAND_PHRASES[intent.strandedness]!) : null,
    comparison: intent.comparison ? intent.comparison.description || intent.comparison.groups.join(' vs ') : null,
    tools: toolNames.length ? toolNames.join(rng.chance(0.5) ? ' and ' : ', ') : null,
    constraints: intent.constraints.length
      ? intent.constraints.map((c) => (CONSTRAINT_PHRASES[c] ? rng.pick(CONSTRAINT_PHRASES[c]!) : humanize(c))).join(' and ')
      : null,
  };
}

/** Joins the non-empty parts with single spaces and tidies punctuation. */
export function sentence(...parts: (string | null | undefined | false)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim().length > 0)
    .join(' ')
    .replace(/\s+([,.?!])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
}

export const opt = (value: string | null, render: (v: string) => string): string | null => (value ? render(value) : null);
