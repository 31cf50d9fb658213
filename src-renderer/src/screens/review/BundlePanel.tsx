import { useState } from 'react';
import { call } from '../../api/client';
import { useApi } from '../../hooks/useApi';

/** In reviewer mode: which bundle is open, as whom, the guidelines, and where decisions are written. */
export function BundlePanel() {
  const info = useApi('bundle.info', {}, ['review']);
  const [showGuidelines, setShowGuidelines] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const b = info.data;
  if (!b?.bundleId) return null;
  return (
    <div className="card stack" data-testid="bundle-panel" style={{ marginBottom: 10 }}>
      <div className="row">
        <b>Reviewing bundle {b.bundleId.slice(0, 8)}</b>
        <span className="muted">
          as {b.reviewer} · {b.decided} of {b.itemCount} decided{b.createdBy ? ` · from ${b.createdBy}` : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => setShowGuidelines(!showGuidelines)}>
          {showGuidelines ? 'Hide guidelines' : 'Review guidelines'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            const r = await call('bundle.exportDecisions', {});
            setSaved(`${r.count} decisions written to ${r.path}`);
          }}
        >
          Write decisions file
        </button>
      </div>
      {saved ? <div className="muted" role="status">{saved}</div> : b.decisionsPath ? <div className="muted">Decisions are saved after every key press to {b.decisionsPath}</div> : null}
      {showGuidelines && b.guidelines ? <pre className="answer">{b.guidelines}</pre> : null}
    </div>
  );
}
