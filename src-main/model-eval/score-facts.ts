import type { Knowledge } from '../knowledge/schemas';
import type { ParsedAnswer } from './parse-answer';
import type { Scored } from './scored';
import type { ToolLexicon } from './tool-mentions';

/** A sentence counts as present when this share of its content words appear in the answer. */
export const SENTENCE_RECALL = 0.6;

const FLAG = /(?<=^|[\s`(="'])(--?[A-Za-z][A-Za-z0-9_-]*)/g;
const QUANTITY = /\b\d+(?:\.\d+)?\s?(?:GB|MB|TB|bp|kb|Mb|%)(?![A-Za-z])/g;
const BOLD_WORD = /\*\*([A-Za-z][\w.+-]{1,40})\*\*|`([A-Za-z][\w+-]{1,40})`/g;
const STOP = new Set(
  'the and for with from that this then than into onto your their there these those when what which while where have been were they them only also more most such each other some very well like just about over under after before because across within without using used use can may must should would could does done will shall not but are was its via per any all both either'.split(
    ' ',
  ),
);

const words = (s: string) => s.toLowerCase().match(/[a-z0-9][a-z0-9_-]*[a-z0-9]|[a-z0-9]/g) ?? [];
const contentWords = (s: string) => [...new Set(words(s).filter((w) => w.length >= 4 && !STOP.has(w)))];

/** Sentences and list items of a prose answer that carry content words (headings and fences left out). */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/```[\s\S]*?```/g, '\n')
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .flatMap((l) => l.split(/(?<=[.!?])\s+(?=[A-Z*])/))
    .map((s) => s.replace(/^\s*(?:[-*]|\d+[.)])\s+/, '').trim())
    .filter((s) => contentWords(s).length > 0);
}

export function flagsOf(text: string): string[] {
  return [...new Set([...text.matchAll(FLAG)].map((m) => m[1]!))].sort();
}

/** Whether most content words of a sentence appear in the answer. */
function sentencePresent(sentence: string, answerWords: Set<string>): boolean {
  const cw = contentWords(sentence);
  if (cw.length === 0) return true;
  return cw.filter((w) => answerWords.has(w)).length / cw.length >= SENTENCE_RECALL;
}

/** Every flag the knowledge base writes down: typical commands (from the checked process commands) and the error patterns' texts. */
export function knownFlags(kb: Knowledge): Set<string> {
  const known = new Set<string>();
  for (const t of kb.tools) for (const f of flagsOf(t.typical_command)) known.add(f);
  for (const e of kb.errorPatterns) for (const f of flagsOf([e.diagnosis, e.example_log, ...e.fix_steps].join('\n'))) known.add(f);
  return known;
}

/**
 * Education and error answers: the target's key facts are present (the tools and flags it names, quantities it
 * gives, and for a diagnosis its cause and each fix step as sentences), and the answer names no tool or flag
 * that neither the knowledge base nor the target knows.
 */
export function scoreFacts(target: ParsedAnswer, answer: ParsedAnswer, lexicon: ToolLexicon, flags: Set<string>, out: Scored): void {
  const answerWords = new Set(words(answer.text));
  const answerTools = new Set(lexicon.mentioned(answer.text));
  const answerFlags = new Set(flagsOf(answer.text));
  const facts: { what: string; present: boolean }[] = [];
  for (const t of lexicon.mentioned(target.text)) facts.push({ what: `tool ${t}`, present: answerTools.has(t) });
  for (const f of flagsOf(target.text)) facts.push({ what: `flag ${f}`, present: answerFlags.has(f) });
  const quantities = (s: string) => [...new Set([...s.matchAll(QUANTITY)].map((m) => m[0].replace(/\s/g, '')))];
  const answerQuantities = new Set(quantities(answer.text));
  for (const q of quantities(target.text)) facts.push({ what: q, present: answerQuantities.has(q) });
  if (target.diagnosis) facts.push({ what: 'the diagnosis', present: sentencePresent(target.diagnosis, answerWords) });
  for (const [i, s] of target.fixSteps.entries()) facts.push({ what: `fix step ${i + 1}`, present: sentencePresent(s, answerWords) });
  // an explanation, scope statement or clarifying question: each of its sentences is a fact
  if (!target.diagnosis && target.fixSteps.length === 0)
    for (const [i, s] of sentencesOf(target.text).entries()) facts.push({ what: `sentence ${i + 1}`, present: sentencePresent(s, answerWords) });
  if (facts.length) {
    out.metrics['facts.recall'] = facts.filter((f) => f.present).length / facts.length;
    const missing = facts.filter((f) => !f.present).map((f) => f.what);
    if (missing.length) out.diagnostics.push(`key facts missing: ${missing.join(', ')}`);
  }

  const targetLower = target.text.toLowerCase();
  const unknownTools = [...new Set([...answer.text.matchAll(BOLD_WORD)].map((m) => (m[1] ?? m[2])!))].filter(
    (n) => !lexicon.resolve(n) && !targetLower.includes(n.toLowerCase()) && !/^-/.test(n),
  );
  const unknownFlags = [...answerFlags].filter((f) => !flags.has(f) && !target.text.includes(f));
  out.metrics['facts.known'] = unknownTools.length + unknownFlags.length === 0 ? 1 : 0;
  if (unknownTools.length) out.diagnostics.push(`tools the knowledge base does not know: ${unknownTools.join(', ')}`);
  if (unknownFlags.length) out.diagnostics.push(`flags the knowledge base does not know: ${unknownFlags.join(', ')}`);
}
