import { EventEmitter } from 'node:events';
import type { AppEvent } from '../../src-preload/contract';
import { JobRunner, type JobProgress } from '../jobs/job-runner';
import { registerAllJobs } from '../jobs/register-all';
import { type Db, openStore } from '../store/db';
import { ExamplesRepo } from '../store/examples-repo';
import { MemorySecretStore, type SecretStore } from './secret-store';
import { SettingsRepo } from './settings';

export type AppMode = 'studio' | 'review';

/** Everything a request handler or job needs: one per opened store. */
export interface AppContext {
  db: Db;
  dbPath: string;
  mode: AppMode;
  runner: JobRunner;
  examples: ExamplesRepo;
  settings: SettingsRepo;
  secrets: SecretStore;
  events: EventEmitter<{ event: [AppEvent] }>;
  /** per-mode extras (e.g. the opened review bundle) */
  extras: Map<string, unknown>;
  close(): void;
}

export function createAppContext(opts: { dbPath: string; mode?: AppMode; secrets?: SecretStore }): AppContext {
  const db = openStore(opts.dbPath);
  const runner = new JobRunner(db);
  const events = new EventEmitter<{ event: [AppEvent] }>();
  runner.on('progress', (progress: JobProgress) => events.emit('event', { type: 'job-progress', progress }));
  const ctx: AppContext = {
    db,
    dbPath: opts.dbPath,
    mode: opts.mode ?? 'studio',
    runner,
    examples: new ExamplesRepo(db),
    settings: new SettingsRepo(db),
    secrets: opts.secrets ?? new MemorySecretStore({ llm_api_key: process.env.BIOTRAIN_LLM_API_KEY }),
    events,
    extras: new Map(),
    close: () => db.close(),
  };
  registerAllJobs(ctx);
  return ctx;
}
