/**
 * A detector of the artefacts template rendering leaves in user turns: doubled words, separators around an
 * empty slot, article errors, dangling prepositions, case slips no typist makes ("MAeCK"), frames whose
 * slot did not fit ("run that fits in"), a sentence cut after a verb that needs an object ("We are
 * studying."), and platform words of two technologies in one request. The build counts them per style.
 */

export type ArtefactKind =
  | 'doubled_word'
  | 'empty_slot'
  | 'article'
  | 'dangling_preposition'
  | 'mixed_case_typo'
  | 'slot_misfit'
  | 'missing_object'
  | 'not_noun_phrase'
  | 'platform_conflict';

export interface Artefact {
  kind: ArtefactKind;
  /** the text that matched */
  match: string;
}

/** Doubled words that are English ("that that" is rare in requests; "had had" never appears in ours). */
const DOUBLE_OK = new Set(['very', 'bye', 'so', 'no']);

/** Acronym initials read with a vowel sound: "an RNA-seq", "an SV", "an MAG", but "a ChIP", "a WGS". */
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX'.split(''));
/** Words starting with a vowel letter but a consonant sound, and the reverse. */
const A_BEFORE = /^(uni|use|usu|eu|one|once|ur)/i;
const AN_BEFORE = /^(hour|honest|heir)/i;

/**
 * Words that cannot head the analysis a request asks for: verbs and participles that are analysis keywords
 * ("integrate", "assemble", "downregulated"). Adjectives a pipeline has ("containerized") are not here.
 */
const NOT_NOUNS = 'integrate|assemble|assembled|isolate|downregulated|upregulated|down-regulated|up-regulated|differentially|methylated|amplified|deleted|call|align|quantify|annotate|classify|cluster|genotype|binning';
const DOING = 'perform|performs|performing|run|do|carry out|conduct|need|want|wanna do|gotta do|for|to carry out|that performs|covering';

const PREPOSITIONS = 'for|with|of|on|in|from|using|to|by|via|w/|and|or|between|under|into|about';

function article(text: string, out: Artefact[]): void {
  // a shouted text ("GIVE ME A RECIPE") has no acronyms to tell apart: its capitals are words
  const shouted = !/[a-z]/.test(text);
  for (const m of text.matchAll(/\b(a|an)\s+([A-Za-z0-9][\w-]*)/gi)) {
    const art = m[1]!.toLowerCase();
    const word = m[2]!;
    if (/^\d/.test(word)) continue;
    // an acronym is read letter by letter
    const vowelSound = !shouted && /^[A-Z]{2,}/.test(word)
      ? VOWEL_SOUND_LETTERS.has(word[0]!)
      : /^[aeiou]/i.test(word)
        ? !A_BEFORE.test(word)
        : AN_BEFORE.test(word);
    if ((art === 'a') === vowelSound) out.push({ kind: 'article', match: m[0] });
  }
}

/**
 * Artefacts in one text. `names` lists spellings that are right as they are even if they look like case
 * slips (tool and organism names: "MAGeCK", "GRCh38").
 */
export function findArtefacts(text: string, names: ReadonlySet<string> = new Set()): Artefact[] {
  const out: Artefact[] = [];
  for (const m of text.matchAll(/(?<![\w-])([A-Za-z][\w-]*)\s+\1\b/gi)) if (!DOUBLE_OK.has(m[1]!.toLowerCase())) out.push({ kind: 'doubled_word', match: m[0] });
  // two separators with nothing between them, a separator that ends the text, brackets around nothing
  for (const m of text.matchAll(/(?:^|\s)([/;,:|\-–]|->)\s+(?:[/;,:|\-–]|->)(?=\s|$)|[(]\s*[)]|[,;:]\s*[,;](?!\))|[/;,:|(–]\s*$|\s[;,:.?!](?=\s|$)|^\s*[/;,:|.?!]/g))
    out.push({ kind: 'empty_slot', match: m[0].trim() || m[0] });
  article(text, out);
  for (const m of text.matchAll(new RegExp(`(?:^|\\s)(${PREPOSITIONS})\\s*(?:[.?!;,)]|$)`, 'gi'))) out.push({ kind: 'dangling_preposition', match: m[0].trim() });
  for (const m of text.matchAll(/\b[\w-]*(?:[A-Z]{2,}[a-z]+[A-Z]+|[a-z]{2,}[A-Z][a-z]*[A-Z]?[a-z]*)[\w-]*\b/g)) {
    const w = m[0];
    if (names.has(w) || names.has(w.toLowerCase())) continue;
    // camel case of real names: scRNA-seq, snRNA, mRNA, miRNA, NovaSeq are fine; "rnaSeq"-like slips inside a lowercase word are not
    if (/^(sc|sn|m|mi|micro|pi|lnc|si|sg|nc|t|r|circ|i|ds|ss|c|g)(RNA|DNA)/.test(w) || /^[A-Z][a-z]+[A-Z][a-z]+$/.test(w)) continue;
    if (/[A-Z]{2,}[a-z]+[A-Z]+/.test(w) || /^[a-z]{2,}[A-Z]/.test(w)) out.push({ kind: 'mixed_case_typo', match: w });
  }
  for (const m of text.matchAll(new RegExp(`\\b(?:${DOING})\\s+(?:${NOT_NOUNS})\\b(?!\\s+(?:variants|genes|peaks|reads|the|a|an|cells|genomes?)\\b)|\\b(?:a|an)\\s+(?:[\\w-]+\\s+)?(?:${NOT_NOUNS})\\s+(?:pipeline|workflow)\\b`, 'gi')))
    out.push({ kind: 'not_noun_phrase', match: m[0] });
  for (const m of text.matchAll(/\b(?:run|runs|work|be)\s+(?:that|which)\s+\w+/gi)) out.push({ kind: 'slot_misfit', match: m[0] });
  for (const m of text.matchAll(/\b(?:studying|comparing|using|contrasting|requires?|prefer|analy[sz]e|perform|employing)\s*[.?!;]/gi))
    out.push({ kind: 'missing_object', match: m[0] });
  if (/\b(?:illumina|novaseq|nextseq|miseq|hiseq)\b/i.test(text) && /\b(?:nanopore|pacbio|promethion|minion|gridion|hifi|revio)\b/i.test(text))
    out.push({ kind: 'platform_conflict', match: 'short-read and long-read platform in one request' });
  if (/\b(?:nanopore|ONT|minion|promethion|gridion|medaka)\b/i.test(text) && /\b(?:pacbio|hifi|revio|smrt)\b/i.test(text))
    out.push({ kind: 'platform_conflict', match: 'Oxford Nanopore and PacBio in one request' });
  return out;
}

export function countArtefacts(texts: readonly string[], names?: ReadonlySet<string>): { total: number; byKind: Partial<Record<ArtefactKind, number>>; examples: string[] } {
  const byKind: Partial<Record<ArtefactKind, number>> = {};
  const examples: string[] = [];
  let total = 0;
  for (const t of texts) {
    const found = findArtefacts(t, names);
    if (found.length === 0) continue;
    total += found.length;
    for (const a of found) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
    if (examples.length < 10) examples.push(`${found.map((a) => `${a.kind} '${a.match}'`).join(', ')}: ${t}`);
  }
  return { total, byKind, examples };
}
