import type { Knowledge } from '../knowledge/schemas';
import { FuzzyCorrector } from './fuzzy';
import { PhraseMatcher } from './phrase-matcher';
import { CELL_TYPES, COMMON_WORDS, CONDITION_WORDS, CONSTRAINTS, SHORT_TYPO_TARGETS, GENERIC_KEYWORDS, PAIRED, SINGLE, STRAND, TISSUES, TOOL_CATEGORY_NOUNS } from './vocabulary';

/**
 * Accents and ligatures folded away ('metagenómica' -> 'metagenomica', 'spleißen' -> 'spleissen'): how the parser
 * reads the words of other languages, in the request and in the knowledge base alike.
 */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
}

const otherLanguageWords = (entry: { other_languages: Partial<Record<string, string[]>> }): string[] =>
  Object.values(entry.other_languages).flatMap((words) => (words ?? []).map((w) => foldAccents(w.toLowerCase())));

export interface KeywordHit {
  types: string[];
  weight: number;
  /** a word several analyses share ('assembly', 'amplicon', 'tumor'), counted at reduced weight */
  generic: boolean;
  /** a word of another language only ('Einzelzell', 'metagenómica'), no English keyword */
  foreign: boolean;
}

/** Everything the rule parser matches against, compiled once per knowledge base. */
export interface Lexicon {
  /** the English keywords (and their singulars) */
  keywords: PhraseMatcher<KeywordHit>;
  /** the same with the other-language keywords, for a request that uses a word of another language (normalize says) */
  keywordsWithForeign: PhraseMatcher<KeywordHit>;
  tools: PhraseMatcher<string>;
  organisms: PhraseMatcher<string>;
  /** the same with the organisms' names in other languages */
  organismsWithForeign: PhraseMatcher<string>;
  tissues: PhraseMatcher<string>;
  cellTypes: PhraseMatcher<string>;
  constraints: PhraseMatcher<string>;
  layout: PhraseMatcher<'paired' | 'single'>;
  strand: PhraseMatcher<'forward' | 'reverse' | 'unstranded'>;
  fuzzy: FuzzyCorrector;
  /** words that end a comparison group (organisms, tissues, cell types) */
  entityWords: Set<string>;
  /** every word of every phrase above, and the everyday words the corrector leaves alone: words the parser knows */
  knownWords: Set<string>;
  /**
   * A phrase written as one token or with hyphens, its separators dropped ('denovo', 'de-novo' -> 'de novo';
   * 'sc-rnaseq' -> 'scrnaseq'), to the phrase as the knowledge base spells it; tokens that are phrases themselves stay
   */
  joined: Map<string, string>;
  /** the phrases (keywords, tools, organisms) that are one token as written ('single-cell', 'rnaseq') */
  phraseTokens: Set<string>;
  /** the words of the other-language phrases ('expresion', 'einzelzell'): a request using one is checked for those phrases */
  foreignWords: Set<string>;
  /** the other-language phrases of analyses and organisms: words inside one are not corrected into English */
  foreignPhrases: PhraseMatcher<true>;
  /** the data_hints words of compatibility.yaml ('long reads', 'non-model organism'): they describe data, not an analysis */
  dataHints: Map<string, string>;
  /** cell lines (cell_lines.yaml) and the words organisms.yaml says imply an organism (implied_by), to its id */
  impliedOrganisms: PhraseMatcher<string>;
  /** the words of compatibility.yaml's no_reference data hint: the organism has no reference genome ('no sequenced genome') */
  noReference: PhraseMatcher<true>;
  /** each tool's name -> its id (the phrases `tools` matches) */
  toolOfName: Map<string, string>;
  /** phrases in which a tool's name is an everyday word ('atlantic salmon', tools.yaml everyday.phrases), to the tool's id */
  everydayPhrases: PhraseMatcher<string>;
  /** words of a tool name's everyday sense ('orange juice' for Juicer, tools.yaml everyday.words), to the tool's id */
  everydayWords: PhraseMatcher<string>;
}

/**
 * A phrase with its hyphens or an abbreviation's period written as spaces ('sars-cov-2' as 'sars cov 2', 'e. coli' as
 * 'e coli'), read as the phrase itself.
 */
function withSpacedVariants<V>(entries: readonly [string, V][]): [string, V][] {
  const have = new Set(entries.map(([p]) => p));
  const out = [...entries];
  for (const [p, v] of entries) {
    if (!p.includes('-') && !p.includes('. ')) continue;
    const spaced = p.replace(/\.\s|-/g, ' ');
    if (!have.has(spaced)) {
      have.add(spaced);
      out.push([spaced, v]);
    }
  }
  return out;
}

/** Shortest separator-free spelling the parser rejoins: shorter ones collide with ordinary words. */
const MIN_JOINED = 6;

function joinedSpellings(phrases: readonly string[], knownWords: ReadonlySet<string>): { joined: Map<string, string>; phraseTokens: Set<string> } {
  const phraseTokens = new Set(phrases.filter((p) => !p.includes(' ')));
  const joined = new Map<string, string>();
  const add = (key: string, target: string) => {
    if (key.length >= MIN_JOINED && /^[a-z0-9]+$/.test(key) && !knownWords.has(key) && !joined.has(key)) joined.set(key, target);
  };
  for (const p of phrases) {
    // words and the separators between them, as the phrase spells them: [word, sep, word, sep, word]
    const parts = p.split(/([\s-]+)/);
    if (parts.length < 3) continue;
    const key = parts.filter((_, i) => i % 2 === 0).join('');
    // a single-token phrase keeps its own spelling; a phrase of several words is read back as written
    add(key, phraseTokens.has(key) ? key : p);
    // and each pair of its words ('denovo' of 'de novo assembly', 'nonmodel' of 'non-model organism')
    for (let i = 0; i + 2 < parts.length; i += 2) {
      const [a, sep, b] = [parts[i]!, parts[i + 1]!, parts[i + 2]!];
      if (a.length >= 2 && b.length >= 2) add(a + b, a + sep + b);
    }
  }
  for (const t of phraseTokens) if (/^[a-z0-9]+$/.test(t) && t.length >= MIN_JOINED) joined.set(t, t);
  return { joined, phraseTokens };
}

const cache = new WeakMap<Knowledge, Lexicon>();

export function lexiconFor(kb: Knowledge): Lexicon {
  const hit = cache.get(kb);
  if (hit) return hit;
  const byPhrase = new Map<string, Set<string>>();
  const singularOfGeneric = new Set<string>();
  /** singulars read for plural keywords: matched, never offered as corrections ('index' is no misspelled 'indel') */
  const singulars = new Set<string>();
  const english = new Set<string>();
  for (const t of kb.analysisTypes)
    for (const k of [...t.keywords, ...t.synonyms, ...otherLanguageWords(t)]) {
      const key = k.toLowerCase();
      byPhrase.set(key, (byPhrase.get(key) ?? new Set()).add(t.id));
    }
  for (const t of kb.analysisTypes) for (const k of [...t.keywords, ...t.synonyms]) english.add(k.toLowerCase());
  // a keyword listed in the plural is read in the singular too ('hotspots' -> 'hotspot', 'isoforms' -> 'isoform');
  // the matcher reads plurals of every phrase already
  for (const [phrase, types] of [...byPhrase]) {
    if (!/(?:^|\s)[a-z0-9-]{3,}[^s]s$/.test(phrase) || phrase.length < 6) continue;
    const singular = phrase.slice(0, -1);
    if (!byPhrase.has(singular)) {
      byPhrase.set(singular, types);
      singulars.add(singular);
      if (english.has(phrase)) english.add(singular);
      if (GENERIC_KEYWORDS.has(phrase)) singularOfGeneric.add(singular);
    }
  }
  const toolEntries: [string, string][] = [];
  for (const t of kb.tools) for (const name of [t.id, t.name, ...t.aliases, t.id.replace(/_/g, '-')]) toolEntries.push([name.toLowerCase(), t.id]);
  const toolNames = new Set(toolEntries.map(([p]) => p));
  const keywordEntries: [string, KeywordHit][] = [...byPhrase].map(([phrase, types]) => {
    const n = phrase.split(/\s+/).length;
    const specificity = (1 + 0.5 * (n - 1)) / types.size;
    // a tool's name ("spades", "deseq2") points at an analysis, but less than words for the analysis itself
    // ("binning", "integrate"): tools serve several analyses
    const generic = GENERIC_KEYWORDS.has(phrase) || singularOfGeneric.has(phrase);
    const weight = generic ? 0.4 * specificity : toolNames.has(phrase) ? 0.5 * specificity : specificity;
    return [phrase, { types: [...types].sort(), weight, generic, foreign: !english.has(phrase) }];
  });
  const organismEntries: [string, string][] = [];
  for (const o of kb.organisms) for (const name of [o.scientific_name, ...o.common_names, ...otherLanguageWords(o)]) organismEntries.push([name.toLowerCase(), o.id]);
  const impliedEntries: [string, string][] = [
    ...kb.cellLines.flatMap((c) => [c.name, ...c.aliases].map((n) => [n.toLowerCase(), c.organism] as [string, string])),
    ...kb.organisms.flatMap((o) => o.implied_by.map((w) => [w.toLowerCase(), o.id] as [string, string])),
  ];
  const englishOrganisms = new Set(kb.organisms.flatMap((o) => [o.scientific_name, ...o.common_names].map((n) => n.toLowerCase())));

  // words of other languages are matched as written, never offered as corrections of English ones
  const foreign = new Set([...kb.analysisTypes, ...kb.organisms].flatMap(otherLanguageWords));
  const vocabulary = new Set<string>();
  const addWords = (s: string) => {
    if (foreign.has(s) || singulars.has(s)) return;
    for (const w of s.toLowerCase().split(/[\s/]+/)) if (w.length >= 5) vocabulary.add(w);
  };
  for (const [p] of keywordEntries) addWords(p);
  for (const [p] of toolEntries) addWords(p);
  for (const [p] of organismEntries) addWords(p);
  for (const [p] of [...TISSUES, ...CELL_TYPES]) addWords(p);
  // condition names, so a misspelled group ('treaetd vs contorl') reads as the condition it names
  for (const w of CONDITION_WORDS) if (w.length >= 5) vocabulary.add(w);
  for (const w of ['differential', 'expression', 'sequencing', 'analysis', 'variant', 'variants', 'assembly', 'genome', 'transcriptome', 'methylation', 'paired-end', 'single-end', 'stranded', 'pipeline', 'bioinformatics', 'fastq']) vocabulary.add(w);

  const knownWords = new Set<string>([...COMMON_WORDS, ...CONDITION_WORDS, ...TOOL_CATEGORY_NOUNS]);
  for (const [p] of [...keywordEntries, ...toolEntries, ...organismEntries, ...impliedEntries, ...TISSUES, ...CELL_TYPES, ...CONSTRAINTS, ...STRAND])
    for (const w of p.split(/[^a-z0-9]+/)) if (w) knownWords.add(w);
  for (const p of [...PAIRED, ...SINGLE]) for (const w of p.split(/[^a-z0-9]+/)) if (w) knownWords.add(w);

  const dataHints = new Map<string, string>();
  for (const [id, h] of Object.entries(kb.compatibility.tables.data_hints)) for (const w of h.words) dataHints.set(w.toLowerCase(), id);
  const { joined, phraseTokens } = joinedSpellings([...keywordEntries, ...toolEntries, ...organismEntries].map(([p]) => p), knownWords);

  // words of those phrases no English phrase uses ('expresion', not 'chromatin'): English requests never look for them
  const englishWords = new Set<string>([...COMMON_WORDS, ...vocabulary]);
  for (const [p] of [...keywordEntries.filter(([k]) => english.has(k)), ...toolEntries, ...organismEntries.filter(([o]) => !foreign.has(o))])
    for (const w of p.split(/[^a-z0-9]+/)) englishWords.add(w);
  const foreignWords = new Set<string>();
  for (const p of foreign) for (const w of [...p.split(' '), ...p.split(/[^a-z0-9]+/)]) if (w.length >= 4 && !englishWords.has(w)) foreignWords.add(w);

  const lex: Lexicon = {
    keywords: new PhraseMatcher(withSpacedVariants(keywordEntries.filter(([, v]) => !v.foreign))),
    keywordsWithForeign: new PhraseMatcher(withSpacedVariants(keywordEntries)),
    tools: new PhraseMatcher(toolEntries),
    organisms: new PhraseMatcher(withSpacedVariants(organismEntries.filter(([o]) => !foreign.has(o) || englishOrganisms.has(o)))),
    organismsWithForeign: new PhraseMatcher(withSpacedVariants(organismEntries)),
    tissues: new PhraseMatcher(TISSUES),
    cellTypes: new PhraseMatcher(CELL_TYPES),
    constraints: new PhraseMatcher(CONSTRAINTS),
    layout: new PhraseMatcher([...PAIRED.map((p) => [p, 'paired'] as [string, 'paired']), ...SINGLE.map((p) => [p, 'single'] as [string, 'single'])]),
    strand: new PhraseMatcher(STRAND),
    // the kinds of tool a user asks for by category ('which assembler', 'best aligner') are kept as written, like common words
    // and so are the words that imply an organism ('unaffected individuals' is no misspelled 'uninfected')
    fuzzy: new FuzzyCorrector(
      vocabulary,
      new Set([...COMMON_WORDS, ...TOOL_CATEGORY_NOUNS, ...impliedEntries.flatMap(([p]) => p.split(/[^a-z0-9]+/))]),
      SHORT_TYPO_TARGETS,
      // words of tool and organism names: a changed letter does not make a short word one of them
      new Set([...toolEntries, ...organismEntries].flatMap(([p]) => p.split(/[\s/]+/)).filter((w) => !SHORT_TYPO_TARGETS.includes(w))),
    ),
    entityWords: new Set(
      [
        ...[...organismEntries, ...TISSUES, ...CELL_TYPES].filter(([, v]) => v !== 'tumor').map(([p]) => p),
        ...toolEntries.map(([p]) => p),
        ...keywordEntries.map(([p]) => p),
        ...PAIRED,
        ...SINGLE,
        ...toolEntries.map(([p]) => p.split(' ')[0]!),
      ].filter((p) => !p.includes(' ') && !CONDITION_WORDS.has(p)),
    ),
    knownWords,
    joined,
    phraseTokens,
    foreignWords,
    foreignPhrases: new PhraseMatcher([...foreign].map((p) => [p, true] as [string, true])),
    dataHints,
    impliedOrganisms: new PhraseMatcher(impliedEntries),
    toolOfName: new Map(toolEntries),
    everydayPhrases: new PhraseMatcher(kb.tools.flatMap((t) => (t.everyday?.phrases ?? []).map((p) => [p.toLowerCase(), t.id] as [string, string]))),
    everydayWords: new PhraseMatcher(kb.tools.flatMap((t) => (t.everyday?.words ?? []).map((w) => [w.toLowerCase(), t.id] as [string, string]))),
    noReference: new PhraseMatcher((kb.compatibility.tables.data_hints.no_reference?.words ?? []).map((w) => [w.toLowerCase(), true] as [string, true])),
  };
  cache.set(kb, lex);
  return lex;
}
