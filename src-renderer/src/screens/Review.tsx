import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExampleFilter } from '../../../src-preload/contract/core';
import { ExampleOutputSchema, ExampleKindSchema, ExampleStatusSchema, type Example } from '../../../src-preload/schemas/example';
import { LOW_CONFIDENCE } from '../../../src-preload/schemas/intent';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { IntentDiffView } from '../components/IntentDiffView';
import { useApi } from '../hooks/useApi';
import { useNav } from '../state/nav';
import { BundlePanel } from './review/BundlePanel';
import { ItemView } from './review/ItemView';
import { QueueList } from './review/QueueList';

type Item = Example & { seq: number };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** Review queue: one item at a time, single-key decisions, unlimited undo (decisions are stored events). */
export function Review() {
  const [filter, setFilter] = useState<ExampleFilter>({ status: 'needs_review' });
  const [item, setItemState] = useState<Item | null>(null);
  // actions run one after another and read the item current when they run, so fast key presses queue up
  // instead of being dropped or applied to a stale item
  const itemRef = useRef<Item | null>(null);
  const setItem = useCallback((next: Item | null) => {
    itemRef.current = next;
    setItemState(next);
  }, []);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [done, setDone] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filterKey = JSON.stringify(filter);
  const { go } = useNav();
  const stats = useApi('review.stats', { filter }, ['review', 'examples']);
  const diff = useApi('review.diff', { id: item?.id ?? '-' }, ['review']);

  const loadAfter = useCallback(
    async (afterSeq: number) => {
      const r = await call('review.next', { filter: JSON.parse(filterKey) as ExampleFilter, afterSeq });
      setItem(r.item);
      setDone(r.item === null);
      setEditing(null);
    },
    [filterKey, setItem],
  );
  useEffect(() => {
    loadAfter(0).catch((e: Error) => setError(e.message));
  }, [loadAfter]);

  const run = useCallback((what: () => Promise<void>) => {
    queue.current = queue.current.then(what).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
    return queue.current;
  }, []);

  const decide = useCallback(
    (action: 'accept' | 'reject') =>
      run(async () => {
        const current = itemRef.current;
        if (!current) return;
        await call('review.decide', { id: current.id, action });
        setNotice(`${action === 'accept' ? 'Accepted' : 'Rejected'} ${current.id}`);
        await loadAfter(current.seq);
      }),
    [loadAfter, run],
  );
  const skip = useCallback(
    () =>
      run(async () => {
        if (itemRef.current) await loadAfter(itemRef.current.seq);
      }),
    [loadAfter, run],
  );
  const undo = useCallback(
    () =>
      run(async () => {
        const r = await call('review.undo', {});
        if (!r) {
          setNotice('Nothing to undo');
          return;
        }
        const back = await call('review.item', { id: r.exampleId });
        setItem(back.item);
        setDone(false);
        setEditing(null);
        setNotice(`Undid decision on ${r.exampleId} (now ${r.status.replace('_', ' ')})`);
      }),
    [run, setItem],
  );
  const saveEdit = useCallback(
    () =>
      run(async () => {
        const item = itemRef.current;
        if (!item || editing === null) return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(editing);
        } catch (e) {
          throw new Error(`The edited output is not valid JSON: ${(e as Error).message}`);
        }
        const output = ExampleOutputSchema.safeParse(parsed);
        if (!output.success) {
          const issue = output.error.issues[0]!;
          throw new Error(`The edited output is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
        }
        await call('review.decide', { id: item.id, action: 'edit', output: output.data });
        setNotice(`Edited and accepted ${item.id}`);
        await loadAfter(item.seq);
      }),
    [editing, loadAfter, run],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing !== null) {
        if (e.key === 'Escape') setEditing(null);
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          saveEdit();
        }
        return;
      }
      if (isTyping(e.target) || e.altKey) return;
      if ((e.key === 'z' && (e.ctrlKey || e.metaKey)) || e.key === 'Backspace') {
        e.preventDefault();
        undo();
      } else if (e.ctrlKey || e.metaKey) return;
      else if (e.key === 'a') decide('accept');
      else if (e.key === 'x') decide('reject');
      else if (e.key === ' ') {
        e.preventDefault();
        skip();
      } else if (e.key === 'e' && item) {
        e.preventDefault();
        setEditing(JSON.stringify(item.output, null, 2));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decide, editing, item, saveEdit, skip, undo]);

  const s = stats.data;
  const d = diff.data;
  return (
    <div>
      <div className="row" style={{ marginBottom: 10 }}>
        <h1 style={{ margin: 0 }}>Review</h1>
        <span className="spacer" />
        <span className="muted" data-testid="review-progress">
          {s ? `${s.remaining} left in this queue · ${s.decided} decided · ${s.total} matching` : '…'}
        </span>
      </div>
      <BundlePanel />
      <Filters filter={filter} onChange={setFilter} />
      <ErrorBanner error={error ?? stats.error} />
      <div className="keys" title="keyboard shortcuts">
        <span><span className="kbd">a</span> accept</span>
        <span><span className="kbd">x</span> reject</span>
        <span><span className="kbd">e</span> edit</span>
        <span><span className="kbd">space</span> skip</span>
        <span><span className="kbd">⌫</span>/<span className="kbd">ctrl+z</span> undo</span>
        {notice ? <span role="status" data-testid="review-notice">{notice}</span> : null}
      </div>
      <div className="review" style={{ marginTop: 10 }}>
        <QueueList filter={filter} currentId={item?.id ?? null} onPick={(id) => run(async () => setItem((await call('review.item', { id })).item))} />
        <section className="item-pane" aria-label="current item">
          {done && !item ? (
            <div className="card" data-testid="queue-empty">
              {s && s.total === 0 && !filter.kind && !filter.analysisType && !filter.search ? (
                <>
                  No examples yet. Generate some on the Generate screen (or run <code>biotrain build</code>); variations whose round trip
                  disagrees with their ground truth land here.{' '}
                  <button type="button" className="secondary small" onClick={() => go('generate')}>
                    Go to Generate
                  </button>
                </>
              ) : (
                'The queue is empty for this filter. Change the filter, or undo to go back.'
              )}
            </div>
          ) : null}
          {item ? (
            <>
              <div className="card" data-testid="current-item" data-id={item.id}>
                <div className="row muted" style={{ fontSize: 12 }}>
                  <span>{item.id}</span>
                  <span className="pill">{item.kind}</span>
                  {item.style ? <span className="pill">{item.style}</span> : null}
                  <span className={`status-${item.status}`} data-testid="item-status">
                    {item.status.replace('_', ' ')}
                  </span>
                  <span>{item.analysis_type}</span>
                </div>
                <p className="query">{item.input}</p>
                <div className="row">
                  <button type="button" className="primary" onClick={() => decide('accept')}>Accept (a)</button>
                  <button type="button" className="secondary" onClick={() => decide('reject')}>Reject (x)</button>
                  <button type="button" className="secondary" onClick={() => setEditing(JSON.stringify(item.output, null, 2))}>Edit (e)</button>
                  <button type="button" className="secondary" onClick={skip}>Skip (space)</button>
                  <button type="button" className="secondary" onClick={undo}>Undo (⌫)</button>
                </div>
              </div>
              {editing !== null ? (
                <div className="card">
                  <h2 style={{ marginTop: 0 }}>Edit the target output</h2>
                  <textarea className="editor" aria-label="edited output" value={editing} onChange={(e) => setEditing(e.target.value)} />
                  <div className="row">
                    <button type="button" className="primary" onClick={saveEdit}>Save and accept (ctrl+enter)</button>
                    <button type="button" className="secondary" onClick={() => setEditing(null)}>Cancel (esc)</button>
                  </div>
                </div>
              ) : null}
              {d?.roundTrip ? (
                <div className="card" data-testid="intent-diff">
                  <h2 style={{ marginTop: 0 }}>
                    Round trip: {d.roundTrip.mismatches === 0 ? 'parsed intent matches' : `${d.roundTrip.mismatches} field(s) differ`}
                  </h2>
                  <IntentDiffView diff={d.roundTrip} leftLabel="Ground truth" rightLabel="Parsed again" />
                </div>
              ) : null}
              {d?.edit ? (
                <div className="card" data-testid="edit-diff">
                  <h2 style={{ marginTop: 0 }}>Your edit: {d.edit.mismatches} field(s) changed</h2>
                  <IntentDiffView diff={d.edit} leftLabel="Original" rightLabel="Edited" />
                </div>
              ) : null}
              <ItemView example={item} />
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}

function Filters({ filter, onChange }: { filter: ExampleFilter; onChange(f: ExampleFilter): void }) {
  const types = useApi('examples.list', { filter: {}, offset: 0, limit: 1 });
  return (
    <div className="row" style={{ marginBottom: 8 }} data-total={types.data?.total ?? 0}>
      <label className="field">
        Kind
        <select aria-label="kind filter" value={filter.kind ?? ''} onChange={(e) => onChange({ ...filter, kind: (e.target.value || undefined) as ExampleFilter['kind'] })}>
          <option value="">all kinds</option>
          {ExampleKindSchema.options.map((k) => (
            <option key={k} value={k}>{k}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Status
        <select aria-label="status filter" value={filter.status ?? ''} onChange={(e) => onChange({ ...filter, status: (e.target.value || undefined) as ExampleFilter['status'] })}>
          <option value="">any status</option>
          {ExampleStatusSchema.options.map((k) => (
            <option key={k} value={k}>{k.replace('_', ' ')}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Analysis type
        <input aria-label="analysis type filter" placeholder="e.g. rna_seq_de" value={filter.analysisType ?? ''} onChange={(e) => onChange({ ...filter, analysisType: e.target.value || undefined })} />
      </label>
      <label className="field">
        Search
        <input aria-label="search filter" placeholder="text in the query" value={filter.search ?? ''} onChange={(e) => onChange({ ...filter, search: e.target.value || undefined })} />
      </label>
      <label className="row" style={{ gap: 4 }}>
        <input type="checkbox" checked={!!filter.lowConfidence} onChange={(e) => onChange({ ...filter, lowConfidence: e.target.checked || undefined })} /> low confidence (below {LOW_CONFIDENCE})
      </label>
      <label className="row" style={{ gap: 4 }}>
        <input type="checkbox" checked={!!filter.intentMismatch} onChange={(e) => onChange({ ...filter, intentMismatch: e.target.checked || undefined })} /> intent mismatch
      </label>
    </div>
  );
}
