import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../src-preload/contract';
import { dispatch } from '../../../src-main/api/dispatch';
import { openAppContext } from '../../../src-main/app/compose';
import type { AppContext } from '../../../src-main/app/context';
import { tempDir } from '../../support/serve';

const QUERY = 'RNA-seq differential expression in human liver, tumor vs normal, paired-end';

describe('playground / interactions API', () => {
  let ctx: AppContext;
  const call = <T>(name: string, req: unknown) => dispatch(ctx, name, req) as Promise<T>;
  beforeAll(() => {
    ctx = openAppContext({ dbPath: path.join(tempDir(), 'pg.sqlite') });
  });
  afterAll(() => ctx.close());

  it('runs a query, logs it, and turns feedback into an updated row and an example', async () => {
    const run = await call<ResponseOf<'playground.run'>>('playground.run', { query: QUERY });
    expect(run.intent.analysis_type).toBe('rna_seq_de');
    expect(run.tools.length).toBeGreaterThan(0);
    expect(Object.keys(run.workflow)).toContain('main.nf');
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const again = await call<ResponseOf<'playground.run'>>('playground.run', { query: QUERY });
    expect(again.sessionId).toBe(run.sessionId);

    const acc = await call<ResponseOf<'playground.feedback'>>('playground.feedback', {
      interactionId: run.interactionId,
      feedback: 'accept',
      executionSuccess: true,
    });
    expect(acc.interaction).toMatchObject({ id: run.interactionId, feedback: 'accept', execution_success: true, origin: 'playground' });
    expect(acc.example).toMatchObject({ id: `ix-${run.interactionId}`, kind: 'interaction', source: 'interaction', status: 'auto_validated' });
    expect(acc.example!.output.workflow!.files).toEqual(run.workflow);

    const fewer = run.tools.slice(0, 2);
    const mod = await call<ResponseOf<'playground.feedback'>>('playground.feedback', {
      interactionId: run.interactionId,
      feedback: 'modify',
      modifications: { tools: fewer },
    });
    expect(mod.interaction.content_hash).not.toBe(acc.interaction.content_hash);
    expect(mod.interaction.execution_success).toBe(true);
    expect(mod.example).toMatchObject({ status: 'needs_review', output: { tools: fewer } });

    const list = await call<ResponseOf<'interactions.list'>>('interactions.list', { offset: 0, limit: 10 });
    expect(list.total).toBe(2);
    expect(list.stats).toEqual({ total: 2, withFeedback: 1, accepted: 0, modified: 1, rejected: 0 });
    const page = await call<ResponseOf<'interactions.list'>>('interactions.list', { offset: 1, limit: 1, feedback: 'none' });
    expect(page.total).toBe(1);
    expect(page.items).toEqual([]);

    const rej = await call<ResponseOf<'playground.feedback'>>('playground.feedback', { interactionId: run.interactionId, feedback: 'reject', modifications: null });
    expect(rej.example).toBeNull();
    expect(ctx.examples.get(`ix-${run.interactionId}`)!.status).toBe('rejected');
  });

  it('answers 404 for an unknown interaction and 400 for a bad request', async () => {
    await expect(call('playground.feedback', { interactionId: 'nope', feedback: 'accept' })).rejects.toMatchObject({ status: 404 });
    await expect(call('playground.feedback', { interactionId: 'x', feedback: 'maybe' })).rejects.toMatchObject({ status: 400 });
    await expect(call('playground.run', { query: '   ' })).rejects.toMatchObject({ status: 400 });
  });

  it('imports a feedback file by path', async () => {
    const file = path.join(tempDir(), 'fb.jsonl');
    const line = { session_id: 'ext', timestamp: '2026-03-01T00:00:00Z', query: 'ChIP-seq peak calling in mouse', feedback: 'reject' };
    fs.writeFileSync(file, `${JSON.stringify(line)}\nnot json\n`);
    const r = await call<ResponseOf<'interactions.import'>>('interactions.import', { path: file });
    expect(r).toMatchObject({ lines: 2, imported: 1, duplicates: 0, errorCount: 1, examples: 0 });
    expect(r.errors[0]!.line).toBe(2);
    await expect(call('interactions.import', { path: path.join(tempDir(), 'missing.jsonl') })).rejects.toMatchObject({ status: 400 });
    // a caller-chosen job id follows the import's progress; reusing one (even a finished job's) is refused
    const jobId = '6a1f0c7e-3b2d-4c5e-9f8a-0123456789ab';
    const events: unknown[] = [];
    const listen = (e: { type: string; progress?: { jobId: string } }) => e.type === 'job-progress' && e.progress?.jobId === jobId && events.push(e);
    ctx.events.on('event', listen);
    await call('interactions.import', { path: file, jobId });
    ctx.events.off('event', listen);
    expect(events.at(-1)).toMatchObject({ progress: { jobId, kind: 'import-feedback', status: 'completed' } });
    await expect(call('interactions.import', { path: file, jobId })).rejects.toMatchObject({ status: 409 });
    const list = await call<ResponseOf<'interactions.list'>>('interactions.list', { offset: 0, limit: 5, origin: 'import' });
    expect(list.items.map((i) => i.session_id)).toEqual(['ext']);
  });
});
