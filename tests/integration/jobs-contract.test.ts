import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchEnvelope } from '../../src-main/api/dispatch';
import { openAppContext } from '../../src-main/app/compose';
import type { AppContext } from '../../src-main/app/context';
import type { JobView } from '../../src-preload/contract/jobs';
import { tempDir } from '../support/serve';

describe('typed job contract', () => {
  let ctx: AppContext;
  beforeAll(() => {
    ctx = openAppContext({ dbPath: path.join(tempDir(), 'jobs.sqlite') });
  });
  afterAll(() => ctx?.close());

  it('refuses params that do not fit the kind with a 400, before any job row exists', async () => {
    const bad = await dispatchEnvelope(ctx, 'jobs.start', { kind: 'generate', params: { kind: 'education', count: -5 } });
    expect(bad).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/^invalid request for jobs\.start: params\.count: /) });
    const unknownKind = await dispatchEnvelope(ctx, 'jobs.start', { kind: 'rm-rf', params: {} });
    expect(unknownKind).toMatchObject({ ok: false, status: 400 });
    expect(ctx.runner.store.list()).toEqual([]);
  });

  it('runs a job with defaults applied and lists it with its typed result', async () => {
    const started = await dispatchEnvelope(ctx, 'jobs.start', { kind: 'generate', params: { kind: 'education', count: 3 } });
    expect(started.ok).toBe(true);
    const job = (started as { result: JobView }).result;
    expect(job).toMatchObject({ kind: 'generate', params: { kind: 'education', count: 3, seed: 42, engine: 'template' } });
    await ctx.runner.start('generate', job.params, job.id).done;
    const list = await dispatchEnvelope(ctx, 'jobs.list', {});
    const views = (list as { result: JobView[] }).result;
    expect(views).toHaveLength(1);
    const done = views[0]!;
    expect(done.status).toBe('completed');
    if (done.kind !== 'generate' || !done.result) throw new Error('expected a finished generate job');
    expect(done.result).toMatchObject({ kind: 'education', engine: 'template', planned: 3, inserted: 3, skippedExisting: 0 });
  });
});
