import { useState } from 'react';
import type { ResponseOf } from '../../../../src-preload/contract';
import { call } from '../../api/client';
import { Bar } from '../../components/Bar';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatBytes } from '../../components/format';
import { useJobProgress } from '../../hooks/useJobProgress';

/** Imports a feedback JSONL file as a job: progress in bytes, cancel, and the per-line errors. */
export function ImportFeedback({ onDone }: { onDone(): void }) {
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
