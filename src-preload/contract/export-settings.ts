import { z } from 'zod';
import { channel } from './channel';

/** A Hub licence id (apache-2.0, mit, cc-by-4.0, other, ...); 'unknown' until the user chooses one. */
export const LicenseSchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9.+-]*$/, 'a licence id such as apache-2.0, mit, cc-by-4.0, other or unknown');

/** Channels of the export settings: the licence the dataset card and dataset_info.json carry. */
export const exportSettingsChannels = {
  'exportSettings.get': channel(z.object({}).strict(), z.object({ license: z.string() })),
  'exportSettings.set': channel(z.object({ license: LicenseSchema }), z.object({ license: z.string() })),
};
