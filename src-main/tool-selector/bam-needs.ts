import { type BamGap, type BamState, bamAfter, bamGap } from '../knowledge/bam-state';
import { resolveProcess } from '../knowledge/process-schema';
import type { Knowledge } from '../knowledge/schemas';

/** A reader in a chain whose BAM does not meet its needs (tools.yaml bam_needs), with the step that wrote that BAM. */
export interface ChainBamGap {
  /** the reader's position in the chain */
  at: number;
  reader: string;
  /** the step whose BAM stands before the reader, and its position */
  writer: string;
  writerAt: number;
  /** the BAM standing before the reader */
  have: BamState;
  gap: BamGap;
}

/**
 * Walks a chain as the generator wires it (each BAM reader reads the latest BAM a step wrote; a reader whose BAM
 * does not serve it is left out and writes nothing): every reader whose BAM lacks the order or the duplicate
 * marking it needs.
 */
export function chainBamGaps(ids: readonly string[], analysisType: string, focuses: readonly string[], kb: Knowledge): ChainBamGap[] {
  const gaps: ChainBamGap[] = [];
  let have: BamState | undefined;
  let writer = '';
  let writerAt = -1;
  ids.forEach((id, at) => {
    const tool = kb.toolById.get(id);
    if (!tool) return;
    const p = resolveProcess(tool.process, analysisType, focuses);
    const gap = bamGap(p, have);
    if (gap && have) {
      gaps.push({ at, reader: id, writer, writerAt, have, gap });
      return;
    }
    const next = bamAfter(p, have);
    if (next) {
      have = next;
      writer = id;
      writerAt = at;
    }
  });
  return gaps;
}
