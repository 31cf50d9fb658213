import { z } from 'zod';
import type { LlmConnectionTest } from '../../src-preload/contract/core';

/** The longest a connection test waits, whatever the request timeout in the settings (ms). */
export const TEST_TIMEOUT_CAP_MS = 15_000;

/** An OpenAI-compatible model list (`GET /v1/models`); vLLM, Ollama and llama.cpp server answer the same shape. */
const ModelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

/** `<baseURL>/models`, keeping any path of the base URL (e.g. `/v1`). */
export function modelsUrl(baseURL: string): string {
  return `${baseURL.replace(/\/+$/, '')}/models`;
}

/**
 * Asks an endpoint for its model list once (no retries) and reports status, latency in ms and the models
 * it serves. Never throws: every failure comes back with `ok: false` and an error naming the URL.
 */
export async function testLlmConnection(opts: { baseURL: string; model: string; timeoutMs: number; apiKey?: string }): Promise<LlmConnectionTest> {
  const url = modelsUrl(opts.baseURL);
  const timeout = Math.min(opts.timeoutMs, TEST_TIMEOUT_CAP_MS);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const fail = (status: number | null, error: string): LlmConnectionTest => ({ ok: false, url, status, latencyMs: elapsed(), models: [], modelServed: false, error });
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json', ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) },
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError') return fail(null, `${url} did not answer within ${timeout} ms`);
    return fail(null, `cannot reach ${url}: ${err.cause?.code ?? err.cause?.message ?? err.message}`);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const hint = res.status === 401 || res.status === 403 ? ' (check the API key)' : res.status === 404 ? ' (is the base URL missing /v1?)' : '';
    return fail(res.status, `${url} answered HTTP ${res.status}${hint}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(res.status, `${url} answered HTTP ${res.status} but not with JSON`);
  }
  const list = ModelListSchema.safeParse(body);
  if (!list.success) return fail(res.status, `${url} answered HTTP ${res.status} without an OpenAI-style model list ({"data": [{"id": ...}]})`);
  const models = list.data.data.map((m) => m.id);
  return { ok: true, url, status: res.status, latencyMs: elapsed(), models, modelServed: models.includes(opts.model.trim()), error: null };
}
