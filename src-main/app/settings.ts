import { z } from 'zod';
import { LicenseSchema } from '../../src-preload/contract/export-settings';
import type { Db } from '../store/db';

export const LlmSettingsSchema = z.object({
  baseURL: z.string().default('http://127.0.0.1:11434/v1'),
  model: z.string().default('llama3.1:8b'),
  concurrency: z.number().int().min(1).default(4),
  timeoutMs: z.number().int().min(1000).default(60_000),
});
export type LlmSettings = z.infer<typeof LlmSettingsSchema>;

/** Export settings: the dataset licence the card and dataset_info.json carry (a Hub licence id; 'unknown' until chosen). */
export const ExportSettingsSchema = z.object({
  license: LicenseSchema.default('unknown'),
});
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;

/** Key/value settings in SQLite (JSON values). Secrets never come here: see SecretStore. */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  get<T>(key: string, schema: z.ZodType<T>): T {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    const parsed = schema.safeParse(row ? JSON.parse(row.value) : {});
    return parsed.success ? parsed.data : schema.parse({});
  }

  set(key: string, value: unknown): void {
    if (/key|secret|token|password/i.test(key)) throw new Error(`refusing to store secret-like setting '${key}' in the database`);
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  llm(): LlmSettings {
    return this.get('llm', LlmSettingsSchema);
  }

  exportSettings(): ExportSettings {
    return this.get('export', ExportSettingsSchema);
  }
}
