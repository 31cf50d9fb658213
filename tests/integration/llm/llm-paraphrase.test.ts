import { afterEach, describe, expect, it } from 'vitest';
import { defaultGenerateDeps } from '../../../src-main/generators/default-deps';
import { engineItemId } from '../../../src-main/generators/engine-id';
import { runGenerate } from '../../../src-main/generators/generate-job';
import { runLlmGenerate } from '../../../src-main/generators/llm-engine';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { createCachedClient } from '../../../src-main/llm/cache';
import { createLlmClient } from '../../../src-main/llm/client';
import type { Db } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { escapeRe } from '../../support/regexp';
import { tempStore as makeTempStore } from '../../support/temp-store';
import { type ChatRequestBody, type Fault, OpenAiTestServer } from '../../support/openai-test-server';

const deps = defaultGenerateDeps();
const SEED = 7;
const COUNT = 10;
const ENGINE = 'llm:paraphraser';
const plan = planTemplateItems(deps.kb, 'query_variation', COUNT, SEED);
const templateText = (i: number) => plan.render(i).input;
const llmId = (i: number) => engineItemId(plan.id(i), ENGINE);

/**
 * What the scripted model does with item i of the plan (the first ten variations, seed 7: formal wordings of
 * the first base intents of gq_001..gq_010, whose template wordings all round-trip).
 */
const SCRIPT: Record<number, 'good' | 'wrong_analysis' | 'empty' | 'malformed' | 'malformed_then_good' | 'rate_limited'> = {
  0: 'good',
  1: 'wrong_analysis',
  2: 'empty',
  3: 'malformed',
  4: 'malformed_then_good',
  5: 'rate_limited',
  6: 'good',
  7: 'good',
  8: 'good',
  9: 'good',
};
const WRONG = 'Call peaks on H3K27ac ChIP-seq of human liver against input controls.';
const good = (text: string) => `Could you set this up for me? ${text}`;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const userOf = (body: ChatRequestBody) => body.messages.find((m) => m.role === 'user')?.content ?? '';
const itemOf = (body: ChatRequestBody): number => {
  const original = /^Original request: (.*)$/m.exec(userOf(body))?.[1] ?? '';
  return plan.specs.findIndex((_, i) => templateText(i) === original);
};
const isCorrection = (body: ChatRequestBody) => body.messages.length > 2;

function respond(body: ChatRequestBody): string {
  const i = itemOf(body);
  if (i < 0) return JSON.stringify({ explanation: 'An explanation long enough for the education schema.' });
  switch (SCRIPT[i]) {
    case 'wrong_analysis':
      return JSON.stringify({ query: WRONG });
    case 'empty':
      return JSON.stringify({ query: '' });
    case 'malformed':
      return '{"query": "Kindly set up';
    case 'malformed_then_good':
      return isCorrection(body) ? JSON.stringify({ query: good(templateText(i)) }) : 'Here you go: {query: nope}';
    default:
      return JSON.stringify({ query: good(templateText(i)) });
  }
}

/** 429 for item 5 while `limited` holds: on its first `limitedAttempts` requests, or on every request. */
function rateLimit(state: { attempts: number; limitedAttempts: number }) {
  return (body: ChatRequestBody): Fault | undefined => {
    if (SCRIPT[itemOf(body)] !== 'rate_limited') return undefined;
    state.attempts++;
    return state.attempts <= state.limitedAttempts ? { status: 429 } : undefined;
  };
}

async function startServer(state: { attempts: number; limitedAttempts: number }, faults: Fault[] = []) {
  const server = new OpenAiTestServer({ respond, faults, faultFor: rateLimit(state) });
  const { baseURL } = await server.start();
  cleanups.push(() => server.close());
  return { server, baseURL };
}

const tempStore = (): Db => makeTempStore('biotrain-paraphrase-', cleanups);

const client = (db: Db, baseURL: string) =>
  createCachedClient(createLlmClient({ baseURL, model: 'paraphraser', concurrency: 3, timeoutMs: 5_000, maxRetries: 2 }), db);
const job = () => ({ jobId: null as unknown as string, signal: new AbortController().signal, progress: () => {} });
const params = { kind: 'query_variation', count: COUNT, seed: SEED, engine: 'llm' } as const;

describe('LLM paraphrases through the loopback server, after the template engine filled the store', () => {
  it('adds its own items (ids carry the engine), round-trips every paraphrase, sends mismatches and bad replies to review', async () => {
    const db = tempStore();
    const template = await runGenerate(db, { ...params, engine: 'template' }, deps, job());
    expect(template).toMatchObject({ engine: 'template', requested: 10, planned: 10, capped: null, inserted: 10, autoValidated: 10, needsReview: 0 });

    // item 5 is rate limited twice (the client retries), and one more request anywhere gets a 429
    const state = { attempts: 0, limitedAttempts: 2 };
    const { server, baseURL } = await startServer(state, [{ status: 429 }]);
    const summary = await runLlmGenerate(db, params, deps, job(), client(db, baseURL));

    // not a no-op: 10 new items beside the template's 10
    expect(summary).toMatchObject({ engine: ENGINE, requested: 10, planned: 10, capped: null, inserted: 10, skippedExisting: 0, invalid: 2, autoValidated: 7, needsReview: 3 });
    expect(db.prepare('SELECT count(*) FROM examples').pluck().get()).toBe(20);
    expect(db.prepare("SELECT count(*) FROM examples WHERE engine = 'template' AND status = 'auto_validated'").pluck().get()).toBe(10);
    // calls: 6 good items x 1, the wrong one x 1, empty / malformed / malformed-then-good x 2 (corrective turn)
    expect(summary.usage.calls).toBe(6 + 1 + 2 + 2 + 2);
    // plus item 5's two 429s and the queued one
    expect(server.count).toBe(13 + 2 + 1);

    // the model is asked to rewrite this item's base-intent wording, with that intent, not the golden query's
    const ask0 = server.requests.find((b) => itemOf(b) === 0)!;
    expect(userOf(ask0)).toContain(`Original request: ${templateText(0)}`);
    expect(userOf(ask0)).toContain(`"analysis_type":"${plan.render(0).output.intent!.analysis_type}"`);

    const repo = new ExamplesRepo(db);
    const byScript = (s: string) => Object.entries(SCRIPT).filter(([, v]) => v === s).map(([i]) => repo.get(llmId(Number(i)))!);
    for (const e of [...byScript('good'), ...byScript('malformed_then_good'), ...byScript('rate_limited')]) {
      expect(e.status, e.id).toBe('auto_validated');
      expect(e.engine).toBe(ENGINE);
      expect(e.input).toBe(good(templateText(plan.specs.findIndex((_, i) => llmId(i) === e.id))));
      expect(e.intent_diff!.mismatches).toBe(0);
      expect(e.template_id).toBe(`${ENGINE}-formal`);
    }

    const [wrong] = byScript('wrong_analysis');
    expect(wrong!.input).toBe(WRONG);
    expect(wrong!.status).toBe('needs_review');
    const differing = wrong!.intent_diff!.fields.filter((f) => f.status !== 'same').map((f) => f.field);
    expect(differing).toContain('analysis_type');
    expect(wrong!.parsed_intent!.analysis_type).toBe('chip_seq');
    expect(wrong!.ground_truth_intent!.analysis_type).toBe('rna_seq_de');

    const [empty] = byScript('empty');
    expect(empty!.status).toBe('needs_review');
    expect(empty!.output.explanation).toMatch(/^LLM output rejected: does not match the schema/);
    const [malformed] = byScript('malformed');
    expect(malformed!.status).toBe('needs_review');
    expect(malformed!.output.explanation).toMatch(/^LLM output rejected: not valid JSON/);
    expect(malformed!.output.explanation).toContain('{"query": "Kindly set up');
  });

  it('an item the server keeps refusing (429) fails the job after storing the rest; a rerun asks for it alone', async () => {
    const db = tempStore();
    const state = { attempts: 0, limitedAttempts: Number.POSITIVE_INFINITY };
    const { server, baseURL } = await startServer(state);
    await expect(runLlmGenerate(db, params, deps, job(), client(db, baseURL))).rejects.toThrow(
      new RegExp(`^1 of 10 item\\(s\\) got no reply from the LLM \\(last error: RateLimitError 429.*\\) at ${escapeRe(baseURL)}; 9 were stored\\. Resume the job to retry the rest\\.$`),
    );
    // the first request and the client's 2 retries
    expect(state.attempts).toBe(3);
    expect(db.prepare('SELECT count(*) FROM examples').pluck().get()).toBe(9);
    expect(new ExamplesRepo(db).get(llmId(5))).toBeUndefined();

    state.limitedAttempts = 0;
    const before = server.count;
    const rerun = await runLlmGenerate(db, params, deps, job(), client(db, baseURL));
    expect(rerun).toMatchObject({ inserted: 1, skippedExisting: 9, invalid: 0, autoValidated: 1, needsReview: 0, usage: { calls: 1 } });
    expect(server.count).toBe(before + 1);
  });

  it('a count above what a kind holds says it was capped', async () => {
    const db = tempStore();
    const { baseURL } = await startServer({ attempts: 0, limitedAttempts: 0 });
    const full = planTemplateItems(deps.kb, 'education', 100_000, SEED).specs.length;
    expect(full).toBeLessThan(100_000);
    const summary = await runGenerate(db, { kind: 'education', count: 100_000, seed: SEED }, deps, job());
    expect(summary).toMatchObject({ requested: 100_000, planned: full, inserted: full });
    expect(summary.capped).toBe(
      `capped: education holds ${full.toLocaleString('en-US')} distinct items, so ${full.toLocaleString('en-US')} of the 100,000 asked for were planned`,
    );
    const small = await runLlmGenerate(db, { kind: 'education', count: 2, seed: SEED, engine: 'llm' }, deps, job(), client(db, baseURL));
    expect(small).toMatchObject({ requested: 2, planned: 2, capped: null });
  });
});
