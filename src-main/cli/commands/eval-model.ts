import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SplitSchema } from '../../../src-preload/schemas/example';
import { loadKnowledge } from '../../knowledge/load';
import { LLM_MAX_RETRIES } from '../../llm/from-settings';
import { CompareError, compareRuns, formatComparison } from '../../model-eval/compare';
import { EvalSetError } from '../../model-eval/eval-set';
import { runModelEval } from '../../model-eval/run-eval';
import { EvalRunsRepo } from '../../model-eval/runs-repo';
import { addDbOption, fail, openContext, stderrProgress } from '../common';

interface EvalOpts {
  db: string;
  baseUrl: string;
  model: string;
  split: string;
  limit?: string;
  concurrency: string;
  timeoutMs: string;
  maxRetries: string;
  temperature: string;
  maxTokens?: string;
  cache: boolean;
  export?: string;
  build?: string;
  out: string;
  json?: boolean;
}

function positiveInt(name: string, v: string, min = 1): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) fail(`${name} must be an integer >= ${min}, got ${v}`, 2);
  return n;
}

export function registerEvalModel(program: Command): void {
  addDbOption(
    program
      .command('eval-model')
      .description("send each example's system and user turns to an OpenAI-compatible endpoint and score the answers with Biotrain's checkers")
      .requiredOption('--base-url <url>', 'OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (vLLM, Ollama, llama.cpp server, OpenAI)')
      .requiredOption('--model <name>', 'model name the endpoint serves')
      .option('--split <split>', 'split to evaluate: train, val or test', 'test')
      .option('--limit <n>', 'evaluate only the first n examples of the split')
      .option('--concurrency <k>', 'requests in flight at once', '4')
      .option('--timeout-ms <ms>', 'per-request timeout', '60000')
      .option('--max-retries <n>', 'retries per request on 408/409/429/5xx and timeouts', String(LLM_MAX_RETRIES))
      .option('--temperature <t>', 'sampling temperature', '0')
      .option('--max-tokens <n>', 'completion token limit (default: the server default)')
      .option('--no-cache', 'ask the endpoint every time instead of answering repeated requests from the store cache')
      .option('--export <dir>', 'read the examples from an export folder (processed/<split>.jsonl) instead of the latest passed build')
      .option('--build <id>', 'build in the store to read the examples of (default: the latest passed build)')
      .option('--out <dir>', 'reports go to <dir>/<run id>/', 'eval')
      .option('--json', 'print the report as JSON'),
  ).action(async (opts: EvalOpts) => {
    const split = SplitSchema.safeParse(opts.split);
    if (!split.success) fail(`--split must be train, val or test, got ${opts.split}`, 2);
    if (opts.export !== undefined && opts.build !== undefined) fail('give --export or --build, not both', 2);
    const temperature = Number(opts.temperature);
    if (!Number.isFinite(temperature) || temperature < 0) fail(`--temperature must be a number >= 0, got ${opts.temperature}`, 2);
    const dbPath = path.resolve(opts.db);
    if (opts.export === undefined && !fs.existsSync(dbPath)) fail(`no Biotrain store at ${dbPath} (--db), and no --export folder given`);
    const ctx = openContext(dbPath);
    try {
      const progress = stderrProgress('eval-model'.padEnd(24));
      const apiKey = process.env.BIOTRAIN_LLM_API_KEY;
      const result = await runModelEval(
        ctx.db,
        loadKnowledge(),
        {
          baseURL: opts.baseUrl,
          model: opts.model,
          ...(apiKey ? { apiKey } : {}),
          split: split.data,
          limit: opts.limit === undefined ? null : positiveInt('--limit', opts.limit),
          concurrency: positiveInt('--concurrency', opts.concurrency),
          timeoutMs: positiveInt('--timeout-ms', opts.timeoutMs),
          maxRetries: positiveInt('--max-retries', opts.maxRetries, 0),
          temperature,
          maxTokens: opts.maxTokens === undefined ? null : positiveInt('--max-tokens', opts.maxTokens),
          cache: opts.cache,
          source: opts.export !== undefined ? { exportDir: opts.export } : opts.build !== undefined ? { buildId: opts.build } : {},
          outRoot: opts.out,
        },
        progress,
      );
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
        return;
      }
      const s = result.summary;
      process.stdout.write(`run ${result.id}: score ${(s.score * 100).toFixed(1)}% over ${s.n} examples (${s.answered} answered) in ${(s.duration_ms / 1000).toFixed(1)} s\n`);
      for (const g of s.by_task) process.stdout.write(`  ${g.key.padEnd(18)} n=${String(g.n).padEnd(5)} score ${(g.score * 100).toFixed(1)}%\n`);
      process.stdout.write(`report: ${path.join(result.reportDir, 'report.md')}\n`);
    } catch (e) {
      if (e instanceof EvalSetError) fail(e.message);
      throw e;
    } finally {
      ctx.close();
    }
  });

  addDbOption(
    program
      .command('eval-compare <a> <b>')
      .description('compare two stored evaluation runs (ids or unique prefixes): per metric and per example')
      .option('--json', 'print the comparison as JSON')
      .option('--examples <n>', 'examples to list, largest change first', '20'),
  ).action((a: string, b: string, opts: { db: string; json?: boolean; examples: string }) => {
    const ctx = openContext(path.resolve(opts.db));
    try {
      const c = compareRuns(new EvalRunsRepo(ctx.db), a, b);
      process.stdout.write(opts.json ? `${JSON.stringify(c, null, 2)}\n` : `${formatComparison(c, positiveInt('--examples', opts.examples, 0))}\n`);
    } catch (e) {
      if (e instanceof CompareError) fail(e.message);
      throw e;
    } finally {
      ctx.close();
    }
  });

  addDbOption(program.command('eval-runs').description('list the stored evaluation runs, newest first').option('--json', 'print as JSON')).action(
    (opts: { db: string; json?: boolean }) => {
      const ctx = openContext(path.resolve(opts.db));
      try {
        const runs = new EvalRunsRepo(ctx.db).list(100);
        if (opts.json) process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
        else
          for (const r of runs)
            process.stdout.write(`${r.id}  ${r.status.padEnd(9)} ${r.model.padEnd(24)} ${r.split.padEnd(5)} n=${String(r.n).padEnd(5)} ${r.score === null ? '' : `${(r.score * 100).toFixed(1)}%`}\n`);
      } finally {
        ctx.close();
      }
    },
  );
}
