import { sha256Hex } from '../util/canonical-json';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { type ChatJsonResult, type ChatMessage, type ChatOptions, type ChatTextResult, type LlmClient, parseJsonAs } from './client';

interface CacheRow {
  response: string;
}

/**
 * Sampling options change the answer, so they join model and messages in the key; `signal` does not.
 * With no options the hashed request is just model + messages.
 */
export function cacheRequest(model: string, messages: ChatMessage[], opts: ChatOptions = {}): string {
  const sampling: Record<string, number> = {};
  if (opts.temperature !== undefined) sampling.temperature = opts.temperature;
  if (opts.maxTokens !== undefined) sampling.maxTokens = opts.maxTokens;
  return JSON.stringify(Object.keys(sampling).length ? { model, messages, sampling } : { model, messages });
}

export function cacheKey(request: string): string {
  return sha256Hex(request);
}

/**
 * Wraps a client with the `llm_cache` table. A hit answers without a call and adds nothing to usage;
 * only valid (ok) replies are stored, so failures are always retried against the server.
 */
export function createCachedClient(client: LlmClient, db: Database.Database): LlmClient {
  const get = db.prepare<[string], CacheRow>('SELECT response FROM llm_cache WHERE request_hash = ?');
  const put = db.prepare(
    `INSERT INTO llm_cache (request_hash, model, request, response, prompt_tokens, completion_tokens, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(request_hash) DO UPDATE SET response = excluded.response, prompt_tokens = excluded.prompt_tokens,
       completion_tokens = excluded.completion_tokens, created_at = excluded.created_at`,
  );

  return {
    model: client.model,
    baseURL: client.baseURL,
    concurrency: client.concurrency,

    async chatJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, opts?: ChatOptions): Promise<ChatJsonResult<T>> {
      const request = cacheRequest(client.model, messages, opts);
      const hash = cacheKey(request);
      const row = get.get(hash);
      if (row) {
        // The same prompt may be asked with a different schema; a stored reply that fails it is a miss.
        const parsed = parseJsonAs(row.response, schema);
        if (parsed.ok) return { ok: true, value: parsed.value, raw: row.response, usage: { promptTokens: 0, completionTokens: 0 }, cached: true };
      }
      const result = await client.chatJson(messages, schema, opts);
      if (result.ok) {
        put.run(hash, client.model, request, result.raw, result.usage.promptTokens, result.usage.completionTokens, new Date().toISOString());
      }
      return result;
    },

    async chatText(messages: ChatMessage[], opts?: ChatOptions): Promise<ChatTextResult> {
      const request = cacheRequest(client.model, messages, opts);
      const hash = cacheKey(request);
      const row = get.get(hash);
      if (row) return { ok: true, text: row.response, usage: { promptTokens: 0, completionTokens: 0 }, cached: true };
      const result = await client.chatText(messages, opts);
      if (result.ok) {
        put.run(hash, client.model, request, result.text, result.usage.promptTokens, result.usage.completionTokens, new Date().toISOString());
      }
      return result;
    },

    usage: () => client.usage(),
  };
}
