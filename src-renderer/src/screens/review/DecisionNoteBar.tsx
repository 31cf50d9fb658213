import type { RefObject } from 'react';
import { type DecisionNote, RejectReasonSchema } from '../../../../src-preload/contract/review';

/** Comment, flag and reject reason for the next decision on the shown item (saved with it). */
export function DecisionNoteBar({
  note,
  onChange,
  commentRef,
  reasonRef,
}: {
  note: DecisionNote;
  onChange(n: DecisionNote): void;
  commentRef: RefObject<HTMLInputElement | null>;
  reasonRef: RefObject<HTMLSelectElement | null>;
}) {
  return (
    <div className="row note-bar" data-testid="decision-note">
      <label className="row" style={{ gap: 4 }}>
        <input type="checkbox" aria-label="flag" checked={!!note.flag} onChange={(e) => onChange({ ...note, flag: e.target.checked || undefined })} /> flag (f)
      </label>
      <select ref={reasonRef} aria-label="reject reason" value={note.reason ?? ''} onChange={(e) => {
          // the keys go back to the queue once a reason is picked
          e.target.blur();
          onChange({ ...note, reason: (e.target.value || undefined) as DecisionNote['reason'] });
        }}
      >
        <option value="">reject reason (r)…</option>
        {RejectReasonSchema.options.map((r) => (
          <option key={r} value={r}>{r.replace('_', ' ')}</option>
        ))}
      </select>
      <input ref={commentRef} aria-label="comment" className="grow" placeholder="comment (c), saved with the decision" maxLength={2000} value={note.comment ?? ''}
        onChange={(e) => onChange({ ...note, comment: e.target.value || undefined })}
        onKeyDown={(e) => (e.key === 'Escape' || e.key === 'Enter') && e.currentTarget.blur()}
      />
    </div>
  );
}
