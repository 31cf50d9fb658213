import { z } from 'zod';
import type { SettingsRepo } from '../app/settings';
import type { Db } from '../store/db';
import { type BundleManifest, BundleManifestSchema } from './format';

/**
 * Bundles created from a store are remembered in that store's `settings` table, key `bundle:<bundle_id>`,
 * value {manifest, item_ids, file}. `bundle merge` only accepts decisions for bundles found here whose
 * items_sha256 matches, so decisions can never be applied to a store the items did not come from.
 */
export const BUNDLE_SETTING_PREFIX = 'bundle:';

export const CreatedBundleSchema = z.object({
  manifest: BundleManifestSchema,
  item_ids: z.array(z.string()),
  file: z.string().nullable(),
});
export type CreatedBundle = z.infer<typeof CreatedBundleSchema>;

export function rememberBundle(settings: SettingsRepo, manifest: BundleManifest, itemIds: string[], file: string | null): void {
  settings.set(`${BUNDLE_SETTING_PREFIX}${manifest.bundle_id}`, { manifest, item_ids: itemIds, file });
}

export function findCreatedBundle(db: Db, bundleId: string): CreatedBundle | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(`${BUNDLE_SETTING_PREFIX}${bundleId}`) as { value: string } | undefined;
  if (!row) return null;
  const parsed = CreatedBundleSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function listCreatedBundles(db: Db): CreatedBundle[] {
  const rows = db.prepare("SELECT value FROM settings WHERE key LIKE 'bundle:%' ORDER BY key").all() as { value: string }[];
  return rows.flatMap((r) => {
    const parsed = CreatedBundleSchema.safeParse(JSON.parse(r.value));
    return parsed.success ? [parsed.data] : [];
  });
}
