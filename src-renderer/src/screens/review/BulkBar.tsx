import { useState } from 'react';
import { type DecisionNote, RejectReasonSchema } from '../../../../src-preload/contract/review';
import type { BulkAction } from './useReviewFlow';

/**
 * The selected items and what can be done to all of them at once: accept, reject (with a reason), flag,
 * with one comment. One undo takes the whole action back.
 */
export function BulkBar({ count, onAct, onClear }: { count: number; onAct(action: BulkAction, note: DecisionNote): void; onClear(): void }) {
  const [reason, setReason] = useState<DecisionNote['reason']>();
  const [comment, setComment] = useState('');
  const note = (action: BulkAction): DecisionNote => ({ ...(comment.trim() ? { comment } : {}), ...(action === 'reject' && reason ? { reason } : {}) });
  return (
    <section className="card row bulk-bar" data-testid="bulk-bar" aria-label="bulk actions">
      <b>
        {count} selected
      </b>
      <button type="button" className="primary small" onClick={() => onAct('accept', note('accept'))}>
        Accept {count} (A)
      </button>
      <button type="button" className="secondary small" onClick={() => onAct('reject', note('reject'))}>
        Reject {count} (X)
      </button>
      <select aria-label="bulk reject reason" value={reason ?? ''} onChange={(e) => setReason((e.target.value || undefined) as DecisionNote['reason'])}>
        <option value="">reject reason…</option>
        {RejectReasonSchema.options.map((r) => (
          <option key={r} value={r}>
            {r.replace('_', ' ')}
          </option>
        ))}
      </select>
      <button type="button" className="secondary small" onClick={() => onAct('flag', note('flag'))}>
        Flag {count} (F)
      </button>
      <input aria-label="bulk comment" className="grow" placeholder="comment for all of them" maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} onKeyDown={(e) => (e.key === 'Escape' || e.key === 'Enter') && e.currentTarget.blur()} />
      <button type="button" className="secondary small" onClick={onClear}>
        Clear (esc)
      </button>
    </section>
  );
}
