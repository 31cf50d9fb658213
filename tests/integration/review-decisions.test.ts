import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchEnvelope } from '../../src-main/api/dispatch';
import { openAppContext } from '../../src-main/app/compose';
import type { AppContext } from '../../src-main/app/context';
import { startJob } from '../../src-main/jobs/typed-jobs';
import type { Example, ExampleOutput } from '../../src-preload/schemas/example';
import { dispatchCall } from '../support/dispatch-call';
import { tempDir } from '../support/serve';

/** review.* over dispatch (the code both doors run) on a real store with generated items. */
describe('review decisions: edit validation, notes, history, per-queue progress', () => {
  let ctx: AppContext;
  let workflow: Example;
  let variation: Example;
  const call = dispatchCall(() => ctx);

  beforeAll(async () => {
    ctx = openAppContext({ dbPath: path.join(tempDir(), 'review.sqlite') });
    await startJob(ctx.runner, 'generate', { kind: 'workflow', count: 2 }).done;
    await startJob(ctx.runner, 'generate', { kind: 'query_variation', count: 20 }).done;
    workflow = ctx.examples.listLight({ kind: 'workflow' }, 0, 1).map((l) => ctx.examples.get(l.id)!)[0]!;
    variation = ctx.examples.listLight({ kind: 'query_variation' }, 0, 1).map((l) => ctx.examples.get(l.id)!)[0]!;
  }, 60_000);
  afterAll(() => ctx?.close());

  it('refuses edits the build would drop, naming each problem, and changes nothing', async () => {
    const before = ctx.examples.get(variation.id)!;
    const banana: ExampleOutput = { intent: { ...variation.output.intent!, analysis_type: 'banana', requested_tools: ['nosuchtool'] } };
    const check = await call<{ problems: { path: string; message: string }[] }>('review.checkEdit', { id: variation.id, output: banana });
    expect(check.problems).toEqual([
      { path: 'intent.analysis_type', message: "unknown analysis type 'banana'" },
      { path: 'intent.requested_tools.0', message: "unknown tool 'nosuchtool'" },
    ]);
    const refused = await dispatchEnvelope(ctx, 'review.decide', { id: variation.id, action: 'edit', output: banana });
    expect(refused).toEqual({ ok: false, status: 400, error: "edit not accepted: intent.analysis_type: unknown analysis type 'banana'; intent.requested_tools.0: unknown tool 'nosuchtool'" });
    const empty = await dispatchEnvelope(ctx, 'review.decide', { id: variation.id, action: 'edit', output: {} });
    expect(empty).toMatchObject({ ok: false, status: 400, error: 'edit not accepted: intent: a query variation target needs intent' });
    const org = await call<{ problems: unknown[] }>('review.checkEdit', {
      id: variation.id,
      output: { intent: { ...variation.output.intent!, organism: { id: 'unicorn', scientific_name: 'U', genome_build: 'x' } } },
    });
    expect(org.problems).toEqual([{ path: 'intent.organism.id', message: "unknown organism 'unicorn'" }]);
    expect(ctx.examples.get(variation.id)).toEqual(before);
  });

  it('refuses a workflow edit with a Nextflow syntax error and accepts the generated one', async () => {
    const files = { ...workflow.output.workflow!.files, 'main.nf': `${workflow.output.workflow!.files['main.nf']}\nworkflow {` };
    const broken = await call<{ problems: { path: string; message: string }[] }>('review.checkEdit', { id: workflow.id, output: { ...workflow.output, workflow: { files } } });
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems[0]!.path).toBe('workflow.files.main.nf');
    expect(broken.problems[0]!.message).toMatch(/^main\.nf:\d+:\d+ /);
    const fine = await call<{ problems: unknown[] }>('review.checkEdit', { id: workflow.id, output: workflow.output });
    expect(fine.problems).toEqual([]);
  });

  it('stores a comment, flag and reject reason with the decision and lists it in the history', async () => {
    const ids = ctx.examples.listLight({ kind: 'query_variation' }, 0, 3).map((l) => l.id);
    await call('review.decide', { id: ids[0], action: 'reject', note: { comment: '  organism is wrong ', flag: true, reason: 'wrong_intent' } });
    await call('review.decide', { id: ids[1], action: 'accept', note: { comment: '', reason: 'off_topic' } });
    await call('review.decide', { id: ids[2], action: 'accept' });
    await call('review.undo', {});
    const { entries } = await call<{ entries: { exampleId: string; action: string; undone: boolean; note: unknown; status: string }[] }>('review.history', { limit: 10 });
    expect(entries.map((e) => [e.exampleId, e.action, e.undone, e.note, e.status])).toEqual([
      [ids[2], 'accept', true, null, ctx.examples.get(ids[2]!)!.status],
      // a reject reason is kept on rejects only; empty comments are dropped
      [ids[1], 'accept', false, null, 'accepted'],
      [ids[0], 'reject', false, { comment: 'organism is wrong', flag: true, reason: 'wrong_intent' }, 'rejected'],
    ]);
    expect(await call('review.note', { id: ids[0] })).toEqual({ note: { comment: 'organism is wrong', flag: true, reason: 'wrong_intent' } });
  });

  it('counts progress over one set of items: total, remaining in the queue, decided', async () => {
    const all = ctx.examples.count({ kind: 'query_variation' });
    const queue = ctx.examples.count({ kind: 'query_variation', status: 'needs_review' });
    const stats = await call<{ total: number; remaining: number; decided: number }>('review.stats', { filter: { kind: 'query_variation', status: 'needs_review' } });
    expect(stats).toEqual({ total: all, remaining: queue, decided: 2 });
    // the workflow queue has no decisions, whatever other queues hold
    expect((await call<{ decided: number }>('review.stats', { filter: { kind: 'workflow' } })).decided).toBe(0);
  });

  it('lists the knowledge base for pickers', async () => {
    const cat = await call<{ analysisTypes: { id: string }[]; organisms: { id: string; genome_builds: string[] }[]; tools: { id: string }[] }>('knowledge.catalog', {});
    expect(cat.analysisTypes.length).toBeGreaterThanOrEqual(26);
    expect(cat.tools.length).toBeGreaterThanOrEqual(46);
    expect(cat.organisms.find((o) => o.id === 'mouse')?.genome_builds[0]).toBe('GRCm39');
  });
});
