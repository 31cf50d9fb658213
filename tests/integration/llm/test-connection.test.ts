import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmConnectionTest } from '../../../src-preload/contract/core';
import { openAppContext } from '../../../src-main/app/compose';
import type { AppContext } from '../../../src-main/app/context';
import { LLM_API_KEY } from '../../../src-main/app/secret-store';
import { type Bridge, startBridge } from '../../../src-main/bridge/server';
import { OpenAiTestServer } from '../../support/openai-test-server';
import { tempDir } from '../../support/serve';

/** settings.testLlm over the real HTTP bridge against the loopback OpenAI-compatible server. */
describe('Settings "Test connection" (settings.testLlm)', () => {
  let ctx: AppContext;
  let bridge: Bridge;
  let llm: OpenAiTestServer;
  let baseURL: string;
  const token = 'test-connection-token';

  const testLlm = async (body: Record<string, unknown>) => {
    const res = await fetch(`${bridge.url}api/settings.testLlm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'qwen2.5:7b', timeoutMs: 5000, ...body }),
    });
    const json = (await res.json()) as { ok: true; result: LlmConnectionTest } | { ok: false; status: number; error: string };
    if (!json.ok) throw new Error(`${json.status} ${json.error}`);
    return json.result;
  };

  beforeAll(async () => {
    ctx = openAppContext({ dbPath: path.join(tempDir(), 'conn.sqlite') });
    bridge = await startBridge({ ctx, token });
    llm = new OpenAiTestServer({ respond: () => '{}', models: ['llama3.1:8b', 'qwen2.5:7b'] });
    ({ baseURL } = await llm.start());
  });
  afterAll(async () => {
    await llm.close();
    await bridge.close();
    ctx.close();
  });

  it('lists the models the endpoint serves with status and latency, and says whether the chosen model is one', async () => {
    const r = await testLlm({ baseURL });
    expect(r).toEqual({ ok: true, url: `${baseURL}/models`, status: 200, latencyMs: r.latencyMs, models: ['llama3.1:8b', 'qwen2.5:7b'], modelServed: true, error: null });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.latencyMs).toBeLessThan(5000);
    const other = await testLlm({ baseURL: `${baseURL}/`, model: 'gpt-4o' });
    expect([other.ok, other.url, other.modelServed]).toEqual([true, `${baseURL}/models`, false]);
  });

  it('sends the key from the form, else the stored one, as a bearer token', async () => {
    llm.modelRequests.length = 0;
    await testLlm({ baseURL });
    ctx.secrets.set(LLM_API_KEY, 'sk-stored');
    await testLlm({ baseURL });
    await testLlm({ baseURL, apiKey: 'sk-form' });
    expect(llm.modelRequests).toEqual([{ authorization: null }, { authorization: 'Bearer sk-stored' }, { authorization: 'Bearer sk-form' }]);
  });

  it('names the URL and the HTTP status when the endpoint refuses', async () => {
    llm.modelsStatus = 401;
    const r = await testLlm({ baseURL });
    llm.modelsStatus = null;
    expect(r).toEqual({ ok: false, url: `${baseURL}/models`, status: 401, latencyMs: r.latencyMs, models: [], modelServed: false, error: `${baseURL}/models answered HTTP 401 (check the API key)` });
    const root = baseURL.replace(/\/v1$/, '');
    const noV1 = await testLlm({ baseURL: root });
    expect([noV1.status, noV1.error]).toEqual([404, `${root}/models answered HTTP 404 (is the base URL missing /v1?)`]);
  });

  it('names the URL of a dead endpoint and of one that never answers', async () => {
    // a port that was just free: nothing listens there
    const free = http.createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const port = (free.address() as AddressInfo).port;
    await new Promise<void>((r) => free.close(() => r()));
    const dead = await testLlm({ baseURL: `http://127.0.0.1:${port}/v1` });
    expect(dead).toEqual({
      ok: false,
      url: `http://127.0.0.1:${port}/v1/models`,
      status: null,
      latencyMs: dead.latencyMs,
      models: [],
      modelServed: false,
      error: `cannot reach http://127.0.0.1:${port}/v1/models: ECONNREFUSED`,
    });

    const silent = http.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const sport = (silent.address() as AddressInfo).port;
    try {
      const slow = await testLlm({ baseURL: `http://127.0.0.1:${sport}/v1`, timeoutMs: 300 });
      expect([slow.ok, slow.status, slow.error]).toEqual([false, null, `http://127.0.0.1:${sport}/v1/models did not answer within 300 ms`]);
      expect(slow.latencyMs).toBeGreaterThanOrEqual(290);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});
