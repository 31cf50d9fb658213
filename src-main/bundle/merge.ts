import path from 'node:path';
import type { DecisionNote } from '../../src-preload/contract/review';
import type { ExampleOutput } from '../../src-preload/schemas/example';
import { INTENT_DIFF_FIELDS } from '../../src-preload/schemas/intent';
import type { AppContext } from '../app/context';
import { ReviewRepo } from '../review/review-repo';
import { canonicalJson } from './canonical';
import { assertBundleOut, exampleToItem, writeItemsBundle } from './create';
import { BundleError, type DecisionAction, type DecisionsFile, type PriorDecision, readDecisionsFile } from './format';
import { cohensKappa, percentAgreement } from './kappa';
import { type CreatedBundle, findCreatedBundle } from './registry';

/** Output fields compared per field for edits: every intent field, then the non-intent output parts. */
export const AGREEMENT_FIELDS = [...INTENT_DIFF_FIELDS.map((f) => `intent.${f}`), 'tools', 'workflow', 'explanation', 'diagnosis', 'fix_steps'] as const;

export interface FieldAgreement {
  field: string;
  /** item pairs where both reviewers edited and at least one set this field */
  compared: number;
  agreed: number;
}

export interface PairStats {
  a: string;
  b: string;
  /** items both reviewers decided */
  shared: number;
  /** share of shared items with the same action */
  actionAgreement: number | null;
  /** Cohen's kappa over the accept/reject/edit labels of the shared items (null when undefined) */
  kappa: number | null;
  /** shared items both edited */
  bothEdited: number;
  fields: FieldAgreement[];
}

export interface ConflictEntry {
  id: string;
  input: string;
  decisions: { reviewer: string; action: DecisionAction; decided_at: string }[];
}

export interface MergeReport {
  db: string;
  files: { file: string; bundle_id: string; reviewer: string; decisions: number; purpose: string }[];
  reviewers: string[];
  /** items with at least one decision */
  items: number;
  /** items whose reviewers all agreed and whose decisions were applied by this merge */
  applied: number;
  /** agreed items whose decisions were already in the store (an earlier merge) */
  alreadyApplied: number;
  /** items decided by fewer than minReviewers reviewers: left untouched */
  belowMinReviewers: number;
  /** decided items that are no longer in the store */
  missing: string[];
  conflicts: ConflictEntry[];
  pairs: PairStats[];
  /** per-field agreement over all reviewer pairs (edits only) */
  fields: FieldAgreement[];
  conflictsBundle: { file: string; bundle_id: string; items: number } | null;
}

export interface MergeOptions {
  /** items need at least this many reviewers before an agreed decision is applied (default 1) */
  minReviewers?: number;
  /** write the conflicting items as an adjudication bundle here */
  conflictsOut?: string;
  /** replace an existing file at `conflictsOut` (never the store) */
  force?: boolean;
  gzip?: boolean;
  createdBy?: string;
}

interface LoadedFile {
  file: string;
  data: DecisionsFile;
  created: CreatedBundle;
}

/** Reads and verifies every decisions file against the bundles created from this store; throws on the first mismatch. */
export function loadDecisionFiles(ctx: AppContext, files: string[]): LoadedFile[] {
  if (files.length === 0) throw new BundleError('no decisions files given');
  return files.map((file) => {
    const data = readDecisionsFile(file);
    const created = findCreatedBundle(ctx.db, data.bundle_id);
    if (!created) {
      throw new BundleError(
        `${file}: refusing it: its bundle ${data.bundle_id} was not created from this store (${ctx.dbPath}); merge decisions into the store the bundle came from`,
      );
    }
    if (created.manifest.items_sha256 !== data.items_sha256) {
      throw new BundleError(
        `${file}: refusing it: items_sha256 mismatch for bundle ${data.bundle_id} (decisions file ${data.items_sha256}, bundle as created here ${created.manifest.items_sha256}); the decisions were made on a modified bundle`,
      );
    }
    const ids = new Set(created.item_ids);
    for (const d of data.decisions) {
      if (!ids.has(d.example_id)) throw new BundleError(`${file}: refusing it: decision for item ${d.example_id}, which is not in bundle ${data.bundle_id}`);
      if (d.action === 'edit' && !d.output) throw new BundleError(`${file}: refusing it: the edit of item ${d.example_id} has no output`);
    }
    return { file, data, created };
  });
}

interface ItemDecision {
  reviewer: string;
  action: DecisionAction;
  output?: ExampleOutput;
  /** the reviewer's comment, flag and reject reason, merged with the decision */
  note?: DecisionNote;
  decided_at: string;
}

const fieldValue = (o: ExampleOutput | undefined, field: string): unknown => {
  if (!o) return undefined;
  if (field.startsWith('intent.')) return (o.intent as Record<string, unknown> | undefined)?.[field.slice('intent.'.length)];
  return (o as Record<string, unknown>)[field];
};

const sameDecision = (x: ItemDecision, y: ItemDecision): boolean =>
  x.action === y.action && (x.action !== 'edit' || canonicalJson(x.output ?? null) === canonicalJson(y.output ?? null));

/** Pairwise agreement and kappa over the reviewers' decisions per item. */
export function agreementStats(byItem: Map<string, ItemDecision[]>, reviewers: string[]): { pairs: PairStats[]; fields: FieldAgreement[] } {
  const totals = new Map<string, FieldAgreement>(AGREEMENT_FIELDS.map((f) => [f, { field: f, compared: 0, agreed: 0 }]));
  const pairs: PairStats[] = [];
  for (let i = 0; i < reviewers.length; i++) {
    for (let j = i + 1; j < reviewers.length; j++) {
      const a = reviewers[i]!;
      const b = reviewers[j]!;
      const la: string[] = [];
      const lb: string[] = [];
      let bothEdited = 0;
      const fields = new Map<string, FieldAgreement>(AGREEMENT_FIELDS.map((f) => [f, { field: f, compared: 0, agreed: 0 }]));
      for (const ds of byItem.values()) {
        const da = ds.find((d) => d.reviewer === a);
        const db = ds.find((d) => d.reviewer === b);
        if (!da || !db) continue;
        la.push(da.action);
        lb.push(db.action);
        if (da.action === 'edit' && db.action === 'edit') {
          bothEdited++;
          for (const f of AGREEMENT_FIELDS) {
            const va = fieldValue(da.output, f);
            const vb = fieldValue(db.output, f);
            if (va === undefined && vb === undefined) continue;
            const same = canonicalJson(va ?? null) === canonicalJson(vb ?? null);
            for (const acc of [fields.get(f)!, totals.get(f)!]) {
              acc.compared++;
              if (same) acc.agreed++;
            }
          }
        }
      }
      pairs.push({
        a,
        b,
        shared: la.length,
        actionAgreement: percentAgreement(la, lb),
        kappa: cohensKappa(la, lb),
        bothEdited,
        fields: [...fields.values()].filter((f) => f.compared > 0),
      });
    }
  }
  return { pairs, fields: [...totals.values()].filter((f) => f.compared > 0) };
}

/**
 * Merges reviewers' decisions files into the store. Every file must belong to a bundle created from this
 * store (same bundle id and items hash). Items on which all reviewers agree are applied, one review event
 * per reviewer (their name and decision time kept as provenance); items with disagreement are set to
 * needs_review and listed, and optionally written as an adjudication bundle. Decisions from an adjudication
 * bundle override the first-pass ones for their items.
 */
export function mergeDecisions(ctx: AppContext, files: string[], opts: MergeOptions = {}): MergeReport {
  // refused before any decision is applied, so a refused path leaves the store as it was
  if (opts.conflictsOut) assertBundleOut(ctx, opts.conflictsOut, opts.force, '--conflicts-out');
  const loaded = loadDecisionFiles(ctx, files);
  const minReviewers = Math.max(1, opts.minReviewers ?? 1);

  // per item: first-pass and adjudication decisions, latest per reviewer
  const firstPass = new Map<string, Map<string, ItemDecision>>();
  const adjudication = new Map<string, Map<string, ItemDecision>>();
  for (const l of loaded) {
    const target = l.created.manifest.purpose === 'adjudication' ? adjudication : firstPass;
    for (const d of l.data.decisions) {
      let m = target.get(d.example_id);
      if (!m) {
        m = new Map();
        target.set(d.example_id, m);
      }
      const prev = m.get(l.data.reviewer);
      if (!prev || prev.decided_at <= d.decided_at) {
        m.set(l.data.reviewer, { reviewer: l.data.reviewer, action: d.action, output: d.output, note: d.note, decided_at: d.decided_at });
      }
    }
  }
  const effective = new Map<string, ItemDecision[]>();
  for (const id of new Set([...firstPass.keys(), ...adjudication.keys()])) {
    const m = adjudication.get(id) ?? firstPass.get(id)!;
    effective.set(
      id,
      [...m.values()].sort((x, y) => x.decided_at.localeCompare(y.decided_at) || x.reviewer.localeCompare(y.reviewer)),
    );
  }
  const reviewers = [...new Set(loaded.map((l) => l.data.reviewer))].sort();
  const statsInput = new Map<string, ItemDecision[]>();
  for (const [id, m] of firstPass) statsInput.set(id, [...m.values()]);
  const { pairs, fields } = agreementStats(statsInput, reviewers);

  const repo = new ReviewRepo(ctx.db);
  const setTime = ctx.db.prepare('UPDATE review_events SET created_at = ? WHERE seq = ?');
  const alreadyIn = ctx.db.prepare(
    `SELECT 1 FROM review_events e WHERE example_id = ? AND reviewer = ? AND action = ? AND created_at = ?
     AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq) LIMIT 1`,
  );
  const report: MergeReport = {
    db: ctx.dbPath,
    files: loaded.map((l) => ({
      file: l.file,
      bundle_id: l.data.bundle_id,
      reviewer: l.data.reviewer,
      decisions: l.data.decisions.length,
      purpose: l.created.manifest.purpose ?? 'review',
    })),
    reviewers,
    items: effective.size,
    applied: 0,
    alreadyApplied: 0,
    belowMinReviewers: 0,
    missing: [],
    conflicts: [],
    pairs,
    fields,
    conflictsBundle: null,
  };
  const conflictItems: { id: string; decisions: ItemDecision[] }[] = [];

  ctx.db.transaction(() => {
    for (const [id, ds] of effective) {
      const ex = ctx.examples.get(id);
      if (!ex) {
        report.missing.push(id);
        continue;
      }
      if (ds.length < minReviewers) {
        report.belowMinReviewers++;
        continue;
      }
      const agreed = ds.every((d) => sameDecision(d, ds[0]!));
      if (!agreed) {
        ctx.examples.setStatus(id, 'needs_review');
        conflictItems.push({ id, decisions: ds });
        report.conflicts.push({
          id,
          input: ex.input,
          decisions: ds.map((d) => ({ reviewer: d.reviewer, action: d.action, decided_at: d.decided_at })),
        });
        continue;
      }
      let appliedAny = false;
      for (const d of ds) {
        if (alreadyIn.get(id, d.reviewer, d.action, d.decided_at)) continue;
        const { seq } = repo.decide(id, d.action, d.reviewer, d.output, d.note);
        setTime.run(d.decided_at, seq);
        appliedAny = true;
      }
      if (appliedAny) report.applied++;
      else report.alreadyApplied++;
    }
  }).immediate();

  if (opts.conflictsOut && conflictItems.length > 0) {
    const items = conflictItems.map(({ id, decisions }) => {
      const prior: PriorDecision[] = decisions.map((d) => ({
        reviewer: d.reviewer,
        action: d.action,
        ...(d.output ? { output: d.output } : {}),
        decided_at: d.decided_at,
      }));
      return exampleToItem(ctx.examples.get(id)!, prior);
    });
    const bundle = writeItemsBundle(ctx, items, { out: opts.conflictsOut, force: opts.force, gzip: opts.gzip, createdBy: opts.createdBy, purpose: 'adjudication' });
    report.conflictsBundle = { file: path.resolve(opts.conflictsOut), bundle_id: bundle.manifest.bundle_id, items: items.length };
  }
  if (report.applied > 0 || report.conflicts.length > 0) ctx.events.emit('event', { type: 'data-changed', what: 'review' });
  return report;
}
