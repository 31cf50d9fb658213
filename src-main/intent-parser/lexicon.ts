import type { Knowledge } from '../knowledge/schemas';
import { FuzzyCorrector } from './fuzzy';
import { PhraseMatcher } from './phrase-matcher';
import { CELL_TYPES, COMMON_WORDS, CONDITION_WORDS, CONSTRAINTS, SHORT_TYPO_TARGETS, GENERIC_KEYWORDS, PAIRED, SINGLE, STRAND, TISSUES, TOOL_CATEGORY_NOUNS } from './vocabulary';

export interface KeywordHit {
  types: string[];
  weight: number;
  /** a word several analyses share ('assembly', 'amplicon', 'tumor'), counted at reduced weight */
  generic: boolean;
}

/** Everything the rule parser matches against, compiled once per knowledge base. */
export interface Lexicon {
  keywords: PhraseMatcher<KeywordHit>;
  tools: PhraseMatcher<string>;
  organisms: PhraseMatcher<string>;
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
}

const cache = new WeakMap<Knowledge, Lexicon>();

export function lexiconFor(kb: Knowledge): Lexicon {
  const hit = cache.get(kb);
  if (hit) return hit;
  const byPhrase = new Map<string, Set<string>>();
  for (const t of kb.analysisTypes)
    for (const k of [...t.keywords, ...t.synonyms]) {
      const key = k.toLowerCase();
      byPhrase.set(key, (byPhrase.get(key) ?? new Set()).add(t.id));
    }
  const toolEntries: [string, string][] = [];
  for (const t of kb.tools) for (const name of [t.id, t.name, ...t.aliases, t.id.replace(/_/g, '-')]) toolEntries.push([name.toLowerCase(), t.id]);
  const toolNames = new Set(toolEntries.map(([p]) => p));
  const keywordEntries: [string, KeywordHit][] = [...byPhrase].map(([phrase, types]) => {
    const n = phrase.split(/\s+/).length;
    const specificity = (1 + 0.5 * (n - 1)) / types.size;
    // a tool's name ("spades", "deseq2") points at an analysis, but less than words for the analysis itself
    // ("binning", "integrate"): tools serve several analyses
    const weight = GENERIC_KEYWORDS.has(phrase) ? 0.4 * specificity : toolNames.has(phrase) ? 0.5 * specificity : specificity;
    return [phrase, { types: [...types].sort(), weight, generic: GENERIC_KEYWORDS.has(phrase) }];
  });
  const organismEntries: [string, string][] = [];
  for (const o of kb.organisms) for (const name of [o.scientific_name, ...o.common_names]) organismEntries.push([name.toLowerCase(), o.id]);

  const vocabulary = new Set<string>();
  const addWords = (s: string) => {
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
  for (const [p] of [...keywordEntries, ...toolEntries, ...organismEntries, ...TISSUES, ...CELL_TYPES, ...CONSTRAINTS, ...STRAND])
    for (const w of p.split(/[^a-z0-9]+/)) if (w) knownWords.add(w);
  for (const p of [...PAIRED, ...SINGLE]) for (const w of p.split(/[^a-z0-9]+/)) if (w) knownWords.add(w);

  const lex: Lexicon = {
    keywords: new PhraseMatcher(keywordEntries),
    tools: new PhraseMatcher(toolEntries),
    organisms: new PhraseMatcher(organismEntries),
    tissues: new PhraseMatcher(TISSUES),
    cellTypes: new PhraseMatcher(CELL_TYPES),
    constraints: new PhraseMatcher(CONSTRAINTS),
    layout: new PhraseMatcher([...PAIRED.map((p) => [p, 'paired'] as [string, 'paired']), ...SINGLE.map((p) => [p, 'single'] as [string, 'single'])]),
    strand: new PhraseMatcher(STRAND),
    // the kinds of tool a user asks for by category ('which assembler', 'best aligner') are kept as written, like common words
    fuzzy: new FuzzyCorrector(vocabulary, new Set([...COMMON_WORDS, ...TOOL_CATEGORY_NOUNS]), SHORT_TYPO_TARGETS),
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
  };
  cache.set(kb, lex);
  return lex;
}
