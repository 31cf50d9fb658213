import type { VariationStyle } from '../../src-preload/schemas/example';
import type { Rng } from './rng';

/**
 * Variations of requests outside the supported analyses ("how do I bake a cake", "analyze my data"): the
 * request itself is rephrased around, since there is no analysis to put into a sentence frame.
 */
const WRAPPERS: Record<VariationStyle, ((q: string) => string)[]> = {
  formal: [
    (q) => `Please advise on the following: ${q}.`,
    (q) => `I would appreciate assistance with this request: ${q}.`,
    (q) => `Could you help me with the following? ${q}.`,
    (q) => `My question is: ${q}.`,
    (q) => `I have a request: ${q}. Please respond with a suitable workflow.`,
    (q) => `Kindly address the following: ${q}.`,
  ],
  casual: [
    (q) => `hey, ${q}?`,
    (q) => `quick question - ${q}`,
    (q) => `so ${q}? thanks`,
    (q) => `ok random one: ${q}`,
    (q) => `${q}, any ideas?`,
    (q) => `hi! ${q}`,
  ],
  minimal: [(q) => q.split(' ').filter((w) => w.length > 3).join(' '), (q) => q.toLowerCase(), (q) => `${q}?`, (q) => q.split(' ').slice(-4).join(' ')],
  detailed: [
    (q) => `${q}. I am not sure where to start and would appreciate a step-by-step answer.`,
    (q) => `Background: I am new here. Question: ${q}. Please explain what you can do.`,
    (q) => `I was told this assistant can help: ${q}. What would you recommend, and what information do you need from me?`,
    (q) => `${q}. Our group has little experience with this, so please be explicit about each step.`,
  ],
  edge_case: [(q) => q.toLowerCase(), (q) => q.toUpperCase(), (q) => `${q}??`, (q) => `um ${q}`, (q) => `${q} pls`],
};

export function unknownVariationText(query: string, style: VariationStyle, rng: Rng): string {
  const core = query.trim().replace(/[.?!]+$/, '');
  return rng.pick(WRAPPERS[style])(core);
}
