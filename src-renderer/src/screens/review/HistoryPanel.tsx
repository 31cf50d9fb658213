import type { HistoryEntry } from '../../../../src-preload/contract/review';
import { useApi } from '../../hooks/useApi';

const VERB: Record<HistoryEntry['action'], string> = { accept: 'accepted', reject: 'rejected', edit: 'edited', flag: 'flagged for a second look' };

/** The latest decisions, newest first; each reopens its item, where a new key press changes the decision. */
export function HistoryPanel({ onOpen, currentId }: { onOpen(id: string): void; currentId: string | null }) {
  const history = useApi('review.history', { limit: 100 }, ['review']);
  const entries = history.data?.entries ?? [];
  return (
    <ul className="queue history plain-list" aria-label="decision history" data-testid="history">
      {entries.length === 0 ? <li className="muted" style={{ padding: 10 }}>No decisions yet.</li> : null}
      {entries.map((e) => (
        <li
          key={e.seq}
          className={`queue-item history-item${e.exampleId === currentId ? ' current' : ''}${e.undone ? ' undone' : ''}`}
          data-id={e.exampleId}
          data-action={e.action}
          data-undone={e.undone}
        >
          <button type="button" className="link q" onClick={() => onOpen(e.exampleId)} title="reopen this item">
            {e.input}
          </button>
          <div className="muted">
            <span className={`decision-${e.action}`}>{e.undone ? `${VERB[e.action]} (undone)` : VERB[e.action]}</span>
            {e.note?.flag && e.action !== 'flag' ? <span className="pill warn history-flag">flagged</span> : null}
            {e.note?.reason ? <span> · {e.note.reason.replace('_', ' ')}</span> : null}
            {e.note?.comment ? <span title={e.note.comment}> · “{e.note.comment.slice(0, 40)}”</span> : null}
            <span> · {new Date(e.createdAt).toLocaleTimeString()}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
