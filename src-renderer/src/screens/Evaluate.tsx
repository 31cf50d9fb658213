import { type FormEvent, useState } from 'react';
import type { EvalGroup, EvalReport } from '../../../src-preload/schemas/model-eval';
import { HEADLINE_METRICS } from '../../../src-preload/schemas/model-eval';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { type Column, DataTable } from '../components/DataTable';
import { EvalRunsTable } from '../components/EvalRunsTable';
import { JobProgressView } from '../components/JobProgressView';
import { formatTime, KIND_LABELS, pct } from '../components/format';
import { useApi } from '../hooks/useApi';
import { useJobProgress } from '../hooks/useJobProgress';

const cellPct = (v: number | undefined | null) => (v === undefined || v === null ? '–' : pct(v));
const signed = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}`);

function GroupTable({ groups, label }: { groups: readonly EvalGroup[]; label: string }) {
  const columns: Column<EvalGroup>[] = [
    { header: label, cell: (g) => KIND_LABELS[g.key] ?? g.key },
    { header: 'n', num: true, cell: (g) => g.n },
    { header: 'score', num: true, cell: (g) => pct(g.score) },
    ...HEADLINE_METRICS.map((m): Column<EvalGroup> => ({ header: m, num: true, cell: (g) => cellPct(g.metrics[m]) })),
  ];
  return <DataTable label={label} columns={columns} rows={groups} rowKey={(g) => g.key} />;
}

function RunReport({ report }: { report: EvalReport }) {
  const s = report.settings;
  return (
    <div className="stack" data-testid="eval-report">
      <div className="row">
        <h2 style={{ margin: 0 }}>
          {s.model}: {pct(report.summary.score)}
        </h2>
        <span className="muted">
          {report.summary.n} examples of {s.split} ({s.source}), {report.summary.answered} answered, {(report.summary.duration_ms / 1000).toFixed(1)} s, concurrency {s.concurrency},{' '}
          {report.summary.usage.cached} from the cache
        </span>
      </div>
      <h3>Per task</h3>
      <GroupTable groups={[...report.summary.by_task, report.summary.overall]} label="task" />
      <h3>Per analysis type</h3>
      <GroupTable groups={report.summary.by_analysis_type} label="analysis type" />
      <h3>Worst {report.worst.length} answers</h3>
      <ul className="plain-list stack" aria-label="Worst answers">
        {report.worst.map((w) => (
          <li key={w.record_id}>
            <details>
              <summary>
                <strong>{w.record_id}</strong> {KIND_LABELS[w.kind] ?? w.kind}, {w.analysis_type}: {pct(w.score)}
                {w.diagnostics[0] ? <span className="muted"> — {w.diagnostics[0]}</span> : null}
              </summary>
              <ul>
                {w.diagnostics.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
              <pre className="small">{w.answer_excerpt || '(no answer)'}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Comparison({ a, b }: { a: string; b: string }) {
  const [all, setAll] = useState(false);
  const cmp = useApi('evalModel.compare', { a, b }, ['eval-runs']);
  if (cmp.error) return <p className="fail">Could not compare: {cmp.error}</p>;
  const c = cmp.data;
  if (!c) return <p className="muted">Comparing…</p>;
  const headline = new Set<string>(['score', ...HEADLINE_METRICS]);
  const rows = c.metrics.filter((m) => all || headline.has(m.metric));
  return (
    <div className="stack" data-testid="eval-compare">
      <div className="row">
        <h2 style={{ margin: 0 }}>
          A {c.a.model} vs B {c.b.model}
        </h2>
        <span className="muted">
          {c.changes.better} better, {c.changes.worse} worse, {c.changes.same} same, {c.changes.unmatched} in one run only
        </span>
        <span className="spacer" />
        <label className="row small">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> every metric
        </label>
      </div>
      <DataTable
        label="Metrics A vs B"
        rows={rows}
        rowKey={(m) => `${m.group}/${m.metric}`}
        columns={[
          { header: 'group', cell: (m) => KIND_LABELS[m.group] ?? m.group },
          { header: 'metric', cell: (m) => m.metric },
          { header: 'A', num: true, cell: (m) => cellPct(m.a) },
          { header: 'B', num: true, cell: (m) => cellPct(m.b) },
          { header: 'B − A (points)', num: true, cell: (m) => <span className={m.delta !== null && m.delta < 0 ? 'fail' : undefined}>{signed(m.delta)}</span> },
        ]}
      />
      <h3>Largest changes per example</h3>
      <DataTable
        label="Examples A vs B"
        rows={c.examples.slice(0, 50)}
        rowKey={(e) => e.record_id}
        columns={[
          { header: 'example', cell: (e) => e.record_id },
          { header: 'task', cell: (e) => KIND_LABELS[e.kind] ?? e.kind },
          { header: 'analysis type', cell: (e) => e.analysis_type },
          { header: 'A', num: true, cell: (e) => cellPct(e.a) },
          { header: 'B', num: true, cell: (e) => cellPct(e.b) },
          { header: 'B − A', num: true, cell: (e) => signed(e.delta) },
        ]}
      />
    </div>
  );
}

/** Evaluate a model served behind an OpenAI-compatible endpoint on a split; open and compare stored runs. */
export function Evaluate() {
  const settings = useApi('settings.get', {});
  const [baseURL, setBaseURL] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [split, setSplit] = useState<'train' | 'val' | 'test'>('test');
  const [limit, setLimit] = useState('');
  const [concurrency, setConcurrency] = useState('4');
  const [cache, setCache] = useState(true);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [pickA, setPickA] = useState<string | null>(null);
  const [pickB, setPickB] = useState<string | null>(null);
  const live = useJobProgress();
  const runs = useApi('evalModel.runs', { limit: 100 }, ['eval-runs', 'jobs']);
  const jobs = useApi('jobs.list', {}, ['jobs']);

  const llm = settings.data?.llm;
  const url = baseURL ?? llm?.baseURL ?? '';
  const name = model ?? llm?.model ?? '';
  const tracked = jobId ? (jobs.data ?? []).find((j) => j.id === jobId) : undefined;
  const progress = jobId ? live[jobId] : undefined;
  const status = progress?.status ?? tracked?.status ?? (jobId ? 'queued' : null);
  const running = status === 'running' || status === 'queued';
  const shownId = open ?? runs.data?.find((r) => r.status === 'completed')?.id ?? null;
  const detail = useApi('evalModel.get', { id: shownId ?? '-' }, ['eval-runs'], { skip: !shownId });

  const start = async (e: FormEvent) => {
    e.preventDefault();
    const lim = limit.trim() === '' ? null : Number(limit);
    const conc = Number(concurrency);
    if (!/^https?:\/\/\S+$/.test(url.trim())) return setError('The endpoint must be an http(s) URL, e.g. http://127.0.0.1:8000/v1.');
    if (name.trim() === '') return setError('Name the model the endpoint serves.');
    if (lim !== null && (!Number.isInteger(lim) || lim < 1)) return setError('The limit must be a whole number ≥ 1, or empty for the whole split.');
    if (!Number.isInteger(conc) || conc < 1 || conc > 64) return setError('Concurrency must be a whole number from 1 to 64.');
    setError(null);
    try {
      const job = await call('evalModel.start', { baseURL: url.trim(), model: name.trim(), split, limit: lim, concurrency: conc, cache });
      setJobId(job.id);
      setOpen(null);
      jobs.reload();
    } catch (err) {
      setError(`Could not start the evaluation: ${(err as Error).message}`);
    }
  };
  const failed = status === 'failed' || status === 'cancelled' ? (tracked?.error ?? progress?.message ?? status) : null;

  return (
    <section className="stack">
      <h1>Evaluate</h1>
      <ErrorBanner error={error} />
      <form className="card stack" noValidate onSubmit={(e) => void start(e)} aria-label="Evaluate a model">
        <div className="row">
          <label className="field">
            Endpoint (OpenAI-compatible)
            <input aria-label="endpoint" value={url} onChange={(e) => setBaseURL(e.target.value)} spellCheck={false} placeholder="http://127.0.0.1:8000/v1" />
          </label>
          <label className="field">
            Model
            <input aria-label="model" value={name} onChange={(e) => setModel(e.target.value)} spellCheck={false} />
          </label>
          <label className="field">
            Split
            <select aria-label="split" value={split} onChange={(e) => setSplit(e.target.value as 'train' | 'val' | 'test')}>
              <option value="test">test</option>
              <option value="val">val</option>
              <option value="train">train</option>
            </select>
          </label>
          <label className="field">
            Limit
            <input aria-label="limit" type="number" min={1} value={limit} onChange={(e) => setLimit(e.target.value)} placeholder="all" />
          </label>
          <label className="field">
            Concurrency
            <input aria-label="concurrency" type="number" min={1} max={64} value={concurrency} onChange={(e) => setConcurrency(e.target.value)} />
          </label>
          <label className="row small">
            <input type="checkbox" aria-label="use the cache" checked={cache} onChange={(e) => setCache(e.target.checked)} /> answer repeats from the cache
          </label>
        </div>
        <div className="muted small">The examples come from the latest passed build; the key is the one saved on Settings (never stored in the database).</div>
        <div className="row">
          <button type="submit" className="primary" disabled={running}>
            {running ? 'Evaluating…' : 'Run evaluation'}
          </button>
          {running && jobId ? (
            <button type="button" className="secondary" onClick={() => void call('jobs.cancel', { id: jobId })}>
              Cancel
            </button>
          ) : null}
        </div>
        {running ? <JobProgressView progress={progress} /> : null}
        {failed ? (
          <div className="banner error" role="alert">
            Evaluation {status}: {failed}
          </div>
        ) : null}
      </form>

      <div className="card stack">
        <div className="row">
          <h2 style={{ margin: 0 }}>Runs</h2>
          <span className="spacer" />
          <span className="muted small">Pick A and B to compare them.</span>
        </div>
        <EvalRunsTable
          runs={runs.data ?? []}
          onOpen={setOpen}
          selected={shownId}
          pick={{ a: pickA, b: pickB, set: (which, id) => (which === 'a' ? setPickA(id) : setPickB(id)) }}
        />
      </div>

      {pickA && pickB && pickA !== pickB ? (
        <div className="card">
          <Comparison a={pickA} b={pickB} />
        </div>
      ) : null}

      {shownId && detail.data?.run.id === shownId ? (
        <div className="card">
          {detail.data.report ? (
            <RunReport report={detail.data.report} />
          ) : (
            <p className="muted">
              Run {shownId} {detail.data.run.status} {formatTime(detail.data.run.finished_at)}
              {detail.data.error ? `: ${detail.data.error}` : ''}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
