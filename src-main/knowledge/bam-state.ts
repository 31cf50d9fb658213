import type { ProcessOutput, ResolvedProcess } from './process-schema';

/** A BAM as it stands between steps: how its records are ordered and whether duplicates are flagged (tools.yaml order, duplicates). */
export interface BamState {
  order: 'coordinate' | 'name';
  duplicates?: 'marked' | 'removed';
}

const ORDER_WORDS: Record<BamState['order'], string> = { coordinate: 'sorted by coordinate', name: 'in read-name order' };
export const orderWords = (order: BamState['order']): string => ORDER_WORDS[order];

/** Whether the process reads a BAM (a file slot of kind bam). */
export const readsBam = (p: ResolvedProcess): boolean => p.input.files.some((s) => s.kinds.includes('bam'));

/** The BAM a process writes: its declared order (or that of the BAM it read) and duplicate flags (or those of the BAM it read). */
export function bamWritten(o: ProcessOutput, read: BamState | undefined): BamState | undefined {
  const order = o.order === 'input' ? read?.order : o.order;
  if (!order) return undefined;
  const duplicates = o.duplicates ?? read?.duplicates;
  return duplicates ? { order, duplicates } : { order };
}

/** What a process writes of a BAM after reading `read` (undefined: it writes none). */
export function bamAfter(p: ResolvedProcess, read: BamState | undefined): BamState | undefined {
  const out = p.outputs.find((o) => o.kind === 'bam');
  return out ? bamWritten(out, readsBam(p) ? read : undefined) : undefined;
}

/** A reader's need the standing BAM does not meet (tools.yaml bam_needs): its order, or duplicate marking. */
export type BamGap = { need: 'order'; order: BamState['order']; have: BamState['order'] } | { need: 'duplicates' };

export function bamGap(p: ResolvedProcess, have: BamState | undefined): BamGap | undefined {
  const need = p.input.bam_needs;
  if (!need || !have || !readsBam(p)) return undefined;
  if (need.order && need.order !== have.order) return { need: 'order', order: need.order, have: have.order };
  // a BAM with its duplicates removed has none left to flag, so it serves as well
  if (need.duplicates && !have.duplicates) return { need: 'duplicates' };
  return undefined;
}

/** The gap in words: `reader` reads ..., and `writer` writes it ... / no earlier step marks them. */
export function bamGapWords(gap: BamGap, writer: string, noEarlier: string): string {
  if (gap.need === 'order') return `reads a BAM ${ORDER_WORDS[gap.order]}, and ${writer} writes it ${ORDER_WORDS[gap.have]}`;
  return `reads a BAM with its duplicates marked, and ${noEarlier} marks them`;
}

/** A process whose BAM output marks (or removes) duplicates: a duplicate-marking step. */
export const marksDuplicates = (p: ResolvedProcess): boolean => p.outputs.some((o) => o.kind === 'bam' && o.duplicates !== undefined);
