import type { Knowledge } from '../knowledge/schemas';
import type { ConfidenceFeatures } from './confidence';
import type { Lexicon } from './lexicon';
import type { KindResult } from './request-kind';
import { TECHNICAL_WORDS } from './request-kind-cues';
import { ASSAY_NARROWING, SPECIFIC_TOOL_TYPES } from './vocabulary';

/** A question: a question mark anywhere, or a question word first. */
const ASKED = /\?|^(?:what|what's|whats|why|how|which|is|are|can|could|should|does|do|did|any|where|when|who)\b/;
/** Function words of four letters or more that COMMON_WORDS leaves out: they carry no content. */
const FUNCTION_WORDS = new Set(
  'also been does from have into just many more most much only onto over some such than that them then they this those upon were what when whom will with your yours their there these ours mine done like using used want wanted need needed please thanks hello could would should cannot dont doesnt isnt wont each both very really'.split(' '),
);
const UNKNOWN_WORDS_CAP = 8;

export interface ParseSeen {
  text: string;
  /** the analysis type chosen (after technology and context refined the top vote) */
  analysisType: string;
  ranked: readonly { type: string; score: number }[];
  keywords: readonly { phrase: string; value: { types: string[]; generic: boolean; foreign: boolean }; index: number; end: number }[];
  known: boolean;
  multiAssay: boolean;
  /** the analysis words only describe the data ('long reads'): the analysis was left open */
  dataOnly: boolean;
  toolOnly: boolean;
  /** the tools the user named */
  tools: readonly string[];
  corrections: number;
  kind: KindResult;
  /** several assays named, the analysis read from the one needed now */
  focused: boolean;
  /** a sibling assay's own keyword named, its votes set aside because the assay chosen outranks it ('Visium ... scRNA reference') */
  outranked?: boolean;
}

/** Short-read, exome and long-read DNA are one kind of data: their analyses share keywords without disagreeing. */
const DNA_DATA = new Set(['wgs', 'wes', 'long_read_dna']);
const dataFamily = (type: string, kb: Knowledge) => {
  const d = kb.analysisTypeById.get(type)?.data_type ?? type;
  return DNA_DATA.has(d) ? 'dna' : d;
};

/**
 * Conflicting assay words: a specific keyword votes for the runner-up analysis, not for the chosen one, and that
 * analysis reads another kind of data ('Visium' against 'single cell', 'HIV' against '16S amplicons'); or a sibling
 * assay's own keyword was set aside because the chosen assay outranks it (ASSAY_OUTRANKS: the same conflict, settled by rule).
 */
function rivalAssay(p: ParseSeen, kb: Knowledge): boolean {
  if (p.outranked && p.known && !p.multiAssay) return true;
  const second = p.ranked[1];
  if (!second || p.multiAssay || !p.known) return false;
  const chosen = dataFamily(p.analysisType, kb);
  return p.keywords.some(
    (m) => !m.value.generic && m.value.types.includes(second.type) && !m.value.types.includes(p.analysisType) && m.value.types.every((t) => dataFamily(t, kb) !== chosen),
  );
}

/** A named tool specific to a few analyses serves none of the analysis chosen ('cnvkit on tumour exomes' read as somatic). */
function toolDisagrees(p: ParseSeen, kb: Knowledge): boolean {
  if (!p.known || p.multiAssay) return false;
  return p.tools.some((id) => {
    const types = kb.toolById.get(id)?.analysis_types ?? [];
    return types.length > 0 && types.length <= SPECIFIC_TOOL_TYPES && !types.includes(p.analysisType);
  });
}

/** Content words (four letters or more) that no lexicon entry, technical word or common word accounts for. */
function unknownWords(text: string, lex: Lexicon): number {
  let n = 0;
  for (const w of text.split(/[^a-z'-]+/)) {
    if (w.length < 4 || lex.knownWords.has(w) || FUNCTION_WORDS.has(w)) continue;
    if ((w.endsWith('s') && lex.knownWords.has(w.slice(0, -1))) || TECHNICAL_WORDS.test(w)) continue;
    if (++n === UNKNOWN_WORDS_CAP) break;
  }
  return n / UNKNOWN_WORDS_CAP;
}

/** What each confidence model reads off one parse (see confidence.ts). */
export function evidenceOf(p: ParseSeen, lex: Lexicon, kb: Knowledge): ConfidenceFeatures {
  const top = p.ranked[0]?.score ?? 0;
  const second = p.ranked[1]?.score ?? 0;
  const asked = ASKED.test(p.text);
  const unknown = unknownWords(p.text, lex);
  return {
    kind: {
      lead: Math.min(4, p.kind.margin) / 4,
      cueless: p.kind.cued ? 0 : 1,
      asked: asked ? 1 : 0,
      cuelessQuestion: asked && !p.kind.cued && p.kind.kind !== 'off_topic' ? 1 : 0,
      rival: p.kind.rival ? 1 : 0,
      tie: p.kind.kind !== 'off_topic' && p.kind.margin === 0 ? 1 : 0,
      offTopic: p.kind.kind === 'off_topic' ? 1 : 0,
      log: p.kind.log ? 1 : 0,
    },
    type: {
      known: p.known ? 1 : 0,
      strength: Math.min(1, top / 2.5),
      margin: top > 0 ? (top - second) / top : 0,
      tie: p.known && !p.multiAssay && top > 0 && (top - second) / top < 0.1 ? 1 : 0,
      rivalAssay: rivalAssay(p, kb) ? 1 : 0,
      toolOnly: p.toolOnly ? 1 : 0,
      genericOnly: p.keywords.length > 0 && p.keywords.every((m) => m.value.generic) ? 1 : 0,
      multiAssay: p.multiAssay ? 1 : 0,
      corrections: Math.min(3, p.corrections) / 3,
      unknownWords: unknown,
      toolDisagrees: toolDisagrees(p, kb) ? 1 : 0,
      unknownOnTopic: !p.known && p.kind.kind !== 'off_topic' ? 1 : 0,
      unexplained: !p.known && p.kind.kind !== 'off_topic' ? unknown : 0,
      dataOnly: p.dataOnly ? 1 : 0,
      foreignOnly: p.keywords.length > 0 && p.keywords.every((m) => m.value.foreign) ? 1 : 0,
      focused: p.focused ? 1 : 0,
      narrowed: p.multiAssay && ASSAY_NARROWING.test(p.text) ? 1 : 0,
    },
  };
}
