import { afterEach, describe, expect, it } from 'vitest';
import { parseIntentEnsemble, reconcileIntents } from '../../../src-main/intent-parser/ensemble';
import { parseIntentWithLlm } from '../../../src-main/intent-parser/llm-parser';
import { parseIntentWithRules } from '../../../src-main/intent-parser/rule-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { createLlmClient } from '../../../src-main/llm/client';
import { OpenAiTestServer } from '../../support/openai-test-server';

// Request kind through the LLM parser (real HTTP to a scripted OpenAI-compatible server) and the ensemble.
const kb = loadKnowledge();
const ERROR_QUERY = 'STAR: EXITING because of FATAL ERROR: could not open readFilesIn=sample_R1.fq.gz';

const servers: OpenAiTestServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function clientAnswering(answer: (query: string) => object) {
  const server = new OpenAiTestServer({
    respond: (body) => {
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
      return JSON.stringify(answer(user.slice(user.lastIndexOf('Request: ') + 9)));
    },
  });
  servers.push(server);
  const { baseURL } = await server.start();
  return { server, client: createLlmClient({ baseURL, model: 'kind-model', concurrency: 1, timeoutMs: 5_000, maxRetries: 1 }) };
}

describe('request kind in the LLM parser and the ensemble', () => {
  it('asks the model for the request kind and reads it from the reply', async () => {
    const rule = parseIntentWithRules(ERROR_QUERY, kb);
    expect(rule.request_kind).toBe('troubleshooting');
    const { server, client } = await clientAnswering(() => ({ ...rule, request_kind: 'troubleshooting', confidence: 0.8 }));
    const res = await parseIntentWithLlm(ERROR_QUERY, client, kb);
    expect(res.ok && res.intent.request_kind).toBe('troubleshooting');
    expect(server.requests[0]!.messages[0]!.content).toContain('"request_kind": "workflow" | "tool_advice" | "explanation" | "troubleshooting" | "data_search" | "off_topic"');
  });

  it('reads a reply without request_kind as a workflow request (the schema default)', async () => {
    const { request_kind: _k, ...rest } = parseIntentWithRules('ChIP-seq peaks for H3K27ac in human liver', kb);
    const { client } = await clientAnswering(() => rest);
    const res = await parseIntentWithLlm('ChIP-seq peaks for H3K27ac in human liver', client, kb);
    expect(res.ok && res.intent.request_kind).toBe('workflow');
  });

  it('agrees when both parsers read the same kind; on a disagreement the confident rule parser wins', async () => {
    const rule = parseIntentWithRules(ERROR_QUERY, kb);
    const same = await clientAnswering(() => ({ ...rule, confidence: 0.9 }));
    const agreed = await parseIntentEnsemble(ERROR_QUERY, same.client, kb);
    expect(agreed.intent.request_kind).toBe('troubleshooting');
    expect(agreed.reasons.request_kind).toBe('agree');

    const other = await clientAnswering(() => ({ ...rule, request_kind: 'explanation', confidence: 0.9 }));
    const res = await parseIntentEnsemble(ERROR_QUERY, other.client, kb);
    expect(rule.confidence).toBeGreaterThanOrEqual(0.5);
    expect(res.intent.request_kind).toBe('troubleshooting');
    expect(res.reasons.request_kind).toBe(`rule: disagree, rule preferred (confidence ${rule.confidence.toFixed(2)})`);
  });

  it('takes the model kind when the rule parser is unsure of its parse', () => {
    const rule = { ...parseIntentWithRules(ERROR_QUERY, kb), confidence: 0.3 };
    const res = reconcileIntents(rule, { ...rule, request_kind: 'explanation', confidence: 0.9 }, kb);
    expect(res.intent.request_kind).toBe('explanation');
    expect(res.reasons.request_kind).toBe('llm: disagree, rule confidence low (0.30)');
  });
});
