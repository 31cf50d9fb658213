import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../../src-preload/contract/dataset';
import { BUILD_PHASES } from '../../../src-preload/schemas/build';
import { dispatch } from '../../../src-main/api/dispatch';
import { openAppContext } from '../../../src-main/app/compose';
import type { AppContext } from '../../../src-main/app/context';
import { type BuildProgress, runBuild } from '../../../src-main/build/run-build';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { ReviewRepo } from '../../../src-main/review/review-repo';
import { educationExample } from '../../support/examples';
import { tempDir } from '../../support/serve';

/**
 * builds.report on a small store built in-process: per-task counts, exclusions per reason and rule, the
 * reviewed examples the build dropped, the Review filter that lists them, and the progress phases.
 */
describe('build report (builds.report) and build progress', () => {
  let ctx: AppContext;
  let report: BuildReport;
  let buildId: string;
  const progress: BuildProgress[] = [];

  beforeAll(async () => {
    const kb = loadKnowledge();
    const dir = tempDir('biotrain-build-report-');
    ctx = openAppContext({ dbPath: path.join(dir, 'store.sqlite') });
    const ok = (i: number) => ({ ...educationExample(kb, 'ed-', i, `What does step ${i} of a variant calling workflow do with the aligned reads?`, `Step ${i} explained in words.`), status: 'auto_validated' as const });
    ctx.examples.insertMany([
      ...[1, 2, 3, 4, 5, 6].map(ok),
      // ed-7 repeats ed-1's request and answer: a duplicate, accepted by a reviewer below
      { ...educationExample(kb, 'ed-', 7, 'What does step 1 of a variant calling workflow do with the aligned reads?', 'Step 1 explained in words.'), status: 'auto_validated' },
      // ed-8: mostly digits, the language-quality rule rejects it; a reviewer edits its answer below
      { ...educationExample(kb, 'ed-', 8, '12 34 56 78 90 ?? !! 11 22', 'Numbers.'), status: 'auto_validated' },
      // ed-9 waits for review, ed-10 is rejected below
      educationExample(kb, 'ed-', 9, 'Why does the pipeline trim adapters before aligning the reads?', 'Adapters are not genome.'),
      { ...educationExample(kb, 'ed-', 10, 'How are duplicate reads marked after the alignment step?', 'By position.'), status: 'auto_validated' },
    ]);
    const review = new ReviewRepo(ctx.db);
    review.decide('ed-7', 'accept', 'tester');
    review.decide('ed-8', 'edit', 'tester', { explanation: 'Edited: still numbers.' });
    review.decide('ed-10', 'reject', 'tester');
    review.decide('ed-2', 'accept', 'tester');
    await new Promise((r) => setTimeout(r, 5)); // decisions strictly before the build's start time
    const summary = await runBuild(ctx, { outDir: path.join(dir, 'out'), seed: 3, scale: 1, noGenerate: true }, (p) => progress.push(p));
    buildId = summary.buildId;
    report = (await dispatch(ctx, 'builds.report', { id: buildId })) as BuildReport;
  }, 120_000);
  afterAll(() => ctx?.close());

  it('counts each task against its target, and every exclusion reason and rule finding', () => {
    expect(report.perTask).toEqual([{ task: 'education', kind: 'education', target: 500, total: 10, train: report.perTask[0]!.train, val: report.perTask[0]!.val, test: report.perTask[0]!.test, excluded: 4 }]);
    const t = report.perTask[0]!;
    expect(t.train + t.val + t.test).toBe(6);
    expect(report.excluded).toEqual([
      { reason: 'rejected_in_review', count: 1 },
      { reason: 'awaiting_review', count: 1 },
      { reason: 'rule_rejected', count: 1 },
      { reason: 'rule_review', count: 0 },
      { reason: 'duplicate', count: 1 },
      { reason: 'near_duplicate_of_eval', count: 0 },
    ]);
    expect(report.ruleFailures).toEqual([{ rule: 'language_quality', count: 1 }]);
    expect(report.nearDuplicates?.threshold).toBe(0.8);
  });

  it('names the accepted and edited examples the build dropped, with the reason and rule', () => {
    expect(report.dropped.total).toBe(2);
    expect(report.dropped.items.map(({ decidedAt: _, ...d }) => d)).toEqual([
      { id: 'ed-8', kind: 'education', input: '12 34 56 78 90 ?? !! 11 22', decision: 'edit', reason: 'rule_rejected', rules: ['language_quality: only 0% letters'] },
      { id: 'ed-7', kind: 'education', input: 'What does step 1 of a variant calling workflow do with the aligned reads?', decision: 'accept', reason: 'duplicate', rules: [] },
    ]);
  });

  it('a decision made after the build started is not reported as dropped by it', async () => {
    new ReviewRepo(ctx.db).decide('ed-9', 'accept', 'tester');
    const again = (await dispatch(ctx, 'builds.report', { id: buildId })) as BuildReport;
    expect(again.dropped.items.map((d) => d.id)).toEqual(['ed-8', 'ed-7']);
    expect(await dispatch(ctx, 'builds.report', { id: 'no-such-build' })).toBeNull();
  });

  it('the Review filter excludedFrom lists the examples left out, per reason and per rule', async () => {
    const ids = async (excludedFrom: Record<string, string>) =>
      ((await dispatch(ctx, 'examples.list', { filter: { excludedFrom }, offset: 0, limit: 50 })) as { total: number; items: { id: string }[] }).items.map((i) => i.id).sort();
    expect(await ids({ buildId })).toEqual(['ed-10', 'ed-7', 'ed-8', 'ed-9']);
    expect(await ids({ buildId, reason: 'duplicate' })).toEqual(['ed-7']);
    expect(await ids({ buildId, rule: 'language_quality' })).toEqual(['ed-8']);
    expect(await ids({ buildId, rule: 'language' })).toEqual([]);
    await expect(dispatch(ctx, 'examples.list', { filter: { excludedFrom: { buildId, rule: "x' OR 1=1" } }, offset: 0, limit: 5 })).rejects.toThrow(/rule/);
  });

  it('reports progress in every phase, in order, each phase ending at its total', () => {
    const phases = progress.map((p) => p.phase).filter((p, i, a) => p !== a[i - 1]);
    expect(phases).toEqual([...BUILD_PHASES]);
    const check = progress.filter((p) => p.phase === 'check');
    expect(check.map((p) => `${p.done}/${p.total} ${p.message}`)).toEqual([
      '0/8 processed',
      '1/8 openai',
      '2/8 hf',
      '3/8 hub',
      '4/8 alpaca',
      '5/8 sharegpt',
      '6/8 llama-factory',
      '7/8 manifest',
      '8/8 manifest',
    ]);
    expect(progress.filter((p) => p.phase === 'metadata').map((p) => `${p.done}/${p.total} ${p.message}`)).toEqual([
      '0/7 processed',
      '1/7 openai',
      '2/7 hf',
      '3/7 hub',
      '4/7 alpaca',
      '5/7 sharegpt',
      '6/7 llama-factory',
      '7/7 done',
    ]);
    for (const phase of BUILD_PHASES) {
      const last = progress.filter((p) => p.phase === phase).at(-1)!;
      expect([phase, last.done]).toEqual([phase, last.total]);
    }
    expect(progress.filter((p) => p.phase === 'export' && p.message).map((p) => p.message)).toEqual(['closing the train files', 'closing the val files', 'closing the test files']);
  });
});
