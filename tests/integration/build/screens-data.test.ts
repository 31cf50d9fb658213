import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../../../src-main/app/compose';
import type { AppContext } from '../../../src-main/app/context';
import { generateAll, runBuild } from '../../../src-main/build/run-build';
import type { SplitPreview } from '../../../src-preload/contract/dataset';
import { SplitConfigSchema } from '../../../src-preload/schemas/build';
import { dispatchCall } from '../../support/dispatch-call';
import { tempDir } from '../../support/serve';

interface Summary {
  latestBuild: { report: { query_quality?: unknown; targets?: unknown; expert_verification?: unknown } | null } | null;
}

/** What the Dashboard and Splits screens read of a build, over dispatch (the code IPC and the bridge run). */
describe('the screens are served query quality, targets against kept counts and the expert-verified test items', () => {
  let ctx: AppContext;
  let dir: string;
  let report: { query_quality: unknown; targets: unknown; expert_verification: unknown };
  const call = dispatchCall(() => ctx);

  beforeAll(async () => {
    dir = tempDir('biotrain-screens-data-');
    ctx = openAppContext({ dbPath: path.join(dir, 'store.sqlite') });
    await generateAll(ctx, { outDir: path.join(dir, 'out'), seed: 3, scale: 0.01 }, () => {});
    const out = path.join(dir, 'out');
    await runBuild(ctx, { outDir: out, seed: 3, scale: 0.01, noGenerate: true }, () => {});
    report = JSON.parse(fs.readFileSync(path.join(out, 'metadata', 'quality_report.json'), 'utf8'));
  }, 120_000);
  afterAll(() => {
    ctx?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('dashboard.summary holds the latest build report with query_quality, targets and expert_verification as written', async () => {
    const summary = await call<Summary>('dashboard.summary', {});
    const view = summary.latestBuild!.report!;
    expect(view.query_quality).toEqual(report.query_quality);
    expect(view.targets).toEqual(report.targets);
    expect(view.expert_verification).toEqual({ verified: 0, total: 100, label: 'expert-verified: 0/100' });
    expect((view.targets as { kind: string }[]).map((t) => t.kind)).toEqual(['query_variation', 'tool_selection', 'workflow', 'education', 'error_diagnosis']);
    expect(Object.keys((view.query_quality as { styles: object }).styles)).toEqual(['casual', 'detailed', 'edge_case', 'formal', 'minimal']);
  });

  it('splits.preview counts the expert test items and how many the expert verified, live', async () => {
    const config = SplitConfigSchema.parse({ seed: 3 });
    const before = await call<SplitPreview>('splits.preview', { config });
    expect(before.expertTest).toEqual({ verified: 0, total: 100 });
    await call('curate.approve', { id: 'expert-gq_001' });
    const after = await call<SplitPreview>('splits.preview', { config });
    expect(after.expertTest).toEqual({ verified: 1, total: 100 });
  });
});
