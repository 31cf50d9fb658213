import { type FormEvent, useState } from 'react';
import type { JobView } from '../../../src-preload/contract/jobs';
import { BUILD_PHASES } from '../../../src-preload/schemas/build';
import { GENERATED_KINDS, type GeneratedKind, TARGETS, targetStatus } from '../../../src-preload/schemas/plan-targets';
import { call } from '../api/client';
import { Bar } from '../components/Bar';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatBytes, formatTime, KIND_LABELS, pct } from '../components/format';
import { useApi } from '../hooks/useApi';
import { formatEta, formatRate, type LiveProgress, useJobProgress } from '../hooks/useJobProgress';

type GenKind = GeneratedKind;
const KINDS = GENERATED_KINDS;

const STATUS_TONE: Record<string, string> = { completed: 'ok', running: '', queued: '', failed: 'bad', cancelled: 'warn', interrupted: 'warn' };
const RESUMABLE = new Set(['interrupted', 'cancelled', 'failed']);

interface RowState {
  engine: 'template' | 'llm';
  count: string;
  seed: string;
}

/** The job with live progress folded in (events are newer than the last jobs.list). */
function withLive(j: JobView, p: LiveProgress | undefined) {
  return p
    ? { ...j, status: p.status, progress_done: p.done, progress_total: p.total, message: p.message ?? j.message, rate: p.rate }
    : { ...j, rate: 0 };
}

function describeParams(j: JobView): string {
  switch (j.kind) {
    case 'generate':
      return `${KIND_LABELS[j.params.kind] ?? j.params.kind} · ${j.params.engine} · ${j.params.count} · seed ${j.params.seed}`;
    case 'build':
      return `${j.params.outDir} · seed ${j.params.seed}`;
    case 'import-feedback':
      return `feedback from ${j.params.path}`;
    case 'eval-model':
      return `evaluate ${j.params.model} on ${j.params.split} at ${j.params.baseURL}`;
  }
}

/** One line from a finished job's result: what was inserted, or how the build ended. */
function describeResult(j: JobView): string | null {
  if (j.status !== 'completed' || !j.result) return null;
  switch (j.kind) {
    case 'generate':
      return `inserted ${j.result.inserted}, ${j.result.skippedExisting} already in store, ${j.result.needsReview} need review${j.result.capped ? `; ${j.result.capped}` : ''}`;
    case 'build':
      return `${j.result.passed ? 'passed' : 'failed'} its gates, ${j.result.files} files in ${j.result.outDir}`;
    case 'import-feedback':
      return `imported ${j.result.imported}, ${j.result.duplicates} already present, ${j.result.errorCount} bad lines, ${j.result.examples} examples`;
    case 'eval-model':
      return `run ${j.result.runId}: score ${(100 * j.result.score).toFixed(1)}% over ${j.result.n} examples`;
  }
}

/** done / total: bytes for imports, the step for builds (each step counts its own units), items for the rest. */
function describeProgress(j: { kind: string; status: string; message: string | null; progress_done: number; progress_total: number }): string {
  if (j.kind === 'import-feedback') return `${formatBytes(j.progress_done)} / ${formatBytes(j.progress_total)}`;
  if (j.kind === 'build') {
    if (j.status === 'completed') return `${BUILD_PHASES.length} / ${BUILD_PHASES.length} steps`;
    const step = (BUILD_PHASES as readonly string[]).indexOf((j.message ?? '').split(':')[0]!);
    if (step >= 0) return `step ${step + 1} / ${BUILD_PHASES.length}: ${j.progress_done.toLocaleString()} / ${j.progress_total.toLocaleString()}`;
  }
  return `${j.progress_done.toLocaleString()} / ${j.progress_total.toLocaleString()}`;
}

/** How many examples of a kind the store holds against the plan target; far above it says "over target". */
function InStore({ count, target }: { count: number; target: number }) {
  const status = targetStatus(count, target);
  return (
    <span className="num in-store" data-target-status={status}>
      <span className={status === 'over' ? 'warn' : status === 'met' ? 'ok' : 'muted'}>
        {count.toLocaleString()} / {target.toLocaleString()}
      </span>
      {status === 'over' ? <span className="pill warn">over target {pct(count / target, 0)}</span> : null}
    </span>
  );
}

/** Start generation jobs per kind and follow them: live progress, throughput, ETA, cancel and resume. */
export function Generate() {
  const jobs = useApi('jobs.list', {}, ['jobs']);
  // 'jobs': a job that ends (completed, failed or cancelled) changes the counts in the store
  const summary = useApi('dashboard.summary', {}, ['examples', 'jobs']);
  const live = useJobProgress();
  const [rows, setRows] = useState<Record<GenKind, RowState>>(
    () => Object.fromEntries(KINDS.map((k) => [k, { engine: 'template', count: String(TARGETS[k]), seed: '42' }])) as Record<GenKind, RowState>,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const counts = new Map(summary.data?.kinds.map((k) => [k.kind, k.count]) ?? []);
  const all = [...(jobs.data ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at)).map((j) => withLive(j, live[j.id]));
  const active = all.filter((j) => j.status === 'running' || j.status === 'queued');

  const update = (k: GenKind, patch: Partial<RowState>) => setRows((r) => ({ ...r, [k]: { ...r[k], ...patch } }));

  const start = async (e: FormEvent, kind: GenKind) => {
    e.preventDefault();
    const row = rows[kind];
    const count = Number(row.count);
    const seed = Number(row.seed);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) return setError(`${KIND_LABELS[kind]}: count must be a whole number from 1 to 1,000,000`);
    if (!Number.isInteger(seed) || seed < 0) return setError(`${KIND_LABELS[kind]}: seed must be a whole number ≥ 0`);
    setError(null);
    setBusy(kind);
    try {
      await call('jobs.start', { kind: 'generate', params: { kind, count, seed, engine: row.engine } });
      jobs.reload();
    } catch (err) {
      setError(`Could not start ${KIND_LABELS[kind]}: ${(err as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const act = async (what: 'cancel' | 'resume', id: string) => {
    setError(null);
    try {
      if (what === 'cancel') await call('jobs.cancel', { id });
      else await call('jobs.resume', { id });
      jobs.reload();
    } catch (err) {
      setError(`Could not ${what} the job: ${(err as Error).message}`);
    }
  };

  return (
    <section className="stack">
      <h1>Generate</h1>
      <ErrorBanner error={error ?? jobs.error} />
      <div className="card">
        <h2 style={{ marginTop: 0 }}>Start a generation job</h2>
        <p className="muted small">
          Jobs are resumable: items have deterministic ids, so re-running or resuming never duplicates examples. The LLM engine uses the endpoint set
          in Settings.
        </p>
        <div className="gen-grid gen-head" aria-hidden="true">
          <span>Kind</span>
          <span className="num">In store / target</span>
          <span>Engine</span>
          <span>Count</span>
          <span>Seed</span>
          <span />
        </div>
        {KINDS.map((k) => (
          <form key={k} className="gen-grid" noValidate onSubmit={(e) => void start(e, k)} aria-label={`Generate ${KIND_LABELS[k]}`} data-kind={k}>
            <strong>{KIND_LABELS[k]}</strong>
            <InStore count={counts.get(k) ?? 0} target={TARGETS[k]} />
            <select aria-label={`${k} engine`} value={rows[k].engine} onChange={(e) => update(k, { engine: e.target.value as RowState['engine'] })}>
              <option value="template">template</option>
              <option value="llm">llm</option>
            </select>
            <input aria-label={`${k} count`} type="number" min={1} max={1_000_000} value={rows[k].count} onChange={(e) => update(k, { count: e.target.value })} />
            <input aria-label={`${k} seed`} type="number" min={0} value={rows[k].seed} onChange={(e) => update(k, { seed: e.target.value })} />
            <button type="submit" className="primary" disabled={busy === k}>
              {busy === k ? 'Starting…' : 'Start'}
            </button>
          </form>
        ))}
      </div>

      <div className="card">
        <h2 style={{ marginTop: 0 }}>Running</h2>
        {active.length === 0 ? (
          <p className="muted">No job is running.</p>
        ) : (
          <div className="stack">
            {active.map((j) => (
              <div key={j.id} className="job-live" data-job={j.id}>
                <div className="row">
                  <strong>{describeParams(j)}</strong>
                  <span className="spacer" />
                  <span className="num">
                    {describeProgress(j)}
                  </span>
                  <span className="muted">{formatRate(j.rate)}</span>
                  <span className="muted">ETA {formatEta(j.progress_done, j.progress_total, j.rate)}</span>
                  <button type="button" className="secondary" onClick={() => void act('cancel', j.id)}>
                    Cancel
                  </button>
                </div>
                <Bar value={j.progress_done} max={Math.max(1, j.progress_total)} />
                {j.message ? <div className="muted small">{j.message}</div> : null}
              </div>
            ))}
          </div>
        )}
      </div>

      <div className="card">
        <h2 style={{ marginTop: 0 }}>Jobs</h2>
        {all.length === 0 ? (
          <p className="muted">No jobs yet.</p>
        ) : (
          <table aria-label="Jobs">
            <thead>
              <tr>
                <th>Started</th>
                <th>Job</th>
                <th>What</th>
                <th>Status</th>
                <th className="num">Progress</th>
                <th>Message</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {all.map((j) => (
                <tr key={j.id}>
                  <td className="nowrap">{formatTime(j.created_at)}</td>
                  <td>{j.kind}</td>
                  <td>{describeParams(j)}</td>
                  <td>
                    <span className={`pill ${STATUS_TONE[j.status] ?? ''}`}>{j.status}</span>
                  </td>
                  <td className="num nowrap">
                    {describeProgress(j)}
                  </td>
                  <td className={j.error ? 'fail' : 'muted'}>{j.error ?? describeResult(j) ?? j.message ?? ''}</td>
                  <td>
                    {j.status === 'running' ? (
                      <button type="button" className="secondary" onClick={() => void act('cancel', j.id)}>
                        Cancel
                      </button>
                    ) : RESUMABLE.has(j.status) ? (
                      <button type="button" className="secondary" onClick={() => void act('resume', j.id)}>
                        Resume
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
