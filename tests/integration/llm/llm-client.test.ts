import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCachedClient } from '../../../src-main/llm/cache';
import { type ChatMessage, createLlmClient, type LlmClientConfig, stripFences } from '../../../src-main/llm/client';
import type { Db } from '../../../src-main/store/db';
import { type Fault, OpenAiTestServer, type OpenAiTestServerOptions } from '../../support/openai-test-server';
import { tempStore as makeTempStore } from '../../support/temp-store';

const Answer = z.object({ answer: z.string() });

// 4 + 5 = 9 prompt tokens under the server's word count.
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'Reply with JSON only.' },
  { role: 'user', content: 'What is two plus two?' },
];
// 2 completion tokens.
const GOOD = '{"answer": "four"}';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(opts: Partial<OpenAiTestServerOptions> = {}, cfg: Partial<LlmClientConfig> = {}) {
  const server = new OpenAiTestServer({ respond: () => GOOD, ...opts });
  const { baseURL } = await server.start();
  cleanups.push(() => server.close());
  const client = createLlmClient({ baseURL, model: 'test-model', concurrency: 4, timeoutMs: 5_000, maxRetries: 2, ...cfg });
  return { server, client };
}

const tempStore = (): Db => makeTempStore('biotrain-llm-', cleanups);

describe('stripFences', () => {
  it('unwraps ```json fences and leaves bare JSON alone', () => {
    expect(stripFences('```json\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(stripFences('Here:\n```\n[1]\n```\n')).toBe('[1]');
    expect(stripFences('  {"a": 1} ')).toBe('{"a": 1}');
  });
});

describe('createLlmClient against an OpenAI-compatible server', () => {
  it('returns the schema-validated value, sends model and messages, and counts usage exactly', async () => {
    const { server, client } = await setup();
    const res = await client.chatJson(MESSAGES, Answer, { temperature: 0.2 });

    expect(res).toEqual({ ok: true, value: { answer: 'four' }, raw: GOOD, usage: { promptTokens: 9, completionTokens: 2 } });
    expect(server.count).toBe(1);
    expect(server.requests[0]).toMatchObject({ model: 'test-model', messages: MESSAGES, temperature: 0.2 });
    expect(client.usage()).toEqual({ promptTokens: 9, completionTokens: 2, calls: 1 });
  });

  it('accepts JSON wrapped in a ```json fence', async () => {
    const { client } = await setup({ respond: () => `\`\`\`json\n${GOOD}\n\`\`\`` });
    const res = await client.chatJson(MESSAGES, Answer);
    expect(res.ok && res.value).toEqual({ answer: 'four' });
  });

  it('retries 429 then 500 and succeeds on the third request', async () => {
    const { server, client } = await setup({ faults: [{ status: 429 }, { status: 500 }] });
    const res = await client.chatJson(MESSAGES, Answer);

    expect(res.ok).toBe(true);
    expect(server.count).toBe(3);
    // Failed attempts carry no usage; only the answered call counts.
    expect(client.usage()).toEqual({ promptTokens: 9, completionTokens: 2, calls: 1 });
  });

  it('gives up with a transport error once retries are exhausted', async () => {
    const { server, client } = await setup({ faults: [{ status: 500 }, { status: 500 }] }, { maxRetries: 1 });
    const res = await client.chatJson(MESSAGES, Answer);

    expect(res).toMatchObject({ ok: false, kind: 'transport', raw: '' });
    expect(!res.ok && res.error).toMatch(/500/);
    expect(server.count).toBe(2);
    expect(client.usage()).toEqual({ promptTokens: 0, completionTokens: 0, calls: 0 });
  });

  it('sends one corrective retry, then returns ok:false with the raw text instead of throwing', async () => {
    const { server, client } = await setup({ faults: [{ content: 'not json' }, { content: 'still not json' }] });
    const res = await client.chatJson(MESSAGES, Answer);

    expect(res).toMatchObject({ ok: false, kind: 'invalid', raw: 'still not json' });
    expect(!res.ok && res.error).toMatch(/not valid JSON/);
    expect(server.count).toBe(2);
    const retry = server.requests[1]!.messages;
    expect(retry.slice(0, 2)).toEqual(MESSAGES);
    expect(retry[2]).toEqual({ role: 'assistant', content: 'not json' });
    expect(retry[3]?.role).toBe('user');
    expect(retry[3]?.content).toMatch(/corrected JSON/);

    // Usage covers both requests: the retry's prompt repeats the conversation plus the correction.
    const retryPrompt = retry.reduce((n, m) => n + m.content.trim().split(/\s+/).length, 0);
    expect(res.usage).toEqual({ promptTokens: 9 + retryPrompt, completionTokens: 2 + 3 });
    expect(client.usage()).toEqual({ promptTokens: 9 + retryPrompt, completionTokens: 5, calls: 2 });
  });

  it('recovers when the corrective retry returns valid JSON', async () => {
    const { server, client } = await setup({ faults: [{ content: '{"answer": 4}' }] });
    const res = await client.chatJson(MESSAGES, Answer);

    expect(res).toMatchObject({ ok: true, value: { answer: 'four' }, raw: GOOD });
    expect(server.count).toBe(2);
    expect(server.requests[1]!.messages[3]?.content).toMatch(/does not match the schema/);
  });

  it('resolves a request that outlives the timeout as a transport error (no rejection)', async () => {
    const { server, client } = await setup({ faults: [{ delayMs: 2_000 }] }, { timeoutMs: 100, maxRetries: 0 });
    const started = Date.now();
    const res = await client.chatJson(MESSAGES, Answer);

    expect(res).toMatchObject({ ok: false, kind: 'transport' });
    expect(!res.ok && res.error).toMatch(/timed out/i);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(server.count).toBe(1);
    expect(client.usage().calls).toBe(0);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const faults: Fault[] = Array.from({ length: 6 }, () => ({ delayMs: 50 }));
    const { server, client } = await setup({ faults }, { concurrency: 2 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => client.chatJson([...MESSAGES, { role: 'user', content: `call ${i}` }], Answer)),
    );

    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.count).toBe(6);
    expect(server.maxInFlight).toBe(2);
    expect(client.usage()).toEqual({ promptTokens: 6 * (9 + 2), completionTokens: 6 * 2, calls: 6 });
  });
});

describe('createCachedClient', () => {
  it('answers an identical second call from SQLite without a server request', async () => {
    const { server, client } = await setup();
    const db = tempStore();
    const cached = createCachedClient(client, db);

    const first = await cached.chatJson(MESSAGES, Answer);
    const second = await cached.chatJson(MESSAGES, Answer);

    expect(first).toMatchObject({ ok: true, value: { answer: 'four' } });
    expect(second).toEqual({ ok: true, value: { answer: 'four' }, raw: GOOD, usage: { promptTokens: 0, completionTokens: 0 }, cached: true });
    expect(server.count).toBe(1);
    expect(cached.usage()).toEqual({ promptTokens: 9, completionTokens: 2, calls: 1 });

    const rows = db.prepare('SELECT model, response, prompt_tokens, completion_tokens FROM llm_cache').all();
    expect(rows).toEqual([{ model: 'test-model', response: GOOD, prompt_tokens: 9, completion_tokens: 2 }]);

    // Different messages or sampling options are different requests.
    await cached.chatJson([...MESSAGES, { role: 'user', content: 'again' }], Answer);
    await cached.chatJson(MESSAGES, Answer, { temperature: 0.7 });
    expect(server.count).toBe(3);
  });

  it('does not cache failed replies', async () => {
    const { server, client } = await setup({ faults: [{ content: 'nope' }, { content: 'nope' }] });
    const db = tempStore();
    const cached = createCachedClient(client, db);

    const first = await cached.chatJson(MESSAGES, Answer);
    expect(first.ok).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM llm_cache').get()).toEqual({ n: 0 });

    const second = await cached.chatJson(MESSAGES, Answer);
    expect(second.ok).toBe(true);
    expect(server.count).toBe(3);
  });

  it('treats a stored reply that fails a different schema as a miss', async () => {
    const { server, client } = await setup();
    const cached = createCachedClient(client, tempStore());

    await cached.chatJson(MESSAGES, Answer);
    const other = await cached.chatJson(MESSAGES, z.object({ answer: z.number() }));
    expect(other.ok).toBe(false);
    expect(server.count).toBe(3);
  });
});
