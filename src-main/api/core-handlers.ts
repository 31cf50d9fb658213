import { LLM_API_KEY } from '../app/secret-store';
import { SCHEMA_VERSION } from '../store/migrations';
import { APP_VERSION } from '../app/version';
import { jobViews } from '../jobs/job-view';
import { testLlmConnection } from '../llm/test-connection';
import { startedJobReply } from './job-reply';
import type { PartHandlers } from './types';

export const coreHandlers = {
  'app.info': (_req, ctx) => ({ version: APP_VERSION, schemaVersion: SCHEMA_VERSION, dbPath: ctx.dbPath, mode: ctx.mode }),
  // the request is already checked against its kind's params schema (JobStartRequestSchema)
  'jobs.start': (req, ctx) => startedJobReply(ctx, ctx.runner.start(req.kind, req.params)),
  'jobs.list': (_req, ctx) => jobViews(ctx.runner.store.list()),
  'jobs.cancel': (req, ctx) => ({ cancelled: ctx.runner.cancel(req.id) }),
  'jobs.resume': (req, ctx) => startedJobReply(ctx, ctx.runner.resume(req.id)),
  'examples.list': (req, ctx) => ({
    total: ctx.examples.count(req.filter),
    items: ctx.examples.listLight(req.filter, req.offset, req.limit),
  }),
  'examples.get': (req, ctx) => ctx.examples.get(req.id) ?? null,
  'settings.get': (_req, ctx) => ({ llm: { ...ctx.settings.llm(), apiKeySet: Boolean(ctx.secrets.get(LLM_API_KEY)) } }),
  'settings.setLlm': (req, ctx) => {
    const { apiKey, ...rest } = req;
    ctx.settings.set('llm', rest);
    if (apiKey) ctx.secrets.set(LLM_API_KEY, apiKey);
    return { ok: true as const };
  },
  'settings.testLlm': (req, ctx) => {
    const apiKey = req.apiKey || ctx.secrets.get(LLM_API_KEY) || undefined;
    return testLlmConnection({ baseURL: req.baseURL, model: req.model, timeoutMs: req.timeoutMs, ...(apiKey ? { apiKey } : {}) });
  },
} satisfies PartHandlers;
