import path from 'node:path';
import { type Command, Option } from 'commander';
import { runBuild } from '../../build/run-build';
import { addDbOption, fail, openContext, stderrProgress } from '../common';
import { formatTable } from '../format-table';
import { COVERAGE_BAND } from '../../pipeline/split-coverage';
import { expertVerifiedLabel } from '../../review/expert-verification';

export function registerBuild(program: Command): void {
  addDbOption(
    program
      .command('build')
      .description('the whole dataset build, headless: generate every kind at the plan targets, run the pipeline and gates, export')
      .option('--out <dir>', 'output folder (processed/, hf/, hub/, metadata/ ...)', 'data/training')
      .option('--seed <n>', 'seed for generation and splits', '42')
      .option('--scale <x>', 'multiply the plan target counts (e.g. 0.1 for a quick build)', '1')
      .addOption(new Option('--engine <engine>', 'generator engine (llm: the LLM settings, or env BIOTRAIN_LLM_BASE_URL / BIOTRAIN_LLM_MODEL / BIOTRAIN_LLM_API_KEY)').choices(['template', 'llm']).default('template'))
      .option('--json', 'print the build summary as JSON'),
  ).action(async (opts: { db: string; out: string; seed: string; scale: string; engine: 'template' | 'llm'; json?: boolean }) => {
    const seed = Number(opts.seed);
    const scale = Number(opts.scale);
    if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer, got '${opts.seed}'`, 2);
    if (!(scale > 0 && scale <= 100)) fail(`--scale must be in (0, 100], got '${opts.scale}'`, 2);
    const ctx = openContext(opts.db);
    const t0 = Date.now();
    let summary: Awaited<ReturnType<typeof runBuild>>;
    try {
      let phase = '';
      let progress = stderrProgress('');
      summary = await runBuild(ctx, { outDir: path.resolve(opts.out), seed, scale, engine: opts.engine }, (p) => {
        if (p.phase !== phase) {
          phase = p.phase;
          progress = stderrProgress(p.phase.padEnd(24));
        }
        progress(p.done, p.total, p.message);
      });
    } finally {
      ctx.close();
    }
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      const kinds = formatTable(
        ['kind', 'examples', 'target', 'train', 'val', 'test', 'excluded'],
        summary.kinds.map((k) => [k.kind, k.total, k.target ?? '-', k.train, k.val, k.test, k.excluded]),
      );
      const excluded = Object.entries(summary.excluded)
        .filter(([, n]) => n > 0)
        .map(([why, n]) => `${n} ${why.replace(/_/g, ' ')}`)
        .join(', ');
      const gates = formatTable(['quality gate', 'value', 'minimum', 'result'], summary.gates.map((g) => [g.name, g.display, `${(g.threshold * 100).toFixed(0)}%`, g.result]));
      process.stdout.write(`\n${kinds}\n\nexcluded: ${excluded || 'none'}\n\n${gates}\n`);
      process.stdout.write(`\nleakage: ${summary.leakage.sharedGroups} shared groups, ${summary.leakage.crossSplitNearDuplicates} cross-split near-duplicates (${summary.nearDuplicateClusters} near-duplicate clusters kept for inspection)\n`);
      const a = summary.answerLeakage;
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      process.stdout.write(
        `answer leakage: ${a.identical + a.near_duplicate} of ${a.test_answers} test answers (${pct(a.share)}) are byte-identical (${a.identical}) or near duplicates (${a.near_duplicate}) of a train answer; ` +
          `expert items: ${a.expert.identical + a.expert.near_duplicate} of ${a.expert.test_answers} (${pct(a.expert.share)})\n`,
      );
      process.stdout.write(
        `${expertVerifiedLabel(summary.expertVerified)} (only these are exported as expert ground truth, source 'expert'; the others are test items with source 'expert_unverified': approve them in Review > Curate test set)\n`,
      );
      const band = `${(COVERAGE_BAND.min * 100).toFixed(0)}-${(COVERAGE_BAND.max * 100).toFixed(0)}%`;
      process.stdout.write(
        summary.outsideBand.length === 0
          ? `split coverage: every analysis type with ${COVERAGE_BAND.minExamples}+ examples has ${band} of them in val and in test\n`
          : `split coverage: OUTSIDE the ${band} band in val or test: ${summary.outsideBand.join(', ')}\n`,
      );
      const topics = Object.entries(summary.topicsPerSplit).map(([k, t]) => `${k} ${t.train}/${t.val}/${t.test}`);
      if (topics.length > 0) process.stdout.write(`groups per split (train/val/test): ${topics.join(', ')}\n`);
      for (const t of summary.targets.filter((k) => !k.met))
        process.stdout.write(`target: ${t.kind} kept ${t.kept} of ${t.target} (${t.generated} generated): ${t.reason}\n`);
      if (summary.targets.every((k) => k.met)) process.stdout.write('targets: every kind kept its target count\n');
      const q = summary.queryQuality;
      const styles = formatTable(
        ['query style', 'n', 'distinct-2', 'distinct-3', 'top-12 openers', 'artefacts'],
        Object.entries(q.styles).map(([style, v]) => [style, v.count, v.distinct2.toFixed(3), v.distinct3.toFixed(3), `${(v.top12OpenerShare * 100).toFixed(1)}%`, v.artefacts]),
      );
      process.stdout.write(`\n${styles}\nall query variations: distinct-2 ${q.overall.distinct2.toFixed(3)}, distinct-3 ${q.overall.distinct3.toFixed(3)}\n`);
      process.stdout.write(q.misses.length === 0 ? 'query targets met\n' : `query targets MISSED: ${q.misses.join('; ')}\n`);
      process.stdout.write(`exported to ${summary.outDir} (${summary.files} files) in ${secs} s\n`);
    }
    if (!summary.passed) fail(`build failed its quality gates:\n  ${summary.failures.join('\n  ')}`);
  });
}
