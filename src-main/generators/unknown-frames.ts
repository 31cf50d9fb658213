import type { VariationStyle } from '../../src-preload/schemas/example';
import type { Rng } from './rng';

/**
 * Variations of requests outside the supported analyses ("how do I bake a cake", "analyze my data"): the
 * request itself is rephrased around, since there is no analysis to put into a sentence frame. Each style
 * combines a way of saying the core request with an opening and a closing; the combinations are enumerated
 * and taken in a seeded order, so the variations of one query are distinct.
 */
type Core = (q: string) => string;

/** Function words a keyword query drops; short content words stay ('rat', 'egg', 'cat'). */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'i', 'my', 'me', 'we', 'us', 'our', 'you', 'it', 'is', 'do', 'to', 'of', 'on', 'in', 'at', 'and', 'or', 'for', 'can', 'how', 'who', 'got', 'some', 'with', 'what', 'should', 'there']);
const keywords: Core = (q) => q.split(' ').filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()) && w.length > 2).join(' ');
const CORES: Record<VariationStyle, Core[]> = {
  formal: [(q) => q, (q) => q.charAt(0).toUpperCase() + q.slice(1)],
  casual: [(q) => q, (q) => q.toLowerCase()],
  // whole requests or their content words: a cut after four words ('good morning into Italian') is no request
  minimal: [keywords, (q) => q.toLowerCase(), (q) => keywords(q).toLowerCase()],
  detailed: [(q) => q],
  edge_case: [(q) => q.toLowerCase(), (q) => q.toUpperCase(), (q) => q, keywords],
};
const OPEN: Record<VariationStyle, string[]> = {
  formal: ['Please advise on the following:', 'I would appreciate assistance with this request:', 'Could you help me with the following?', 'My question is:', 'I have a request:', 'Kindly address the following:'],
  casual: ['hey,', 'quick question -', 'so', 'ok random one:', 'hi!', 'yo', 'um hi,'],
  minimal: ['', 'q:'],
  detailed: ['Background: I am new here. Question:', 'I was told this assistant can help:', 'Context: our lab just started a project.', 'Some background first: I mostly do wet-lab work.', ''],
  edge_case: ['', 'um', 'pls', 'hlp'],
};
const CLOSE: Record<VariationStyle, string[]> = {
  // no closing that asks for a workflow: an off-topic request (a cake recipe) would then read as one
  formal: ['.', '. I look forward to your answer.', '. Thank you in advance.', '. I would appreciate a short reply.', '. A brief answer is fine.'],
  casual: ['?', ', any ideas?', '? thanks', ' lol', ' pls', '!!'],
  minimal: ['', '?', ' pls'],
  detailed: [
    '. I am not sure where to start and would appreciate a step-by-step answer.',
    '. Our group has little experience with this, so please be explicit about each step.',
    '. Please tell me what information you need from me.',
    '. Please explain what you can do.',
  ],
  edge_case: ['??', ' pls', '', '...'],
};

export function unknownVariationTexts(query: string, style: VariationStyle, rng: Rng): string[] {
  const core = query.trim().replace(/[.?!]+$/, '');
  const texts = new Set<string>();
  for (const c of CORES[style]) for (const o of OPEN[style]) for (const e of CLOSE[style]) texts.add(`${o} ${c(core)}${e}`.trim().replace(/\s+/g, ' '));
  return rng.shuffle([...texts]);
}
