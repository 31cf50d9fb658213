import type { Intent } from '../../src-preload/schemas/intent';
import { settleIntent } from '../knowledge/settle-intent';
import type { Knowledge } from '../knowledge/schemas';
import type { Rng } from './rng';
import { buildSlots, finish, type Slots } from './slots';
import type { Frame } from './variation-frames';

export interface RenderedQuery {
  text: string;
  /** the intent the text actually states: fields the frame left out are unset and listed as missing */
  intent: Intent;
  /** the frame it was rendered from, e.g. 'formal-07' */
  templateId?: string;
}

const COMPARED_TWICE = /(\b(?:compar(?:e|es|ing)|contrast(?:s|ing)?|evaluat(?:e|ing)|looking at|for a comparison of|to compare)\s+(?:the groups\s+)?[\w-]+(?:\s[\w-]+)?)\s+(?:compared (?:with|to)|relative to)\s/gi;

/**
 * Renders a frame and records which slots it used, so the target intent of the query is exactly what
 * the query says: a minimal "atac mouse" does not silently carry the base query's comparison or tools.
 */
export function renderStated(frame: Frame, base: Intent, kb: Knowledge, rng: Rng): RenderedQuery {
  const slots = buildSlots(base, kb, rng);
  const used = new Set<keyof Slots>();
  const tracked = new Proxy(slots, {
    get(target, key) {
      used.add(key as keyof Slots);
      return target[key as keyof Slots];
    },
  });
  // a verb of comparing takes its groups with 'vs' ("comparing tumor vs normal"), not a second comparing word
  // ("comparing tumor relative to normal", "to compare treated compared with control")
  const text = finish(frame(tracked, rng)).replace(COMPARED_TWICE, '$1 vs ');
  return { text, intent: statedIntent(base, slots, used, kb, text) };
}

function statedIntent(base: Intent, slots: Slots, used: Set<keyof Slots>, kb: Knowledge, text: string): Intent {
  // the sample phrases ("mouse liver", "human T cells") name the organism and the sample source together
  const saysSample = (used.has('sample') && slots.sample !== null) || (used.has('samples') && slots.samples !== null);
  // the sample source alone names the tissue or cell type, not the organism
  const saysSource = used.has('source') && slots.source !== null;
  const saysOrganism =
    base.organism && ((used.has('organism') && slots.organism) || (used.has('organismFormal') && slots.organismFormal) || saysSample);
  let organism: Intent['organism'] = null;
  if (saysOrganism && base.organism) {
    const entry = kb.organismById.get(base.organism.id);
    // "hg19" in the text means GRCh37, whatever build the base query had
    const alias = used.has('organism') && slots.organism ? entry?.build_aliases[slots.organism.toLowerCase()] : undefined;
    const formalBuild = used.has('organismFormal') && !used.has('organism') && entry ? entry.genome_build : undefined;
    organism = { ...base.organism, genome_build: alias ?? formalBuild ?? base.organism.genome_build };
  }
  const says = (key: keyof Slots) => used.has(key) && slots[key] !== null;
  const intent: Intent = {
    ...base,
    organism,
    tissue: says('tissue') || saysSample || saysSource ? base.tissue : null,
    cell_type: says('cellType') || saysSample || saysSource ? base.cell_type : null,
    read_layout: says('layout') ? base.read_layout : 'unknown',
    strandedness: says('strand') ? base.strandedness : 'unknown',
    comparison: says('comparison') ? base.comparison : null,
    requested_tools: says('tools') ? base.requested_tools : [],
    constraints: says('constraints') ? base.constraints : [],
  };
  return settleIntent(intent, kb, text);
}
