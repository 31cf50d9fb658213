import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Split } from '../../src-preload/schemas/example';
import type { EvalItem, EvalReport, EvalSettings, EvalSummary } from '../../src-preload/schemas/model-eval';
import type { TrainingRecord } from '../export/record';
import type { Knowledge } from '../knowledge/schemas';
import { createCachedClient } from '../llm/cache';
import { createLlmClient, type LlmClient } from '../llm/client';
import type { Db } from '../store/db';
import { type EvalSource, loadEvalSet } from './eval-set';
import { buildReport, writeReport } from './report';
import { EvalRunsRepo } from './runs-repo';
import { type Checkers, scoreAnswer } from './score-answer';
import { knownFlags } from './score-facts';
import { summarize } from './summary';
import { toolLexicon } from './tool-mentions';

export interface ModelEvalOptions {
  baseURL: string;
  model: string;
  apiKey?: string;
  split: Split;
  limit: number | null;
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  temperature: number;
  maxTokens: number | null;
  /** answer from / store into the llm_cache table */
  cache: boolean;
  source: EvalSource;
  /** reports go to <outRoot>/<run id>/ */
  outRoot: string;
  signal?: AbortSignal;
}

export class EvalCancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface ModelEvalResult {
  id: string;
  reportDir: string;
  summary: EvalSummary;
  report: EvalReport;
  items: EvalItem[];
}

export function checkersFor(kb: Knowledge): Checkers {
  return { kb, lexicon: toolLexicon(kb), flags: knownFlags(kb) };
}

async function answerOne(client: LlmClient, r: TrainingRecord, o: ModelEvalOptions, ck: Checkers): Promise<EvalItem> {
  const started = performance.now();
  const res = await client.chatText([r.messages[0], r.messages[1]], {
    temperature: o.temperature,
    ...(o.maxTokens === null ? {} : { maxTokens: o.maxTokens }),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const latency = performance.now() - started;
  // score on a later turn of the event loop, so the requests waiting for this one's slot go out first
  await yieldToLoop();
  const base = { record_id: r.id, example_id: r.metadata.example_id, kind: r.metadata.kind, analysis_type: r.metadata.analysis_type, latency_ms: Math.round(latency) };
  const scored = scoreAnswer(
    { kind: r.metadata.kind, analysis_type: r.metadata.analysis_type, target: r.messages[2].content, targetTools: r.metadata.tools },
    res.ok ? res.text : '',
    ck,
  );
  if (!res.ok) {
    const zeroed = Object.fromEntries(Object.keys(scored.metrics).map((k) => [k, k === 'workflow.redundancy' ? 1 : 0]));
    return { ...base, answered: false, error: res.error, score: 0, metrics: zeroed, diagnostics: [`no answer: ${res.error}`], answer: '', cached: false };
  }
  return { ...base, answered: true, error: null, score: scored.score, metrics: scored.metrics, diagnostics: scored.diagnostics, answer: res.text, cached: res.cached === true };
}

/**
 * Sends each example's system and user turns to the endpoint (bounded concurrency, retries and backoff from
 * the LLM client, the SQLite cache unless turned off), scores every answer against the exported target, stores
 * the run with its items and writes report.json, report.md and answers.jsonl.
 */
export async function runModelEval(db: Db, kb: Knowledge, o: ModelEvalOptions, onProgress: (done: number, total: number) => void = () => {}): Promise<ModelEvalResult> {
  const set = loadEvalSet(o.source, o.split, o.limit, db, kb);
  const settings: EvalSettings = {
    base_url: o.baseURL,
    model: o.model,
    split: o.split,
    limit: o.limit,
    concurrency: o.concurrency,
    timeout_ms: o.timeoutMs,
    max_retries: o.maxRetries,
    temperature: o.temperature,
    max_tokens: o.maxTokens,
    cache: o.cache,
    source: set.source,
  };
  const raw = createLlmClient({
    baseURL: o.baseURL,
    model: o.model,
    concurrency: o.concurrency,
    timeoutMs: o.timeoutMs,
    maxRetries: o.maxRetries,
    ...(o.apiKey ? { apiKey: o.apiKey } : {}),
  });
  const client = o.cache ? createCachedClient(raw, db) : raw;
  const ck = checkersFor(kb);
  const runs = new EvalRunsRepo(db);
  const startedAt = new Date();
  const id = runs.newId(o.model, startedAt);
  runs.start(id, settings, startedAt);
  try {
    const t0 = performance.now();
    let done = 0;
    const total = set.records.length;
    onProgress(0, total);
    const items = await Promise.all(
      set.records.map(async (r) => {
        const item = await answerOne(client, r, o, ck);
        onProgress(++done, total);
        return item;
      }),
    );
    if (o.signal?.aborted) throw new EvalCancelledError();
    const usage = client.usage();
    const summary = summarize(items, {
      calls: usage.calls,
      cached: items.filter((i) => i.cached).length,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      durationMs: Math.round(performance.now() - t0),
    });
    const finishedAt = new Date();
    const reportDir = path.resolve(o.outRoot, id);
    const report = buildReport({ id, created_at: startedAt.toISOString(), finished_at: finishedAt.toISOString() }, settings, summary, items);
    writeReport(reportDir, report, items);
    runs.finish(id, items, summary, reportDir, finishedAt);
    return { id, reportDir, summary, report, items };
  } catch (e) {
    runs.fail(id, (e as Error).message, new Date());
    throw e;
  }
}
