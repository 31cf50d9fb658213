import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchEnvelope } from '../../../src-main/api/dispatch';
import { openAppContext } from '../../../src-main/app/compose';
import type { AppContext } from '../../../src-main/app/context';
import { generateAll, runBuild } from '../../../src-main/build/run-build';
import type { ExpertItem } from '../../../src-preload/contract/curate';
import type { ExampleOutput } from '../../../src-preload/schemas/example';
import { dispatchCall } from '../../support/dispatch-call';
import { tempDir } from '../../support/serve';

interface Row {
  messages: { role: string; content: string }[];
  metadata: { example_id: string; source: string };
}
const rowsOf = (out: string, split: string): Row[] =>
  fs
    .readFileSync(path.join(out, 'processed', `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);

type Counts = { verified: number; total: number };

/** The Curate test set channels over dispatch (the code both doors run), and the build that reads them. */
describe('expert test set: unverified until approved, exported as ground truth only when verified', () => {
  let ctx: AppContext;
  let dir: string;
  const call = dispatchCall(() => ctx);
  const build = (out: string) => runBuild(ctx, { outDir: out, seed: 3, scale: 0.01, noGenerate: true }, () => {});

  beforeAll(async () => {
    dir = tempDir('biotrain-curate-');
    ctx = openAppContext({ dbPath: path.join(dir, 'store.sqlite') });
    await generateAll(ctx, { outDir: path.join(dir, 'out'), seed: 3, scale: 0.01 }, () => {});
  }, 120_000);
  afterAll(() => ctx?.close());

  it('lists the 100 golden queries, none verified, and a build says expert-verified: 0/100 and flags every expert row', async () => {
    const list = await call<Counts & { items: ExpertItem[] }>('curate.list', {});
    expect(list).toMatchObject({ verified: 0, total: 100 });
    expect(list.items.map((i) => i.goldenId)).toEqual(Array.from({ length: 100 }, (_, i) => `gq_${String(i + 1).padStart(3, '0')}`));
    expect(list.items.every((i) => !i.verified && !i.edited && i.verifiedAt === null)).toBe(true);

    const out = path.join(dir, 'out0');
    const summary = await build(out);
    expect(summary.expertVerified).toEqual({ verified: 0, total: 100 });
    const report = JSON.parse(fs.readFileSync(path.join(out, 'metadata', 'quality_report.json'), 'utf8'));
    expect(report.expert_verification).toEqual({ verified: 0, total: 100, label: 'expert-verified: 0/100' });
    const test = rowsOf(out, 'test');
    expect(test.filter((r) => r.metadata.source === 'expert')).toEqual([]);
    const flagged = test.filter((r) => r.metadata.source === 'expert_unverified').length;
    // every expert item the build kept is in test, flagged
    expect(flagged).toBe(ctx.db.prepare("SELECT count(*) FROM examples WHERE source = 'expert' AND split = 'test'").pluck().get());
    expect(flagged).toBeGreaterThan(90);
    // the answer side of leakage is measured and reported
    expect(report.answer_leakage).toEqual(summary.answerLeakage);
    expect(report.answer_leakage.test_answers).toBe(test.length);
    expect(report.answer_leakage.expert.test_answers).toBe(flagged);
  }, 120_000);

  it('approving (as generated, or edited) verifies an item; an edit or undo elsewhere unverifies it; revoke withdraws it', async () => {
    const item = await call<{ item: ExpertItem; example: { output: ExampleOutput }; answer: string }>('curate.item', { id: 'expert-gq_001' });
    expect(item.item).toMatchObject({ id: 'expert-gq_001', goldenId: 'gq_001', verified: false });
    // the full answer the export writes: intent, tools and every workflow file
    for (const file of Object.keys(item.example.output.workflow!.files)) expect(item.answer).toContain(file);

    const a = await call<Counts & { item: ExpertItem }>('curate.approve', { id: 'expert-gq_001' });
    expect(a).toMatchObject({ verified: 1, total: 100, item: { verified: true, edited: false, status: 'accepted' } });

    // an edited approval: the expert fixes the tool rationale of gq_002
    const two = await call<{ example: { output: ExampleOutput } }>('curate.item', { id: 'expert-gq_002' });
    const edited: ExampleOutput = {
      ...two.example.output,
      tools: two.example.output.tools!.map((t, i) => (i === 0 ? { ...t, rationale: 'Checked by the expert: the first step of this analysis.' } : t)),
    };
    const b = await call<Counts & { item: ExpertItem }>('curate.approve', { id: 'expert-gq_002', output: edited });
    expect(b).toMatchObject({ verified: 2, item: { verified: true, edited: true } });
    expect(ctx.examples.get('expert-gq_002')!.output).toEqual(edited);

    // an edit the knowledge base refuses is not approved
    const bad = await dispatchEnvelope(ctx, 'curate.approve', { id: 'expert-gq_003', output: { ...edited, tools: [{ tool: 'nosuchtool', rationale: 'x' }] } });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect((bad as { error: string }).error).toMatch(/^edit not accepted: .*unknown tool 'nosuchtool'/);

    // an edit made in the review queue after the approval unverifies it; undoing that edit verifies it again
    await call('review.decide', { id: 'expert-gq_001', action: 'edit', output: { ...item.example.output, tools: edited.tools } });
    expect((await call<{ items: ExpertItem[] }>('curate.list', {})).items[0]!.verified).toBe(false);
    await call('review.undo', {});
    expect((await call<{ items: ExpertItem[] }>('curate.list', {})).items[0]!.verified).toBe(true);

    await call('curate.approve', { id: 'expert-gq_003' });
    const r = await call<Counts & { item: ExpertItem }>('curate.revoke', { id: 'expert-gq_003' });
    expect(r).toMatchObject({ verified: 2, item: { verified: false } });
    expect(await dispatchEnvelope(ctx, 'curate.approve', { id: 'qv-3-gq_001-b00-formal-00' })).toMatchObject({ ok: false, status: 404 });
  });

  it('the next build exports exactly the verified items as expert ground truth, with the edited answer', async () => {
    const out = path.join(dir, 'out1');
    const summary = await build(out);
    expect(summary.expertVerified).toEqual({ verified: 2, total: 100 });
    const test = rowsOf(out, 'test');
    const expert = test.filter((r) => r.metadata.source === 'expert');
    expect(expert.map((r) => r.metadata.example_id).sort()).toEqual(['expert-gq_001', 'expert-gq_002']);
    expect(expert.find((r) => r.metadata.example_id === 'expert-gq_002')!.messages[2]!.content).toContain('Checked by the expert: the first step of this analysis.');
    expect(test.some((r) => r.metadata.example_id === 'expert-gq_003' && r.metadata.source === 'expert_unverified')).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'metadata', 'quality_report.json'), 'utf8'));
    expect(report.expert_verification.label).toBe('expert-verified: 2/100');
  }, 120_000);

  it('reviewer mode cannot approve ground truth', async () => {
    const reviewCtx = { ...ctx, mode: 'review' as const };
    expect(await dispatchEnvelope(reviewCtx, 'curate.approve', { id: 'expert-gq_004' })).toEqual({
      ok: false,
      status: 403,
      error: 'the expert test set is approved in the studio, not in reviewer mode',
    });
  });
});
