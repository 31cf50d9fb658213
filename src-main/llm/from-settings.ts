import type { AppContext } from '../app/context';
import { LLM_API_KEY } from '../app/secret-store';
import { createCachedClient } from './cache';
import { createLlmClient, type LlmClient } from './client';

/** Retries per request for 408/409/429/5xx and timeouts (the SDK backs off exponentially). */
export const LLM_MAX_RETRIES = 3;

/**
 * The LLM client the app's settings describe, answering from the llm_cache table when it can. The key
 * comes from the secret store, else env BIOTRAIN_LLM_API_KEY; it is handed to the SDK and nowhere else
 * (not logged, not stored in SQLite). A local server that needs no key gets a placeholder.
 * Env BIOTRAIN_LLM_BASE_URL / BIOTRAIN_LLM_MODEL override the stored settings (for the CLI and CI).
 */
export function llmClientFromContext(ctx: Pick<AppContext, 'db' | 'settings' | 'secrets'>): LlmClient {
  const s = ctx.settings.llm();
  const apiKey = ctx.secrets.get(LLM_API_KEY) || process.env.BIOTRAIN_LLM_API_KEY || undefined;
  const client = createLlmClient({
    baseURL: process.env.BIOTRAIN_LLM_BASE_URL || s.baseURL,
    model: process.env.BIOTRAIN_LLM_MODEL || s.model,
    concurrency: s.concurrency,
    timeoutMs: s.timeoutMs,
    maxRetries: LLM_MAX_RETRIES,
    ...(apiKey ? { apiKey } : {}),
  });
  return createCachedClient(client, ctx.db);
}
