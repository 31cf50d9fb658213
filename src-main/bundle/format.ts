import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DecisionNoteSchema } from '../../src-preload/contract/review';
import { ExampleKindSchema, ExampleOutputSchema } from '../../src-preload/schemas/example';
import { IntentDiffSchema, IntentSchema } from '../../src-preload/schemas/intent';
import { nestedDeeperThan } from '../util/json-depth';
import { canonicalHash } from './canonical';

/**
 * The `.btbundle` review bundle: one JSON file (optionally gzip-compressed; readers detect the gzip magic)
 * holding a manifest, the review guidelines (markdown) and the items to review.
 *
 * Integrity: manifest.items_sha256 / guidelines_sha256 are sha256 over the canonical JSON (sorted keys, no
 * whitespace) of `items` / `guidelines` exactly as stored in the file. A reader recomputes both and refuses
 * a bundle whose hashes, item count or format_version do not match.
 */
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.btbundle';
export const DECISIONS_FORMAT_VERSION = 1;

export class BundleError extends Error {}

export const BundleManifestSchema = z.object({
  format_version: z.number().int(),
  bundle_id: z.string().min(1).max(200),
  created_at: z.string(),
  created_by: z.string(),
  item_count: z.number().int().min(0),
  items_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  guidelines_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  app_version: z.string(),
  /** 'review' for a first pass, 'adjudication' for a conflicts-only bundle written by `bundle merge` */
  purpose: z.enum(['review', 'adjudication']).optional(),
});
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

/** Decision times compare as text (latest per reviewer wins), so only one form: UTC, as toISOString writes it. */
const DecidedAtSchema = z.iso.datetime({ error: 'must be an ISO 8601 UTC time such as 2026-01-31T09:30:00.000Z' });

export const DecisionActionSchema = z.enum(['accept', 'reject', 'edit']);
export type DecisionAction = z.infer<typeof DecisionActionSchema>;

export const PriorDecisionSchema = z.object({
  reviewer: z.string(),
  action: DecisionActionSchema,
  output: ExampleOutputSchema.optional(),
  decided_at: DecidedAtSchema,
});
export type PriorDecision = z.infer<typeof PriorDecisionSchema>;

export const BundleItemSchema = z.object({
  id: z.string().min(1).max(200),
  kind: ExampleKindSchema,
  input: z.string(),
  output: ExampleOutputSchema,
  ground_truth_intent: IntentSchema.nullable(),
  parsed_intent: IntentSchema.nullable(),
  intent_diff: IntentDiffSchema.nullable(),
  analysis_type: z.string(),
  category: z.string(),
  /** adjudication bundles only: the conflicting decisions of the first pass */
  prior_decisions: z.array(PriorDecisionSchema).optional(),
});
export type BundleItem = z.infer<typeof BundleItemSchema>;

export const BundleSchema = z.object({
  manifest: BundleManifestSchema,
  guidelines: z.string(),
  items: z.array(BundleItemSchema),
});
export type Bundle = z.infer<typeof BundleSchema>;

export const DecisionSchema = z.object({
  example_id: z.string().min(1).max(200),
  action: DecisionActionSchema,
  /** the edited output, for edits */
  output: ExampleOutputSchema.optional(),
  /** the reviewer's comment, flag and reject reason on the decision */
  note: DecisionNoteSchema.optional(),
  decided_at: DecidedAtSchema,
});
export type DecisionRecord = z.infer<typeof DecisionSchema>;

/** `<bundle>.<reviewer>.decisions.json`: the latest not-undone decision per item of one reviewer. */
export const DecisionsFileSchema = z.object({
  format_version: z.number().int().optional(),
  bundle_id: z.string().min(1),
  items_sha256: z.string(),
  reviewer: z.string().min(1),
  decisions: z.array(DecisionSchema),
});
export type DecisionsFile = z.infer<typeof DecisionsFileSchema>;

const describeZod = (err: z.ZodError): string =>
  err.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');

/**
 * Largest bundle or decisions file read, compressed or not (a 10,000-item bundle is about 60 MB): a gzip bomb
 * stops decompressing here, and the text stays well below V8's string limit (~512 M characters).
 */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;
/** Deepest nesting accepted (a bundle item is about 8 levels deep); hashing and schema checks recurse. */
export const MAX_JSON_DEPTH = 64;

/** Reads a JSON file that may be gzip-compressed, refusing (naming the file) what is too large or too deep. */
export function readJsonFile(file: string, what: string): unknown {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_JSON_FILE_BYTES) throw new BundleError(`${file}: ${size} bytes, more than ${MAX_JSON_FILE_BYTES}; refusing it`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof BundleError) throw err;
    throw new BundleError(`${file}: cannot read the ${what} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let text: string;
  try {
    text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, { maxOutputLength: MAX_JSON_FILE_BYTES }).toString('utf8') : bytes.toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new BundleError(`${file}: decompresses to more than ${MAX_JSON_FILE_BYTES} bytes; refusing it`);
    throw new BundleError(`${file}: corrupt gzip data (${(err as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BundleError(`${file}: not a ${what} (invalid JSON: ${(err as Error).message})`);
  }
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) throw new BundleError(`${file}: JSON nested more than ${MAX_JSON_DEPTH} levels deep; refusing it`);
  return value;
}

/**
 * Validates a parsed bundle: known format_version, hashes and item count matching the content. The hashes
 * are computed over the raw parsed JSON, before schema validation, so nothing is normalised away.
 */
export function verifyBundle(raw: unknown, source = 'bundle'): Bundle {
  if (!raw || typeof raw !== 'object' || !('manifest' in raw) || typeof (raw as { manifest: unknown }).manifest !== 'object') {
    throw new BundleError(`${source}: not a Biotrain review bundle (no manifest)`);
  }
  const r = raw as { manifest: Record<string, unknown>; items?: unknown; guidelines?: unknown };
  const fv = r.manifest.format_version;
  if (fv !== BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      `${source}: unknown bundle format_version ${JSON.stringify(fv)} (this Biotrain reads format_version ${BUNDLE_FORMAT_VERSION}); refusing it`,
    );
  }
  if (!Array.isArray(r.items)) throw new BundleError(`${source}: bundle has no items array`);
  if (typeof r.guidelines !== 'string') throw new BundleError(`${source}: bundle has no guidelines text`);
  const mismatches: string[] = [];
  const itemsHash = canonicalHash(r.items);
  if (itemsHash !== r.manifest.items_sha256) {
    mismatches.push(`items_sha256 (manifest ${String(r.manifest.items_sha256)}, content ${itemsHash})`);
  }
  const guidelinesHash = canonicalHash(r.guidelines);
  if (guidelinesHash !== r.manifest.guidelines_sha256) {
    mismatches.push(`guidelines_sha256 (manifest ${String(r.manifest.guidelines_sha256)}, content ${guidelinesHash})`);
  }
  if (r.manifest.item_count !== r.items.length) mismatches.push(`item_count (manifest ${String(r.manifest.item_count)}, content ${r.items.length})`);
  if (mismatches.length) {
    throw new BundleError(`${source}: bundle integrity check failed, refusing it (modified after it was created?): ${mismatches.join('; ')} mismatch`);
  }
  const parsed = BundleSchema.safeParse(raw);
  if (!parsed.success) throw new BundleError(`${source}: invalid bundle content: ${describeZod(parsed.error)}`);
  const ids = new Set<string>();
  for (const it of parsed.data.items) {
    if (ids.has(it.id)) throw new BundleError(`${source}: duplicate item id ${it.id}`);
    ids.add(it.id);
  }
  return parsed.data;
}

export function readBundle(file: string): Bundle {
  return verifyBundle(readJsonFile(file, 'Biotrain review bundle'), file);
}

/** Builds a bundle (manifest hashes computed here) from items and guidelines. */
export function makeBundle(opts: {
  bundleId: string;
  createdBy: string;
  appVersion: string;
  guidelines: string;
  items: BundleItem[];
  purpose?: BundleManifest['purpose'];
  createdAt?: string;
}): Bundle {
  // round-trip through JSON so the hash is over exactly what the file will hold (no undefined members)
  const items = JSON.parse(JSON.stringify(opts.items)) as BundleItem[];
  return {
    manifest: {
      format_version: BUNDLE_FORMAT_VERSION,
      bundle_id: opts.bundleId,
      created_at: opts.createdAt ?? new Date().toISOString(),
      created_by: opts.createdBy,
      item_count: items.length,
      items_sha256: canonicalHash(items),
      guidelines_sha256: canonicalHash(opts.guidelines),
      app_version: opts.appVersion,
      ...(opts.purpose ? { purpose: opts.purpose } : {}),
    },
    guidelines: opts.guidelines,
    items,
  };
}

/** Writes a file atomically: a temp file in the same folder, then rename over the target. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

export function writeBundle(file: string, bundle: Bundle, opts: { gzip?: boolean } = {}): void {
  const text = `${JSON.stringify(bundle, null, 1)}\n`;
  writeFileAtomic(file, opts.gzip ? gzipSync(Buffer.from(text, 'utf8')) : text);
}

export function readDecisionsFile(file: string): DecisionsFile {
  const raw = readJsonFile(file, 'Biotrain decisions file');
  const parsed = DecisionsFileSchema.safeParse(raw);
  if (!parsed.success) throw new BundleError(`${file}: not a valid decisions file: ${describeZod(parsed.error)}`);
  const first = new Map<string, number>();
  for (const [i, d] of parsed.data.decisions.entries()) {
    const earlier = first.get(d.example_id);
    if (earlier !== undefined)
      throw new BundleError(`${file}: refusing it: decisions ${earlier + 1} and ${i + 1} are both for item ${d.example_id} (a decisions file holds one decision per item)`);
    first.set(d.example_id, i);
  }
  if (parsed.data.format_version !== undefined && parsed.data.format_version !== DECISIONS_FORMAT_VERSION) {
    throw new BundleError(`${file}: unknown decisions format_version ${parsed.data.format_version} (this Biotrain reads ${DECISIONS_FORMAT_VERSION})`);
  }
  return parsed.data;
}

/** Reviewer names end up in file names: letters, digits, dot, dash, underscore; 1-64 chars. */
export const REVIEWER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function defaultDecisionsPath(bundlePath: string, reviewer: string): string {
  return `${bundlePath}.${reviewer}.decisions.json`;
}
