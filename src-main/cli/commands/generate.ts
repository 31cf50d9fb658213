import { Option, type Command } from 'commander';
import type { GenerateSummary } from '../../generators/generate-job';
import type { LlmGenerateSummary } from '../../generators/llm-engine';
import { GENERATED_KINDS, TARGETS } from '../../generators/targets';
import { addDbOption, fail, openContext, stderrProgress } from '../common';
import { formatTable } from '../format-table';

export function registerGenerate(program: Command): void {
  addDbOption(
    program
      .command('generate')
      .description('generate training examples of one kind (or all kinds at the plan targets) as a resumable job')
      .addOption(new Option('--kind <kind>', 'example kind (default: all kinds)').choices(GENERATED_KINDS))
      .option('--count <n>', 'how many (default: the plan target of the kind)')
      .option('--seed <n>', 'seed; the same seed gives the same examples', '42')
      .addOption(new Option('--engine <engine>', 'generator engine (llm: the LLM settings, or env BIOTRAIN_LLM_BASE_URL / BIOTRAIN_LLM_MODEL / BIOTRAIN_LLM_API_KEY)').choices(['template', 'llm']).default('template'))
      .option('--resume <jobId>', 'resume an interrupted generation job')
      .option('--json', 'print the summary as JSON'),
  ).action(async (opts: { db: string; kind?: string; count?: string; seed: string; engine: string; resume?: string; json?: boolean }) => {
    const seed = Number(opts.seed);
    if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer, got '${opts.seed}'`, 2);
    if (opts.count !== undefined && !(Number(opts.count) > 0)) fail(`--count must be a positive integer, got '${opts.count}'`, 2);
    const ctx = openContext(opts.db);
    const summaries: GenerateSummary[] = [];
    try {
      if (opts.resume) {
        const final = await ctx.runner.resume(opts.resume).done;
        if (final.status !== 'completed') fail(`job ${opts.resume} ${final.status}: ${final.error ?? final.message}`);
        summaries.push(final.result as GenerateSummary);
      } else {
        const kinds = opts.kind ? [opts.kind as (typeof GENERATED_KINDS)[number]] : GENERATED_KINDS;
        for (const kind of kinds) {
          const count = opts.count ? Number(opts.count) : TARGETS[kind];
          const progress = stderrProgress(kind.padEnd(16));
          const onProgress = (p: { kind: string; done: number; total: number }) => progress(p.done, p.total);
          ctx.runner.on('progress', onProgress);
          const { job, done } = ctx.runner.start('generate', { kind, count, seed, engine: opts.engine });
          process.stderr.write(`job ${job.id}: ${kind} x ${count} (${opts.engine}, seed ${seed})\n`);
          const final = await done;
          ctx.runner.off('progress', onProgress);
          if (final.status !== 'completed') fail(`job ${job.id} ${final.status}: ${final.error ?? final.message}. Resume with --resume ${job.id}`);
          summaries.push(final.result as GenerateSummary);
        }
      }
    } finally {
      ctx.close();
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
      return;
    }
    process.stdout.write(
      `${formatTable(
        ['kind', 'engine', 'asked', 'planned', 'inserted', 'existing', 'auto-validated', 'to review'],
        summaries.map((s) => [s.kind, s.engine, s.requested, s.planned, s.inserted, s.skippedExisting, s.autoValidated, s.needsReview]),
      )}\n`,
    );
    for (const s of summaries) if (s.capped) process.stdout.write(`\n${s.capped}\n`);
    for (const s of summaries as (GenerateSummary & Partial<LlmGenerateSummary>)[]) {
      if (s.usage)
        process.stdout.write(
          `\n${s.kind} (${s.engine}): ${s.usage.calls} LLM call(s), ${s.usage.cacheHits} cache hit(s), ` +
            `${s.usage.promptTokens} prompt + ${s.usage.completionTokens} completion tokens, ${s.invalid ?? 0} invalid reply(ies) kept for review` +
            `${s.duplicatePrompts ? `, ${s.duplicatePrompts} item(s) not asked: their prompt repeats an earlier item's` : ''}\n`,
        );
    }
    for (const s of summaries) {
      if (!s.diversity) continue;
      process.stdout.write(
        `\nvariation diversity (distinct-2 higher = more varied; similarity lower = more varied)\n${formatTable(
          ['style', 'count', 'distinct-2', 'mean pairwise similarity'],
          Object.entries(s.diversity).map(([style, d]) => [style, d.count, d.distinct2.toFixed(3), d.meanPairwiseSimilarity.toFixed(3)]),
        )}\n`,
      );
    }
  });
}
