import type { Intent } from '../../src-preload/schemas/intent';
import { settleIntent } from '../knowledge/settle-intent';
import { type AnalysisType, CJK, type Knowledge } from '../knowledge/schemas';
import { parseComparison } from './comparison';
import { foldAccents, type Lexicon, lexiconFor } from './lexicon';
import { type ConfidenceFeatures, confidenceFrom } from './confidence';
import { evidenceOf } from './confidence-evidence';
import { requestKindOf } from './request-kind';
import { TECHNICAL_WORDS } from './request-kind-cues';
import {
  ASSAY_FAMILIES,
  ASSAY_HEADS,
  ASSAY_OUTRANKS,
  ASSAY_ASIDE_BEFORE,
  ASSAY_NEEDED_BEFORE,
  ASSAY_NEEDED_NOW,
  ASSAY_ONLY_NOW,
  ASSAY_SET_ASIDE,
  ASSEMBLY_ASKED,
  CASED_ABBREVIATIONS,
  CONDITION_WORDS,
  CYRILLIC_TO_QWERTY,
  DESIGN_CUE_SHARE,
  EXOME,
  GERMLINE_CONTEXT,
  HISTONE_MARK,
  isDesignCue,
  LONG_READ_TECH,
  LONG_READ_TYPES,
  LOW_MEMORY_GB,
  MARKER_METAGENOMICS,
  MEMORY_BUDGET,
  MICROBIAL_ANALYSES,
  MULTI_ASSAY,
  NEGATED_LONG_READS,
  NOT_A_CONSTRAINT,
  PATIENT_WORDS,
  READ_GEOMETRY,
  SOMATIC_CONTEXT,
  SPECIFIC_TOOL_TYPES,
  TISSUE_PRIORITY,
  TOOL_CATEGORY_OF,
  TOOL_CATEGORY_WORDS,
  TRANSCRIPTOME,
  TREE_ASKED,
  TUMOUR_STATUS,
  VARIANT_WORDS,
} from './vocabulary';

const MAX_QUERY = 20_000;
const NON_ASCII = /[^\u0000-\u007f]/;
const TOOL_VOTE = 0.5;
/** what a named tool adds to its primary analysis (the first it lists) when nothing else names an analysis */
const TOOL_ALONE_VOTE = 0.5;
/** (defined with the vocabulary, which the confidence evidence reads too) */
export { SPECIFIC_TOOL_TYPES };
/** a tool's primary analysis breaks ties between the analyses it serves */
const TOOL_PRIMARY_BONUS = 0.05;
/** what a long-read technology word adds to each long-read analysis */
const TECH_VOTE = 0.3;
/** what a tool category named ('assembler') adds, shared among the analyses of that category's tools by how many serve each */
const CATEGORY_VOTE = 0.5;
/** what a histone mark no keyword lists adds to ChIP-seq: a generic keyword's weight, which a CUT&RUN or CUT&Tag word outweighs */
const HISTONE_MARK_VOTE = 0.4;

/** Tool categories whose step nearly every sequencing analysis runs first: read trimming, read QC, reports. */
const SHARED_STEP_CATEGORIES = new Set(['trimming', 'quality_control', 'reporting']);
/** A tool that is a required step of this many analyses' pipelines or more is a step they share ('BQSR', 'BUSCO'). */
const SHARED_STEP_ANALYSES = 3;
const requiredByCache = new WeakMap<Knowledge, Map<string, number>>();
/** How many analyses' default pipelines (required_tools of analysis_types.yaml) run each tool. */
function requiredBy(kb: Knowledge): Map<string, number> {
  let hit = requiredByCache.get(kb);
  if (!hit) {
    hit = new Map();
    for (const t of kb.analysisTypes) for (const id of t.required_tools) hit.set(id, (hit.get(id) ?? 0) + 1);
    requiredByCache.set(kb, hit);
  }
  return hit;
}

/**
 * A question about a step several analyses share, named by its tool alone ('what does BQSR do to my base qualities?',
 * 'what does BUSCO completeness mean?'): the concept belongs to no one analysis, so the labelled convention (and the
 * answer) leaves the analysis type unknown. A tool most analyses do not run ('how does MACS2 estimate the fragment
 * size?') still names its analysis.
 */
function asksAboutSharedStep(kind: string, keywords: readonly KeywordMatch[], tools: readonly string[], kb: Knowledge): boolean {
  if (keywords.length > 0 || tools.length === 0) return false;
  const by = requiredBy(kb);
  if (kind === 'explanation') return tools.every((id) => (by.get(id) ?? 0) >= SHARED_STEP_ANALYSES);
  // tool advice weighing general tools against each other ('fastp vs cutadapt, which trimmer is fastest?'): tools that
  // serve more than a few analyses name none of them
  // an error of a read trimmer, QC or report tool every assay runs ('cutadapt: error: reads are improperly paired')
  if (kind === 'troubleshooting')
    return tools.every((id) => {
      const tool = kb.toolById.get(id);
      return tool !== undefined && SHARED_STEP_CATEGORIES.has(tool.category);
    });
  if (kind === 'tool_advice')
    return tools.every((id) => {
      const tool = kb.toolById.get(id);
      return tool !== undefined && (SHARED_STEP_CATEGORIES.has(tool.category) || tool.analysis_types.length > SPECIFIC_TOOL_TYPES);
    });
  return false;
}

const categoryCache = new WeakMap<Knowledge, Map<string, [string, number][]>>();
/** Tool category noun -> the analyses its tools serve, with the share of the category's tools serving each. */
function categoryAnalyses(kb: Knowledge): Map<string, [string, number][]> {
  let hit = categoryCache.get(kb);
  if (!hit) {
    hit = new Map();
    for (const [noun, category] of TOOL_CATEGORY_OF) {
      const tools = kb.tools.filter((t) => t.category === category);
      const count = new Map<string, number>();
      for (const t of tools) for (const a of t.analysis_types) count.set(a, (count.get(a) ?? 0) + 1);
      hit.set(noun, [...count].map(([a, n]) => [a, n / tools.length]));
    }
    categoryCache.set(kb, hit);
  }
  return hit;
}

/**
 * Lowercase, unify dashes and spaces, fold accents, rejoin phrases written as one token or hyphenated ('denovo',
 * 'de-novo' -> 'de novo'), and correct misspelled domain words.
 */
export function normalize(query: string, lex: Lexicon): { text: string; corrections: number; foreign: boolean } {
  const head = retyped(query.slice(0, MAX_QUERY), lex);
  // full-width and other compatibility characters ('ＲＮＡ－ｓｅｑ', 'ｖｓ', 'CUT＆RUN') read as their plain forms, and
  // accented letters as the knowledge base's other-language words are matched ('metagenómica', 'ratón' not 'rat')
  const base = (NON_ASCII.test(head) ? foldAccents(head.normalize('NFKC')) : head)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    // a cell one letter short is too short for the corrector, yet unambiguous after 'single'
    .replace(/\bsingle[- ]cel\b/g, 'single cell')
    // so is 'small' one letter out ('smll', 'sall', 'smal'), yet unambiguous before 'RNA'
    .replace(/\b(?:smll|smal|sall)(?=[- ]rna\b)/g, 'small')
    // a French keyboard's a typed as q ('cut&tqg dqtq'): a word with a q no u follows, unknown as written, that is
    // made of known words with its q read as a
    .replace(Q_FOR_A, (w) => {
      const parts = (x: string) => x.split(/[^a-z0-9]+/).filter(Boolean);
      const known = (x: string) => lex.knownWords.has(x) || (x.endsWith('s') && lex.knownWords.has(x.slice(0, -1)));
      if (w.replace(/&/g, '').length < 3 || parts(w).every(known)) return w;
      const a = w.replace(/q/g, 'a');
      return parts(a).every(known) ? a : w;
    })
    .trim();
  const spell = (protect: (at: number) => boolean) => {
    let corrections = 0;
    let foreign = false;
    const text = base.replace(TOKEN, (token: string, at: number) => {
      // a compound of another language written with a hyphen ('exom-sequenzierung') shows its words too
      if (lex.foreignWords.has(token) || (token.includes('-') && token.split('-').some((w) => lex.foreignWords.has(w)))) foreign = true;
      const spelled = lex.joined.get(token.includes('-') ? token.replace(/-/g, '') : token);
      if (spelled !== undefined && !lex.phraseTokens.has(token)) return spelled;
      if (protect(at)) return token;
      const fixed = lex.fuzzy.correct(token);
      if (fixed) corrections++;
      return fixed ?? token;
    });
    return { text, corrections, foreign };
  };
  const first = spell(() => false);
  // kana and ideographs have no word of the corrector's, and are looked for among the other-language words
  if (!first.foreign && !(NON_ASCII.test(base) && CJK.test(base))) return first;
  // a phrase of another language ('expresión diferencial') keeps its words: 'expresion' is no misspelled 'expression'
  const phrases = lex.foreignPhrases.find(base);
  const { text, corrections } = spell((at) => phrases.some((m) => at >= m.index && at < m.end));
  return { text, corrections, foreign: true };
}

/** A word with a q that no u follows ('tqg', 'dqtq'), '&' kept inside it ('cut&tqg'). */
const Q_FOR_A = /(?<![a-z0-9&])[a-z&]*q(?!u)[a-z&]*(?![a-z0-9&])/g;

/**
 * A word typed with the Russian layout switched on ('ьщгыу' for 'mouse'): read as its Latin keys when those make a
 * word the parser knows; Russian words are left as they are. Done before accents are folded, which would turn 'й' into 'и'.
 */
function retyped(query: string, lex: Lexicon): string {
  if (!/[\u0400-\u04ff]/.test(query)) return query;
  return query.replace(/[\u0400-\u04ff]+/g, (w) => {
    const latin = [...w.toLowerCase()].map((c) => CYRILLIC_TO_QWERTY[c] ?? '').join('');
    return latin.length === w.length && lex.knownWords.has(latin) ? latin : w;
  });
}

/** A token the corrector and the rejoiner look at: a word of 4+ letters or digits, hyphens inside. */
const TOKEN = /[a-z0-9][a-z0-9-]{2,}[a-z0-9]/g;

/**
 * Between two tool names: the user weighs one against the other ("salmon or kallisto", "STAR vs HISAT2", "IQ-TREE 2
 * or RAxML-NG" with a version after the first, "Arriba o STAR-Fusion", "ou", "oder", "oppure").
 */
const TOOL_ALTERNATIVE = /^[\s,]*(?:v?\d+(?:\.\d+)*[\s,]+)?(?:or|vs\.?|versus|o|ou|oder|oppure)[\s,]*$/;

/** A tool, then 'or'/'vs' and one more name, then the end of the choice ('Kraken2 or Centrifuger for gut data'). */
const TOOL_ALTERNATIVE_UNKNOWN_AFTER = /^\s*(?:v?\d+(?:\.\d+)*\s*)?(or|vs\.?|versus)\s+([a-z][a-z0-9.+-]{2,}[a-z0-9])(?=\s*(?:\?|$|,|:|\s(?:for|on|in|inside|with|to|when)\b))/;
/** One name, then 'or'/'vs' before a tool, at the start of the request or of a clause ('deblur or DADA2 ...'). */
const TOOL_ALTERNATIVE_UNKNOWN_BEFORE = /(?:^|[,:;(]\s*)([a-z][a-z0-9.+-]{2,}[a-z0-9])\s+(or|vs\.?|versus)\s*$/;

/**
 * Tools the user named, minus those they rejected ("X instead of Y", "not Y", "rather than Y"), and whether two of
 * them are named as alternatives.
 */
function requestedTools(text: string, lex: Lexicon): { tools: string[]; choice: boolean; versus: boolean } {
  const out: string[] = [];
  let choice = false;
  let versus = false;
  let prevEnd = -1;
  const unknownName = (w: string | undefined) => w !== undefined && !lex.knownWords.has(w) && !lex.knownWords.has(w.replace(/\d+$/, ''));
  for (const m of lex.tools.find(text)) {
    const between = prevEnd >= 0 ? text.slice(prevEnd, m.index) : '';
    if (prevEnd >= 0 && TOOL_ALTERNATIVE.test(between)) {
      choice = true;
      if (/\b(?:vs\.?|versus)\s*$/.test(between)) versus = true;
    }
    // one side of the choice a tool the catalogue does not know ('Kraken2 or Centrifuger for ...', 'BAGEL2 or MAGeCK?')
    const nextName = TOOL_ALTERNATIVE_UNKNOWN_AFTER.exec(text.slice(m.end));
    const prevName = TOOL_ALTERNATIVE_UNKNOWN_BEFORE.exec(text.slice(0, m.index));
    if (unknownName(nextName?.[2]) || unknownName(prevName?.[1])) {
      choice = true;
      if (/^(?:vs|versus)/.test(nextName?.[1] ?? prevName?.[2] ?? '')) versus = true;
    }
    prevEnd = m.end;
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    if (/(instead of|rather than|\bnot|\bno|\bwithout|\bover)\s+$/.test(before)) continue;
    if (!out.includes(m.value)) out.push(m.value);
  }
  return { tools: out, choice, versus };
}

/**
 * Tools whose name the request uses as an everyday word (tools.yaml everyday): every mention inside a phrase that
 * means something else ('Atlantic salmon gut contents'), or words of the everyday sense beside it ('orange juice',
 * 'painting') in a request with no sequencing vocabulary and no analysis word but tool names.
 */
function everydayTools(text: string, tools: readonly string[], keywords: readonly KeywordMatch[], lex: Lexicon): Set<string> {
  const out = new Set<string>();
  if (tools.length === 0) return out;
  const phrases = lex.everydayPhrases.find(text);
  if (phrases.length > 0)
    for (const id of tools) {
      const mentions = lex.tools.find(text).filter((m) => m.value === id);
      if (mentions.every((m) => phrases.some((p) => p.value === id && m.index >= p.index && m.end <= p.end))) out.add(id);
    }
  const words = lex.everydayWords.find(text);
  if (words.length > 0 && !TECHNICAL_WORDS.test(text) && keywords.every((k) => lex.toolOfName.has(k.phrase)))
    for (const w of words) if (tools.includes(w.value)) out.add(w.value);
  return out;
}

interface Scored {
  type: string;
  score: number;
}

type KeywordMatch = ReturnType<Lexicon['keywords']['find']>[number];

/** The analyses a named assay outranks here (ASSAY_OUTRANKS) whose own specific keywords the request names too. */
function outrankedAssays(text: string, keywords: readonly KeywordMatch[]): Set<string> {
  const out = new Set<string>();
  for (const o of ASSAY_OUTRANKS)
    if (keywords.some((m) => !m.value.generic && m.value.types.length === 1 && m.value.types[0] === o.assay) && !o.unless?.test(text)) for (const t of o.siblings) out.add(t);
  return out;
}

function scoreTypes(query: string, text: string, keywords: readonly KeywordMatch[], tools: string[], kb: Knowledge): Scored[] {
  const scores = new Map<string, number>();
  const add = (t: string, w: number) => scores.set(t, (scores.get(t) ?? 0) + w);
  // a named assay outranks the study's context: design cues ('a time course') count a share of their weight next
  // to it, and a tumour named as the sample of another assay ('a spatial pipeline for tumour biopsies') not at all
  // (variant calling on it still turns somatic in refineType)
  const assays = keywords.filter((m) => !isDesignCue(m.phrase));
  const otherAssay = assays.some((m) => !m.value.types.includes('somatic_variants'));
  // an assay named outranks the sibling whose target words it shares (ASSAY_OUTRANKS)
  const outranked = outrankedAssays(text, keywords);
  for (const m of keywords) {
    const somaticOnly = m.value.types.length === 1 && m.value.types[0] === 'somatic_variants';
    if (otherAssay && somaticOnly && ((m.value.generic && SOMATIC_CONTEXT.test(m.phrase)) || TUMOUR_STATUS.test(m.phrase))) continue;
    const share = assays.length > 0 && isDesignCue(m.phrase) ? DESIGN_CUE_SHARE : 1;
    for (const t of m.value.types) if (!outranked.has(t)) add(t, m.value.weight * share);
  }
  for (const [re, t] of CASED_ABBREVIATIONS) if (re.test(query)) add(t, 1);
  // a histone mark the keywords do not list ('H3K36me3', 'H4K20me1') names chromatin profiling, as a generic word would
  if (HISTONE_MARK.test(text) && !keywords.some((m) => HISTONE_MARK.test(m.phrase)) && !outranked.has('chip_seq')) add('chip_seq', HISTONE_MARK_VOTE);
  // the platform first, so a long-read tool named with it ("minimap2 my ONT reads") adds to the long-read analyses
  if (LONG_READ_TECH.test(text)) for (const t of LONG_READ_TYPES) add(t, TECH_VOTE);
  // a tool category named ('which assembler for ultra-long ONT reads'): the analyses its tools serve, with the platform
  const nouns = text.search(TOOL_CATEGORY_WORDS) >= 0 ? new Set([...text.matchAll(TOOL_CATEGORY_WORDS)].map((m) => m[1]!)) : [];
  for (const noun of nouns) for (const [t, share] of categoryAnalyses(kb).get(noun) ?? []) add(t, CATEGORY_VOTE * share);
  if (scores.size > 0) {
    // only words several analyses share were named ('the wgs BAM'): a tool for a few analyses none of them names
    // names the analysis as a tool made for one does
    const genericOnly = keywords.length > 0 && keywords.every((m) => m.value.generic);
    for (const id of tools) {
      const specific = kb.toolById.get(id)?.analysis_types ?? [];
      // a tool made for one analysis that none of the words name ('cnvkit on tumour exomes'): the words describe
      // the data, the tool names the analysis, as much as a keyword would
      // (a step several analyses share, 'BUSCO', 'fastp', names none of them)
      const shared = SHARED_STEP_CATEGORIES.has(kb.toolById.get(id)?.category ?? '') || (requiredBy(kb).get(id) ?? 0) >= SHARED_STEP_ANALYSES;
      const alone = specific.length === 1 || (genericOnly && !shared && specific.length <= SPECIFIC_TOOL_TYPES);
      if (alone && specific.length > 0 && !specific.some((t) => scores.has(t))) add(specific[0]!, TOOL_ALONE_VOTE + TOOL_VOTE + TOOL_PRIMARY_BONUS);
      specific.forEach((t, i) => {
        if (scores.has(t)) add(t, TOOL_VOTE / specific.length + (i === 0 ? TOOL_PRIMARY_BONUS : 0));
      });
    }
  } else {
    // a named tool alone still points at its analyses: a specific tool at its primary one
    for (const id of tools) {
      const types = (kb.toolById.get(id)?.analysis_types ?? []).filter((t) => t !== 'somatic_variants' || SOMATIC_CONTEXT.test(text));
      if (types.length === 0) continue;
      if (types.length <= SPECIFIC_TOOL_TYPES) add(types[0]!, TOOL_ALONE_VOTE);
      for (const t of types) add(t, (TOOL_VOTE * 0.6) / types.length);
    }
  }
  return [...scores].map(([type, score]) => ({ type, score })).sort((a, b) => b.score - a.score || a.type.localeCompare(b.type));
}

/** The analysis keywords of the text, less a metagenomics word that names a marker-gene survey ('16S metagenomics'). */
function keywordsOf(text: string, lex: Lexicon, foreign: boolean): KeywordMatch[] {
  const found = (foreign ? lex.keywordsWithForeign : lex.keywords).find(text);
  if (!text.includes('metagenom')) return found;
  const surveys = [...text.matchAll(MARKER_METAGENOMICS)].map((m) => [m.index, m.index + m[0].length] as const);
  if (surveys.length === 0) return found;
  return found.filter((m) => !(m.phrase.startsWith('metagenom') && surveys.some(([a, b]) => m.index >= a && m.end <= b)));
}

/**
 * The request's analysis words only describe its data (data_hints of compatibility.yaml: 'long reads', 'non-model
 * organism') and no tool it names serves few analyses: it states no analysis ("long reads rice"), so the parse is
 * under-specified (analysis type unknown, asked for in missing_information) whatever those words lean towards.
 */
function describesDataOnly(query: string, keywords: readonly KeywordMatch[], tools: readonly string[], lex: Lexicon, kb: Knowledge): boolean {
  if (keywords.length === 0 || keywords.some((m) => !lex.dataHints.has(m.phrase))) return false;
  if (CASED_ABBREVIATIONS.some(([re]) => re.test(query))) return false;
  return !tools.some((id) => (kb.toolById.get(id)?.analysis_types.length ?? 0) <= SPECIFIC_TOOL_TYPES);
}

/** The assay families a piece of text names (a marker-gene survey called metagenomics is one amplicon assay). */
function familiesIn(text: string, heads = false): Set<string> {
  const assays = text.includes('metagenom') ? text.replace(MARKER_METAGENOMICS, ' 16s ') : text;
  const out = new Set<string>();
  for (const [family, re] of ASSAY_FAMILIES) if (re.test(assays)) out.add(family);
  if (heads) for (const [family, re] of ASSAY_HEADS) if (re.test(assays)) out.add(family);
  return out;
}

/** Two assay families in one request, or a multi-assay word: the request integrates them. */
function namesSeveralAssays(text: string): boolean {
  return MULTI_ASSAY.test(text) || familiesIn(text).size >= 2;
}

/** Where the clause ending at `at` starts: after the last clause break (. ; , ! ? or a dash), at most `max` characters back. */
function clauseStart(text: string, at: number, max: number): number {
  let i = at;
  while (i > 0 && at - i < max && !/[.;,!?\u2014]/.test(text[i - 1]!)) i--;
  return i;
}

const globalCache = new Map<RegExp, RegExp>();
const globally = (re: RegExp) => {
  const hit = globalCache.get(re);
  if (hit) return hit;
  const g = new RegExp(re.source, 'g');
  globalCache.set(re, g);
  return g;
};

/**
 * A request naming several assays that says which one it needs now ('for now I only need the expression part',
 * 'ignore the 16S for now', 'the scRNA is only a reference'): the analysis is that assay's, read from the words
 * left once the assays set aside (their clause, and every mention of their family) are dropped and, when a clause
 * names what is needed, from that clause's words if it has any. Null when the request says nothing of the kind, or
 * when what is left still names several assays.
 */
function assayNeededNow(text: string, keywords: readonly KeywordMatch[], several: boolean): KeywordMatch[] | null {
  if (!/\b(?:only|just|mainly|mostly|primarily|first|start|starting|begin|focus|focusing|ignore|already|later|care|need|want|finished|done|complete|completed|now|today|request|round)\b/.test(text)) return null;
  const aside: [number, number][] = [];
  const asideFamilies = new Set<string>();
  const setAside = (named: string, span: [number, number]) => {
    const families = familiesIn(named, true);
    if (families.size === 0) return;
    aside.push(span);
    for (const f of families) asideFamilies.add(f);
  };
  for (const m of text.matchAll(ASSAY_SET_ASIDE)) setAside(m[1] ?? m[2] ?? '', [m.index, m.index + m[0].length]);
  for (const m of text.matchAll(ASSAY_ASIDE_BEFORE)) {
    const from = clauseStart(text, m.index, 30);
    setAside(text.slice(from, m.index), [from, m.index + m[0].length]);
  }
  // every mention of a family set aside goes with it ('a matched scRNA-seq reference ... the scRNA is only a reference')
  for (const [family, re] of [...ASSAY_FAMILIES, ...ASSAY_HEADS])
    if (asideFamilies.has(family)) for (const m of text.matchAll(globally(re))) aside.push([m.index, m.index + m[0].length]);
  const needed: [number, number][] = [];
  for (const m of text.matchAll(ASSAY_NEEDED_NOW)) needed.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  for (const m of text.matchAll(ASSAY_NEEDED_BEFORE)) needed.push([clauseStart(text, m.index, 60), m.index]);
  // 'only the Hi-C', 'for now: ... the ChIP-seq part': read only when several assays are named
  if (several) for (const m of text.matchAll(ASSAY_ONLY_NOW)) needed.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  if (aside.length === 0 && needed.length === 0) return null;
  const inside = (spans: [number, number][], k: { index: number; end: number }) => spans.some(([a, b]) => k.index >= a && k.end <= b);
  let kept = keywords.filter((k) => !inside(aside, k));
  const inNeeded = kept.filter((k) => inside(needed, k));
  if (inNeeded.length > 0) kept = inNeeded;
  let rest = '';
  let at = 0;
  for (const [a, b] of [...aside].sort((x, y) => x[0] - y[0])) {
    if (a < at) {
      at = Math.max(at, b);
      continue;
    }
    rest += `${text.slice(at, a)} , `;
    at = b;
  }
  rest += text.slice(at);
  const restText = inNeeded.length > 0 ? needed.map(([a, b]) => text.slice(a, b)).join(' , ') : rest;
  if (kept.length === 0 || namesSeveralAssays(restText)) return null;
  return kept;
}

/** Technology words move short-read analyses to their long-read or exome counterparts. */
function refineType(chosen: string, text: string, keywords: readonly KeywordMatch[], noReference: boolean): string {
  let type = chosen;
  // a long-read RNA assay named by a keyword of its own ('full-length transcripts', 'direct RNA') is the technology,
  // as a platform word is: a splicing or expression goal next to it is read on long reads
  const longRnaAssay = keywords.some((m) => !m.value.generic && m.value.types.length === 1 && m.value.types[0] === 'long_read_rnaseq');
  const longRead = LONG_READ_TECH.test(text) || ((type === 'rna_seq_de' || type === 'alternative_splicing') && longRnaAssay);
  // 'HiFi whole genome of a bird, assemble it': the whole genome is the data, the assembly the analysis
  if ((type === 'wgs_germline_variants' || type === 'long_read_variants') && ASSEMBLY_ASKED.test(text) && !VARIANT_WORDS.test(text))
    type = longRead ? 'long_read_assembly' : 'de_novo_genome_assembly';
  // 'variant calling from nanopore reads, with Medaka': a tool that polishes assemblies too, asked for variants
  else if (type === 'long_read_assembly' && VARIANT_WORDS.test(text) && !ASSEMBLY_ASKED.test(text)) type = 'long_read_variants';
  if (longRead) {
    // 'isolates on MinION, we need variant calls': an assembly read from the samples' words, variants asked for
    if (type === 'de_novo_genome_assembly') return VARIANT_WORDS.test(text) && !ASSEMBLY_ASKED.test(text) ? 'long_read_variants' : 'long_read_assembly';
    if (type === 'wgs_germline_variants' || type === 'structural_variants') return 'long_read_variants';
    if (type === 'rna_seq_de' || type === 'alternative_splicing') return 'long_read_rnaseq';
  }
  if (type === 'de_novo_genome_assembly' && TRANSCRIPTOME.test(text)) return 'de_novo_transcriptome_assembly';
  // RNA-seq of an organism with no reference genome ('a sponge that has no sequenced genome'): its transcripts are
  // assembled de novo first, whatever else is asked of the reads (expression is quantified against that assembly)
  if (type === 'rna_seq_de' && noReference) return 'de_novo_transcriptome_assembly';
  // 'ML tree from 200 SARS-CoV-2 consensus genomes': the consensus genomes are the data, the tree the analysis
  // ('a phylogenetic tree of 200 bacterial genomes': genomes not asked to be assembled)
  // 'core-genome SNPs of 25 outbreak isolates and a phylogeny from them': the variants are the data, the tree the analysis
  if ((type === 'viral_genomics' || type === 'wgs_germline_variants' || (type === 'de_novo_genome_assembly' && !ASSEMBLY_ASKED.test(text))) && TREE_ASKED.test(text)) return 'phylogenetics';
  if ((type === 'wgs_germline_variants' || type === 'wes_germline_variants') && SOMATIC_CONTEXT.test(text) && !GERMLINE_CONTEXT.test(text))
    return 'somatic_variants';
  if (type === 'wgs_germline_variants' && EXOME.test(text)) return 'wes_germline_variants';
  return type;
}

/** The request names (or implies) a virus that viral genomics is typical for, and no other organism. */
function namesVirus(hits: ReturnType<Lexicon['organisms']['find']>, implied: string | null, kb: Knowledge): boolean {
  const viral = new Set(kb.analysisTypeById.get('viral_genomics')?.typical_organisms ?? []);
  const named = hits.length > 0 ? hits.map((h) => h.value) : implied === null ? [] : [implied];
  return named.length > 0 && named.every((o) => viral.has(o));
}

/**
 * The organisms named are the hosts of the microbe a microbial analysis sequences: a viral analysis naming no virus
 * the knowledge base knows ('measles virus from 20 patients', 'swine flu in pigs'), or an isolate or a virus whose
 * only organism word names a patient ('a Klebsiella isolate from a patient'). The organism is left open then.
 */
function hostOnly(hits: ReturnType<Lexicon['organisms']['find']>, analysisType: string, kb: Knowledge): boolean {
  if (hits.length === 0 || !MICROBIAL_ANALYSES.has(analysisType)) return false;
  if (hits.every((h) => PATIENT_WORDS.has(h.phrase))) return true;
  if (analysisType !== 'viral_genomics') return false;
  const viral = new Set(kb.analysisTypeById.get('viral_genomics')?.typical_organisms ?? []);
  return !hits.some((h) => viral.has(h.value));
}

/**
 * The organism named first, with the build an assembly name implies ("mm10" -> GRCm38). A virus named next to
 * its host ("PBMCs of covid patients") is the sample's condition, not its organism, unless the analysis is viral.
 */
function organismOf(hits: ReturnType<Lexicon['organisms']['find']>, implied: string | null, analysisType: string, kb: Knowledge): Intent['organism'] {
  if (hits.length === 0) {
    // no organism named: a cell line, breed or cohort word that implies one ('CTCF in K562', '50 Holstein bulls')
    if (implied === null) return null;
    const org = kb.organismById.get(implied)!;
    return { id: org.id, scientific_name: org.scientific_name, genome_build: org.genome_build };
  }
  const viral = new Set(kb.analysisTypeById.get('viral_genomics')?.typical_organisms ?? []);
  const hostFirst = analysisType !== 'viral_genomics' && analysisType !== 'phylogenetics';
  const hit = (hostFirst && hits.find((h) => !viral.has(h.value))) || hits[0]!;
  const org = kb.organismById.get(hit.value)!;
  const build = hits.find((h) => h.value === org.id && org.build_aliases[h.phrase])?.phrase;
  return { id: org.id, scientific_name: org.scientific_name, genome_build: build ? org.build_aliases[build]! : org.genome_build };
}

const RNA_DATA = new Set(['rna_seq', 'scrna_seq', 'small_rna', 'spatial']);

/** The analysis type's data type, unless a long-read technology is named for a short-read analysis. */
function dataTypeOf(type: AnalysisType | undefined, text: string): string | null {
  if (!type) return null;
  if (type.data_type.startsWith('long_read') || !LONG_READ_TECH.test(text)) return type.data_type;
  return RNA_DATA.has(type.data_type) ? 'long_read_rna' : 'long_read_dna';
}

function readLayoutOf(text: string, lex: Lexicon): Intent['read_layout'] {
  const hit = lex.layout.first(text);
  if (hit) return hit;
  const geometry = READ_GEOMETRY.exec(text);
  return geometry ? (geometry[1] === '2' ? 'paired' : 'single') : 'unknown';
}

function constraintsOf(text: string, lex: Lexicon): string[] {
  const found = new Set(lex.constraints.find(text.replace(NOT_A_CONSTRAINT, ' ')).map((m) => m.value));
  const budget = MEMORY_BUDGET.exec(text);
  if (budget && Number(budget[1]) <= LOW_MEMORY_GB) found.add('low_memory');
  return [...found].sort();
}

/**
 * The text with its multi-word analysis phrases ("exon skipping", "peak calling") replaced by a comma, which
 * ends a condition group: "exon skipping knockout vs wildtype" compares knockout, not "skipping knockout".
 * Phrases naming a condition ("matched normal", "knockout screen") stay.
 */
function withoutAnalysisPhrases(text: string, keywords: readonly KeywordMatch[]): string {
  let out = '';
  let at = 0;
  for (const m of keywords) {
    const words = m.phrase.split(' ');
    if (words.length < 2 || words.some((w) => CONDITION_WORDS.has(w))) continue;
    out += `${text.slice(at, m.index)} , `;
    at = m.end;
  }
  return out + text.slice(at);
}

/** The deterministic offline intent parser. */
export function parseIntentWithRules(query: string, kb: Knowledge): Intent {
  return parseIntentWithRulesDetailed(query, kb).intent;
}

/** The rule parser's intent with the features its confidence was computed from. */
export function parseIntentWithRulesDetailed(query: string, kb: Knowledge): { intent: Intent; features: ConfidenceFeatures } {
  const lex = lexiconFor(kb);
  const normalized = normalize(query, lex);
  const { corrections, foreign } = normalized;
  // long reads the request says it lacks name no long-read technology ('no long reads yet'): blanked, offsets kept
  const text = normalized.text.replace(NEGATED_LONG_READS, (m) => ' '.repeat(m.length));
  const named0 = requestedTools(text, lex);
  const { choice, versus } = named0;
  const found = keywordsOf(text, lex, foreign);
  // a tool's name used as an everyday word ('a juicer for orange juice') names neither the tool nor its analysis
  const everyday = everydayTools(text, named0.tools, found, lex);
  const tools = everyday.size === 0 ? named0.tools : named0.tools.filter((id) => !everyday.has(id));
  const allKeywords = everyday.size === 0 ? found : found.filter((k) => !everyday.has(lex.toolOfName.get(k.phrase) ?? ''));
  // several assays named, one of them needed now: the analysis is read from that one's words
  const named = namesSeveralAssays(text);
  const now = named || allKeywords.length > 1 ? assayNeededNow(text, allKeywords, named) : null;
  const keywords = now ?? allKeywords;
  const ranked = scoreTypes(query, text, keywords, tools, kb);
  const multiAssay = named && now === null;
  const dataOnly = !multiAssay && describesDataOnly(query, keywords, tools, lex, kb);
  const organismHits = (foreign ? lex.organismsWithForeign : lex.organisms).find(text);
  const implied = organismHits.length === 0 ? lex.impliedOrganisms.first(text) : null;
  const kind = requestKindOf(text, { domain: ranked.length > 0 || tools.length > 0, organism: organismHits.length > 0 || implied !== null, toolChoice: choice, toolNamed: tools.length > 0, assay: keywords.length > 0, toolVersus: versus });
  const sharedStep = asksAboutSharedStep(kind.kind, keywords, tools, kb);
  // an off-topic request names no analysis and no tool, whatever word of one it uses ('a recipe for baked salmon')
  const offTopic = kind.kind === 'off_topic';
  const integration = multiAssay && !offTopic;
  const known = !offTopic && ranked.length > 0 && ranked[0]!.score >= 0.35 && !dataOnly && !sharedStep;
  // no analysis named, a virus is ('omicron raw reads on SRA?'): its genomes are the analysis
  const virusOnly = !known && !multiAssay && !dataOnly && !sharedStep && !offTopic && namesVirus(organismHits, implied, kb);
  const analysisType = integration ? 'multi_omics_integration' : known ? refineType(ranked[0]!.type, text, keywords, ranked[0]!.type === 'rna_seq_de' && lex.noReference.first(text) !== null) : virusOnly ? 'viral_genomics' : 'unknown';
  const type = kb.analysisTypeById.get(analysisType);

  // an off-topic request's fish, bird or grain is no organism of an analysis ('chicken breast', 'rice left out')
  const organism = offTopic || hostOnly(organismHits, analysisType, kb) ? null : organismOf(organismHits, implied, analysisType, kb);
  const comparison = parseComparison(withoutAnalysisPhrases(text, allKeywords), (w) => lex.entityWords.has(w));
  // a condition group ("tumor vs normal") is not the tissue
  const tissueHits = lex.tissues.find(text).map((m) => m.value).filter((t) => !comparison?.groups.includes(t));
  const tissue = tissueHits.sort((a, b) => TISSUE_PRIORITY.get(a)! - TISSUE_PRIORITY.get(b)!)[0] ?? null;
  const cellType = lex.cellTypes.first(text);
  const strandHit = lex.strand.first(text);
  const constraints = constraintsOf(text, lex);
  const readLayout = readLayoutOf(text, lex);
  const dataType = dataTypeOf(type, text);
  const features = evidenceOf(
    {
      text,
      analysisType,
      ranked,
      keywords,
      known: known || integration,
      multiAssay: integration,
      dataOnly,
      toolOnly: keywords.length === 0 && tools.length > 0,
      tools,
      corrections,
      kind,
      focused: now !== null,
      // a sibling assay's own words named and set aside by rule (ASSAY_OUTRANKS): two assays named, one chosen
      outranked: [...outrankedAssays(text, keywords)].some((t) => keywords.some((m) => !m.value.generic && m.value.types.includes(t) && !m.value.types.includes(analysisType))),
    },
    lex,
    kb,
  );
  // host as sample context, a layout the assay fixes, missing_information and the fields it decides: settleIntent
  const intent: Intent = settleIntent({
    request_kind: kind.kind,
    analysis_type: analysisType,
    organism,
    tissue,
    cell_type: cellType,
    data_type: dataType,
    read_layout: readLayout,
    strandedness: strandHit ?? 'unknown',
    comparison,
    requested_tools: offTopic ? [] : tools,
    constraints,
    missing_information: [],
    confidence: confidenceFrom(features),
  }, kb, text);
  return { intent, features };
}
