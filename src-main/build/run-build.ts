import type { AppContext } from '../app/context';
import { defaultGenerateDeps } from '../generators/default-deps';
import { expertExamples, storeGoldenQueries } from '../generators/expert';
import { GENERATED_KINDS, TARGETS } from '../generators/targets';
import { roundTrip } from '../round-trip/check';

export interface BuildOptions {
  outDir: string;
  seed: number;
  /** multiplies the plan targets (1 = the plan's ~10,000 examples) */
  scale: number;
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
  kinds: { kind: string; total: number; target: number; train: number; val: number; test: number; rejected: number; needsReview: number }[];
  gates: { name: string; value: string; threshold: string; result: 'pass' | 'FAIL' | 'n/a' }[];
  leakage: { sharedGroups: number; crossSplitNearDuplicates: number };
}

/** Generation part of the build: golden queries, the expert test set and every kind at its target. */
export async function generateAll(ctx: AppContext, opts: BuildOptions, onProgress: (p: BuildProgress) => void): Promise<void> {
  const deps = defaultGenerateDeps();
  storeGoldenQueries(ctx.db, deps.kb);
  ctx.examples.insertMany(expertExamples(deps.kb).map((e) => roundTrip(e, deps)));
  for (const kind of GENERATED_KINDS) {
    const count = Math.max(1, Math.round(TARGETS[kind] * opts.scale));
    const id = `build-${opts.seed}-${kind}-${count}`;
    const onJob = (p: { jobId: string; done: number; total: number }) => {
      if (p.jobId === id) onProgress({ phase: `generate ${kind}`, done: p.done, total: p.total });
    };
    ctx.runner.on('progress', onJob);
    const final = await ctx.runner.start('generate', { kind, count, seed: opts.seed, engine: 'template' }, id).done;
    ctx.runner.off('progress', onJob);
    if (final.status !== 'completed') throw new Error(`generation of ${kind} ${final.status}: ${final.error ?? final.message}`);
  }
}
