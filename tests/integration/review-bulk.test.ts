import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchEnvelope } from '../../src-main/api/dispatch';
import { openAppContext } from '../../src-main/app/compose';
import type { AppContext } from '../../src-main/app/context';
import { startJob } from '../../src-main/jobs/typed-jobs';
import { tempDir } from '../support/serve';

/** Bulk decisions with one undo, and the queue's sort orders, over dispatch on a real store. */
describe('review: bulk actions and sort orders', () => {
  let ctx: AppContext;
  let ids: string[] = [];
  const call = async <T>(name: string, req: unknown): Promise<T> => {
    const env = await dispatchEnvelope(ctx, name, req);
    if (!env.ok) throw Object.assign(new Error(env.error), { status: env.status });
    return env.result as T;
  };
  const status = (id: string) => ctx.examples.get(id)!.status;
  /** walks review.next to the end of the queue */
  const walk = async (filter: object): Promise<{ id: string; seq: number; confidence: number | null; intent_mismatches: number }[]> => {
    const out: { id: string; seq: number; confidence: number | null; intent_mismatches: number }[] = [];
    let after = 0;
    for (;;) {
      const { item } = await call<{ item: { id: string; seq: number; confidence: number | null; intent_mismatches: number } | null }>('review.next', { filter, afterSeq: after });
      if (!item) return out;
      out.push(item);
      after = item.seq;
    }
  };

  beforeAll(async () => {
    ctx = openAppContext({ dbPath: path.join(tempDir(), 'bulk.sqlite') });
    await startJob(ctx.runner, 'generate', { kind: 'query_variation', count: 200 }).done;
    ctx.db.exec("UPDATE examples SET status = 'needs_review'");
    // the parser now round-trips nearly every variation, so the sort test's mismatch order is given
    // by three late items with mismatches (1, 2, 3), not left to the generator's rare misses
    ctx.db.exec(
      'UPDATE examples SET intent_mismatches = 4 - (SELECT COUNT(*) FROM examples e WHERE e.seq >= examples.seq) WHERE seq IN (SELECT seq FROM examples ORDER BY seq DESC LIMIT 3)',
    );
    ids = ctx.examples.listLight({}, 0, 500).map((l) => l.id);
  }, 60_000);
  afterAll(() => ctx?.close());

  it('accepts, rejects and flags many items at once, and one undo takes back a whole bulk action', async () => {
    const queue = ids.length;
    expect(queue).toBeGreaterThanOrEqual(200);
    const three = ids.slice(0, 3);
    const r = await call<{ count: number; batch: string }>('review.decideMany', { ids: three, action: 'reject', note: { reason: 'duplicate', comment: 'same query' } });
    expect(r.count).toBe(3);
    expect(three.map(status)).toEqual(['rejected', 'rejected', 'rejected']);
    // a flag marks without deciding: the status stays, the note says flagged, progress does not count it
    await call('review.decideMany', { ids: [ids[3], ids[4]], action: 'flag', note: { comment: 'check the organism' } });
    expect([ids[3], ids[4]].map((id) => status(id!))).toEqual(['needs_review', 'needs_review']);
    expect(await call('review.note', { id: ids[3] })).toEqual({ note: { comment: 'check the organism', flag: true } });
    expect(await call('review.stats', { filter: { status: 'needs_review' } })).toEqual({ total: queue, remaining: queue - 3, decided: 3 });
    const { entries } = await call<{ entries: { exampleId: string; action: string; note: unknown }[] }>('review.history', { limit: 10 });
    expect(entries.map((e) => [e.exampleId, e.action])).toEqual([
      [ids[4], 'flag'],
      [ids[3], 'flag'],
      [ids[2], 'reject'],
      [ids[1], 'reject'],
      [ids[0], 'reject'],
    ]);
    expect(entries[2]!.note).toEqual({ comment: 'same query', reason: 'duplicate' });

    // one undo: both flags; the next: all three rejects, reporting the first item of the batch
    expect(await call('review.undo', {})).toMatchObject({ exampleId: ids[3], status: 'needs_review', count: 2 });
    expect(await call('review.note', { id: ids[3] })).toEqual({ note: null });
    expect(await call('review.undo', {})).toMatchObject({ exampleId: ids[0], status: 'needs_review', count: 3 });
    expect(three.map(status)).toEqual(['needs_review', 'needs_review', 'needs_review']);
    expect(await call('review.stats', { filter: { status: 'needs_review' } })).toEqual({ total: queue, remaining: queue, decided: 0 });
    expect(await call('review.undo', {})).toBeNull();
  });

  it('refuses a bulk action naming an unknown item, and writes nothing of it', async () => {
    const before = status(ids[5]!);
    const env = await dispatchEnvelope(ctx, 'review.decideMany', { ids: [ids[5], 'no-such-item'], action: 'accept' });
    expect(env).toEqual({ ok: false, status: 404, error: 'no example with id no-such-item' });
    expect(status(ids[5]!)).toBe(before);
    const empty = await dispatchEnvelope(ctx, 'review.decideMany', { ids: [], action: 'accept' });
    expect(empty.ok).toBe(false);
    expect((empty as { status: number }).status).toBe(400);
  });

  it('walks the queue in each sort order, and the queue list agrees with review.next', async () => {
    const rows = ctx.examples.listLight({}, 0, 500);
    const bySeq = [...rows].sort((a, b) => a.seq - b.seq);
    const conf = (c: number | null) => c ?? 2;
    const expected: Record<string, typeof rows> = {
      queue: bySeq,
      newest: [...bySeq].reverse(),
      low_confidence: [...bySeq].sort((a, b) => conf(a.confidence) - conf(b.confidence) || a.seq - b.seq),
      most_mismatches: [...bySeq].sort((a, b) => b.intent_mismatches - a.intent_mismatches || a.seq - b.seq),
    };
    // the data must make the orders differ, or this test would prove nothing
    expect(expected.low_confidence!.map((r) => r.id)).not.toEqual(expected.queue!.map((r) => r.id));
    expect(expected.most_mismatches!.map((r) => r.id)).not.toEqual(expected.queue!.map((r) => r.id));
    for (const [sort, want] of Object.entries(expected)) {
      const walked = await walk({ status: 'needs_review', sort });
      expect(walked.map((w) => w.id), sort).toEqual(want.map((r) => r.id));
      const listed = await call<{ items: { id: string }[] }>('examples.list', { filter: { status: 'needs_review', sort }, offset: 0, limit: 500 });
      expect(listed.items.map((i) => i.id), sort).toEqual(want.map((r) => r.id));
    }
    expect((await dispatchEnvelope(ctx, 'review.next', { filter: { sort: 'random' }, afterSeq: 0 })).ok).toBe(false);
  });
});
