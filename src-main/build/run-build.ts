import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type AnswerLeakage, type Gate, type LeakageReport, type QualityMetrics, type SplitConfig, SplitConfigSchema } from '../../src-preload/schemas/build';
import type { AppContext } from '../app/context';
import { checkExport, formatProblem } from '../export/check-export';
import { assertReplaceable } from '../export/replace-dir';
import { HEARTBEAT_MS } from '../jobs/owner';
import { buildHeartbeat, buildOwnerValues } from './build-liveness';
import { runExport } from '../export/run-export';
import { parseIntent } from '../intent-parser';
import { loadKnowledge } from '../knowledge/load';
import { gateFailures, qualityGates } from '../metrics/gates';
import { InteractionsRepo } from '../interactions/repo';
import type { InteractionStats } from '../metrics/quality-metrics';
import { checkWorkflow } from '../nextflow-validator/workflow-check';
import { type PipelineResult, runPipeline } from '../pipeline/run-pipeline';
import { COVERAGE_BAND } from '../pipeline/split-coverage';
import { defaultGenerateDeps } from '../generators/default-deps';
import { expertExamples, storeGoldenQueries } from '../generators/expert';
import { GENERATED_KINDS, type GeneratedKind, TARGETS } from '../generators/targets';
import { planTemplateItems } from '../generators/template-engine';
import { type KindTarget, MAX_TOP_UPS, nextCounts, targetReport } from './target-loop';
import { JOB_PARAMS } from '../../src-preload/contract/jobs';
import { roundTrip } from '../round-trip/check';
import { renderAnswer } from '../export/answer';
import { answerLeakage } from '../pipeline/answer-leakage';
import { scrubPii } from '../pipeline/pii';
import { ExpertVerifications, expertVerifiedLabel } from '../review/expert-verification';
import { buildQueryQuality, type QueryQualityReport } from './query-report';

export interface BuildOptions {
  outDir: string;
  seed: number;
  /** multiplies the plan targets (1 = the plan's ~10,000 examples) */
  scale: number;
  splitConfig?: Partial<SplitConfig>;
  /** skip generation and build from what the store holds */
  noGenerate?: boolean;
  /** the generator engine: 'llm' paraphrases and writes every kind through the configured endpoint */
  engine?: 'template' | 'llm';
}

export interface BuildProgress {
  phase: string;
  done: number;
  total: number;
  message?: string;
}

export interface BuildSummary {
  buildId: string;
  outDir: string;
  files: number;
  passed: boolean;
  failures: string[];
  kinds: { kind: string; total: number; target: number | null; train: number; val: number; test: number; excluded: number }[];
  excluded: PipelineResult['excluded'];
  gates: Gate[];
  leakage: LeakageReport;
  nearDuplicateClusters: number;
  metrics: QualityMetrics;
  /** analysis types (with at least 50 examples) whose val or test share is outside 5-15% */
  outsideBand: string[];
  /** error patterns / education topics per split */
  topicsPerSplit: PipelineResult['topicsPerSplit'];
  /** expert items whose answer the expert approved (only these are exported as expert ground truth) */
  expertVerified: { verified: number; total: number };
  /** test answers byte-identical to, or near duplicates of, a train answer */
  answerLeakage: AnswerLeakage;
  /** naturalness of the kept query variations per style, and the targets missed */
  queryQuality: QueryQualityReport;
  /** each generated kind's kept count against the plan's target, and why a kind fell short */
  targets: KindTarget[];
}

/**
 * The headless dataset build: generate every kind at the plan targets (resumable jobs), run the pipeline
 * (rules, dedup, near-duplicates, splits, leakage, metrics), apply the quality gates, export all formats,
 * and record the build with its manifest and quality report.
 */
export async function runBuild(ctx: AppContext, opts: BuildOptions, onProgress: (p: BuildProgress) => void): Promise<BuildSummary> {
  const kb = loadKnowledge();
  const splitConfig = SplitConfigSchema.parse({ seed: opts.seed, ...opts.splitConfig });
  // refuse an --out that the export would refuse before generating anything (checked again at the swap)
  assertReplaceable(path.resolve(opts.outDir), ctx.dbPath);
  if (!opts.noGenerate) await generateAll(ctx, opts, onProgress);
  const buildId = randomUUID();
  const now = new Date().toISOString();
  ctx.db
    .prepare(
      `INSERT INTO builds (id, kind, status, seed, config, output_dir, created_at, owner_pid, owner_host, owner_started_at, heartbeat_at)
       VALUES (@id, 'build', 'running', @seed, @config, @outDir, @now, @owner_pid, @owner_host, @owner_started_at, @heartbeat_at)`,
    )
    .run({ id: buildId, seed: opts.seed, config: JSON.stringify(splitConfig), outDir: opts.outDir, now, ...buildOwnerValues(now) });
  let lastBeat = Date.now();
  const reportProgress = onProgress;
  onProgress = (p) => {
    if (Date.now() - lastBeat > HEARTBEAT_MS) {
      buildHeartbeat(ctx.db, buildId);
      lastBeat = Date.now();
    }
    reportProgress(p);
  };
  try {
    const deps = {
      kb,
      parse: (q: string) => parseIntent(q, kb),
      lint: (files: Record<string, string>) => checkWorkflow(files),
    };
    const run = () => runPipeline(ctx.db, kb, deps, splitConfig, buildId, interactionStats(ctx.db), (p) => onProgress(p));
    const { result, targets } = await pipelineToTargets(ctx, kb, opts, run, buildId, onProgress);
    // after the last pipeline run: its build items are the ones exported
    const expertVerified = new ExpertVerifications(ctx.db).counts();
    const answerLeak = answerLeakage(ctx.db, buildId, splitConfig.seed, splitConfig.nearDupThreshold, (e) => scrubPii(renderAnswer(e, kb)).text);
    const gates = qualityGates(result.metrics);
    const failures = gateFailures(gates);
    if (result.kept === 0) failures.push('no example passed the pipeline: generate or import data first');
    const leak = result.leakage;
    if (leak.sharedGroups > 0 || leak.crossSplitNearDuplicates > 0)
      failures.push(`leakage: ${leak.sharedGroups} shared groups, ${leak.crossSplitNearDuplicates} cross-split near-duplicates`);
    const queryQuality = buildQueryQuality(ctx.db, kb, buildId);
    const qualityReport = {
      seed: opts.seed,
      split_config: splitConfig,
      passed: failures.length === 0,
      failures,
      gates,
      metrics: result.metrics,
      counts: { total: result.total, kept: result.kept, splits: result.splitCounts, per_kind: result.perKind, per_analysis_type: result.perAnalysisType },
      excluded: result.excluded,
      rule_failures: result.ruleFailures,
      pii_scrubbed: result.pii,
      near_duplicates: { clusters: result.nearDuplicateClusters, pairs: result.nearDuplicatePairs, threshold: splitConfig.nearDupThreshold },
      leakage: result.leakage,
      answer_leakage: answerLeak,
      expert_verification: { ...expertVerified, label: expertVerifiedLabel(expertVerified) },
      split_coverage: {
        band: COVERAGE_BAND,
        analysis_types: result.typeCoverage,
        outside_band: result.typeCoverage.filter((t) => t.band === 'outside').map((t) => t.analysisType),
        topics_per_split: result.topicsPerSplit,
      },
      query_quality: queryQuality,
      targets,
    };
    const manifest = await runExport(ctx.db, kb, { buildId, outDir: opts.outDir, splitConfig, qualityReport }, (p) => onProgress(p));
    const check = await checkExport(opts.outDir, (p) => onProgress(p));
    if (!check.ok) failures.push(`export check: ${check.problems.length} problem(s): ${check.problems.slice(0, 5).map(formatProblem).join('; ')}`);
    ctx.db
      .prepare("UPDATE builds SET status = ?, manifest = ?, quality_report = ?, finished_at = ? WHERE id = ?")
      .run(failures.length === 0 ? 'passed' : 'failed', JSON.stringify(manifest), JSON.stringify(qualityReport), new Date().toISOString(), buildId);
    ctx.events.emit('event', { type: 'data-changed', what: 'builds' });
    const kinds = Object.entries(result.perKind)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([kind, k]) => ({ kind, target: (TARGETS as Record<string, number>)[kind] ?? null, ...k }));
    return {
      buildId,
      outDir: opts.outDir,
      files: manifest.files.length + 1,
      passed: failures.length === 0,
      failures,
      kinds,
      excluded: result.excluded,
      gates,
      leakage: result.leakage,
      nearDuplicateClusters: result.nearDuplicateClusters,
      metrics: result.metrics,
      outsideBand: qualityReport.split_coverage.outside_band,
      topicsPerSplit: result.topicsPerSplit,
      expertVerified,
      answerLeakage: answerLeak,
      queryQuality,
      targets,
    };
  } catch (e) {
    ctx.db.prepare("UPDATE builds SET status = 'error', quality_report = ?, finished_at = ? WHERE id = ?").run(JSON.stringify({ error: (e as Error).message }), new Date().toISOString(), buildId);
    throw e;
  }
}

/** The plan's user signals: accepted outputs (modified or not) and those that needed modifications. */
function interactionStats(db: AppContext['db']): InteractionStats {
  const s = new InteractionsRepo(db).stats();
  return { withFeedback: s.withFeedback, accepted: s.accepted + s.modified, modified: s.modified };
}

/** The plan's target count per kind, scaled. */
export function scaledTargets(scale: number): Record<GeneratedKind, number> {
  return Object.fromEntries(GENERATED_KINDS.map((k) => [k, Math.max(1, Math.round(TARGETS[k] * scale))])) as Record<GeneratedKind, number>;
}

/** Generation part of the build: golden queries, the expert test set and every kind at its target. */
export async function generateAll(ctx: AppContext, opts: BuildOptions, onProgress: (p: BuildProgress) => void): Promise<void> {
  const deps = defaultGenerateDeps();
  storeGoldenQueries(ctx.db, deps.kb);
  ctx.examples.insertMany(expertExamples(deps.kb).map((e) => roundTrip(e, deps)));
  await generateKinds(ctx, opts.seed, opts.engine ?? 'template', scaledTargets(opts.scale), onProgress);
}

/** Generates each kind up to a count; a larger count continues the same deterministic plan. */
async function generateKinds(
  ctx: AppContext,
  seed: number,
  engine: 'template' | 'llm',
  counts: Partial<Record<GeneratedKind, number>>,
  onProgress: (p: BuildProgress) => void,
): Promise<void> {
  for (const kind of GENERATED_KINDS) {
    const count = counts[kind];
    if (count === undefined) continue;
    const id = `build-${seed}-${engine === 'template' ? '' : `${engine}-`}${kind}-${count}`;
    const onJob = (p: { jobId: string; done: number; total: number }) => {
      if (p.jobId === id) onProgress({ phase: `generate ${kind}`, done: p.done, total: p.total });
    };
    ctx.runner.on('progress', onJob);
    // another build generating the same kind and seed: wait for it, then continue its job (the rows are there)
    const final = await ctx.runner.startWhenFree('generate', JOB_PARAMS.generate.parse({ kind, count, seed, engine }), id);
    ctx.runner.off('progress', onJob);
    if (final.status !== 'completed') throw new Error(`generation of ${kind} ${final.status}: ${final.error ?? final.message}`);
  }
}

/**
 * Runs the pipeline, and while a kind keeps fewer than its target after dedup, rules and review, generates
 * what it lacks and runs it again (at most MAX_TOP_UPS times); the report says which kind fell short and why.
 */
async function pipelineToTargets(
  ctx: AppContext,
  kb: ReturnType<typeof loadKnowledge>,
  opts: BuildOptions,
  run: () => Promise<PipelineResult>,
  buildId: string,
  onProgress: (p: BuildProgress) => void,
): Promise<{ result: PipelineResult; targets: KindTarget[] }> {
  const targets = scaledTargets(opts.scale);
  const counts = { ...targets };
  const plannedAt = () => Object.fromEntries(GENERATED_KINDS.map((k) => [k, planTemplateItems(kb, k, counts[k], opts.seed).specs.length])) as Record<GeneratedKind, number>;
  let result = await run();
  let rounds = 0;
  for (let round = 1; !opts.noGenerate && round <= MAX_TOP_UPS; round++) {
    const next = nextCounts(result, targets, counts, plannedAt());
    if (Object.keys(next).length === 0) break;
    rounds = round;
    onProgress({ phase: 'top up', done: round, total: MAX_TOP_UPS, message: Object.entries(next).map(([k, n]) => `${k} to ${n}`).join(', ') });
    await generateKinds(ctx, opts.seed, opts.engine ?? 'template', next, onProgress);
    Object.assign(counts, next);
    ctx.db.prepare('DELETE FROM build_items WHERE build_id = ?').run(buildId);
    result = await run();
  }
  const planned = plannedAt();
  return { result, targets: targetReport(result, targets, counts, planned, rounds) };
}
