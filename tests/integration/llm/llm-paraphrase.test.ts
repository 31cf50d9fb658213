import { afterEach, describe, expect, it } from 'vitest';
import { defaultGenerateDeps } from '../../../src-main/generators/default-deps';
import { engineItemId } from '../../../src-main/generators/engine-id';
import { runGenerate } from '../../../src-main/generators/generate-job';
import { makeExample } from '../../../src-main/generators/example-factory';
import { runLlmGenerate } from '../../../src-main/generators/llm-engine';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import type { VariationSpec } from '../../../src-main/generators/variations';
import { createCachedClient } from '../../../src-main/llm/cache';
import { createLlmClient } from '../../../src-main/llm/client';
import type { Db } from '../../../src-main/store/db';
import { roundTrip } from '../../../src-main/round-trip/check';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { escapeRe } from '../../support/regexp';
import { tempStore as makeTempStore } from '../../support/temp-store';
import { type ChatRequestBody, type Fault, OpenAiTestServer } from '../../support/openai-test-server';
import { originalRequestOf, userTextOf } from '../../support/llm-prompts';

const deps = defaultGenerateDeps();
const SEED = 7;
const COUNT = 10;
const ENGINE = 'llm:paraphraser';
const plan = planTemplateItems(deps.kb, 'query_variation', COUNT, SEED);
const styleOf = (i: number) => (plan.specs[i] as VariationSpec).style;
const templateText = (i: number) => plan.render(i).input;
const llmId = (i: number) => engineItemId(plan.id(i), ENGINE);

type Role = 'good' | 'wrong_analysis' | 'empty' | 'malformed' | 'malformed_then_good' | 'rate_limited';
const templateRoundTrips = (i: number) => roundTrip(makeExample(plan.render(i)), deps).status === 'auto_validated';

/**
 * What the scripted model does with each item of the plan, assigned by what an item is, not by where the plan
 * puts it: the roles that test a failure go to items whose template wording round-trips (and the wrong
 * analysis to an item that is not ChIP-seq), every other item gets a good paraphrase. So the assertions hold
 * for any order of styles and base intents in the plan.
 */
const SCRIPT: Record<number, Role> = {};
{
  const special: Role[] = ['wrong_analysis', 'empty', 'malformed', 'malformed_then_good', 'rate_limited'];
  for (let i = 0; i < COUNT; i++) {
    const fits = templateRoundTrips(i) && (special[0] !== 'wrong_analysis' || plan.render(i).output.intent!.analysis_type !== 'chip_seq');
    SCRIPT[i] = fits ? (special.shift() ?? 'good') : 'good';
  }
}
const itemsWith = (role: Role) => Object.entries(SCRIPT).filter(([, v]) => v === role).map(([i]) => Number(i));
const WRONG = 'Call peaks on H3K27ac ChIP-seq of human liver against input controls.';
const good = (text: string) => `Could you set this up for me? ${text}`;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const userOf = userTextOf;
const itemOf = (body: ChatRequestBody): number => {
  const original = originalRequestOf(userOf(body));
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

/** 429 for the rate-limited item while `limited` holds: on its first `limitedAttempts` requests, or on every request. */
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
    // the first ten variations of the plan hold every style twice (the plan is balanced over styles)
    const styles: Record<string, number> = {};
    for (let i = 0; i < COUNT; i++) styles[styleOf(i)] = (styles[styleOf(i)] ?? 0) + 1;
    expect(styles).toEqual({ formal: 2, casual: 2, minimal: 2, detailed: 2, edge_case: 2 });
    const clean = plan.specs.map((_, i) => i).filter(templateRoundTrips);
    // every role that tests a failure found an item whose template wording reads back as its intent
    for (const role of ['wrong_analysis', 'empty', 'malformed', 'malformed_then_good', 'rate_limited'] as const) expect(itemsWith(role), role).toHaveLength(1);

    const db = tempStore();
    const template = await runGenerate(db, { ...params, engine: 'template' }, deps, job());
    expect(template).toMatchObject({ engine: 'template', requested: 10, planned: 10, capped: null, inserted: 10, autoValidated: clean.length, needsReview: 10 - clean.length });

    // item 'rate_limited' is rate limited twice (the client retries), and one more request anywhere gets a 429
    const state = { attempts: 0, limitedAttempts: 2 };
    const { server, baseURL } = await startServer(state, [{ status: 429 }]);
    const summary = await runLlmGenerate(db, params, deps, job(), client(db, baseURL));

    // not a no-op: 10 new items beside the template's 10; a good paraphrase round-trips exactly when the
    // wording it keeps does, the three recovered items too, the rest go to review
    const goodClean = itemsWith('good').filter(templateRoundTrips).length;
    const auto = goodClean + 2;
    expect(summary).toMatchObject({ engine: ENGINE, requested: 10, planned: 10, capped: null, inserted: 10, skippedExisting: 0, invalid: 2, autoValidated: auto, needsReview: 10 - auto });
    expect(db.prepare('SELECT count(*) FROM examples').pluck().get()).toBe(20);
    expect(db.prepare("SELECT count(*) FROM examples WHERE engine = 'template' AND status = 'auto_validated'").pluck().get()).toBe(clean.length);
    // calls: good and rate-limited items x 1, the wrong one x 1, empty / malformed / malformed-then-good x 2 (corrective turn)
    const calls = itemsWith('good').length + 1 + 1 + 2 * 3;
    expect(calls).toBe(13);
    expect(summary.usage.calls).toBe(calls);
    // plus the rate-limited item's two 429s and the queued one
    expect(server.count).toBe(calls + 2 + 1);

    // the model is asked to rewrite each item's base-intent wording in the item's own style, with the
    // intent that wording states, not the golden query's
    for (let i = 0; i < COUNT; i++) {
      const ask = server.requests.find((b) => itemOf(b) === i)!;
      expect(userOf(ask)).toContain(`Style: ${styleOf(i)} `);
      expect(userOf(ask)).toContain(`Original request: ${templateText(i)}`);
      expect(userOf(ask)).toContain(`"analysis_type":"${plan.render(i).output.intent!.analysis_type}"`);
    }

    const repo = new ExamplesRepo(db);
    const byScript = (s: Role) => itemsWith(s).map((i) => ({ i, e: repo.get(llmId(i))! }));
    for (const { i, e } of [...byScript('good'), ...byScript('malformed_then_good'), ...byScript('rate_limited')]) {
      expect(e.engine).toBe(ENGINE);
      expect(e.input).toBe(good(templateText(i)));
      expect(e.template_id).toBe(`${ENGINE}-${styleOf(i)}`);
      const templateDiff = repo.get(plan.id(i))!.intent_diff!;
      // the paraphrase is checked by the round trip, not trusted: it reads back as its template wording does
      expect(e.status, e.id).toBe(templateDiff.mismatches === 0 ? 'auto_validated' : 'needs_review');
      expect(e.intent_diff!.fields.filter((f) => f.status !== 'same')).toEqual(templateDiff.fields.filter((f) => f.status !== 'same'));
    }

    const [wrong] = byScript('wrong_analysis');
    expect(wrong!.e.input).toBe(WRONG);
    expect(wrong!.e.status).toBe('needs_review');
    const differing = wrong!.e.intent_diff!.fields.filter((f) => f.status !== 'same').map((f) => f.field);
    expect(differing).toContain('analysis_type');
    expect(wrong!.e.parsed_intent!.analysis_type).toBe('chip_seq');
    expect(wrong!.e.ground_truth_intent!.analysis_type).toBe(plan.render(wrong!.i).output.intent!.analysis_type);
    expect(wrong!.e.ground_truth_intent!.analysis_type).not.toBe('chip_seq');

    const [empty] = byScript('empty');
    expect(empty!.e.status).toBe('needs_review');
    expect(empty!.e.output.explanation).toMatch(/^LLM output rejected: does not match the schema/);
    const [malformed] = byScript('malformed');
    expect(malformed!.e.status).toBe('needs_review');
    expect(malformed!.e.output.explanation).toMatch(/^LLM output rejected: not valid JSON/);
    expect(malformed!.e.output.explanation).toContain('{"query": "Kindly set up');
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
    expect(new ExamplesRepo(db).get(llmId(itemsWith('rate_limited')[0]!))).toBeUndefined();

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
