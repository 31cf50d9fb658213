/**
 * Numbered schema migrations, applied in order at open. Never edit a released migration:
 * append a new one. `PRAGMA user_version` holds the number of the last applied migration.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE examples (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  group_id TEXT NOT NULL,
  base_id TEXT,
  style TEXT,
  engine TEXT NOT NULL,
  category TEXT NOT NULL,
  analysis_type TEXT NOT NULL,
  difficulty INTEGER NOT NULL,
  input TEXT NOT NULL,
  output TEXT NOT NULL,
  ground_truth_intent TEXT,
  parsed_intent TEXT,
  intent_diff TEXT,
  intent_mismatches INTEGER NOT NULL DEFAULT 0,
  confidence REAL,
  status TEXT NOT NULL,
  split TEXT,
  quality_score REAL,
  content_hash TEXT NOT NULL,
  job_id TEXT,
  created_at TEXT NOT NULL,
  seq INTEGER NOT NULL
);
CREATE UNIQUE INDEX examples_seq ON examples(seq);
CREATE INDEX examples_kind_status ON examples(kind, status, seq);
CREATE INDEX examples_status ON examples(status, seq);
CREATE INDEX examples_analysis ON examples(analysis_type, seq);
CREATE INDEX examples_group ON examples(group_id);
CREATE INDEX examples_hash ON examples(content_hash);
CREATE INDEX examples_job ON examples(job_id);

CREATE TABLE golden_queries (
  id TEXT PRIMARY KEY,
  query TEXT NOT NULL,
  category TEXT NOT NULL,
  difficulty INTEGER NOT NULL,
  expected_intent TEXT NOT NULL,
  expected_tools TEXT NOT NULL
);

CREATE TABLE interactions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  timestamp TEXT NOT NULL,
  query TEXT NOT NULL,
  intent TEXT,
  tools TEXT,
  workflow TEXT,
  feedback TEXT,
  modifications TEXT,
  execution_success INTEGER,
  quality_score REAL NOT NULL,
  origin TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX interactions_session ON interactions(session_id, timestamp);

CREATE TABLE review_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  example_id TEXT NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  payload TEXT,
  undoes INTEGER REFERENCES review_events(seq),
  created_at TEXT NOT NULL
);
CREATE INDEX review_events_example ON review_events(example_id, seq);

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  params TEXT NOT NULL,
  progress_done INTEGER NOT NULL DEFAULT 0,
  progress_total INTEGER NOT NULL DEFAULT 0,
  message TEXT,
  error TEXT,
  result TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  heartbeat_at TEXT
);
CREATE INDEX jobs_status ON jobs(status);

CREATE TABLE llm_cache (
  request_hash TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  request TEXT NOT NULL,
  response TEXT NOT NULL,
  prompt_tokens INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE builds (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  seed INTEGER NOT NULL,
  config TEXT NOT NULL,
  output_dir TEXT,
  manifest TEXT,
  quality_report TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'build items',
    sql: `
CREATE TABLE build_items (
  build_id TEXT NOT NULL REFERENCES builds(id) ON DELETE CASCADE,
  example_id TEXT NOT NULL,
  split TEXT,
  excluded TEXT,
  reasons TEXT,
  pii TEXT,
  cluster INTEGER,
  parsed_ok INTEGER,
  confidence REAL,
  workflow_ok INTEGER,
  workflow_complete INTEGER,
  tools_match INTEGER,
  tools TEXT,
  ord TEXT,
  PRIMARY KEY (build_id, example_id)
);
CREATE INDEX build_items_split ON build_items(build_id, split);
CREATE INDEX build_items_cluster ON build_items(build_id, cluster);
CREATE INDEX examples_seq_confidence ON examples(seq, confidence);
CREATE INDEX examples_mismatch_seq ON examples(seq) WHERE intent_mismatches > 0;
CREATE INDEX review_events_open ON review_events(undoes);
`,
  },
  {
    version: 3,
    name: 'model evaluation runs',
    sql: `
CREATE TABLE model_eval_runs (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  model TEXT NOT NULL,
  base_url TEXT NOT NULL,
  split TEXT NOT NULL,
  settings TEXT NOT NULL,
  summary TEXT,
  report_dir TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX model_eval_runs_created ON model_eval_runs(created_at);

CREATE TABLE model_eval_items (
  run_id TEXT NOT NULL REFERENCES model_eval_runs(id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  example_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  analysis_type TEXT NOT NULL,
  answered INTEGER NOT NULL,
  error TEXT,
  score REAL NOT NULL,
  metrics TEXT NOT NULL,
  diagnostics TEXT NOT NULL,
  answer TEXT NOT NULL,
  latency_ms REAL NOT NULL,
  cached INTEGER NOT NULL,
  PRIMARY KEY (run_id, record_id)
);
`,
  },
  {
    version: 4,
    name: 'template ids and expert verification',
    sql: `
ALTER TABLE examples ADD COLUMN template_id TEXT;
CREATE TABLE expert_verifications (
  example_id TEXT PRIMARY KEY,
  output_hash TEXT NOT NULL,
  edited INTEGER NOT NULL DEFAULT 0,
  verified_at TEXT NOT NULL
);
`,
  },
  {
    version: 5,
    name: 'job and build owners',
    sql: `
ALTER TABLE jobs ADD COLUMN owner_pid INTEGER;
ALTER TABLE jobs ADD COLUMN owner_host TEXT;
ALTER TABLE jobs ADD COLUMN owner_started_at TEXT;
ALTER TABLE builds ADD COLUMN owner_pid INTEGER;
ALTER TABLE builds ADD COLUMN owner_host TEXT;
ALTER TABLE builds ADD COLUMN owner_started_at TEXT;
ALTER TABLE builds ADD COLUMN heartbeat_at TEXT;
CREATE INDEX builds_status ON builds(status);
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
