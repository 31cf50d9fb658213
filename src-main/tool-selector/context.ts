import type { Intent } from '../../src-preload/schemas/intent';
import { hostOf } from '../knowledge/host';
import type { Knowledge, SampleSheet } from '../knowledge/schemas';
import type { AmpliconRegion, Platform as PlatformEntry, RequestFocus } from '../knowledge/selection';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordMatcher = (words: readonly string[]) => new RegExp(`(?<![a-z0-9])(?:${words.map(escapeRe).join('|')})(?![a-z0-9])`, 'i');
// one matcher per keyword list (an entry's keywords, a platform's two-colour instruments), built on first use
const matchers = new WeakMap<readonly string[], RegExp>();
function namesAny(words: readonly string[], text: string): boolean {
  let m = matchers.get(words);
  if (!m) {
    m = wordMatcher(words);
    matchers.set(words, m);
  }
  return m.test(text);
}
const matches = (entry: { keywords: string[] }, text: string) => namesAny(entry.keywords, text);
// one matcher per single word (requestRegion tests each keyword alone), built on first use
const wordMatchers = new Map<string, RegExp>();
function namesWord(word: string, text: string): boolean {
  let m = wordMatchers.get(word);
  if (!m) {
    m = wordMatcher([word]);
    wordMatchers.set(word, m);
  }
  return m.test(text);
}

/** The sequencing platform of a request: named in its text, else the data type's default, else Illumina. */
export function requestPlatform(intent: Pick<Intent, 'data_type'>, kb: Knowledge, text = ''): PlatformEntry {
  const { platforms } = kb.selection;
  const long = intent.data_type?.startsWith('long_read') ?? false;
  const named = platforms.filter((p) => matches(p, text));
  // a long-read analysis named with a long-read platform; an Illumina run mentioned beside it does not make it short-read
  const fitting = named.find((p) => (p.read_kind === 'long') === long) ?? (long ? undefined : named[0]);
  if (fitting) return fitting;
  return platforms.find((p) => intent.data_type != null && p.default_for.includes(intent.data_type)) ?? platforms.find((p) => p.default)!;
}

/** Whether the request names a two-colour instrument of its short-read platform (NovaSeq, NextSeq). */
export function twoColourRun(kb: Knowledge, text = ''): boolean {
  return kb.selection.platforms.some((p) => p.read_kind === 'short' && p.two_colour_keywords.length > 0 && namesAny(p.two_colour_keywords, text));
}

/** The platform the text names, if any (long-read platforms first). */
export function namedPlatform(kb: Knowledge, text = ''): PlatformEntry | null {
  const named = platformsNamed(kb, text);
  return named.find((p) => p.read_kind === 'long') ?? named[0] ?? null;
}

/** Every platform the text names, in file order. */
export function platformsNamed(kb: Knowledge, text = ''): PlatformEntry[] {
  return kb.selection.platforms.filter((p) => matches(p, text));
}

/** Whether the request's text names a platform (else the platform is the data type's default). */
export function platformStated(kb: Knowledge, text = ''): boolean {
  return kb.selection.platforms.some((p) => matches(p, text));
}

/**
 * Every focus a request gives its analysis (a targeted panel and MSI in one somatic request), in file order: by its
 * wording, or for an `any_organism` focus by the organism it names (a metagenome's host), or for an `organism_fact`
 * focus by a fact of that organism (a plant's methylation contexts).
 */
export function requestFocuses(intent: Pick<Intent, 'analysis_type' | 'organism'> & { tissue?: string | null; requested_tools?: readonly string[] }, kb: Knowledge, text = ''): RequestFocus[] {
  // a named tool whose name is a focus's keyword asks for that focus (MetaBAT2 or CheckM2 named: MAGs, binned from a co-assembly)
  const named = (intent.requested_tools ?? []).map((id) => kb.toolById.get(id)?.name ?? '').join(' ');
  const facts = (intent.organism ? kb.organismById.get(intent.organism.id)?.facts : undefined) as Record<string, unknown> | undefined;
  // a host-associated community's host is sample context (settleIntent), not the intent's organism
  const host = intent.organism !== null || hostOf({ analysis_type: intent.analysis_type, tissue: intent.tissue ?? null }, kb) !== undefined;
  const byOrganism = (f: RequestFocus) => (f.any_organism && host) || (f.organism_fact !== undefined && facts?.[f.organism_fact] !== undefined);
  return kb.selection.focus.filter((f) => f.analysis_type === intent.analysis_type && (matches(f, text) || (named !== '' && matches(f, named)) || byOrganism(f)));
}

/** The focus a request's wording gives its analysis (piRNA in small RNA-seq), if any: the first in request_focus.yaml. */
export function requestFocus(intent: Pick<Intent, 'analysis_type' | 'organism'> & { tissue?: string | null; requested_tools?: readonly string[] }, kb: Knowledge, text = ''): RequestFocus | null {
  return requestFocuses(intent, kb, text)[0] ?? null;
}

/** Sequencing platform of the reads: short reads, Oxford Nanopore, PacBio HiFi. */
export type Platform = 'illumina' | 'ont' | 'hifi';


/** The platform of a request as the commands' presets know it: named in the text, else the data type's default (requestPlatform). */
export function platformOf(intent: Intent, kb: Knowledge, text = ''): Platform {
  const id = requestPlatform(intent, kb, text).id;
  return id === 'ont' || id === 'hifi' ? id : 'illumina';
}

/** The files a workflow reads: where `params.reads` points and what they are. */
export interface ReadInput {
  /** `fasta` sequences, `long` reads (one FASTQ per sample), short reads `paired` or `single` */
  kind: 'fasta' | 'long' | 'paired' | 'single';
  /** the reads' glob, or the sample sheet's path */
  glob: string;
  /** the analysis type's reason when its library, not the request, decides the input (analysis_types.yaml `input`) */
  fixed: string | undefined;
  /** samples come from a sample sheet (`params.input`) with per-sample files and values beside the reads */
  samplesheet?: SampleSheet;
}

/** What the workflow reads for this request on this platform: FASTA, long reads, or short reads in the layout the library or the request gives. */
export function readInput(intent: Intent, kb: Knowledge, platform: Platform): ReadInput {
  const input = kb.analysisTypeById.get(intent.analysis_type)?.input;
  if (input?.format === 'fasta') return { kind: 'fasta', glob: 'data/*.fasta', fixed: input.why };
  if (platform !== 'illumina') return { kind: 'long', glob: 'data/*.fastq.gz', fixed: undefined };
  const paired = input?.layout ? input.layout === 'paired' : intent.read_layout !== 'single';
  const fixed = input?.layout ? input.why : undefined;
  if (input?.samplesheet) return { kind: paired ? 'paired' : 'single', glob: input.samplesheet.default, fixed, samplesheet: input.samplesheet };
  return { kind: paired ? 'paired' : 'single', glob: paired ? 'data/*_R{1,2}.fastq.gz' : 'data/*.fastq.gz', fixed };
}

/**
 * The marker-gene region a request names (V4, V3-V4, ITS1, or its primers), from amplicon_regions.yaml: the
 * region of this analysis with most keywords in the text, then the longest keyword ("V3-V4" over "V4"); null
 * when the text names none, and then no primers are assumed.
 */
export function requestRegion(intent: Pick<Intent, 'analysis_type'>, kb: Knowledge, text = ''): AmpliconRegion | null {
  let best: { region: AmpliconRegion; count: number; longest: number } | null = null;
  for (const region of kb.selection.ampliconRegions) {
    if (region.analysis_type !== intent.analysis_type) continue;
    const hits = region.keywords.filter((k) => namesWord(k, text));
    if (!hits.length) continue;
    const score = { region, count: hits.length, longest: Math.max(...hits.map((h) => h.length)) };
    if (!best || score.count > best.count || (score.count === best.count && score.longest > best.longest)) best = score;
  }
  return best?.region ?? null;
}

/**
 * The read length a request names (2x150, PE100, 1x75, "50 bp reads", "read length is 150 bp", "Read length: 50 bp", "the reads are 100 bp"), in bases; null
 * when it names none. An insert size ("inserts around 350 bp") is not a read length.
 */
export function requestReadLength(text = ''): number | null {
  const patterns = [
    /(?<![a-z0-9])\d\s*x\s*(\d{2,3})(?![0-9])/i,
    /(?<![a-z0-9])(?:PE|SE)\s?(\d{2,3})(?![0-9])/i,
    /(?<![a-z0-9])(\d{2,3})[- ]?(?:bp|nt|bases?)[- ](?:reads?|paired|single)/i,
    // 'Read length: 50 bp', 'read length 75', 'read length is about 150'
    /read length[: ]+(?:is |of |was )?(?:about |around |~)?(\d{2,3})(?![0-9])/i,
    // 'The reads are 100 bp', 'reads of 150 bp' (an insert or fragment size names no reads)
    /\breads? (?:are|were|of) (?:about |around |~)?(\d{2,3}) ?(?:bp|nt|bases?)\b/i,
    // 'Length: 100 bp' in a request's list of details (not a fragment, insert or amplicon length)
    /(?<!(?:fragment|insert|amplicon|peak) )\blength: (\d{2,3}) ?(?:bp|nt)\b/i,
    // 'sequenced 75bp single-end', 'with 150 bp reads'
    /(?<![a-z0-9])(\d{2,3}) ?(?:bp|nt) (?:single|paired|SE\b|PE\b)/i,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}
