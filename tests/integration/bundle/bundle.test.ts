import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/api/dispatch';
import { readBundle } from '../../../src-main/bundle/format';
import type { MergeReport } from '../../../src-main/bundle/merge';
import { openReviewContext } from '../../../src-main/bundle/reviewer';
import type { Example, ExampleOutput } from '../../../src-preload/schemas/example';
import { runCli, type Served, startServe, tempDir } from '../../support/serve';

type Item = Example & { seq: number };
type Note = { comment?: string; flag?: boolean; reason?: string };
type Plan = Record<number, { action: 'accept' | 'reject' | 'edit'; tissue?: string; note?: Note } | undefined>;
const NOTE_5: Note = { comment: 'asks for two assays at once', flag: true, reason: 'unclear_query' };

const withTissue = (o: ExampleOutput, tissue: string): ExampleOutput => ({ ...o, intent: { ...o.intent!, tissue } });

/** Walks the review queue of a served bundle and decides each item per the plan (index -> decision). */
async function reviewAll(s: Served, plan: Plan, fallback: 'accept' | null): Promise<Item[]> {
  const items: Item[] = [];
  let after = 0;
  for (;;) {
    const { item } = await s.api<{ item: Item | null }>('review.next', { filter: {}, afterSeq: after });
    if (!item) break;
    items.push(item);
    after = item.seq;
  }
  for (const [i, item] of items.entries()) {
    const p = plan[i] ?? (fallback ? { action: fallback } : undefined);
    if (!p) continue;
    await s.api('review.decide', { id: item.id, action: p.action, note: p.note, ...(p.action === 'edit' ? { output: withTissue(item.output, p.tissue!) } : {}) });
  }
  return items;
}

const readJson = <T>(f: string): T => JSON.parse(fs.readFileSync(f, 'utf8')) as T;

interface DecisionsJson {
  bundle_id: string;
  items_sha256: string;
  reviewer: string;
  decisions: { example_id: string; action: string; output?: ExampleOutput; note?: Note; decided_at: string }[];
}

describe('review bundles: create, review, merge', () => {
  const dir = tempDir('biotrain-bundle-');
  const db = path.join(dir, 'store.sqlite');
  const bundleFile = path.join(dir, 'r1.btbundle');
  let items: Item[] = [];
  let aliceFile = '';
  let bobFile = '';

  beforeAll(async () => {
    const gen = await runCli(['generate', '--kind', 'query_variation', '--count', '200', '--db', db]);
    expect(gen.code, gen.stderr).toBe(0);
    const created = await runCli(['bundle', 'create', '--db', db, '--out', bundleFile, '--filter', 'all', '--limit', '20', '--json']);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).manifest.item_count).toBe(20);

    // reviewer 1: alice, through the HTTP bridge of `serve --review`
    const alice = await startServe({ extraArgs: ['--review', bundleFile, '--reviewer', 'alice'] });
    try {
      const info = await alice.api<{ bundleId: string; reviewer: string; itemCount: number; guidelines: string }>('bundle.info');
      expect(info).toMatchObject({ reviewer: 'alice', itemCount: 20 });
      expect(info.guidelines).toMatch(/# Biotrain review guidelines/);
      expect((await alice.api<{ mode: string }>('app.info')).mode).toBe('review');
      items = await reviewAll(alice, { 5: { action: 'reject', note: NOTE_5 }, 6: { action: 'edit', tissue: 'liver' }, 7: { action: 'edit', tissue: 'brain' } }, 'accept');
      expect(items).toHaveLength(20);
      // a mistaken decision, undone: the decisions file keeps the latest not-undone one
      aliceFile = `${bundleFile}.alice.decisions.json`;
      await alice.api('review.decide', { id: items[3]!.id, action: 'reject' });
      expect(readJson<DecisionsJson>(aliceFile).decisions.find((d) => d.example_id === items[3]!.id)?.action).toBe('reject');
      await alice.api('review.undo');
      expect(readJson<DecisionsJson>(aliceFile).decisions.find((d) => d.example_id === items[3]!.id)?.action).toBe('accept');
      const exported = await alice.api<{ path: string; count: number }>('bundle.exportDecisions');
      expect(exported).toMatchObject({ path: aliceFile, count: 20 });
    } finally {
      await alice.stop();
    }

    // reviewer 2: bob, disagreeing on items 0, 1 and 7 and skipping item 19
    const bob = await startServe({ extraArgs: ['--review', bundleFile, '--reviewer', 'bob'] });
    try {
      await reviewAll(
        bob,
        { 0: { action: 'reject' }, 1: { action: 'edit', tissue: 'blood' }, 5: { action: 'reject' }, 6: { action: 'edit', tissue: 'liver' }, 7: { action: 'edit', tissue: 'heart' }, 19: undefined },
        null,
      );
      for (let i = 2; i < 19; i++) if (![5, 6, 7].includes(i)) await bob.api('review.decide', { id: items[i]!.id, action: 'accept' });
    } finally {
      await bob.stop();
    }
    bobFile = `${bundleFile}.bob.decisions.json`;
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one decisions file per reviewer with the bundle identity', () => {
    const manifest = readBundle(bundleFile).manifest;
    const a = readJson<DecisionsJson>(aliceFile);
    const b = readJson<DecisionsJson>(bobFile);
    expect(a).toMatchObject({ bundle_id: manifest.bundle_id, items_sha256: manifest.items_sha256, reviewer: 'alice' });
    expect(a.decisions).toHaveLength(20);
    expect(b.decisions).toHaveLength(19);
    expect(a.decisions.find((d) => d.example_id === items[6]!.id)?.output?.intent?.tissue).toBe('liver');
    // the note travels with the decision; decisions without one carry none
    expect(a.decisions.find((d) => d.example_id === items[5]!.id)?.note).toEqual(NOTE_5);
    expect(a.decisions.filter((d) => d.note !== undefined).map((d) => d.example_id)).toEqual([items[5]!.id]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('resumes a session: a lost reviewer store is rebuilt from the decisions file', async () => {
    const before = fs.readFileSync(aliceFile, 'utf8');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, `r1.btbundle.alice.review.sqlite${suffix}`), { force: true });
    const ctx = openReviewContext({ bundlePath: bundleFile, reviewer: 'alice' });
    try {
      expect(await dispatch(ctx, 'bundle.info', {})).toMatchObject({ reviewer: 'alice', itemCount: 20, decided: 20 });
      expect(await dispatch(ctx, 'review.stats', { filter: { status: 'needs_review' } })).toMatchObject({ total: 20, remaining: 0 });
      expect(fs.readFileSync(aliceFile, 'utf8')).toBe(before);
    } finally {
      ctx.close();
    }
    expect(() => openReviewContext({ bundlePath: bundleFile, reviewer: 'bob', decisionsPath: aliceFile })).toThrow(/belongs to reviewer 'alice', not 'bob'/);
  });

  it('merges: agreed items applied with provenance, conflicts listed and queued, kappa reported', async () => {
    const conflictsOut = path.join(dir, 'adjudicate.btbundle');
    const r = await runCli(['bundle', 'merge', aliceFile, bobFile, '--db', db, '--json', '--conflicts-out', conflictsOut]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as MergeReport;
    const conflictIds = [items[0]!.id, items[1]!.id, items[7]!.id];
    expect(report.conflicts.map((c) => c.id).sort()).toEqual([...conflictIds].sort());
    expect(report.items).toBe(20);
    expect(report.applied).toBe(17);
    const pair = report.pairs[0]!;
    expect(pair).toMatchObject({ a: 'alice', b: 'bob', shared: 19, bothEdited: 2 });
    // labels over the 19 shared items: alice 16 accept/1 reject/2 edit; bob 14 accept/2 reject/3 edit, 17 agree (item 7: both edit)
    const po = 17 / 19;
    const pe = (16 * 14 + 1 * 2 + 2 * 3) / 19 ** 2;
    expect(pair.actionAgreement).toBeCloseTo(17 / 19, 10);
    expect(pair.kappa).toBeCloseTo((po - pe) / (1 - pe), 10);
    expect(report.fields.find((f) => f.field === 'intent.tissue')).toEqual({ field: 'intent.tissue', compared: 2, agreed: 1 });
    expect(report.fields.find((f) => f.field === 'intent.analysis_type')).toEqual({ field: 'intent.analysis_type', compared: 2, agreed: 2 });

    const store = new Database(db, { readonly: true });
    try {
      const status = (id: string) => (store.prepare('SELECT status FROM examples WHERE id = ?').get(id) as { status: string }).status;
      for (const id of conflictIds) expect(status(id)).toBe('needs_review');
      expect(status(items[5]!.id)).toBe('rejected');
      expect(status(items[19]!.id)).toBe('accepted');
      const out = JSON.parse((store.prepare('SELECT output FROM examples WHERE id = ?').get(items[6]!.id) as { output: string }).output) as ExampleOutput;
      expect(out.intent?.tissue).toBe('liver');
      const events = store.prepare('SELECT reviewer, action, created_at FROM review_events WHERE example_id = ? ORDER BY seq').all(items[5]!.id);
      const decidedAt = (f: string) => readJson<DecisionsJson>(f).decisions.find((d) => d.example_id === items[5]!.id)!.decided_at;
      expect(events).toEqual(
        expect.arrayContaining([
          { reviewer: 'alice', action: 'reject', created_at: decidedAt(aliceFile) },
          { reviewer: 'bob', action: 'reject', created_at: decidedAt(bobFile) },
        ]),
      );
      // the merged decision keeps the reviewer's note
      const payloads = store.prepare("SELECT reviewer, json_extract(payload, '$.note') AS note FROM review_events WHERE example_id = ? ORDER BY seq").all(items[5]!.id) as { reviewer: string; note: string | null }[];
      expect(payloads.filter((p) => p.reviewer === 'alice').map((p) => (p.note ? JSON.parse(p.note) : null))).toEqual([NOTE_5]);
    } finally {
      store.close();
    }

    const adj = readBundle(conflictsOut);
    expect(adj.manifest.purpose).toBe('adjudication');
    expect(adj.items.map((i) => i.id).sort()).toEqual([...conflictIds].sort());
    expect(adj.items.every((i) => i.prior_decisions?.length === 2)).toBe(true);

    // the text report prints the table with kappa; a second merge applies nothing twice
    const again = await runCli(['bundle', 'merge', aliceFile, bobFile, '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Cohen's kappa/);
    expect(again.stdout).toMatch(/alice \/ bob\s+19\s+89\.5%\s+0\.\d{3}/);
    expect(again.stdout).toMatch(/conflicts \(set to needs_review\)/);
    const againJson = JSON.parse((await runCli(['bundle', 'merge', aliceFile, bobFile, '--db', db, '--json'])).stdout) as MergeReport;
    expect(againJson).toMatchObject({ applied: 0, alreadyApplied: 17 });

    // adjudication: one reviewer settles the conflicts (reviewer functions called directly)
    const ctx = openReviewContext({ bundlePath: conflictsOut, reviewer: 'carol' });
    try {
      for (const it of adj.items) await dispatch(ctx, 'review.decide', { id: it.id, action: 'accept' });
    } finally {
      ctx.close();
    }
    const settle = await runCli(['bundle', 'merge', `${conflictsOut}.carol.decisions.json`, '--db', db, '--json']);
    expect(settle.code, settle.stderr).toBe(0);
    expect(JSON.parse(settle.stdout)).toMatchObject({ applied: 3, conflicts: [] });
  });

  it('refuses a tampered bundle, naming the mismatch', async () => {
    const raw = readJson<{ manifest: Record<string, unknown>; items: { input: string }[] }>(bundleFile);
    raw.items[0]!.input = `${raw.items[0]!.input} (edited)`;
    const tampered = path.join(dir, 'tampered.btbundle');
    fs.writeFileSync(tampered, JSON.stringify(raw));
    const r = await runCli(['serve', '--review', tampered, '--reviewer', 'mallory']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/integrity check failed.*items_sha256 \(manifest [0-9a-f]{64}, content [0-9a-f]{64}\) mismatch/);

    raw.items[0]!.input = raw.items[0]!.input.replace(' (edited)', '');
    raw.manifest.format_version = 99;
    fs.writeFileSync(tampered, JSON.stringify(raw));
    const v = await runCli(['serve', '--review', tampered, '--reviewer', 'mallory']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/unknown bundle format_version 99/);
  });

  it('refuses decisions files for another bundle or a modified one', async () => {
    // a bundle created from another store
    const otherDb = path.join(dir, 'other.sqlite');
    expect((await runCli(['generate', '--kind', 'query_variation', '--count', '20', '--db', otherDb])).code).toBe(0);
    const otherBundle = path.join(dir, 'other.btbundle');
    expect((await runCli(['bundle', 'create', '--db', otherDb, '--out', otherBundle, '--filter', 'all', '--gzip'])).code).toBe(0);
    const ctx = openReviewContext({ bundlePath: otherBundle, reviewer: 'dave' });
    const otherItem = readBundle(otherBundle).items[0]!;
    await dispatch(ctx, 'review.decide', { id: otherItem.id, action: 'accept' });
    ctx.close();
    const foreign = await runCli(['bundle', 'merge', aliceFile, `${otherBundle}.dave.decisions.json`, '--db', db]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/dave\.decisions\.json: refusing it: its bundle [0-9a-f-]+ was not created from this store/);

    const modified = readJson<DecisionsJson>(aliceFile);
    modified.items_sha256 = '0'.repeat(64);
    const modifiedFile = path.join(dir, 'modified.decisions.json');
    fs.writeFileSync(modifiedFile, JSON.stringify(modified));
    const bad = await runCli(['bundle', 'merge', modifiedFile, '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/refusing it: items_sha256 mismatch for bundle/);
  });
});
