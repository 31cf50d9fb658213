import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../src-preload/contract';
import type { ToolChoice } from '../../../src-preload/schemas/example';
import { type Intent, REQUEST_KINDS } from '../../../src-preload/schemas/intent';
import { call } from '../api/client';
import { Bar } from '../components/Bar';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatBytes } from '../components/format';
import { WorkflowViewer } from '../components/WorkflowViewer';
import { useApi } from '../hooks/useApi';
import { useJobProgress } from '../hooks/useJobProgress';

type Run = ResponseOf<'playground.run'>;
const csv = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** Try a query: parsed intent, chosen tools, generated workflow with diagnostics; every step is logged. */
export function Playground() {
  const [query, setQuery] = useState('');
  const [run, setRun] = useState<Run | null>(null);
  const [intent, setIntent] = useState<Intent | null>(null);
  const [tools, setTools] = useState<ToolChoice[]>([]);
  const [newTool, setNewTool] = useState('');
  const [outcome, setOutcome] = useState<'unknown' | 'success' | 'failure'>('unknown');
  const [sessionId, setSessionId] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const history = useApi('interactions.list', { offset: 0, limit: 20, newestFirst: true, sessionId }, ['interactions', 'examples']);

  const submit = async () => {
    if (!query.trim() || busy) return;
    setBusy(true);
    try {
      const r = await call('playground.run', { query, sessionId });
      setRun(r);
      setIntent(r.intent);
      setTools(r.tools);
      setSessionId(r.sessionId);
      setOutcome('unknown');
      setNotice(`Logged as interaction ${r.interactionId}`);
      setError(null);
      history.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const modified = run !== null && (JSON.stringify(intent) !== JSON.stringify(run.intent) || JSON.stringify(tools) !== JSON.stringify(run.tools));
  const feedback = async (kind: 'accept' | 'reject' | 'modify') => {
    if (!run) return;
    try {
      const r = await call('playground.feedback', {
        interactionId: run.interactionId,
        feedback: kind,
        modifications: kind === 'modify' && intent ? { intent, tools } : null,
        executionSuccess: outcome === 'unknown' ? null : outcome === 'success',
      });
      setNotice(
        `${kind === 'accept' ? 'Accepted' : kind === 'reject' ? 'Rejected' : 'Saved your modification'} · quality score ${r.interaction.quality_score.toFixed(2)}${r.example ? ` · training example ${r.example.id}` : ''}`,
      );
      setError(null);
      history.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.target as HTMLElement | null)?.getAttribute('aria-label') === 'query') {
        e.preventDefault();
        submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const set = <K extends keyof Intent>(k: K, v: Intent[K]) => intent && setIntent({ ...intent, [k]: v });
  return (
    <div className="stack">
      <h1>Playground</h1>
      <div className="card stack">
        <textarea aria-label="query" rows={3} placeholder="e.g. RNA-seq differential expression for mouse liver, treated vs control" value={query} onChange={(e) => setQuery(e.target.value)} />
        <div className="row">
          <button type="button" className="primary" onClick={submit} disabled={busy || !query.trim()}>
            Run (ctrl+enter)
          </button>
          {notice ? <span role="status" className="muted" data-testid="playground-notice">{notice}</span> : null}
        </div>
      </div>
      <ErrorBanner error={error} />
      {run && intent ? (
        <>
          <div className="card stack" data-testid="playground-intent">
            <div className="row">
              <h2 style={{ margin: 0 }}>Parsed intent</h2>
              <span className="pill">confidence {run.intent.confidence.toFixed(2)}</span>
              {modified ? <span className="pill warn">modified</span> : null}
            </div>
            <div className="grid">
              <label className="field">
                Request kind
                <select aria-label="request kind" value={intent.request_kind} onChange={(e) => set('request_kind', e.target.value as Intent['request_kind'])}>
                  {REQUEST_KINDS.map((v) => <option key={v}>{v}</option>)}
                </select>
              </label>
              <label className="field">Analysis type<input aria-label="analysis type" value={intent.analysis_type} onChange={(e) => set('analysis_type', e.target.value)} /></label>
              <label className="field">Tissue<input aria-label="tissue" value={intent.tissue ?? ''} onChange={(e) => set('tissue', e.target.value || null)} /></label>
              <label className="field">Cell type<input aria-label="cell type" value={intent.cell_type ?? ''} onChange={(e) => set('cell_type', e.target.value || null)} /></label>
              <label className="field">
                Read layout
                <select aria-label="read layout" value={intent.read_layout} onChange={(e) => set('read_layout', e.target.value as Intent['read_layout'])}>
                  {['paired', 'single', 'unknown'].map((v) => <option key={v}>{v}</option>)}
                </select>
              </label>
              <label className="field">
                Strandedness
                <select aria-label="strandedness" value={intent.strandedness} onChange={(e) => set('strandedness', e.target.value as Intent['strandedness'])}>
                  {['forward', 'reverse', 'unstranded', 'unknown'].map((v) => <option key={v}>{v}</option>)}
                </select>
              </label>
              <label className="field">
                Comparison (a vs b)
                <input
                  aria-label="comparison"
                  value={intent.comparison ? intent.comparison.groups.join(' vs ') : ''}
                  onChange={(e) => {
                    const groups = e.target.value.split(/\s+vs\s+/).map((g) => g.trim()).filter(Boolean);
                    set('comparison', groups.length === 2 ? { groups, description: groups.join(' vs ') } : null);
                  }}
                />
              </label>
              <label className="field">Constraints<input aria-label="constraints" value={intent.constraints.join(', ')} onChange={(e) => set('constraints', csv(e.target.value))} /></label>
            </div>
            <div className="muted">
              Organism: {intent.organism ? `${intent.organism.scientific_name} (${intent.organism.genome_build})` : '—'} · data {intent.data_type ?? '—'} · missing:{' '}
              {intent.missing_information.join(', ') || 'nothing'}
            </div>
          </div>
          <div className="card stack">
            <h2 style={{ margin: 0 }}>Tools</h2>
            <ol>
              {tools.map((t) => (
                <li key={t.tool}>
                  <b>{t.tool}</b> <span className="muted">— {t.rationale}</span>{' '}
                  <button type="button" className="secondary small" aria-label={`remove ${t.tool}`} onClick={() => setTools(tools.filter((x) => x.tool !== t.tool))}>
                    remove
                  </button>
                </li>
              ))}
            </ol>
            <div className="row">
              <input aria-label="add tool" placeholder="tool id, e.g. salmon" value={newTool} onChange={(e) => setNewTool(e.target.value)} />
              <button
                type="button"
                className="secondary"
                disabled={!newTool.trim()}
                onClick={() => {
                  setTools([...tools, { tool: newTool.trim(), rationale: 'Added by the expert.' }]);
                  setNewTool('');
                }}
              >
                Add tool
              </button>
            </div>
          </div>
          {Object.keys(run.workflow).length > 0 ? (
            <div className="card">
              <h2 style={{ marginTop: 0 }}>Workflow</h2>
              <WorkflowViewer files={run.workflow} />
            </div>
          ) : (
            <div className="card muted">No workflow: the request is outside the supported analyses or too vague ({run.intent.missing_information.join(', ')} missing).</div>
          )}
          <div className="card row">
            <label className="field">
              Execution outcome
              <select aria-label="execution outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
                <option value="unknown">not run</option>
                <option value="success">ran successfully</option>
                <option value="failure">failed</option>
              </select>
            </label>
            <span className="spacer" />
            <button type="button" className="primary" onClick={() => feedback(modified ? 'modify' : 'accept')}>
              {modified ? 'Save modification' : 'Accept'}
            </button>
            <button type="button" className="secondary" onClick={() => feedback('reject')}>Reject</button>
          </div>
        </>
      ) : null}
      <ImportFeedback onDone={() => history.reload()} />
      <div className="card">
        <h2 style={{ marginTop: 0 }}>Logged interactions {history.data ? `(${history.data.total})` : ''}</h2>
        {history.data ? (
          <table>
            <thead>
              <tr><th>time</th><th>query</th><th>feedback</th><th>executed</th><th className="num">quality</th></tr>
            </thead>
            <tbody>
              {history.data.items.map((i) => (
                <tr key={i.id}>
                  <td className="muted">{i.timestamp.slice(0, 19).replace('T', ' ')}</td>
                  <td>{i.query.slice(0, 120)}</td>
                  <td>{i.feedback ?? '—'}</td>
                  <td>{i.execution_success === null ? '—' : i.execution_success ? 'ok' : 'failed'}</td>
                  <td className="num">{i.quality_score.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}

function ImportFeedback({ onDone }: { onDone(): void }) {
  const [path, setPath] = useState('');
  const [result, setResult] = useState<ResponseOf<'interactions.import'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const live = useJobProgress();
  const progress = jobId ? live[jobId] : undefined;
  const run = async () => {
    if (jobId || !path.trim()) return;
    const id = crypto.randomUUID();
    setJobId(id);
    setResult(null);
    setError(null);
    try {
      setResult(await call('interactions.import', { path, jobId: id }));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setJobId(null);
    }
  };
  return (
    <div className="card stack">
      <h2 style={{ margin: 0 }}>Import feedback (JSONL)</h2>
      <div className="row">
        <input aria-label="feedback file" style={{ flex: 1 }} placeholder="/path/to/feedback.jsonl" value={path} onChange={(e) => setPath(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && run()} />
        <button type="button" className="secondary" disabled={!path.trim() || jobId !== null} onClick={run}>
          {jobId ? 'Importing…' : 'Import'}
        </button>
      </div>
      {jobId ? (
        <div className="row" data-testid="import-progress">
          <div style={{ flex: 1 }}>
            <Bar value={progress?.done ?? 0} max={Math.max(1, progress?.total ?? 0)} />
          </div>
          <span className="muted">{progress && progress.total > 0 ? `${formatBytes(progress.done)} of ${formatBytes(progress.total)}` : 'starting…'}</span>
          <button type="button" className="secondary" onClick={() => call('jobs.cancel', { id: jobId })}>
            Cancel
          </button>
        </div>
      ) : null}
      <ErrorBanner error={error} />
      {result ? (
        <div data-testid="import-summary">
          {result.lines} lines · {result.imported} imported · {result.duplicates} already present · {result.errorCount} bad · {result.examples} examples
          {result.errors.length > 0 ? (
            <ul>
              {result.errors.slice(0, 20).map((e) => (
                <li key={e.line}>line {e.line}: {e.reason}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
