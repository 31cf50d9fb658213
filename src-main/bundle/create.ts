import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Example } from '../../src-preload/schemas/example';
import { ExampleKindSchema, ExampleStatusSchema, SplitSchema } from '../../src-preload/schemas/example';
import type { AppContext } from '../app/context';
import { APP_VERSION } from '../app/version';
import { resourcesDir } from '../knowledge/resources-dir';
import { type ExampleFilter, type ExampleRow, rowToExample, whereClause } from '../store/examples-repo';
import { outFileProblem } from '../util/out-file';
import { type Bundle, type BundleItem, BundleError, type PriorDecision, makeBundle, writeBundle } from './format';
import { rememberBundle } from './registry';

export const DEFAULT_BUNDLE_FILTER = 'status=needs_review';

/**
 * Parses `--filter`: `all`, or comma-separated key=value pairs with keys status, kind, analysis_type, split
 * (e.g. `status=needs_review,kind=workflow`).
 */
export function parseBundleFilter(spec: string): ExampleFilter {
  const s = spec.trim();
  if (s === 'all' || s === '') return {};
  const filter: ExampleFilter = {};
  for (const part of s.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new BundleError(`--filter: expected key=value or 'all', got '${part}'`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    const check = <T>(r: { success: boolean; data?: T }, allowed: readonly string[]): T => {
      if (!r.success) throw new BundleError(`--filter: unknown ${key} '${value}' (one of ${allowed.join(', ')})`);
      return r.data as T;
    };
    if (key === 'status') filter.status = check(ExampleStatusSchema.safeParse(value), ExampleStatusSchema.options);
    else if (key === 'kind') filter.kind = check(ExampleKindSchema.safeParse(value), ExampleKindSchema.options);
    else if (key === 'analysis_type' || key === 'analysisType') filter.analysisType = value;
    else if (key === 'split') filter.split = check(SplitSchema.safeParse(value), SplitSchema.options);
    else throw new BundleError(`--filter: unknown key '${key}' (status, kind, analysis_type, split or 'all')`);
  }
  return filter;
}

export function loadGuidelines(file?: string): string {
  const f = file ?? path.join(resourcesDir(), 'review-guidelines.md');
  try {
    return fs.readFileSync(f, 'utf8');
  } catch {
    throw new BundleError(`${f}: cannot read the review guidelines`);
  }
}

export function exampleToItem(e: Example, prior?: PriorDecision[]): BundleItem {
  return {
    id: e.id,
    kind: e.kind,
    input: e.input,
    output: e.output,
    ground_truth_intent: e.ground_truth_intent,
    parsed_intent: e.parsed_intent,
    intent_diff: e.intent_diff,
    analysis_type: e.analysis_type,
    category: e.category,
    ...(prior ? { prior_decisions: prior } : {}),
  };
}

export function defaultCreator(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface CreateBundleOptions {
  out: string;
  filter?: ExampleFilter;
  limit?: number;
  gzip?: boolean;
  createdBy?: string;
  guidelinesFile?: string;
  /** replace an existing file at `out` (never the store) */
  force?: boolean;
}

/** Selects examples (ordered by seq), writes the bundle and remembers its manifest in the store. */
export function createBundle(ctx: AppContext, opts: CreateBundleOptions): Bundle {
  assertBundleOut(ctx, opts.out, opts.force, '--out');
  const w = whereClause(opts.filter ?? {});
  const limit = opts.limit && opts.limit > 0 ? opts.limit : -1;
  const rows = ctx.db.prepare(`SELECT * FROM examples ${w.sql} ORDER BY seq LIMIT @limit`).all({ ...w.args, limit }) as ExampleRow[];
  if (rows.length === 0) throw new BundleError('no examples match the filter; nothing to bundle');
  return writeItemsBundle(ctx, rows.map((r) => exampleToItem(rowToExample(r))), opts);
}

/** Refuses an output path that is the store, a folder, or an existing file without `force`. */
export function assertBundleOut(ctx: AppContext, out: string, force: boolean | undefined, option: string): void {
  const problem = outFileProblem(out, { storePath: ctx.dbPath, force, option });
  if (problem) throw new BundleError(problem);
}

/** Writes a bundle of the given items (e.g. an adjudication bundle) and remembers it in the store. */
export function writeItemsBundle(
  ctx: AppContext,
  items: BundleItem[],
  opts: Omit<CreateBundleOptions, 'filter' | 'limit'> & { purpose?: 'review' | 'adjudication' },
): Bundle {
  const bundle = makeBundle({
    bundleId: randomUUID(),
    createdBy: opts.createdBy ?? defaultCreator(),
    appVersion: APP_VERSION,
    guidelines: loadGuidelines(opts.guidelinesFile),
    items,
    purpose: opts.purpose ?? 'review',
  });
  assertBundleOut(ctx, opts.out, opts.force, opts.purpose === 'adjudication' ? '--conflicts-out' : '--out');
  writeBundle(opts.out, bundle, { gzip: opts.gzip });
  rememberBundle(
    ctx.settings,
    bundle.manifest,
    bundle.items.map((i) => i.id),
    path.resolve(opts.out),
  );
  return bundle;
}
