import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DecisionNote } from '../../src-preload/contract/review';
import type { Example, ExampleOutput } from '../../src-preload/schemas/example';
import type { AppContext } from '../app/context';
import { openAppContext } from '../app/compose';
import type { SecretStore } from '../app/secret-store';
import type { ReviewRepo } from '../review/review-repo';
import { canonicalHash } from './canonical';
import {
  type Bundle,
  BundleError,
  DECISIONS_FORMAT_VERSION,
  type DecisionRecord,
  type DecisionsFile,
  REVIEWER_NAME,
  defaultDecisionsPath,
  readBundle,
  readDecisionsFile,
  writeFileAtomic,
} from './format';
import type { ReviewSession } from './session';

export type { ReviewSession };

/** Key (in the reviewer db's settings) naming the bundle the reviewer db was built from. */
const REVIEWER_DB_BUNDLE = 'review:bundle';

export function sessionOf(ctx: AppContext): ReviewSession | null {
  return ctx.reviewSession;
}

export function defaultReviewer(): string {
  const env = process.env.BIOTRAIN_REVIEWER;
  if (env) return env;
  try {
    const u = os.userInfo().username.replace(/[^A-Za-z0-9._-]/g, '_');
    return REVIEWER_NAME.test(u) ? u : 'reviewer';
  } catch {
    return 'reviewer';
  }
}

function reviewerDbPath(decisionsPath: string): string {
  const base = path.basename(decisionsPath).replace(/\.decisions\.json$/, '').replace(/\.json$/, '');
  const dir = path.dirname(path.resolve(decisionsPath));
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return path.join(dir, `${base}.review.sqlite`);
  } catch {
    return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-review-')), `${base}.review.sqlite`);
  }
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

export function bundleItemToExample(bundle: Bundle, item: Bundle['items'][number]): Example {
  return {
    id: item.id,
    kind: item.kind,
    source: 'import',
    group_id: item.id,
    base_id: null,
    style: null,
    engine: 'bundle',
    category: item.category,
    analysis_type: item.analysis_type,
    difficulty: 1,
    input: item.input,
    output: item.output,
    ground_truth_intent: item.ground_truth_intent,
    parsed_intent: item.parsed_intent,
    intent_diff: item.intent_diff,
    status: 'needs_review',
    split: null,
    quality_score: null,
    content_hash: canonicalHash({ input: item.input, output: item.output }),
    created_at: bundle.manifest.created_at,
  };
}

/** The latest not-undone decision per item of `reviewer`, in bundle item order. */
export function currentDecisions(ctx: AppContext, bundle: Bundle, reviewer: string): DecisionRecord[] {
  const rows = ctx.db
    .prepare(
      `SELECT e.seq, e.example_id, e.action, e.payload, e.created_at FROM review_events e
       WHERE e.reviewer = ? AND e.action NOT IN ('undo', 'flag') AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq)
       ORDER BY e.seq`,
    )
    .all(reviewer) as { seq: number; example_id: string; action: DecisionRecord['action']; payload: string | null; created_at: string }[];
  const latest = new Map<string, DecisionRecord>();
  for (const r of rows) {
    const payload = r.payload ? (JSON.parse(r.payload) as { toOutput?: ExampleOutput; note?: DecisionNote }) : {};
    latest.set(r.example_id, {
      example_id: r.example_id,
      action: r.action,
      ...(r.action === 'edit' && payload.toOutput ? { output: payload.toOutput } : {}),
      ...(payload.note ? { note: payload.note } : {}),
      decided_at: r.created_at,
    });
  }
  return bundle.items.flatMap((it) => {
    const d = latest.get(it.id);
    return d ? [d] : [];
  });
}

export interface OpenReviewOptions {
  bundlePath: string;
  reviewer?: string;
  decisionsPath?: string;
  secrets?: SecretStore;
}

/**
 * Opens a bundle for review: verifies it, builds (or reuses) the reviewer db, replays an existing decisions
 * file into a fresh db, and returns an AppContext in 'review' mode with the session in ctx.reviewSession.
 */
export function openReviewContext(opts: OpenReviewOptions): AppContext {
  const bundlePath = path.resolve(opts.bundlePath);
  const bundle = readBundle(bundlePath);
  const reviewer = opts.reviewer ?? defaultReviewer();
  if (!REVIEWER_NAME.test(reviewer)) {
    throw new BundleError(`reviewer name '${reviewer}' is not allowed: use 1-64 letters, digits, '.', '-' or '_' (it becomes part of a file name)`);
  }
  const decisionsPath = path.resolve(opts.decisionsPath ?? defaultDecisionsPath(bundlePath, reviewer));
  let existing: DecisionsFile | null = null;
  if (fs.existsSync(decisionsPath)) {
    existing = readDecisionsFile(decisionsPath);
    if (existing.bundle_id !== bundle.manifest.bundle_id || existing.items_sha256 !== bundle.manifest.items_sha256) {
      throw new BundleError(
        `${decisionsPath}: decisions file belongs to bundle ${existing.bundle_id} (items ${existing.items_sha256.slice(0, 12)}), ` +
          `not to ${bundlePath} (bundle ${bundle.manifest.bundle_id}, items ${bundle.manifest.items_sha256.slice(0, 12)}); pass another --decisions file`,
      );
    }
    if (existing.reviewer !== reviewer) {
      throw new BundleError(`${decisionsPath}: decisions file belongs to reviewer '${existing.reviewer}', not '${reviewer}'; pass another --decisions file`);
    }
  }

  const dbPath = reviewerDbPath(decisionsPath);
  let ctx = openAppContext({ dbPath, mode: 'review', secrets: opts.secrets });
  const builtFor = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(REVIEWER_DB_BUNDLE) as { value: string } | undefined;
  const expected = { bundle_id: bundle.manifest.bundle_id, items_sha256: bundle.manifest.items_sha256, reviewer };
  let fresh = builtFor === undefined;
  if (builtFor && JSON.stringify(JSON.parse(builtFor.value)) !== JSON.stringify(expected)) {
    // a stale reviewer db (another bundle at the same path): rebuild it from the bundle and decisions file
    ctx.close();
    removeDb(dbPath);
    ctx = openAppContext({ dbPath, mode: 'review', secrets: opts.secrets });
    fresh = true;
  }
  ctx.examples.insertMany(bundle.items.map((it) => bundleItemToExample(bundle, it)));
  ctx.settings.set(REVIEWER_DB_BUNDLE, expected);

  const repo = ctx.review;
  const eventCount = (ctx.db.prepare('SELECT count(*) AS n FROM review_events').get() as { n: number }).n;
  if (existing && (fresh || eventCount === 0)) replayDecisions(ctx, repo, existing, reviewer);

  const session: ReviewSession = {
    bundle,
    bundlePath,
    reviewer,
    decisionsPath,
    dbPath,
    decisions: () => ({
      format_version: DECISIONS_FORMAT_VERSION,
      bundle_id: bundle.manifest.bundle_id,
      items_sha256: bundle.manifest.items_sha256,
      reviewer,
      decisions: currentDecisions(ctx, bundle, reviewer),
    }),
    writeDecisions: () => {
      const file = session.decisions();
      writeFileAtomic(decisionsPath, `${JSON.stringify(file, null, 1)}\n`);
      return file;
    },
  };
  ctx.reviewer = reviewer;
  ctx.reviewSession = session;
  ctx.events.on('event', (e) => {
    if (e.type === 'data-changed' && e.what === 'review') session.writeDecisions();
  });
  session.writeDecisions();
  return ctx;
}

/** Re-applies a decisions file to a fresh reviewer db, keeping the original decision times. */
function replayDecisions(ctx: AppContext, repo: ReviewRepo, file: DecisionsFile, reviewer: string): void {
  const setTime = ctx.db.prepare('UPDATE review_events SET created_at = ? WHERE seq = ?');
  const sorted = [...file.decisions].sort((a, b) => a.decided_at.localeCompare(b.decided_at));
  for (const d of sorted) {
    if (!ctx.examples.get(d.example_id)) continue;
    const { seq } = repo.decide(d.example_id, d.action, reviewer, d.output, d.note);
    setTime.run(d.decided_at, seq);
  }
}
