import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntentSchema } from '../../../src-preload/schemas/intent';
import { EvalReportSchema, type EvalItem } from '../../../src-preload/schemas/model-eval';
import type { TrainingRecord } from '../../../src-main/export/record';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { compareRuns } from '../../../src-main/model-eval/compare';
import { type ModelEvalOptions, runModelEval } from '../../../src-main/model-eval/run-eval';
import { EvalRunsRepo } from '../../../src-main/model-eval/runs-repo';
import { type Db, openStore } from '../../../src-main/store/db';
import { badModel, flakyFaults, goodModel, sampleByKind, writeEvalExport } from '../../support/eval-models';
import { OpenAiTestServer, type OpenAiTestServerOptions } from '../../support/openai-test-server';
import { runCli, tempDir } from '../../support/serve';

const kb = loadKnowledge();
const KINDS = ['education', 'error_diagnosis', 'query_variation', 'tool_selection', 'workflow'];

describe('eval-model against the loopback OpenAI-compatible server', () => {
  const dir = tempDir('biotrain-eval-');
  const built = path.join(dir, 'built');
  const fixture = path.join(dir, 'fixture');
  let records: TrainingRecord[];
  let db: Db;
  const servers: OpenAiTestServer[] = [];

  beforeAll(async () => {
    const r = await runCli(['build', '--db', path.join(dir, 'build.sqlite'), '--out', built, '--scale', '0.1']);
    expect(r.code, r.stderr).toBe(0);
    records = sampleByKind(built, 3);
    writeEvalExport(fixture, records);
    db = openStore(path.join(dir, 'eval.sqlite'));
  });

  afterAll(async () => {
    for (const s of servers) await s.close();
    db.close();
  });

  async function serve(opts: OpenAiTestServerOptions): Promise<{ server: OpenAiTestServer; baseURL: string }> {
    const server = new OpenAiTestServer(opts);
    servers.push(server);
    const { baseURL } = await server.start();
    return { server, baseURL };
  }

  function options(baseURL: string, model: string, extra: Partial<ModelEvalOptions> = {}): ModelEvalOptions {
    return {
      baseURL,
      model,
      split: 'test',
      limit: null,
      concurrency: 4,
      timeoutMs: 5_000,
      maxRetries: 2,
      temperature: 0,
      maxTokens: null,
      cache: true,
      source: { exportDir: fixture },
      outRoot: path.join(dir, 'eval'),
      ...extra,
    };
  }

  const byKind = (items: EvalItem[], kind: string) => items.filter((i) => i.kind === kind);

  it('the fixture holds 3 examples of each of the 5 tasks, intent parsing with and without an intent JSON answer', () => {
    expect(records.length).toBe(15);
    const qv = records.filter((r) => r.metadata.kind === 'query_variation').map((r) => r.messages[2].content.includes('```json'));
    expect(qv.sort()).toEqual([false, true, true]);
    expect([...new Set(records.map((r) => r.metadata.kind))].sort()).toEqual(KINDS);
  });

  it('a good model (answers = targets) scores 1 on every metric, redundancy 0; the report and the run are stored', async () => {
    const { server, baseURL } = await serve({ respond: goodModel(records) });
    const res = await runModelEval(db, kb, options(baseURL, 'good-model'));
    expect(server.count).toBe(15);
    expect(server.requests[0]!.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(server.requests[0]!.temperature).toBe(0);
    expect(res.summary.n).toBe(15);
    expect(res.summary.answered).toBe(15);
    expect(res.summary.score).toBe(1);
    for (const it of res.items) {
      expect(it.diagnostics, it.record_id).toEqual([]);
      for (const [k, v] of Object.entries(it.metrics)) expect(v, `${it.record_id} ${k}`).toBe(k === 'workflow.redundancy' ? 0 : 1);
    }
    // every task's checkers ran
    const withJson = (it: EvalItem) => records.find((r) => r.id === it.record_id)!.messages[2].content.includes('```json');
    const m = (kind: string) => Object.keys((byKind(res.items, kind).find(withJson) ?? byKind(res.items, kind)[0])!.metrics);
    expect(m('query_variation')).toEqual(expect.arrayContaining(['format', 'intent.parsed', 'intent.valid', 'intent.fields', 'intent.field.organism']));
    expect(m('tool_selection')).toEqual(expect.arrayContaining(['tools.precision', 'tools.recall', 'tools.f1', 'tools.order']));
    expect(m('workflow')).toEqual(expect.arrayContaining(['workflow.parses', 'workflow.lint', 'workflow.named_tools', 'workflow.completeness', 'workflow.redundancy']));
    expect(m('education')).toEqual(expect.arrayContaining(['facts.recall', 'facts.known']));
    expect(m('error_diagnosis')).toEqual(expect.arrayContaining(['facts.recall', 'facts.known']));
    expect(res.summary.by_task.map((g) => [g.key, g.n, g.score])).toEqual(KINDS.map((k) => [k, 3, 1]));

    const report = EvalReportSchema.parse(JSON.parse(fs.readFileSync(path.join(res.reportDir, 'report.json'), 'utf8')));
    expect(report.worst.length).toBe(15);
    expect(report.settings).toMatchObject({ model: 'good-model', base_url: baseURL, split: 'test', concurrency: 4, source: `export ${fixture}` });
    const md = fs.readFileSync(path.join(res.reportDir, 'report.md'), 'utf8');
    expect(md).toContain('## Per task');
    expect(md).toContain('## Per analysis type');
    expect(md).toContain('## Worst 15 answers');
    expect(fs.readFileSync(path.join(res.reportDir, 'answers.jsonl'), 'utf8').trim().split('\n').length).toBe(15);
    const repo = new EvalRunsRepo(db);
    expect(repo.list()[0]).toMatchObject({ id: res.id, status: 'completed', n: 15, score: 1 });
    expect(repo.items(res.id).length).toBe(15);

    // the same prompts again come from the cache: no request reaches the server
    const again = await runModelEval(db, kb, options(baseURL, 'good-model'));
    expect(server.count).toBe(15);
    expect(again.summary.usage.cached).toBe(15);
    expect(again.summary.score).toBe(1);
  });

  it('a bad model gets the exact scores of its faults: malformed JSON, unknown tools, broken workflows, invented facts', async () => {
    const { baseURL } = await serve({ respond: badModel(records) });
    const res = await runModelEval(db, kb, options(baseURL, 'bad-model'));
    expect(res.summary.answered).toBe(15);

    const targetOf = (it: EvalItem) => records.find((r) => r.id === it.record_id)!.messages[2].content;
    for (const it of byKind(res.items, 'query_variation')) {
      if (targetOf(it).includes('```json')) {
        expect(it.metrics).toMatchObject({ format: 0, 'intent.parsed': 0, 'intent.valid': 0, 'intent.fields': 0, 'intent.exact': 0 });
        expect(it.score).toBe(0);
        expect(it.diagnostics[0]).toMatch(/^breaks the task contract: its JSON does not parse/);
      } else {
        // a scope statement or clarifying question answered with (broken) JSON: contract broken, none of its sentences said
        expect(it.metrics).toEqual({ format: 0, 'facts.recall': 0, 'facts.known': 1 });
        expect(it.score).toBeCloseTo(1 / 3, 12);
        expect(it.diagnostics[0]).toBe('breaks the task contract: a JSON block where the task answers in prose');
      }
    }
    for (const it of byKind(res.items, 'tool_selection')) {
      // a tool-selection answer has no intent JSON (the parse task has): format and tool F1 make the score
      expect(it.metrics).toMatchObject({ format: 1, 'tools.precision': 0, 'tools.recall': 0, 'tools.f1': 0, 'tools.known': 0 });
      expect(it.metrics['intent.fields']).toBeUndefined();
      expect(it.score).toBeCloseTo(1 / 2, 12);
      expect(it.diagnostics).toContain('tools the knowledge base does not know: MagicAligner, SuperCaller');
    }
    for (const it of byKind(res.items, 'workflow')) {
      const rec = records.find((r) => r.id === it.record_id)!;
      const intent = IntentSchema.parse(JSON.parse(/```json\n([\s\S]*?)\n```/.exec(rec.messages[2].content)![1]!));
      expect(it.metrics).toMatchObject({
        format: 1,
        'intent.fields': 1,
        'tools.f1': 0,
        'workflow.present': 1,
        'workflow.parses': 0,
        'workflow.lint': 0,
        'workflow.named_tools': 0,
        'workflow.completeness': 0,
        'workflow.redundancy': 0,
      });
      // parses, lint, named tools, completeness fail; no redundancy and main.nf present pass; layout fails
      // where the request states it; platform and constraint checks pass (the workflow runs no tool at all)
      const layout = intent.read_layout !== 'unknown' ? 1 : 0;
      const passing = (intent.data_type?.startsWith('long_read') ? 1 : 0) + (intent.constraints.some((c) => c === 'low_memory' || c === 'no_docker') ? 1 : 0);
      const wf = (2 + passing) / (6 + layout + passing);
      expect(it.metrics['workflow.score']).toBeCloseTo(wf, 12);
      expect(it.score).toBeCloseTo((1 + 1 + 0 + wf) / 4, 12);
      expect(it.diagnostics.some((d) => d.startsWith('workflow does not parse: main.nf'))).toBe(true);
    }
    for (const it of byKind(res.items, 'education')) {
      expect(it.metrics).toMatchObject({ format: 1, 'facts.recall': 0, 'facts.known': 0 });
      expect(it.score).toBeCloseTo(1 / 3, 12);
      expect(it.diagnostics).toContain('tools the knowledge base does not know: MagicAligner');
      expect(it.diagnostics).toContain('flags the knowledge base does not know: --turbo-mode');
    }
    for (const it of byKind(res.items, 'error_diagnosis')) {
      expect(it.metrics).toMatchObject({ format: 0, 'facts.recall': 0, 'facts.known': 1 });
      expect(it.score).toBeCloseTo(1 / 3, 12);
      expect(it.diagnostics[0]).toBe('breaks the task contract: no fix steps');
    }
    const task = (k: string) => res.summary.by_task.find((g) => g.key === k)!;
    const prose = byKind(res.items, 'query_variation').filter((it) => !targetOf(it).includes('```json')).length;
    expect(task('query_variation').score).toBeCloseTo(prose / 3 / 3, 12);
    expect(task('tool_selection').score).toBeCloseTo(1 / 2, 12);
    expect(task('education').metrics['facts.known']).toBe(0);
    expect(res.report.worst[0]!.score).toBe(Math.min(...res.items.map((i) => i.score)));

    // good vs bad side by side: every example is worse, by exactly its bad score's distance from 1
    const good = new EvalRunsRepo(db).list().find((r) => r.model === 'good-model')!;
    const c = compareRuns(new EvalRunsRepo(db), good.id, res.id);
    expect(c.changes).toEqual({ better: 0, worse: 15, same: 0, unmatched: 0 });
    expect(c.metrics.find((m) => m.group === 'all' && m.metric === 'score')!.delta).toBeCloseTo(res.summary.score - 1, 12);
    expect(c.metrics.find((m) => m.group === 'query_variation' && m.metric === 'intent.parsed')).toEqual({ group: 'query_variation', metric: 'intent.parsed', a: 1, b: 0, delta: -1 });
    const largest = Math.max(...res.items.map((i) => 1 - i.score));
    expect(c.examples[0]).toMatchObject({ a: 1, b: 1 - largest });
  });

  it('a slow, flaky model (latency, 429, 500, timeouts) scores as the good one, except the example whose retries run out', async () => {
    const failing = records.find((r) => r.metadata.kind === 'workflow')!.id;
    const { server, baseURL } = await serve({ respond: goodModel(records), faultFor: flakyFaults(records, { latencyMs: 40, timeoutMs: 400, failing }) });
    const res = await runModelEval(db, kb, options(baseURL, 'flaky-model', { timeoutMs: 400, maxRetries: 2, concurrency: 3, cache: false }));
    expect(server.maxInFlight).toBeLessThanOrEqual(3);
    // 15 first attempts; one retry for each of the 429, 500 and timeout records (positions 0..2 mod 4, the failing
    // one excluded), and 2 retries for the failing one
    const faulted = records.filter((r, i) => i % 4 !== 3 && r.id !== failing).length;
    expect(server.count).toBe(15 + faulted + 2);
    expect(res.summary.answered).toBe(14);
    const bad = res.items.find((i) => i.record_id === failing)!;
    expect(bad).toMatchObject({ answered: false, score: 0 });
    expect(bad.error).toMatch(/500/);
    expect(bad.metrics['workflow.redundancy']).toBe(1);
    for (const it of res.items.filter((i) => i.record_id !== failing)) expect(it.score, it.record_id).toBe(1);
    expect(res.summary.score).toBeCloseTo(14 / 15, 12);
    expect(res.summary.usage.cached).toBe(0);
  });

  it('the CLI runs eval-model on an export folder, lists runs and compares two of them', async () => {
    const { baseURL } = await serve({ respond: goodModel(records) });
    const dbPath = path.join(dir, 'cli.sqlite');
    const out = path.join(dir, 'cli-eval');
    const args = ['eval-model', '--db', dbPath, '--base-url', baseURL, '--model', 'cli-model', '--export', fixture, '--out', out, '--concurrency', '2'];
    const first = await runCli([...args, '--limit', '5']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^run \S+: score 100\.0% over 5 examples \(5 answered\)/);
    const second = await runCli([...args, '--json', '--no-cache']);
    expect(second.code, second.stderr).toBe(0);
    const report = EvalReportSchema.parse(JSON.parse(second.stdout));
    expect(report.summary.n).toBe(15);
    expect(report.summary.usage.cached).toBe(0);
    expect(fs.existsSync(path.join(out, report.run.id, 'report.md'))).toBe(true);

    const list = await runCli(['eval-runs', '--db', dbPath, '--json']);
    const runs = JSON.parse(list.stdout) as { id: string; n: number }[];
    expect(runs.map((r) => r.n)).toEqual([15, 5]);
    const cmp = await runCli(['eval-compare', runs[1]!.id, runs[0]!.id, '--db', dbPath]);
    expect(cmp.code, cmp.stderr).toBe(0);
    expect(cmp.stdout).toContain('examples: 0 better, 0 worse, 5 same, 10 in one run only');

    const bad = await runCli(['eval-model', '--db', dbPath, '--base-url', baseURL, '--model', 'm', '--export', path.join(dir, 'nowhere')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no processed\/test\.jsonl in/);
  });
});
