// The build pipeline and export at 1,000,000 examples. Fills a temp store with synthetic examples rendered
// from a few hundred base texts (the golden queries in several phrasings) with random word substitutions,
// prefixes and suffixes, so exact dedup and near-duplicate detection have work (mostly query_variation with
// output.intent, ~20k paraphrase groups, status auto_validated), then runs runPipeline and runExport the way
// runBuild does. Prints time per phase and peak memory (rss sampled every 250 ms, and VmHWM).
// N=100000 for a quick run; KEEP=1 keeps the temp folder.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SplitConfigSchema } from '../src-preload/schemas/build';
import type { ExampleKind, ExampleOutput, ExampleStatus } from '../src-preload/schemas/example';
import { exampleContentHash, GENERATED_AT } from '../src-main/generators/example-factory';
import { Rng } from '../src-main/generators/rng';
import { runExport } from '../src-main/export/run-export';
import { parseIntent } from '../src-main/intent-parser';
import { loadKnowledge } from '../src-main/knowledge/load';
import { checkWorkflow } from '../src-main/nextflow-validator/workflow-check';
import { runPipeline } from '../src-main/pipeline/run-pipeline';
import { openStore } from '../src-main/store/db';

const N = Number(process.env.N ?? 1_000_000);
const GROUPS = Number(process.env.GROUPS ?? 20_000);
const TXN = 50_000;

// ---- memory sampling -------------------------------------------------------------------------------------
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 250);
const vmHwmMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const mb = (b: number) => Math.round(b / (1024 * 1024));
const phases: Record<string, number> = {};
let mark = performance.now();
/** Records the time since the previous lap as phase `name`, with the memory at its end. */
const lap = (name: string) => {
  const now = performance.now();
  phases[name] = Number(((now - mark) / 1000).toFixed(2));
  mark = now;
  sample();
  const m = process.memoryUsage();
  console.log(`  ${name.padEnd(26)} ${phases[name]!.toFixed(1).padStart(7)} s   rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB`);
};

// ---- synthetic data ---------------------------------------------------------------------------------------
const kb = loadKnowledge();
const rng = new Rng(20261125);
const FRAMES = ['{q}', 'Please set up {q}', 'I need a pipeline for this: {q}', 'Can you help with {q}?', 'Looking for a workflow, {q}'];
const PREFIXES = ['', '', '', 'Hi, ', 'Hello! ', 'Quick question: ', 'For my thesis, ', 'Our lab wants this. ', 'Urgent: ', 'Hey team, '];
const SUFFIXES = [
  '',
  '',
  '',
  ' Thanks!',
  ' We have {n} samples.',
  ' The data is from run {n}.',
  ' Batch {n} of the cohort.',
  ' Budget is about {n} CPU hours.',
  ' Results needed by week {n}.',
  ' Sequenced on lane {n}.',
  ' Project code P{n}.',
];
const SUBSTITUTIONS: Record<string, string[]> = {
  analysis: ['analysis', 'study', 'processing', 'run'],
  samples: ['samples', 'libraries', 'specimens'],
  data: ['data', 'reads', 'dataset'],
  run: ['run', 'execute', 'perform', 'do'],
  find: ['find', 'identify', 'detect', 'discover'],
  using: ['using', 'with', 'via'],
  for: ['for', 'on'],
  pipeline: ['pipeline', 'workflow'],
  from: ['from', 'of'],
  and: ['and', 'plus', '&'],
  the: ['the', 'our', 'my', 'these'],
  want: ['want', 'need', 'would like'],
  reads: ['reads', 'sequences', 'fastq files'],
  human: ['human', 'Homo sapiens'],
  mouse: ['mouse', 'murine'],
};
const bases = kb.goldenQueries.flatMap((g) =>
  FRAMES.map((f) => ({ text: f.replace('{q}', g.query.replace(/[.?!]+$/, '')), golden: g })),
);
function render(baseText: string): string {
  const words = baseText.split(' ').map((w) => {
    const options = SUBSTITUTIONS[w.toLowerCase()];
    return options && rng.next() < 0.5 ? rng.pick(options) : w;
  });
  const suffix = rng.pick(SUFFIXES).replace('{n}', String(1 + rng.int(500)));
  return `${rng.pick(PREFIXES)}${words.join(' ')}${suffix}`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-bench-1m-'));
const dbPath = path.join(dir, 'store.sqlite');
const db = openStore(dbPath);
const insert = db.prepare(`INSERT INTO examples (id, kind, source, group_id, base_id, style, engine, category, analysis_type,
  difficulty, input, output, ground_truth_intent, parsed_intent, intent_diff, intent_mismatches, confidence, status, split,
  quality_score, content_hash, job_id, created_at, seq) VALUES (?, ?, 'synthetic', ?, ?, NULL, 'bench', ?, ?, ?, ?, ?, ?, NULL, NULL, 0, ?, ?, NULL, NULL, ?, NULL, ?, ?)`);
const rationale = 'standard choice for this step';
const intentJson = new Map(kb.goldenQueries.map((g) => [g.id, JSON.stringify(g.expected_intent)]));

console.log(`pipeline at scale: ${N} examples from ${bases.length} base texts, ${GROUPS} groups (store ${dbPath})`);
let prevInput = '';
mark = performance.now();
for (let start = 0; start < N; start += TXN) {
  db.transaction(() => {
    for (let i = start; i < Math.min(N, start + TXN); i++) {
      const baseIdx = rng.int(bases.length);
      const { text, golden } = bases[baseIdx]!;
      // ~3% exact copies of the previous input (dedup work); the rest rendered with substitutions
      const input = i > 0 && rng.next() < 0.03 ? prevInput : render(text);
      prevInput = input;
      const roll = rng.next();
      const kind: ExampleKind = roll < 0.85 ? 'query_variation' : roll < 0.95 ? 'tool_selection' : 'education';
      const output: ExampleOutput =
        kind === 'query_variation'
          ? { intent: golden.expected_intent }
          : kind === 'tool_selection'
            ? { intent: golden.expected_intent, tools: golden.expected_tools.map((tool) => ({ tool, rationale })) }
            : { explanation: `${golden.expected_tools.join(', ')} are the usual tools for ${golden.expected_intent.analysis_type}.` };
      const status: ExampleStatus = rng.next() < 0.98 ? 'auto_validated' : rng.next() < 0.5 ? 'needs_review' : 'rejected';
      const group = `g-${Math.floor((baseIdx * GROUPS) / bases.length) + rng.int(Math.max(1, Math.floor(GROUPS / bases.length)))}`;
      insert.run(
        `ex-${i}`,
        kind,
        group,
        golden.id,
        golden.category,
        golden.expected_intent.analysis_type,
        golden.difficulty,
        kind === 'education' ? `What does ${golden.expected_tools[i % golden.expected_tools.length]} do? ${input}` : input,
        kind === 'query_variation' ? `{"intent":${intentJson.get(golden.id)}}` : JSON.stringify(output),
        kind === 'education' ? null : JSON.stringify(golden.expected_intent),
        output.intent?.confidence ?? null,
        status,
        exampleContentHash(kind, input, output),
        GENERATED_AT,
        i + 1,
      );
    }
  })();
  if ((start / TXN) % 4 === 3) process.stderr.write(`  filled ${start + TXN}\n`);
}

lap('fill store');

// ---- the build, as runBuild runs it -------------------------------------------------------------------------
const splitConfig = SplitConfigSchema.parse({ seed: 42 });
const buildId = randomUUID();
const outDir = path.join(dir, 'training');
db.prepare("INSERT INTO builds (id, kind, status, seed, config, output_dir, created_at) VALUES (?, 'build', 'running', ?, ?, ?, ?)").run(
  buildId,
  splitConfig.seed,
  JSON.stringify(splitConfig),
  outDir,
  new Date().toISOString(),
);
const deps = { kb, parse: (q: string) => parseIntent(q, kb), lint: (files: Record<string, string>) => checkWorkflow(files) };
// a pipeline phase ends when its progress reaches done === total (near-duplicates reports only at its end)
const ended = new Set<string>();
let lastLog = 0;
const onProgress = (p: { phase: string; done: number; total: number }) => {
  if (p.done >= p.total && !ended.has(p.phase)) {
    ended.add(p.phase);
    lap(`pipeline ${p.phase}`);
  }
  if (Date.now() - lastLog > 15_000) {
    lastLog = Date.now();
    process.stderr.write(`  ${p.phase} ${p.done}/${p.total} rss ${mb(process.memoryUsage().rss)} MB\n`);
  }
};
mark = performance.now();
const result = await runPipeline(db, kb, deps, splitConfig, buildId, { withFeedback: 0, accepted: 0, modified: 0 }, onProgress);
lap('pipeline metrics');
const manifest = await runExport(db, kb, { buildId, outDir, splitConfig, qualityReport: { counts: { total: result.total, kept: result.kept } } });
lap('export');
clearInterval(sampler);
db.close();

const totalSeconds = Object.values(phases).reduce((a, b) => a + b, 0);
const excluded = Object.entries(result.excluded)
  .filter(([, n]) => n > 0)
  .map(([k, n]) => `${n} ${k}`)
  .join(', ');
console.log(
  `${result.total} examples: ${result.kept} kept (train ${manifest.counts.train}, val ${manifest.counts.val}, test ${manifest.counts.test}); excluded ${excluded}; ` +
    `${result.nearDuplicatePairs} near-duplicate pairs in ${result.nearDuplicateClusters} clusters`,
);
console.log(`total ${totalSeconds.toFixed(1)} s; peak rss ${mb(peakRss)} MB (sampled), VmHWM ${Math.round(vmHwmMb())} MB`);
console.log(
  JSON.stringify({
    bench: 'pipeline-1m',
    name: 'pipeline-1m',
    examples: result.total,
    kept: result.kept,
    nearDuplicatePairs: result.nearDuplicatePairs,
    seconds: Number(totalSeconds.toFixed(2)),
    phases,
    peakRssMb: mb(peakRss),
    vmHwmMb: Math.round(vmHwmMb()),
  }),
);
if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
