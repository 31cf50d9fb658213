import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import type { RequestWording } from '../knowledge/request-wording';
import { analysisPhrases } from './analysis-phrases';
import type { Rng } from './rng';
import { type StudyClauses, studyClauses } from './study-clauses';

/**
 * The phrases a sentence frame can use, all derived from one ground-truth intent, each of a fixed
 * grammatical type so a frame can rely on it: noun phrases for the analysis, a noun phrase for the
 * sample ("mouse liver", "human T cells", "soil"), adjectives for layout and strandedness, adverbials for
 * constraints ("without Docker": they follow "run"), one context sentence fitting the assay's platform.
 */
export interface Slots {
  /** noun phrase: "differential gene expression analysis" */
  analysis: string;
  /** compact name that also works as a modifier: "RNA-seq DE" */
  analysisShort: string;
  /** keyword forms for the terse styles */
  organism: string | null;
  organismFormal: string | null;
  tissue: string | null;
  cellType: string | null;
  /** noun phrase of organism and sample source: "mouse liver", "human K562 cells", "soil"; null: neither */
  sample: string | null;
  /** the same as things one has samples of: "mouse liver samples", "human T cells", "soil samples" */
  samples: string | null;
  /** the sample source alone, as things one has samples of: "liver samples", "T cells", "HEK293 cells"; null: none */
  source: string | null;
  /** adjective: "paired-end" */
  layout: string | null;
  /** adjective: "reverse-stranded" */
  strand: string | null;
  comparison: string | null;
  tools: string | null;
  /** adverbial that follows "run": "without Docker", "on a laptop with 16 GB of RAM" */
  constraints: string | null;
  /** every constraint is a limit of the machine or software, so "we can only run it {constraints}" reads right */
  constraintsAreLimits: boolean;
  /** one sentence about the data that fits the assay and its platform */
  context: string;
  /** sentences about the study (sample counts, instrument, outputs, deadline) that state no intent field */
  study: StudyClauses;
  /** the wording tables frames say slots with (request_wording.yaml): detail sentences, closing asks */
  wording: RequestWording;
}

/** Strandedness adjectives and constraint adverbials (request_wording.yaml). */
function strandPhrase(kb: Knowledge, strand: string, rng: Rng): string | null {
  const phrases = (kb.requestWording.strandedness as Record<string, string[] | undefined>)[strand];
  return phrases ? rng.pick(phrases) : null;
}

/** Common names that are not genome builds ("mouse", not "mm10"), so a sample phrase reads as English. */
function plainNames(kb: Knowledge, id: string): string[] {
  const o = kb.organismById.get(id);
  if (!o) return [id];
  const first = o.common_names[0]!;
  // the singular common name, adjectives ("murine") and the scientific name: no plurals, builds or abbreviations
  const names = o.common_names.filter((n) => n === first || (!(n.toLowerCase() in o.build_aliases) && !/[\d.]/.test(n) && !/s$/.test(n) && n !== 'mice' && !/^(patient|elegans|thaliana|cerevisiae|danio|gallus|oryza|falciparum)$/.test(n)));
  return [...names, first];
}

/** Common names without the plurals of other names ("dogs", "patients", "flies", "mice"). */
export function singularNames(names: readonly string[]): string[] {
  return names.filter((n) => n !== 'mice' && !names.some((m) => m !== n && (n === `${m}s` || n === `${m}es` || (m.endsWith('y') && n === `${m.slice(0, -1)}ies`))));
}

/** Numbers in a context sentence vary, as they do between real projects. */
function withNumbers(sentence: string, rng: Rng): string {
  return sentence
    .replace(/\b12 samples\b/, `${rng.pick([6, 8, 10, 12, 16, 18, 24, 32, 48])} samples`)
    .replace(/\babout 30 million\b/, `about ${rng.pick([20, 25, 30, 35, 40, 50, 60])} million`)
    .replace(/\b30x\b/, `${rng.pick([20, 25, 30, 35, 40, 60])}x`)
    .replace(/\bthree biological replicates\b/, `${rng.pick(['two', 'three', 'four', 'five', 'six'])} biological replicates`)
    .replace(/\bAbout 8,000 cells\b/, `About ${rng.pick(['5,000', '6,000', '8,000', '10,000', '12,000'])} cells`)
    .replace(/\babout 25x\b/, `about ${rng.pick([15, 20, 25, 30, 40])}x`)
    .replace(/\bAbout 200 sequences\b/, `About ${rng.pick([40, 80, 120, 200, 350, 600])} sequences`);
}

/** Whether a text names a platform other than `platform` (platform_names in compatibility.yaml). */
function namesOtherPlatform(kb: Knowledge, platform: string, text: string): boolean {
  return Object.entries(kb.compatibility.tables.platform_names).some(
    ([p, words]) => p !== platform && words.some((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text)),
  );
}

function context(intent: Intent, kb: Knowledge, rng: Rng, platform: string | undefined): string {
  const t = kb.compatibility.tables;
  const entry = t.analyses[intent.analysis_type];
  const own = (platform ? [platform] : (entry?.platforms ?? [])).flatMap((p) => t.platforms[p] ?? []);
  // the assay's own platform most of the time, a general remark otherwise
  const pool = own.length > 0 && rng.chance(0.7) ? own : (t.platforms.generic ?? own);
  return withNumbers(rng.pick(pool), rng);
}

function samplePhrases(intent: Intent, kb: Knowledge, rng: Rng): { sample: string | null; samples: string | null; source: string | null } {
  const org = intent.organism ? rng.pick(plainNames(kb, intent.organism.id)) : null;
  const value = intent.cell_type ?? intent.tissue;
  if (value === null) return org ? { sample: org, samples: `${org} ${rng.pick(['samples', 'samples', 'data'])}`, source: null } : { sample: null, samples: null, source: null };
  const field = intent.cell_type !== null ? 'cell_type' : 'tissue';
  const source = kb.compatibility.tables.sample_sources.find((s) => (s.value ?? s.id) === value && s.field === field);
  const phrase = source?.phrase ?? value;
  const sample = org ? `${org} ${phrase}` : phrase;
  const cells = source?.kind === 'cell_type' || source?.kind === 'cell_line';
  // "tissue" only after an organ: not "blood tissue", "tumor biopsy tissue" or "soil tissue"
  const organ = source?.kind === 'tissue' && !['blood', 'serum', 'tumor'].includes(source.id);
  const noun = cells ? '' : ` ${rng.pick(organ ? ['samples', 'samples', 'tissue', 'specimens'] : ['samples', 'samples', 'specimens'])}`;
  const tidy = (t: string) => t.replace(/(microbiome|water|soil|stool|rhizosphere|wastewater|gut) specimens$/, '$1 samples');
  // the organism after its samples, in the plural ("liver samples from mice", "T cells from patients"): never a
  // cell line ("HeLa cells from patients") and never as a modifier ("dogs kidney")
  const plural = intent.organism && source?.kind !== 'cell_line' ? kb.requestWording.plurals[intent.organism.id] : undefined;
  const samples = plural && rng.chance(0.3) ? `${tidy(`${phrase}${noun}`)} ${rng.pick(['from', 'from', 'taken from', 'collected from'])} ${plural}` : tidy(`${sample}${noun}`);
  return { sample, samples, source: tidy(`${phrase}${noun}`) };
}

/** How a request names its read layout, with read lengths the assay uses ('2x250 paired-end' for 16S amplicons). */
function layoutPhrase(intent: Intent, kb: Knowledge, rng: Rng): string | null {
  if (intent.read_layout !== 'paired' && intent.read_layout !== 'single') return null;
  const t = kb.compatibility.tables;
  return rng.pick((t.analyses[intent.analysis_type]?.layout_phrases ?? t.layout_phrases)[intent.read_layout]);
}

export function buildSlots(intent: Intent, kb: Knowledge, rng: Rng): Slots {
  const entry = kb.compatibility.tables.analyses[intent.analysis_type];
  // a type without a compatibility entry (none today) falls back to the parser-clean keywords
  const fallback = entry ? [] : analysisPhrases(kb, intent.analysis_type);
  // one platform per query: its phrases and context sentences name no other (ONT or PacBio, not both)
  // (a requested tool of one platform, such as Medaka, decides it)
  const named = intent.requested_tools.map((id) => kb.toolById.get(id)?.name ?? id).join(' ');
  const candidates = (entry?.platforms ?? []).filter((p) => !namesOtherPlatform(kb, p, named));
  const platform = candidates.length > 0 ? rng.pick(candidates) : entry?.platforms[0];
  const fits = (p: string) => platform === undefined || !namesOtherPlatform(kb, platform, p);
  const nouns = (entry?.phrases ?? []).filter(fits);
  const shorts = (entry?.short ?? []).filter(fits);
  const org = intent.organism ? kb.organismById.get(intent.organism.id) : undefined;
  // the organism slot is a modifier in the terse styles ("dog kidney", never "dogs kidney"): no plural names
  const common = org ? rng.pick(singularNames(org.common_names)) : (intent.organism?.id ?? null);
  const toolNames = intent.requested_tools.map((id) => kb.toolById.get(id)?.name ?? id);
  const { sample, samples, source } = samplePhrases(intent, kb, rng);
  const wording = kb.requestWording;
  const slots: Omit<Slots, 'study' | 'wording'> = {
    analysis: rng.pick(nouns.length > 0 ? nouns : (entry?.phrases ?? fallback)),
    analysisShort: rng.pick(shorts.length > 0 ? shorts : (entry?.short ?? fallback)),
    organism: common,
    organismFormal: org ? `${org.scientific_name} (${org.genome_build})` : common,
    tissue: intent.tissue,
    cellType: intent.cell_type,
    sample,
    samples,
    source,
    layout: layoutPhrase(intent, kb, rng),
    strand: strandPhrase(kb, intent.strandedness, rng),
    // the parser reads each of these joiners back as the same two groups
    comparison: intent.comparison ? intent.comparison.groups.join(` ${rng.pick(wording.comparison_joiners)} `) : null,
    tools: toolNames.length ? toolNames.join(rng.chance(0.5) ? ' and ' : ', ') : null,
    constraints: intent.constraints.length
      ? intent.constraints.map((c) => (wording.constraints[c] ? rng.pick(wording.constraints[c].phrases) : c.replace(/_/g, ' '))).join(' and ')
      : null,
    constraintsAreLimits: intent.constraints.every((c) => wording.constraints[c]?.limit === true),
    context: context(intent, kb, rng, platform),
  };
  // study remarks state the read length the layout phrase gives ('2x100 paired-end'), if it gives one
  return { ...slots, wording, study: studyClauses(intent, kb, rng, platform, intent.comparison !== null, statedReadLength(slots.layout)) };
}

/** The read length a layout phrase names: 2x150, PE150, SE50, 1x75. */
export function statedReadLength(layout: string | null): string | null {
  return layout?.match(/(?<![\w.])(?:\dx|PE|SE)(\d{2,3})(?!\d)/i)?.[1] ?? null;
}

export { article } from './articles';

/** Joins the non-empty parts with single spaces and tidies punctuation. */
export function sentence(...parts: (string | null | undefined | false)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim().length > 0)
    .join(' ')
    .replace(/\s+([,.?!;)]|:(?!\)))/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/,\s*([;:])(?!\))/g, '$1')
    .replace(/;\s*[,;]/g, ';')
    .replace(/\.\s*\./g, '.')
    .replace(/([,;:])\s*([.?!])/g, '$2')
    // dashes that set off a part: one between parts, none before a comma or stop or at the end
    .replace(/(\s[-–])(\s+[-–])+(?=\s|$)/g, '$1')
    .replace(/,\s*([-–]\s)/g, ' $1')
    .replace(/\s[-–]\s*([,.?!])/g, '$1')
    .replace(/,\s*(:\))/g, ' $1')
    // a bracket after a comma stands alone: "treated vs control (paired-end reads)", not "control, (paired-end"
    .replace(/,\s*\(/g, ' (')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A whole query: no comma, semicolon or dash left hanging at its end. */
export const finish = (text: string): string => text.replace(/[\s,;\-–]+$/, '');

/** The non-empty values joined by a separator: no separator stands around a missing slot. */
export function list(separator: string, ...values: (string | null | undefined)[]): string {
  return values.filter((v): v is string => typeof v === 'string' && v.trim().length > 0).join(separator);
}

export const opt = (value: string | null, render: (v: string) => string): string | null => (value ? render(value) : null);
