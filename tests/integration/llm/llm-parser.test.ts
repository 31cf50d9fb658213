import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { parseIntentEnsemble } from '../../../src-main/intent-parser/ensemble';
import { parseIntentWithLlm } from '../../../src-main/intent-parser/llm-parser';
import { parseIntentWithRules } from '../../../src-main/intent-parser/rule-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { createCachedClient } from '../../../src-main/llm/cache';
import { createLlmClient, type LlmClientConfig } from '../../../src-main/llm/client';
import { openStore } from '../../../src-main/store/db';
import { type Fault, OpenAiTestServer } from '../../support/openai-test-server';
import { tempDir } from '../../support/serve';

const kb = loadKnowledge();
const QUERY = 'RNA-seq differential expression for mouse liver, reverse stranded, PE 2x150, KO vs WT';

/** What a good model answers for QUERY: the rule parse plus cell type the rules do not know about. */
const LLM_INTENT: Intent = {
  request_kind: 'workflow',
  analysis_type: 'rna_seq_de',
  organism: { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm39' },
  tissue: 'liver',
  cell_type: 'hepatocytes',
  data_type: 'rna_seq',
  read_layout: 'paired',
  strandedness: 'reverse',
  comparison: { groups: ['KO', 'WT'], description: 'KO vs WT' },
  requested_tools: [],
  constraints: [],
  missing_information: [],
  confidence: 0.9,
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(reply: string | ((user: string) => string), faults: Fault[] = [], cfg: Partial<LlmClientConfig> = {}) {
  const server = new OpenAiTestServer({
    respond: (body) => (typeof reply === 'string' ? reply : reply(body.messages.find((m) => m.role === 'user')?.content ?? '')),
    faults,
  });
  const { baseURL } = await server.start();
  cleanups.push(() => server.close());
  const client = createLlmClient({ baseURL, model: 'parser-model', concurrency: 2, timeoutMs: 5_000, maxRetries: 2, ...cfg });
  return { server, client };
}

describe('parseIntentWithLlm', () => {
  it('sends the catalog and the query at temperature 0 and returns the schema-valid intent', async () => {
    const { server, client } = await setup(JSON.stringify(LLM_INTENT), [{ status: 429 }, { delayMs: 40 }]);
    const res = await parseIntentWithLlm(QUERY, client, kb);

    expect(res).toMatchObject({ ok: true, intent: LLM_INTENT, cached: false });
    expect(server.count).toBe(2);
    const body = server.requests[1]!;
    expect(body.temperature).toBe(0);
    const user = body.messages[1]!.content;
    expect(user).toMatch(new RegExp(`Request: ${QUERY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(user).toContain('rna_seq_de: ');
    expect(user).toContain('mouse: Mus musculus, GRCm39');
    expect(user).toContain('low_memory');
    expect(body.messages[0]!.content).toMatch(/never guess an organism/);
  });

  it('recovers through the corrective retry when the first reply is not an intent', async () => {
    const { server, client } = await setup(JSON.stringify(LLM_INTENT), [{ content: '{"analysis_type": "rna_seq_de"}' }]);
    const res = await parseIntentWithLlm(QUERY, client, kb);
    expect(res.ok).toBe(true);
    expect(server.count).toBe(2);
    expect(server.requests[1]!.messages.at(-1)!.content).toMatch(/does not match the schema/);
  });

  it('returns ok:false with the raw text after the retry also fails, and does not throw', async () => {
    const { server, client } = await setup('I think it is RNA-seq.');
    const res = await parseIntentWithLlm(QUERY, client, kb);
    expect(res).toMatchObject({ ok: false, kind: 'invalid', raw: 'I think it is RNA-seq.' });
    expect(server.count).toBe(2);
  });

  it('answers a repeated query from the cache', async () => {
    const { server, client } = await setup(JSON.stringify(LLM_INTENT));
    const dir = tempDir('biotrain-llmparse-');
    const db = openStore(path.join(dir, 'store.db'));
    cleanups.push(() => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const cached = createCachedClient(client, db);
    await parseIntentWithLlm(QUERY, cached, kb);
    const second = await parseIntentWithLlm(QUERY, cached, kb);
    expect(second).toMatchObject({ ok: true, cached: true, intent: LLM_INTENT });
    expect(server.count).toBe(1);
  });
});

describe('parseIntentEnsemble', () => {
  it('reconciles the rule and LLM intents field by field', async () => {
    const rule = parseIntentWithRules(QUERY, kb);
    const { client } = await setup(JSON.stringify(LLM_INTENT));
    const res = await parseIntentEnsemble(QUERY, client, kb);

    expect(res.rule).toEqual(rule);
    expect(res.llm.ok).toBe(true);
    const rc = rule.confidence.toFixed(2);
    expect(res.reasons).toEqual({
      request_kind: 'agree',
      analysis_type: 'agree',
      organism: 'agree',
      tissue: 'agree',
      cell_type: 'llm: fills field rule left empty',
      data_type: 'agree',
      read_layout: 'agree',
      strandedness: 'agree',
      // the rules normalize KO/WT to knockout/wildtype; the LLM kept the abbreviations
      comparison: `rule: disagree, rule preferred (confidence ${rc})`,
      requested_tools: 'agree',
      constraints: 'agree',
      missing_information: 'derived: recomputed from reconciled fields',
      confidence: `derived: mean of rule ${rc} and llm 0.90, 1 disagreement(s)`,
    });
    expect(res.intent).toEqual({
      ...rule,
      cell_type: 'hepatocytes',
      confidence: Math.round(((rule.confidence + 0.9) / 2 - 0.1) * 100) / 100,
    });
  });

  it('keeps the rule values when the LLM answers outside the catalog', async () => {
    const bad = { ...LLM_INTENT, analysis_type: 'magic_seq', organism: { id: 'dragon', scientific_name: 'Draco', genome_build: 'D1' } };
    const { client } = await setup(JSON.stringify(bad));
    const res = await parseIntentEnsemble(QUERY, client, kb);
    expect(res.reasons.analysis_type).toBe('rule: llm returned unknown analysis type');
    expect(res.reasons.organism).toBe('rule: llm organism not in catalog');
    expect(res.intent.analysis_type).toBe('rna_seq_de');
    expect(res.intent.organism?.id).toBe('mouse');
  });

  it('falls back to the rule intent, with the reason, when the server fails', async () => {
    const { client } = await setup(JSON.stringify(LLM_INTENT), [{ status: 500 }], { maxRetries: 0 });
    const res = await parseIntentEnsemble(QUERY, client, kb);
    expect(res.intent).toEqual(parseIntentWithRules(QUERY, kb));
    expect(res.reasons.analysis_type).toMatch(/^rule: no llm intent \(transport: InternalServerError 500/);
  });
});
