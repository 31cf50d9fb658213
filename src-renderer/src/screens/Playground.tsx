import { useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../src-preload/contract';
import type { ToolChoice } from '../../../src-preload/schemas/example';
import type { Intent } from '../../../src-preload/schemas/intent';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { WorkflowViewer } from '../components/WorkflowViewer';
import { useApi } from '../hooks/useApi';
import { ImportFeedback } from './playground/ImportFeedback';
import { IntentFields } from './playground/IntentFields';
import { ToolsList } from './playground/ToolsList';
import { type Regenerated, useRegenerated } from './playground/useRegenerated';

type Run = ResponseOf<'playground.run'> & { query: string };

/**
 * Try a query: parsed intent, chosen tools, generated workflow with diagnostics; every run is logged. An edit
 * of the intent or the tools regenerates the workflow, and that is what "Save modification" stores. A failed
 * run clears the previous one, so feedback can only ever apply to the interaction on screen.
 */
export function Playground() {
  const [query, setQuery] = useState('');
  const [run, setRun] = useState<Run | null>(null);
  const [intent, setIntent] = useState<Intent | null>(null);
  const [tools, setTools] = useState<ToolChoice[]>([]);
  const [outcome, setOutcome] = useState<'unknown' | 'success' | 'failure'>('unknown');
  const [sessionId, setSessionId] = useState<string | undefined>(undefined);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sending, setSending] = useState(false);
  const confirmRef = useRef<HTMLSpanElement>(null);
  const catalog = useApi('knowledge.catalog', {});
  const history = useApi('interactions.list', { offset: 0, limit: 20, newestFirst: true, sessionId }, ['interactions', 'examples']);

  const modified = run !== null && (JSON.stringify(intent) !== JSON.stringify(run.intent) || JSON.stringify(tools) !== JSON.stringify(run.tools));
  const regen: Regenerated = useRegenerated(run && intent && modified ? { query: run.query, intent, tools } : null);
  const workflow = modified ? (regen.result?.workflow ?? null) : (run?.workflow ?? null);
  const problems = modified ? (regen.result?.problems ?? []) : [];
  const canSend = run !== null && !busy && !sending && (!modified || (regen.result !== null && !regen.pending && problems.length === 0));

  const submit = async () => {
    if (!query.trim() || busy) return;
    setBusy(true);
    setConfirmation(null);
    try {
      const r = await call('playground.run', { query, sessionId });
      setRun({ ...r, query });
      setIntent(r.intent);
      setTools(r.tools);
      setSessionId(r.sessionId);
      setOutcome('unknown');
      setError(null);
      history.reload();
    } catch (e) {
      // nothing of the previous run stays on screen: Accept must not apply to it
      setRun(null);
      setIntent(null);
      setTools([]);
      setError(`The run failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const feedback = async (kind: 'accept' | 'reject' | 'modify') => {
    if (!run || !canSend) return;
    setSending(true);
    try {
      const r = await call('playground.feedback', {
        interactionId: run.interactionId,
        feedback: kind,
        modifications: kind === 'modify' && intent ? { intent, tools, ...(workflow && Object.keys(workflow).length > 0 ? { workflow: { files: workflow } } : {}) } : null,
        executionSuccess: outcome === 'unknown' ? null : outcome === 'success',
      });
      const what = kind === 'accept' ? 'Accepted' : kind === 'reject' ? 'Rejected' : 'Saved your modification';
      setConfirmation(`${what} · quality score ${r.interaction.quality_score.toFixed(2)}${r.example ? ` · training example ${r.example.id}` : ''}`);
      setError(null);
      history.reload();
    } catch (e) {
      setConfirmation(null);
      setError(`Could not record the feedback: ${(e as Error).message}`);
    } finally {
      setSending(false);
    }
  };

  // the confirmation sits beside the buttons; bring it into view wherever the page is scrolled
  useEffect(() => {
    if (confirmation) confirmRef.current?.scrollIntoView({ block: 'nearest' });
  }, [confirmation]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.target as HTMLElement | null)?.getAttribute('aria-label') === 'query') {
        e.preventDefault();
        void submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="stack">
      <h1>Playground</h1>
      <div className="card stack">
        <textarea aria-label="query" rows={3} placeholder="e.g. RNA-seq differential expression for mouse liver, treated vs control" value={query} onChange={(e) => setQuery(e.target.value)} />
        <div className="row">
          <button type="button" className="primary" onClick={() => void submit()} disabled={busy || !query.trim()}>
            {busy ? 'Running…' : 'Run (ctrl+enter)'}
          </button>
          {run ? (
            <span className="muted" data-testid="run-notice">
              Logged as interaction {run.interactionId}
            </span>
          ) : null}
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
            <IntentFields intent={intent} catalog={catalog.data} onChange={setIntent} />
            <div className="muted">
              Organism: {intent.organism ? `${intent.organism.scientific_name} (${intent.organism.genome_build})` : '—'} · data {intent.data_type ?? '—'} · missing:{' '}
              {intent.missing_information.join(', ') || 'nothing'}
            </div>
          </div>
          <ToolsList tools={tools} catalog={catalog.data} onChange={setTools} />
          <WorkflowCard run={run} modified={modified} regen={regen} workflow={workflow} />
          <div className="card row feedback-bar">
            <label className="field">
              Execution outcome
              <select aria-label="execution outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
                <option value="unknown">not run</option>
                <option value="success">ran successfully</option>
                <option value="failure">failed</option>
              </select>
            </label>
            <span role="status" className="pill ok confirmation" data-testid="playground-notice" ref={confirmRef} hidden={!confirmation}>
              {confirmation}
            </span>
            <span className="spacer" />
            <button type="button" className="primary" disabled={!canSend} onClick={() => void feedback(modified ? 'modify' : 'accept')}>
              {modified ? 'Save modification' : 'Accept'}
            </button>
            <button type="button" className="secondary" disabled={!canSend} onClick={() => void feedback('reject')}>
              Reject
            </button>
          </div>
          {problems.length > 0 ? (
            <div className="banner error" role="alert" data-testid="edit-problems">
              This edit cannot be saved: {problems.map((p) => `${p.path}: ${p.message}`).join('; ')}
            </div>
          ) : null}
        </>
      ) : null}
      <ImportFeedback onDone={() => history.reload()} />
      <div className="card">
        <h2 style={{ marginTop: 0 }}>Logged interactions {history.data ? `(${history.data.total})` : ''}</h2>
        {history.data ? (
          <table>
            <thead>
              <tr>
                <th>time</th>
                <th>query</th>
                <th>feedback</th>
                <th>executed</th>
                <th className="num">quality</th>
              </tr>
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

/** The workflow of the run, or the one regenerated for the edited intent and tools. */
function WorkflowCard({ run, modified, regen, workflow }: { run: Run; modified: boolean; regen: Regenerated; workflow: Record<string, string> | null }) {
  const state = !modified ? null : regen.pending ? 'regenerating for your edits…' : regen.error ? `could not regenerate: ${regen.error}` : 'regenerated for your edits';
  return (
    <div className={`card ${modified && regen.pending ? 'stale' : ''}`} data-testid="playground-workflow">
      <div className="row">
        <h2 style={{ margin: 0 }}>Workflow</h2>
        {state ? (
          <span className={`pill ${regen.error ? 'bad' : regen.pending ? '' : 'ok'}`} data-testid="workflow-state">
            {state}
          </span>
        ) : null}
      </div>
      {workflow && Object.keys(workflow).length > 0 ? (
        <WorkflowViewer files={workflow} />
      ) : modified ? (
        <p className="muted">{regen.pending ? '' : 'No workflow for this intent and tool list.'}</p>
      ) : (
        <p className="muted">No workflow: the request is outside the supported analyses or too vague ({run.intent.missing_information.join(', ')} missing).</p>
      )}
    </div>
  );
}
