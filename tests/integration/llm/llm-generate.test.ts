import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultGenerateDeps } from '../../../src-main/generators/default-deps';
import type { GenerateDeps } from '../../../src-main/generators/generate-job';
import { engineItemId } from '../../../src-main/generators/engine-id';
import { runLlmGenerate } from '../../../src-main/generators/llm-engine';
import { JobCancelledError } from '../../../src-main/jobs/job-runner';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { createCachedClient } from '../../../src-main/llm/cache';
import { createLlmClient, type LlmClientConfig } from '../../../src-main/llm/client';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import type { Db } from '../../../src-main/store/db';
import { escapeRe } from '../../support/regexp';
import { tempStore as makeTempStore } from '../../support/temp-store';
import { type ChatRequestBody, countTokens, type Fault, OpenAiTestServer, promptTokens } from '../../support/openai-test-server';
import { originalRequestOf, userTextOf } from '../../support/llm-prompts';
import { runCli } from '../../support/serve';
import { tempDir } from '../../support/serve';

const deps: GenerateDeps = defaultGenerateDeps();
const kb = deps.kb;
const SEED = 7;
const COUNT = 10;
// the first 10 planned variations are index 0 of the first base intents of gq_001..gq_010, two per style; one gets garbage
const BROKEN = kb.goldenQueries[2]!;
// the model is asked to rewrite the template's wording of the item's base intent
const BROKEN_TEXT = planTemplateItems(kb, 'query_variation', COUNT, SEED).render(2).input;
const llmId = (templateId: string, model = 'test-model') => engineItemId(templateId, `llm:${model}`);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const userText = userTextOf;
const lineAfter = (text: string, label: string) => new RegExp(`^${label}(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';

/** A fake model: valid JSON for every prompt kind, except never for the BROKEN golden query. */
function respond(body: ChatRequestBody): string {
  const user = userText(body);
  if (user.startsWith('Style:')) {
    const original = originalRequestOf(user);
    if (original === BROKEN_TEXT) return 'Sure! Here is a rewrite: (no JSON, sorry)';
    return JSON.stringify({ query: `Could you please run this for me: ${original}` });
  }
  if (user.includes('Candidate tools')) {
    const ids = [...user.matchAll(/^- ([a-z0-9_]+):/gm)].map((m) => m[1]);
    return JSON.stringify({ tools: ids.slice(0, 2).map((tool) => ({ tool, rationale: `${tool} fits this step.` })) });
  }
  if (user.includes('Tools, in order')) return JSON.stringify({ files: { 'main.nf': 'nextflow.enable.dsl = 2\n\nworkflow {\n}\n' } });
  if (user.startsWith('Question:')) return JSON.stringify({ explanation: `An answer to: ${lineAfter(user, 'Question: ')} It is grounded in the reference.` });
  if (user.startsWith('Failing tool:')) return JSON.stringify({ diagnosis: 'The process ran out of memory.', fix_steps: ['Raise the memory of the process.', 'Resume the run.'] });
  return '{}';
}

async function startServer(faults: Fault[] = []) {
  const server = new OpenAiTestServer({ respond, faults });
  const { baseURL } = await server.start();
  cleanups.push(() => server.close());
  return { server, baseURL };
}

const tempStore = (): Db => makeTempStore('biotrain-llmgen-', cleanups);

function cachedClient(db: Db, baseURL: string, cfg: Partial<LlmClientConfig> = {}) {
  return createCachedClient(createLlmClient({ baseURL, model: 'test-model', concurrency: 3, timeoutMs: 5_000, maxRetries: 2, ...cfg }), db);
}

const job = () => ({ jobId: null as unknown as string, signal: new AbortController().signal, progress: () => {} });
const count = (db: Db) => (db.prepare('SELECT count(*) AS n FROM examples').get() as { n: number }).n;

describe('runLlmGenerate against an OpenAI-compatible server with faults', () => {
  it('generates the planned items through 429s, 500s and latency, keeps invalid replies for review, counts usage and caches', async () => {
    const faults: Fault[] = [{ status: 429 }, { status: 500 }, { delayMs: 80 }, { delayMs: 30 }, { delayMs: 120 }, { delayMs: 10 }];
    const { server, baseURL } = await startServer(faults);
    const db = tempStore();
    const params = { kind: 'query_variation', count: COUNT, seed: SEED, engine: 'llm' };

    const summary = await runLlmGenerate(db, params, deps, job(), cachedClient(db, baseURL));

    expect(summary).toMatchObject({ kind: 'query_variation', engine: 'llm:test-model', planned: COUNT, inserted: COUNT, skippedExisting: 0, invalid: 1 });
    expect(summary.autoValidated + summary.needsReview).toBe(COUNT);
    expect(server.maxInFlight).toBeLessThanOrEqual(3);

    // the template engine's deterministic ids with the engine appended
    const plan = planTemplateItems(kb, 'query_variation', COUNT, SEED);
    const ids = (db.prepare('SELECT id FROM examples ORDER BY seq').pluck().all() as string[]).sort();
    expect(ids).toEqual(plan.specs.map((_, i) => `${plan.id(i)}.llm-test-model`).sort());

    const repo = new ExamplesRepo(db);
    const broken = repo.get(llmId(plan.id(2)))!;
    expect(broken.status).toBe('needs_review');
    expect(broken.engine).toBe('llm:test-model');
    expect(broken.output.explanation).toMatch(/^LLM output rejected: not valid JSON/);
    expect(broken.output.explanation).toContain('Sure! Here is a rewrite: (no JSON, sorry)');
    // the template rendering of the same item stands in, so input and intent still belong together
    const template = plan.render(2);
    expect(template.baseId).toBe(BROKEN.id);
    expect(broken.input).toBe(template.input);
    // the round trip replaces the target confidence with the parser's calibrated one; every other field is the template's
    expect(broken.output.intent).toEqual({ ...template.output.intent, confidence: broken.output.intent!.confidence });

    const good = repo.get(llmId(plan.id(0)))!;
    expect(good.input).toBe(`Could you please run this for me: ${plan.render(0).input}`);
    expect(good.output.explanation).toBeUndefined();
    expect(good.ground_truth_intent).toEqual((plan.specs[0] as { base: { intent: unknown } }).base.intent);
    expect(good.parsed_intent).not.toBeNull();

    // 9 valid items x 1 call + the broken one x 2 (corrective retry) answered, plus 2 failed attempts
    expect(server.count).toBe(9 + 2 + 2);
    const answered = server.requests.slice(2);
    expect(summary.usage).toEqual({
      calls: 11,
      cacheHits: 0,
      promptTokens: answered.reduce((n, b) => n + promptTokens(b), 0),
      completionTokens: answered.reduce((n, b) => n + countTokens(respond(b)), 0),
    });

    // a second run: every id is stored, so no request and no insert
    const again = await runLlmGenerate(db, params, deps, job(), cachedClient(db, baseURL));
    expect(server.count).toBe(13);
    expect(again).toMatchObject({ inserted: 0, skippedExisting: COUNT, usage: { calls: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0 } });
    expect(count(db)).toBe(COUNT);

    // with the examples gone, valid replies come from llm_cache; only the invalid item is asked again
    db.prepare('DELETE FROM examples').run();
    const fromCache = await runLlmGenerate(db, params, deps, job(), cachedClient(db, baseURL));
    expect(fromCache).toMatchObject({ inserted: COUNT, invalid: 1, usage: { cacheHits: 9, calls: 2 } });
    expect(server.count).toBe(15);
  });

  it('stores the answered items, fails the job for unanswered ones, and a rerun asks only for those', async () => {
    const { server, baseURL } = await startServer([{ status: 500 }]);
    const db = tempStore();
    // gq_001 and gq_002 only, so the broken item (and its corrective retry) stays out of the count
    const params = { kind: 'query_variation', count: 2, seed: SEED, engine: 'llm' };

    await expect(runLlmGenerate(db, params, deps, job(), cachedClient(db, baseURL, { maxRetries: 0 }))).rejects.toThrow(
      new RegExp(`^1 of 2 item\\(s\\) got no reply from the LLM \\(last error: InternalServerError 500.*\\) at ${escapeRe(baseURL)}; 1 were stored\\. Resume`),
    );
    expect(count(db)).toBe(1);

    const resumed = await runLlmGenerate(db, params, deps, job(), cachedClient(db, baseURL, { maxRetries: 0 }));
    expect(resumed).toMatchObject({ inserted: 1, skippedExisting: 1, usage: { calls: 1 } });
    expect(server.count).toBe(3);
  });

  it('stops at the first batch when the server never answers', async () => {
    const { server, baseURL } = await startServer(Array.from({ length: 50 }, () => ({ status: 500 as const })));
    const db = tempStore();
    await expect(
      runLlmGenerate(db, { kind: 'education', count: 40, seed: 1, engine: 'llm' }, deps, job(), cachedClient(db, baseURL, { maxRetries: 0 })),
    ).rejects.toThrow(new RegExp(`^the LLM at ${escapeRe(baseURL)} \\(model [^)]+\\) did not answer any request: InternalServerError 500`));
    // one batch of 32 requests, not 40
    expect(server.count).toBe(32);
    expect(count(db)).toBe(0);
  });

  it('keeps the client concurrency in flight across batches: a slow first reply holds no later request back, rows stay in plan order', async () => {
    const plan = planTemplateItems(kb, 'education', 40, 5);
    const first = plan.render(0).input;
    let requestsWhenFirstAnswered = -1;
    const server = new OpenAiTestServer({
      respond: (body) => {
        if (lineAfter(userText(body), 'Question: ') === first) requestsWhenFirstAnswered = server.count;
        return respond(body);
      },
      faultFor: (body) => ({ delayMs: lineAfter(userText(body), 'Question: ') === first ? 1500 : 5 }),
    });
    const { baseURL } = await server.start();
    cleanups.push(() => server.close());
    const db = tempStore();
    const progress: number[] = [];
    const summary = await runLlmGenerate(
      db,
      { kind: 'education', count: 40, seed: 5, engine: 'llm' },
      deps,
      { ...job(), progress: (done) => progress.push(done) },
      cachedClient(db, baseURL),
    );

    expect(summary).toMatchObject({ planned: 40, inserted: 40, skippedExisting: 0, invalid: 0 });
    // every other item (past the first batch of 32 too) was requested while item 0 was held
    expect(requestsWhenFirstAnswered).toBe(40);
    expect(server.count).toBe(40);
    expect(server.maxInFlight).toBe(3);
    // stored in plan order although item 0 came back last
    expect(db.prepare('SELECT id FROM examples ORDER BY seq').pluck().all()).toEqual(plan.specs.map((_, i) => llmId(plan.id(i))));
    expect(progress).toEqual(Array.from({ length: 41 }, (_, i) => i));
  });

  it('stores the same rows in the same order whatever order the replies come back in', async () => {
    const rows: unknown[] = [];
    for (const order of ['forward', 'reverse'] as const) {
      const plan = planTemplateItems(kb, 'query_variation', 70, 9);
      const indexOf = new Map(plan.specs.map((_, i) => [plan.render(i).input, i]));
      // replies come back roughly in plan order, then roughly in reverse order (later items faster)
      const server = new OpenAiTestServer({
        respond,
        faultFor: (body) => {
          const i = indexOf.get(originalRequestOf(userText(body))) ?? 0;
          return { delayMs: order === 'forward' ? 2 + (i % 3) : 40 - (i % 40) };
        },
      });
      const { baseURL } = await server.start();
      cleanups.push(() => server.close());
      const db = tempStore();
      const summary = await runLlmGenerate(db, { kind: 'query_variation', count: 70, seed: 9, engine: 'llm' }, deps, job(), cachedClient(db, baseURL, { concurrency: 5 }));
      expect(summary).toMatchObject({ planned: 70, inserted: 70, skippedExisting: 0 });
      rows.push({ summary: { ...summary, usage: null }, rows: db.prepare('SELECT id, seq, input, status, output, parsed_intent FROM examples ORDER BY seq').all() });
    }
    expect(rows[1]).toEqual(rows[0]);
  });

  it('a cancel stops new requests, keeps the batches already stored, and a resume asks only for the rest', async () => {
    const { server, baseURL } = await startServer();
    const db = tempStore();
    const params = { kind: 'education', count: 80, seed: 5, engine: 'llm' };
    const controller = new AbortController();
    const cancelling = { jobId: 'cancel-me', signal: controller.signal, progress: (done: number) => done === 40 && controller.abort() };

    await expect(runLlmGenerate(db, params, deps, cancelling, cachedClient(db, baseURL))).rejects.toBeInstanceOf(JobCancelledError);
    // requests sent before the cancel may still be arriving; none is sent after it
    await new Promise((r) => setTimeout(r, 300));
    const sent = server.count;
    // 40 settled, at most the 3 then in flight besides
    expect(sent).toBeGreaterThanOrEqual(40);
    expect(sent).toBeLessThanOrEqual(43);
    const plan = planTemplateItems(kb, 'education', 80, 5);
    const ids = plan.specs.map((_, i) => llmId(plan.id(i)));
    // the first batch of 32 was stored; the 8 settled after it are dropped (cached, so a resume does not pay for them)
    expect(db.prepare('SELECT id FROM examples ORDER BY seq').pluck().all()).toEqual(ids.slice(0, 32));

    const resumed = await runLlmGenerate(db, params, deps, job(), cachedClient(db, baseURL));
    expect(resumed).toMatchObject({ inserted: 48, skippedExisting: 32, usage: { cacheHits: 8 } });
    expect(server.count).toBe(sent + 40);
    expect(db.prepare('SELECT id FROM examples ORDER BY seq').pluck().all()).toEqual(ids);
  });

  it.each(['tool_selection', 'workflow', 'education', 'error_diagnosis'] as const)('generates %s examples from the model reply', async (kind) => {
    const { baseURL } = await startServer();
    const db = tempStore();
    const summary = await runLlmGenerate(db, { kind, count: 3, seed: 3, engine: 'llm' }, deps, job(), cachedClient(db, baseURL));
    expect(summary).toMatchObject({ kind, engine: 'llm:test-model', planned: 3, inserted: 3, invalid: 0 });

    const plan = planTemplateItems(kb, kind, 3, 3);
    const repo = new ExamplesRepo(db);
    for (let i = 0; i < 3; i++) {
      const template = plan.render(i);
      const e = repo.get(llmId(plan.id(i)))!;
      expect(e.engine).toBe('llm:test-model');
      expect(e.input).toBe(template.input);
      if (kind === 'tool_selection') {
        expect(e.output.intent).toEqual({ ...template.output.intent, confidence: e.output.intent!.confidence });
        expect(e.output.tools!.length).toBe(2);
        expect(e.output.tools!.every((t) => kb.toolById.has(t.tool))).toBe(true);
        expect(e.status).toBe('auto_validated');
      }
      if (kind === 'workflow') expect(Object.keys(e.output.workflow!.files)).toEqual(['main.nf']);
      if (kind === 'education') expect(e.output.explanation).toMatch(/^An answer to: /);
      if (kind === 'error_diagnosis') expect(e.output).toEqual({ diagnosis: 'The process ran out of memory.', fix_steps: ['Raise the memory of the process.', 'Resume the run.'] });
    }
  });
});

describe('one prompt per distinct task', () => {
  it('never sends a prompt twice for one seed: an item whose prompt repeats an earlier item of the plan is not asked or stored', async () => {
    // the first error-diagnosis item of seed 7 whose user message and log repeat an earlier item's (so the same prompt)
    const probe = planTemplateItems(kb, 'error_diagnosis', 600, 7);
    const seen = new Map<string, number>();
    let repeat = -1;
    let first = -1;
    for (let i = 0; i < 600 && repeat < 0; i++) {
      const input = probe.render(i).input;
      const earlier = seen.get(input);
      if (earlier === undefined) seen.set(input, i);
      else [first, repeat] = [earlier, i];
    }
    expect(repeat).toBeGreaterThan(0);
    const count = repeat + 1;
    const plan = planTemplateItems(kb, 'error_diagnosis', count, 7);
    expect(plan.render(repeat).input).toBe(plan.render(first).input);
    expect(plan.render(repeat).output).toEqual(plan.render(first).output);
    const { server, baseURL } = await startServer();
    const db = tempStore();
    const summary = await runLlmGenerate(db, { kind: 'error_diagnosis', count, seed: 7, engine: 'llm' }, deps, job(), cachedClient(db, baseURL));
    expect(summary).toMatchObject({ planned: count, inserted: repeat, skippedExisting: 0, duplicatePrompts: 1, usage: { calls: repeat, cacheHits: 0 } });
    const bodies = server.requests.map((b) => JSON.stringify(b.messages));
    expect(bodies).toHaveLength(repeat);
    expect(new Set(bodies).size).toBe(repeat);
    const repo = new ExamplesRepo(db);
    expect(repo.get(llmId(plan.id(first)))).toBeDefined();
    expect(repo.get(llmId(plan.id(repeat)))).toBeUndefined();
    // a rerun asks for nothing: the repeated item is still a repeat, the rest are stored
    const again = await runLlmGenerate(db, { kind: 'error_diagnosis', count, seed: 7, engine: 'llm' }, deps, job(), cachedClient(db, baseURL));
    expect(again).toMatchObject({ inserted: 0, skippedExisting: repeat, duplicatePrompts: 1, usage: { calls: 0 } });
    expect(server.count).toBe(repeat);
  });
});

describe('biotrain generate --engine llm (built CLI)', () => {
  it('uses the server named by env, never prints the API key, and a rerun makes no request', async () => {
    const { server, baseURL } = await startServer([{ status: 429 }, { delayMs: 50 }]);
    const dir = tempDir('biotrain-llmcli-');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const dbPath = path.join(dir, 'store.sqlite');
    const key = 'sk-test-do-not-print-4711';
    const env = { BIOTRAIN_LLM_BASE_URL: baseURL, BIOTRAIN_LLM_MODEL: 'cli-model', BIOTRAIN_LLM_API_KEY: key };
    const args = ['generate', '--engine', 'llm', '--kind', 'query_variation', '--count', '5', '--seed', String(SEED), '--db', dbPath];

    const first = await runCli([...args, '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(`${first.stdout}${first.stderr}`).not.toContain(key);
    const [summary] = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ engine: 'llm:cli-model', planned: 5, inserted: 5, invalid: 1, usage: { calls: 6, cacheHits: 0 } });
    expect(server.requests.every((r) => r.model === 'cli-model')).toBe(true);
    const before = server.count;

    const second = await runCli(args, { env });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 LLM call\(s\), 0 cache hit\(s\)/);
    expect(`${second.stdout}${second.stderr}`).not.toContain(key);
    expect(server.count).toBe(before);
    // nor is it stored: the cache keeps model + messages, the settings table refuses secret-like keys
    expect(fs.readFileSync(dbPath).includes(key)).toBe(false);
  });
});
