import { type Intent, IntentSchema } from '../../src-preload/schemas/intent';
import { loadKnowledge } from '../knowledge/load';
import type { Knowledge } from '../knowledge/schemas';
import type { CallUsage, LlmClient } from '../llm/client';
import { loadPrompt, renderPrompt } from '../llm/prompts';
import { knownConstraints, knownDataTypes } from './catalog';

/** Longest query sent to the LLM (the rule parser reads the same prefix). */
const MAX_QUERY = 20_000;

export type LlmIntentResult =
  | { ok: true; intent: Intent; raw: string; usage: CallUsage; cached: boolean }
  | { ok: false; kind: 'invalid' | 'transport'; error: string; raw: string; usage: CallUsage };

/** The catalog lists the prompt offers the model, so it answers with ids the rest of the app knows. */
export function intentPromptValues(kb: Knowledge, query: string) {
  return {
    analysis_types: kb.analysisTypes.map((a) => `${a.id}: ${a.name}`).join('; '),
    data_types: [...knownDataTypes(kb)].join(', '),
    organisms: kb.organisms.map((o) => `${o.id}: ${o.scientific_name}, ${o.genome_build}`).join('; '),
    tools: kb.tools.map((t) => t.id).join(', '),
    constraints: [...knownConstraints()].join(', '),
    query: query.slice(0, MAX_QUERY).trim(),
  };
}

/**
 * Parses a request with the LLM: the reply must be JSON matching IntentSchema. An invalid reply gets one
 * corrective retry (inside the client); after that the result is ok:false with the raw text, never thrown.
 * Temperature 0 so the cached answer is the answer.
 */
export async function parseIntentWithLlm(query: string, client: LlmClient, kb: Knowledge = loadKnowledge(), signal?: AbortSignal): Promise<LlmIntentResult> {
  const messages = renderPrompt(loadPrompt('intent_parse'), intentPromptValues(kb, query));
  const res = await client.chatJson(messages, IntentSchema, { temperature: 0, signal });
  if (res.ok) return { ok: true, intent: res.value, raw: res.raw, usage: res.usage, cached: res.cached === true };
  return res;
}
