import type { DecisionNote, HistoryEntry } from '../../src-preload/contract/review';
import { ClientError } from '../util/client-error';
import type { Example, ExampleOutput, ExampleStatus } from '../../src-preload/schemas/example';
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import { type ExampleFilter, type ExampleRow, rowToExample, whereClause } from '../store/examples-repo';
import { afterCondition, keyOfSeq, orderBy } from './queue-order';

export type Decision = 'accept' | 'reject' | 'edit';
/** What a bulk action does to each selected item; a flag marks it for a second look and keeps its status. */
export type BulkAction = 'accept' | 'reject' | 'flag';

interface EventPayload {
  fromStatus: ExampleStatus;
  toStatus: ExampleStatus;
  /** for edits: the output before and after */
  fromOutput?: ExampleOutput;
  toOutput?: ExampleOutput;
  /** the reviewer's comment, flag and reject reason on this decision */
  note?: DecisionNote;
  /** set on every event of one bulk action: one undo undoes them all */
  batch?: string;
}

export interface ReviewEvent {
  seq: number;
  example_id: string;
  action: Decision | 'flag' | 'undo';
  reviewer: string;
  undoes: number | null;
  created_at: string;
}

const STATUS_OF: Record<Decision, ExampleStatus> = { accept: 'accepted', reject: 'rejected', edit: 'accepted' };

/**
 * Review decisions as an append-only event log. Every decision records the state it replaced, so undo is
 * another event that restores it: unlimited undo, and a full history of who decided what.
 */
export class ReviewRepo {
  constructor(private readonly db: Db) {}

  /** The next item of the queue after the item with seq `afterSeq` (0: the first), in the filter's sort order. */
  next(filter: ExampleFilter, afterSeq: number): (Example & { seq: number }) | null {
    const w = whereClause(filter);
    const sort = filter.sort ?? 'queue';
    const afterKey = afterSeq > 0 && sort !== 'queue' ? (this.db.prepare(keyOfSeq(sort)).get(afterSeq) as { key: number } | undefined)?.key : undefined;
    const after = afterSeq === 0 ? '' : sort === 'queue' || afterKey !== undefined ? afterCondition(sort) : 'seq > @afterSeq';
    const where = [w.sql.replace(/^WHERE /, ''), after].filter(Boolean).join(' AND ');
    const row = this.db
      .prepare(`SELECT * FROM examples ${where ? `WHERE ${where}` : ''} ${orderBy(sort)} LIMIT 1`)
      .get({ ...w.args, afterSeq, afterKey }) as (ExampleRow & { seq: number }) | undefined;
    return row ? { ...rowToExample(row), seq: row.seq } : null;
  }

  item(exampleId: string): (Example & { seq: number }) | null {
    const row = this.db.prepare('SELECT * FROM examples WHERE id = ?').get(exampleId) as (ExampleRow & { seq: number }) | undefined;
    return row ? { ...rowToExample(row), seq: row.seq } : null;
  }

  decide(exampleId: string, action: Decision, reviewer: string, output?: ExampleOutput, note?: DecisionNote): { seq: number; status: ExampleStatus } {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT status, output FROM examples WHERE id = ?').get(exampleId) as { status: ExampleStatus; output: string } | undefined;
      if (!row) throw new ReviewError(`no example with id ${exampleId}`, 404);
      const toStatus = STATUS_OF[action];
      const payload: EventPayload = { fromStatus: row.status, toStatus };
      const kept = cleanNote(note, action);
      if (kept) payload.note = kept;
      if (action === 'edit') {
        if (!output) throw new ReviewError('an edit needs the edited output');
        payload.fromOutput = JSON.parse(row.output) as ExampleOutput;
        payload.toOutput = output;
        this.db.prepare('UPDATE examples SET output = ? WHERE id = ?').run(JSON.stringify(output), exampleId);
      }
      this.db.prepare('UPDATE examples SET status = ? WHERE id = ?').run(toStatus, exampleId);
      const seq = this.insertEvent(exampleId, action, reviewer, payload, null);
      return { seq, status: toStatus };
    }).immediate();
  }

  /**
   * One action on many items, in one transaction: every event carries the same batch id, so one undo
   * undoes them all. A flag keeps each item's status and records the note with `flag: true`.
   */
  decideMany(exampleIds: readonly string[], action: BulkAction, reviewer: string, note?: DecisionNote): { count: number; batch: string } {
    const batch = randomUUID();
    return this.db.transaction(() => {
      const get = this.db.prepare('SELECT status FROM examples WHERE id = ?');
      const setStatus = this.db.prepare('UPDATE examples SET status = ? WHERE id = ?');
      const kept = action === 'flag' ? { ...(cleanNote(note, 'accept') ?? {}), flag: true } : cleanNote(note, action);
      for (const id of new Set(exampleIds)) {
        const row = get.get(id) as { status: ExampleStatus } | undefined;
        if (!row) throw new ReviewError(`no example with id ${id}`, 404);
        const toStatus = action === 'flag' ? row.status : STATUS_OF[action];
        const payload: EventPayload = { fromStatus: row.status, toStatus, batch };
        if (kept) payload.note = kept;
        setStatus.run(toStatus, id);
        this.insertEvent(id, action, reviewer, payload, null);
      }
      return { count: new Set(exampleIds).size, batch };
    }).immediate();
  }

  /**
   * Undoes the latest decision not yet undone (by this reviewer), or the whole bulk action it belongs to;
   * null when there is nothing to undo. `exampleId` is the first item of a bulk action.
   */
  undo(reviewer: string): { exampleId: string; undone: number; status: ExampleStatus; count: number } | null {
    return this.db.transaction(() => {
      const open = `action != 'undo' AND reviewer = @reviewer AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq)`;
      const last = this.db.prepare(`SELECT seq, example_id, payload FROM review_events e WHERE ${open} ORDER BY seq DESC LIMIT 1`).get({ reviewer }) as EventRow | undefined;
      if (!last) return null;
      const batch = (JSON.parse(last.payload) as EventPayload).batch;
      const rows = batch
        ? (this.db.prepare(`SELECT seq, example_id, payload FROM review_events e WHERE ${open} AND json_extract(payload, '$.batch') = @batch ORDER BY seq DESC`).all({ reviewer, batch }) as EventRow[])
        : [last];
      for (const r of rows) {
        const payload = JSON.parse(r.payload) as EventPayload;
        if (payload.fromOutput) this.db.prepare('UPDATE examples SET output = ? WHERE id = ?').run(JSON.stringify(payload.fromOutput), r.example_id);
        this.db.prepare('UPDATE examples SET status = ? WHERE id = ?').run(payload.fromStatus, r.example_id);
        this.insertEvent(r.example_id, 'undo', reviewer, { fromStatus: payload.toStatus, toStatus: payload.fromStatus }, r.seq);
      }
      const first = rows.at(-1)!;
      return { exampleId: first.example_id, undone: last.seq, status: (JSON.parse(first.payload) as EventPayload).fromStatus, count: rows.length };
    }).immediate();
  }

  /** The output an example had before its first edit still in effect, for the edit diff. */
  originalOutput(exampleId: string): ExampleOutput | null {
    const row = this.db
      .prepare(
        `SELECT payload FROM review_events e WHERE example_id = ? AND action = 'edit'
         AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq) ORDER BY seq LIMIT 1`,
      )
      .get(exampleId) as { payload: string } | undefined;
    return row ? ((JSON.parse(row.payload) as EventPayload).fromOutput ?? null) : null;
  }

  /**
   * Progress of one queue. `total` counts the items matching the filter whatever their status; `remaining`
   * those matching it with its status (the queue itself); `decided` those of `total` with a decision in
   * effect (not undone). All three describe the same set of items.
   */
  stats(filter: ExampleFilter): { total: number; remaining: number; decided: number } {
    const w = whereClause({ ...filter, status: undefined });
    const total = (this.db.prepare(`SELECT count(*) AS n FROM examples ${w.sql}`).get(w.args) as { n: number }).n;
    const wr = whereClause(filter);
    const remaining = (this.db.prepare(`SELECT count(*) AS n FROM examples ${wr.sql}`).get(wr.args) as { n: number }).n;
    const decided = this.db
      .prepare(
        `SELECT count(*) AS n FROM examples ${w.sql ? `${w.sql} AND` : 'WHERE'} EXISTS (SELECT 1 FROM review_events e
         WHERE e.example_id = examples.id AND e.action NOT IN ('undo', 'flag') AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq))`,
      )
      .get(w.args) as { n: number };
    return { total, remaining, decided: decided.n };
  }

  /** The latest decisions (newest first), undone ones marked, with the item's query and current status. */
  history(limit: number): HistoryEntry[] {
    const rows = this.db
      .prepare(
        `SELECT e.seq, e.example_id, e.action, e.reviewer, e.payload, e.created_at, x.input, x.status, x.kind,
                EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq) AS undone
         FROM review_events e JOIN examples x ON x.id = e.example_id
         WHERE e.action != 'undo' ORDER BY e.seq DESC LIMIT ?`,
      )
      .all(limit) as { seq: number; example_id: string; action: Decision | 'flag'; reviewer: string; payload: string | null; created_at: string; input: string; status: ExampleStatus; kind: Example['kind']; undone: number }[];
    return rows.map((r) => ({
      seq: r.seq,
      exampleId: r.example_id,
      action: r.action,
      reviewer: r.reviewer,
      createdAt: r.created_at,
      input: r.input.slice(0, 200),
      kind: r.kind,
      status: r.status,
      undone: r.undone === 1,
      note: r.payload ? ((JSON.parse(r.payload) as EventPayload).note ?? null) : null,
    }));
  }

  /** The note of the decision in effect on an item (null when none or it carried no note). */
  noteOf(exampleId: string): DecisionNote | null {
    const row = this.db
      .prepare(
        `SELECT payload FROM review_events e WHERE example_id = ? AND action != 'undo'
         AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq) ORDER BY seq DESC LIMIT 1`,
      )
      .get(exampleId) as { payload: string | null } | undefined;
    return row?.payload ? ((JSON.parse(row.payload) as EventPayload).note ?? null) : null;
  }

  events(limit = 1000): ReviewEvent[] {
    return this.db
      .prepare('SELECT seq, example_id, action, reviewer, undoes, created_at FROM review_events ORDER BY seq DESC LIMIT ?')
      .all(limit) as ReviewEvent[];
  }

  private insertEvent(exampleId: string, action: string, reviewer: string, payload: EventPayload, undoes: number | null): number {
    const r = this.db
      .prepare('INSERT INTO review_events (example_id, action, reviewer, payload, undoes, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(exampleId, action, reviewer, JSON.stringify(payload), undoes, new Date().toISOString());
    return Number(r.lastInsertRowid);
  }
}

interface EventRow {
  seq: number;
  example_id: string;
  payload: string;
}

export class ReviewError extends ClientError {}

/** A note without empty parts; a reject reason only on a reject. Null when nothing is left. */
function cleanNote(note: DecisionNote | undefined, action: Decision): DecisionNote | null {
  if (!note) return null;
  const kept: DecisionNote = {};
  const comment = note.comment?.trim();
  if (comment) kept.comment = comment;
  if (note.flag) kept.flag = true;
  if (note.reason && action === 'reject') kept.reason = note.reason;
  return Object.keys(kept).length ? kept : null;
}
