import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ExampleFilter } from '../../../src-preload/contract/core';
import type { DecisionNote } from '../../../src-preload/contract/review';
import type { ExampleOutput } from '../../../src-preload/schemas/example';
import type { FieldDiff, Intent } from '../../../src-preload/schemas/intent';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { IntentDiffView } from '../components/IntentDiffView';
import { Markdown } from '../components/Markdown';
import { useApi } from '../hooks/useApi';
import { CURATE_ROUTE, useNav } from '../state/nav';
import { BulkBar } from './review/BulkBar';
import { BundlePanel } from './review/BundlePanel';
import { DecisionNoteBar } from './review/DecisionNoteBar';
import { EditPanel } from './review/edit/EditPanel';
import { Filters } from './review/Filters';
import { HistoryPanel } from './review/HistoryPanel';
import { ItemView } from './review/ItemView';
import { QueueList } from './review/QueueList';
import { ShortcutsOverlay } from './review/ShortcutsOverlay';
import { type BulkAction, type Failure, useReviewFlow } from './review/useReviewFlow';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  // a checkbox (flag, selection) takes no text: the queue's keys keep working while it has focus
  const box = el?.tagName === 'INPUT' && ((el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio');
  return !!el && !box && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** the queue Review opens on when the URL names no filter */
const DEFAULT_FILTER: ExampleFilter = { status: 'needs_review' };

const ACTION_WORD: Record<Failure['action'], string> = { accept: 'accept', reject: 'reject', edit: 'edit', undo: 'undo', flag: 'flag' };

function FailureBanner({ failure, onDismiss }: { failure: Failure; onDismiss(): void }) {
  if (failure.selected) {
    return (
      <div className="banner error persistent" role="alert" data-testid="review-failure" data-item="">
        <div>
          <b>Your {ACTION_WORD[failure.action]} of {failure.selected} selected items was not saved:</b> {failure.message}
        </div>
        <div>Nothing was recorded for any of them and the selection is kept. Press the button again to retry (another process may be writing the store).</div>
        <button type="button" className="secondary small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div className="banner error persistent" role="alert" data-testid="review-failure" data-item={failure.itemId}>
      <div>
        <b>Your {ACTION_WORD[failure.action]} of {failure.itemId || 'the queue'} was not saved:</b> {failure.message}
      </div>
      <div>
        Nothing was recorded for this item and it is shown again.
        {failure.dropped > 0 ? ` The ${failure.dropped} key press${failure.dropped === 1 ? '' : 'es'} made after it ${failure.dropped === 1 ? 'was' : 'were'} dropped, so no decision landed on an item you were not looking at.` : ''}{' '}
        Press the key again to retry (another process may be writing the store; retrying after it finishes works).
      </div>
      <button type="button" className="secondary small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** Review queue: one item at a time, single-key decisions that never land on an item you did not see, unlimited undo. */
export function Review() {
  const { go, item: routeItem, filter: routeFilter, showItem, setFilter: setRouteFilter } = useNav();
  // the filter lives in the URL: a reload keeps it, Back returns to the previous one (and its item)
  const filter = useMemo<ExampleFilter>(() => routeFilter ?? DEFAULT_FILTER, [routeFilter]);
  const setFilter = (f: ExampleFilter) => {
    // the next letters of a search replace its history entry; any other change is a new entry
    const { search: a, ...restOld } = filter;
    const { search: b, ...restNew } = f;
    const typing = a !== undefined && a !== b && JSON.stringify(restOld) === JSON.stringify(restNew);
    setRouteFilter(f, typing);
  };
  const stats = useApi('review.stats', { filter }, ['review', 'examples']);
  const flow = useReviewFlow(filter, { initialId: routeItem, onWritten: stats.reload });
  const item = flow.shown;
  // the note and the editor's draft belong to the item they were made on: another item never sees them
  const [noteOf, setNoteOf] = useState<{ id: string | null; note: DecisionNote }>({ id: null, note: {} });
  const [draftOf, setDraftOf] = useState<{ id: string | null; output: ExampleOutput | null }>({ id: null, output: null });
  const shownId = item?.id ?? null;
  const note = noteOf.id === shownId ? noteOf.note : {};
  const draft = draftOf.id === shownId ? draftOf.output : null;
  const setNote = useCallback(
    (n: DecisionNote | ((old: DecisionNote) => DecisionNote)) => setNoteOf((o) => ({ id: shownId, note: typeof n === 'function' ? n(o.id === shownId ? o.note : {}) : n })),
    [shownId],
  );
  const setDraft = useCallback((output: ExampleOutput | null) => setDraftOf({ id: shownId, output }), [shownId]);
  // an item shown again (undo, history, back) starts with no draft and with the note of its decision in effect
  useEffect(() => {
    setDraftOf({ id: null, output: null });
    setNoteOf({ id: null, note: {} });
    if (!shownId) return;
    let live = true;
    call('review.note', { id: shownId })
      .then((r) => live && r.note && setNoteOf((o) => (o.id === shownId ? o : { id: shownId, note: r.note ?? {} })))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [shownId]);
  const [overlay, setOverlay] = useState(false);
  const [side, setSide] = useState<'queue' | 'history' | 'hidden'>('queue');
  const [guidelines, setGuidelines] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const select = useCallback((ids: string[], on: boolean) => {
    setSelected((old) => {
      const next = new Set(old);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  }, []);
  // a new filter is a new queue: the selection of the old one does not carry over
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (filterKey) setSelected(new Set());
  }, [filterKey]);
  const bulk = (action: BulkAction, bulkNote: DecisionNote = {}) => {
    const ids = [...selected];
    if (ids.length === 0) return;
    void flow.bulk(ids, action, bulkNote).then((ok) => {
      if (!ok) return;
      setSelected(new Set());
      if (action === 'flag' && item && ids.includes(item.id)) setNote((n) => ({ ...n, ...bulkNote, flag: true }));
    });
  };
  const commentRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLSelectElement>(null);
  const diff = useApi('review.diff', { id: item?.id ?? '-' }, ['review'], { skip: !item });
  const guide = useApi('review.guidelines', {}, [], { skip: !guidelines });

  // the URL names the shown item, so a reload comes back to it
  useEffect(() => {
    if (item) showItem(item.id);
  }, [item, showItem]);
  // every decision names the item this render shows: the flow refuses it if another item is on screen
  const decide = (action: 'accept' | 'reject') => item && flow.decide(item.id, action, { note });
  const startEdit = () => item && setDraft(structuredClone(item.output));
  const saveEdit = () => {
    if (item && draft) flow.decide(item.id, 'edit', { output: draft, note });
  };
  const takeParsed = (f: FieldDiff) => {
    const parsed = diff.data?.parsed;
    if (!item?.output.intent || !parsed) return;
    const base = draft ?? structuredClone(item.output);
    const key = f.field as keyof Intent;
    setDraft({ ...base, intent: { ...(base.intent ?? item.output.intent), [key]: parsed[key] } as Intent });
  };

  // one listener for the screen's life, calling the handlers of the render on screen (set when it commits):
  // a key press never runs an earlier render's handlers (an older item, its note, a closed editor)
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  const onKeyNow = (e: KeyboardEvent) => {
    if (overlay) {
      if (e.key === 'Escape' || e.key === '?') setOverlay(false);
      return;
    }
    if (draft !== null || isTyping(e.target) || e.altKey) return;
    const k = e.key;
    // shift+a / shift+x / shift+f act on the selection; esc clears it
    if (selected.size > 0 && !e.ctrlKey && !e.metaKey) {
      const onSelection: Record<string, () => void> = { A: () => bulk('accept'), X: () => bulk('reject'), F: () => bulk('flag'), Escape: () => setSelected(new Set()) };
      const run = onSelection[k];
      if (run) {
        e.preventDefault();
        run();
        return;
      }
    }
    if ((k === 'z' && (e.ctrlKey || e.metaKey)) || k === 'Backspace') {
      e.preventDefault();
      flow.undo();
      return;
    }
    if (e.ctrlKey || e.metaKey) return;
    const act: Record<string, () => void> = {
      a: () => decide('accept'),
      x: () => decide('reject'),
      e: startEdit,
      ' ': flow.skip,
      j: flow.skip,
      ArrowDown: flow.skip,
      k: flow.previous,
      ArrowUp: flow.previous,
      f: () => setNote((n) => ({ ...n, flag: !n.flag || undefined })),
      s: () => item && select([item.id], !selected.has(item.id)),
      c: () => commentRef.current?.focus(),
      r: () => reasonRef.current?.focus(),
      h: () => setSide((s) => (s === 'history' ? 'queue' : 'history')),
      '[': () => setSide((s) => (s === 'hidden' ? 'queue' : 'hidden')),
      g: () => setGuidelines((g) => !g),
      '?': () => setOverlay(true),
    };
    const run = act[k];
    if (run) {
      e.preventDefault();
      run();
    }
  };
  useLayoutEffect(() => {
    keys.current = onKeyNow;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const s = stats.data;
  const d = diff.data;
  // progress of this queue: of the items that are in it or were decided out of it, how many are decided
  const size = s ? (filter.status ? s.decided + s.remaining : s.total) : 0;
  const pct = s && size > 0 ? Math.round((s.decided / size) * 100) : 0;
  return (
    <div className="review-screen">
      <div className="row" style={{ marginBottom: 8 }}>
        <h1 style={{ margin: 0 }}>Review</h1>
        <div className="progress grow" data-testid="review-progress-bar" title="decided items of this queue">
          <div className="progress-fill" style={{ width: `${pct}%` }} />
        </div>
        <span className="muted" data-testid="review-progress">
          {s
            ? filter.status
              ? `${s.remaining.toLocaleString()} left in this queue · ${s.decided.toLocaleString()} of ${size.toLocaleString()} decided (${pct}%)`
              : `${s.total.toLocaleString()} items · ${s.decided.toLocaleString()} decided (${pct}%)`
            : '…'}
          {flow.skippedCount > 0 ? ` · ${flow.skippedCount} skipped (they come back at the end)` : ''}
          {flow.pending > 0 ? ` · saving ${flow.pending}…` : ''}
        </span>
        <button type="button" className="secondary small" onClick={() => go('review', CURATE_ROUTE)}>
          Curate test set
        </button>
        <button type="button" className="secondary small" onClick={() => setGuidelines(!guidelines)}>
          Guidelines (g)
        </button>
        <button type="button" className="secondary small" onClick={() => setOverlay(true)} aria-label="keyboard shortcuts">
          ?
        </button>
      </div>
      <BundlePanel />
      <Filters filter={filter} onChange={setFilter} />
      {selected.size > 0 ? <BulkBar count={selected.size} onAct={bulk} onClear={() => setSelected(new Set())} /> : null}
      {flow.failure ? <FailureBanner failure={flow.failure} onDismiss={flow.dismissFailure} /> : null}
      <ErrorBanner error={stats.error} />
      <div className="keys" title="keyboard shortcuts (? for all)">
        <span><span className="kbd">a</span> accept</span>
        <span><span className="kbd">x</span> reject</span>
        <span><span className="kbd">e</span> edit</span>
        <span><span className="kbd">space</span>/<span className="kbd">j</span> skip</span>
        <span><span className="kbd">k</span> back</span>
        <span><span className="kbd">⌫</span> undo</span>
        <span><span className="kbd">?</span> all keys</span>
        {flow.notice ? <span role="status" data-testid="review-notice">{flow.notice}</span> : null}
      </div>
      {guidelines ? (
        <div className="card guidelines" data-testid="guidelines">
          {guide.data ? <Markdown source={guide.data.markdown} /> : <span className="muted">loading the guidelines…</span>}
        </div>
      ) : null}
      <div className={`review side-${side}`} style={{ marginTop: 8 }}>
        {side !== 'hidden' ? (
          <div className="side-pane">
            <div className="row" role="tablist" style={{ gap: 4, marginBottom: 4 }}>
              <button type="button" role="tab" aria-selected={side === 'queue'} className={side === 'queue' ? 'tab active' : 'tab'} onClick={() => setSide('queue')}>
                Queue
              </button>
              <button type="button" role="tab" aria-selected={side === 'history'} className={side === 'history' ? 'tab active' : 'tab'} onClick={() => setSide('history')}>
                History (h)
              </button>
              <span className="spacer" />
              <button type="button" className="secondary small" onClick={() => setSide('hidden')} aria-label="hide the queue" title="hide ([)">
                «
              </button>
            </div>
            {side === 'queue' ? <QueueList filter={filter} currentId={item?.id ?? null} onPick={(id) => void flow.openItem(id)} selected={selected} onSelect={select} /> : <HistoryPanel currentId={item?.id ?? null} onOpen={(id) => void flow.openItem(id)} />}
          </div>
        ) : (
          <button type="button" className="secondary small side-show" onClick={() => setSide('queue')} aria-label="show the queue" title="show ([)">
            »
          </button>
        )}
        <section className="item-pane" aria-label="current item">
          {flow.done ? (
            <div className="card" data-testid="queue-empty">
              {s && s.total === 0 && !filter.kind && !filter.analysisType && !filter.search ? (
                <>
                  No examples yet. Generate some on the Generate screen (or run <code>biotrain build</code>); variations whose round trip disagrees with their ground truth land here.{' '}
                  <button type="button" className="secondary small" onClick={() => go('generate')}>
                    Go to Generate
                  </button>
                </>
              ) : s && s.remaining > 0 ? (
                <>
                  You reached the end of this pass; {s.remaining} item{s.remaining === 1 ? '' : 's'} still match the filter.{' '}
                  <button type="button" className="secondary small" onClick={() => void flow.restart()}>
                    Start again from the top
                  </button>
                </>
              ) : (
                'The queue is empty for this filter. Change the filter, reopen an item from the history, or undo to go back.'
              )}
            </div>
          ) : null}
          {flow.loading && !item ? <div className="muted" data-testid="item-loading">loading…</div> : null}
          {item ? (
            <>
              <div className="card" data-testid="current-item" data-id={item.id} data-ahead={flow.aheadCount}>
                <div className="row muted" style={{ fontSize: 12 }}>
                  <span>{item.id}</span>
                  <span className="pill">{item.kind}</span>
                  {item.style ? <span className="pill">{item.style}</span> : null}
                  <span className={`status-${item.status}`} data-testid="item-status">
                    {item.status.replace('_', ' ')}
                  </span>
                  <span>{item.analysis_type}</span>
                  {item.fromSkipped ? <span className="pill warn">skipped earlier</span> : null}
                </div>
                <p className="query">{item.input}</p>
                <div className="row decisions">
                  <button type="button" className="primary" onClick={() => decide('accept')}>Accept (a)</button>
                  <button type="button" className="secondary" onClick={() => decide('reject')}>Reject (x)</button>
                  <button type="button" className="secondary" onClick={startEdit}>Edit (e)</button>
                  <button type="button" className="secondary" onClick={flow.skip}>Skip (space)</button>
                  <button type="button" className="secondary" onClick={flow.undo}>Undo (⌫)</button>
                </div>
                <DecisionNoteBar note={note} onChange={setNote} commentRef={commentRef} reasonRef={reasonRef} />
              </div>
              {draft !== null ? <EditPanel item={item} draft={draft} onDraft={setDraft} onSave={saveEdit} onCancel={() => setDraft(null)} /> : null}
              {d?.roundTrip ? (
                <div className="card" data-testid="intent-diff">
                  <h2 style={{ marginTop: 0 }}>Round trip: {d.roundTrip.mismatches === 0 ? 'parsed intent matches' : `${d.roundTrip.mismatches} field(s) differ`}</h2>
                  <IntentDiffView
                    diff={d.roundTrip}
                    leftLabel="Ground truth"
                    rightLabel="Parsed again"
                    rowAction={(f) =>
                      f.status !== 'same' && item.output.intent && d.parsed ? (
                        <button type="button" className="secondary small" onClick={() => takeParsed(f)} aria-label={`use parsed ${f.field}`}>
                          use parsed value
                        </button>
                      ) : null
                    }
                  />
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
      {overlay ? <ShortcutsOverlay onClose={() => setOverlay(false)} /> : null}
    </div>
  );
}
