import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AppEvent } from '../../src-preload/contract';
import type { ReviewSession } from '../bundle/session';
import { markDeadBuilds } from '../build/build-liveness';
import { JobRunner, type JobProgress } from '../jobs/job-runner';
import { ReviewRepo } from '../review/review-repo';
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
  review: ReviewRepo;
  settings: SettingsRepo;
  secrets: SecretStore;
  events: EventEmitter<{ event: [AppEvent] }>;
  /** who review decisions are recorded for: 'expert' in the studio, the bundle's reviewer in review mode */
  reviewer: string;
  /** the opened review bundle (review mode only) */
  reviewSession: ReviewSession | null;
  /** the playground's session id for this context (interactions are grouped by it) */
  playgroundSessionId: string;
  close(): void;
}

/**
 * Opens the store and builds the context, with no job kinds registered: entry points call
 * `openAppContext` (app/compose.ts), which registers them. Kept apart so no job module imports this file's
 * importers back (context <-> job registration was an import loop).
 */
export function createAppContext(opts: { dbPath: string; mode?: AppMode; secrets?: SecretStore }): AppContext {
  const db = openStore(opts.dbPath);
  const runner = new JobRunner(db);
  markDeadBuilds(db);
  const events = new EventEmitter<{ event: [AppEvent] }>();
  runner.on('progress', (progress: JobProgress) => events.emit('event', { type: 'job-progress', progress }));
  return {
    db,
    dbPath: opts.dbPath,
    mode: opts.mode ?? 'studio',
    runner,
    examples: new ExamplesRepo(db),
    review: new ReviewRepo(db),
    settings: new SettingsRepo(db),
    secrets: opts.secrets ?? new MemorySecretStore({ llm_api_key: process.env.BIOTRAIN_LLM_API_KEY }),
    events,
    reviewer: 'expert',
    reviewSession: null,
    playgroundSessionId: randomUUID(),
    close: () => db.close(),
  };
}
