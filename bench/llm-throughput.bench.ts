// Generation (LLM engine) and model evaluation throughput against the loopback OpenAI-compatible test server
// with 200 ms injected latency per request, as a ratio of the ideal (concurrency / latency). Goal: >= 90%.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAppContext } from '../src-main/app/compose';
import { runBuild } from '../src-main/build/run-build';
import { defaultGenerateDeps } from '../src-main/generators/default-deps';
import { runLlmGenerate } from '../src-main/generators/llm-engine';
import { planTemplateItems } from '../src-main/generators/template-engine';
import { createLlmClient } from '../src-main/llm/client';
import { loadEvalSet } from '../src-main/model-eval/eval-set';
import { runModelEval } from '../src-main/model-eval/run-eval';
import { loadKnowledge } from '../src-main/knowledge/load';
import { openStore } from '../src-main/store/db';
import { goodModel } from '../tests/support/eval-models';
import { type ChatRequestBody, OpenAiTestServer } from '../tests/support/openai-test-server';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
const CONCURRENCY = 8;
const GENERATE = 160;
const EVALUATE = 160;
const ideal = CONCURRENCY / (LATENCY_MS / 1000);
/** user + system CPU seconds of this process (client, engine and the in-process test server together) */
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const load = () => os.loadavg()[0]!.toFixed(1);
const loadBefore = load();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-bench-llm-'));

async function withServer<T>(respond: (b: ChatRequestBody) => string, run: (baseURL: string, server: OpenAiTestServer) => Promise<T>): Promise<T> {
  const server = new OpenAiTestServer({ respond, faultFor: () => ({ delayMs: LATENCY_MS }) });
  const { baseURL } = await server.start();
  try {
    return await run(baseURL, server);
  } finally {
    await server.close();
  }
}

// the knowledge base's table of base intents is derived once per process (~0.25 s of CPU when quiet) and
// memoized, as in the app; it is warmed here, as the evaluation's set is loaded, so both phases time requests
planTemplateItems(defaultGenerateDeps().kb, 'query_variation', GENERATE, 1);

// generation: query variations through the LLM engine (template plan, one request per item, round trip, insert)
const userText = (b: ChatRequestBody) => b.messages.find((m) => m.role === 'user')?.content ?? '';
const generation = await withServer(
  (b) => JSON.stringify({ query: `Please run this: ${/^Original request: (.*)$/m.exec(userText(b))?.[1] ?? 'rna-seq'}` }),
  async (baseURL, server) => {
    const db = openStore(path.join(dir, 'generate.sqlite'));
    const client = createLlmClient({ baseURL, model: 'bench-model', concurrency: CONCURRENCY, timeoutMs: 10_000, maxRetries: 0 });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const s = await runLlmGenerate(db, { kind: 'query_variation', count: GENERATE, seed: 1, engine: 'llm' }, defaultGenerateDeps(), { jobId: 'bench', signal: new AbortController().signal, progress: () => {} }, client);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(process.cpuUsage(cpu0));
    db.close();
    return { items: s.inserted, requests: server.count, maxInFlight: server.maxInFlight, seconds, cpu };
  },
);

// evaluation: the first EVALUATE train examples of a small build, answered by a model that returns the targets
const ctx = openAppContext({ dbPath: path.join(dir, 'eval.sqlite') });
await runBuild(ctx, { outDir: path.join(dir, 'built'), seed: 42, scale: 0.1 }, () => {});
const { records } = loadEvalSet({}, 'train', EVALUATE, ctx.db, loadKnowledge());
const evaluation = await withServer(goodModel(records), async (baseURL, server) => {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await runModelEval(ctx.db, loadKnowledge(), {
    baseURL,
    model: 'bench-model',
    split: 'train',
    limit: EVALUATE,
    concurrency: CONCURRENCY,
    timeoutMs: 10_000,
    maxRetries: 0,
    temperature: 0,
    maxTokens: null,
    cache: false,
    source: {},
    outRoot: path.join(dir, 'eval'),
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(process.cpuUsage(cpu0));
  return { items: r.summary.n, requests: server.count, maxInFlight: server.maxInFlight, seconds, cpu, score: r.summary.score };
});
ctx.close();
fs.rmSync(dir, { recursive: true, force: true });

const ratio = (x: { requests: number; seconds: number }) => x.requests / x.seconds / ideal;
for (const [name, x] of [
  ['generation', generation],
  ['evaluation', evaluation],
] as const)
  console.log(
    `${name}: ${x.requests} requests in ${x.seconds.toFixed(2)} s = ${(x.requests / x.seconds).toFixed(1)} req/s; ideal ${ideal.toFixed(1)} req/s (concurrency ${CONCURRENCY} / ${LATENCY_MS} ms): ${(100 * ratio(x)).toFixed(1)}% of ideal (goal >= 90%), max in flight ${x.maxInFlight}; CPU ${x.cpu.toFixed(2)} s = ${((100 * x.cpu) / x.seconds).toFixed(0)}% of one core`,
  );
console.log(`load average (1 min) ${loadBefore} before, ${load()} after, on ${os.cpus().length} cores`);
console.log(
  JSON.stringify({
    bench: 'llm-throughput',
    latencyMs: LATENCY_MS,
    concurrency: CONCURRENCY,
    idealPerSecond: ideal,
    generation: { requests: generation.requests, seconds: Number(generation.seconds.toFixed(2)), ratio: Number(ratio(generation).toFixed(3)), cpuSeconds: Number(generation.cpu.toFixed(2)) },
    evaluation: { requests: evaluation.requests, seconds: Number(evaluation.seconds.toFixed(2)), ratio: Number(ratio(evaluation).toFixed(3)), cpuSeconds: Number(evaluation.cpu.toFixed(2)), score: evaluation.score },
    loadAverage: { before: Number(loadBefore), after: Number(load()) },
  }),
);
