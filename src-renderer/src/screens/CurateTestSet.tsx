import { useCallback, useEffect, useState } from 'react';
import type { ExpertItem } from '../../../src-preload/contract/curate';
import type { ExampleOutput } from '../../../src-preload/schemas/example';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApi } from '../hooks/useApi';
import { CURATE_ROUTE, useNav } from '../state/nav';
import { Review } from './Review';
import { EditPanel } from './review/edit/EditPanel';

/** The Review screen's route: `#/review/curate` opens the Curate test set queue, any other item the review queue. */
export function ReviewScreen() {
  const item = useNav((s) => s.item);
  return item === CURATE_ROUTE ? <CurateTestSet /> : <Review />;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

function ListRow({ item, current, onPick }: { item: ExpertItem; current: boolean; onPick(): void }) {
  return (
    <div
      className={current ? 'queue-item current' : 'queue-item'}
      role="option"
      aria-selected={current}
      tabIndex={0}
      data-testid="curate-row"
      data-id={item.id}
      data-verified={item.verified}
      onClick={onPick}
      onKeyDown={(e) => e.key === 'Enter' && onPick()}
    >
      <div className="row nowrap">
        <b>{item.goldenId ?? item.id}</b>
        <span className={item.verified ? 'pill ok' : 'pill warn'}>{item.verified ? (item.edited ? 'verified · edited' : 'verified') : 'unverified'}</span>
        <span className="muted">{item.analysisType}</span>
      </div>
      <div className="q">{item.query}</div>
    </div>
  );
}

/**
 * The expert test set, one golden query at a time with the full answer the export writes for it. The expert
 * approves it as generated (a) or edits it first (e); only approved items are exported as expert ground
 * truth, the others stay in test flagged 'expert_unverified'. An edit or undo made later in the review queue
 * unverifies an item again.
 */
export function CurateTestSet() {
  const { go } = useNav();
  const list = useApi('curate.list', {}, ['review', 'examples']);
  // ground truth is the studio expert's call: a collaborator's reviewer mode shows the set read-only
  const readOnly = useApi('app.info', {}).data?.mode === 'review';
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [onlyUnverified, setOnlyUnverified] = useState(false);
  const [draft, setDraft] = useState<ExampleOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = (list.data?.items ?? []).filter((i) => !onlyUnverified || !i.verified || i.id === currentId);
  const id = currentId ?? items[0]?.id ?? null;
  const detail = useApi('curate.item', { id: id ?? '-' }, ['review', 'examples'], { skip: id === null });
  const shown = detail.data && detail.data.item.id === id ? detail.data : null;

  // the editor and an error belong to the item they were opened on
  useEffect(() => {
    setDraft(null);
    setError(null);
  }, [id]);

  const step = useCallback(
    (by: number) => {
      const at = items.findIndex((i) => i.id === id);
      const next = items[Math.min(items.length - 1, Math.max(0, at + by))];
      if (next) setCurrentId(next.id);
    },
    [items, id],
  );
  /** after an approval: the next unverified item below, else the first one above */
  const nextUnverified = useCallback(() => {
    const at = items.findIndex((i) => i.id === id);
    const next = [...items.slice(at + 1), ...items.slice(0, Math.max(0, at))].find((i) => !i.verified);
    if (next) setCurrentId(next.id);
  }, [items, id]);

  const approve = useCallback(
    async (output?: ExampleOutput) => {
      if (!id) return;
      try {
        await call('curate.approve', output ? { id, output } : { id });
        setDraft(null);
        setError(null);
        nextUnverified();
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [id, nextUnverified],
  );
  const revoke = async () => {
    if (!id) return;
    try {
      await call('curate.revoke', { id });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (draft !== null || isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      const act: Record<string, () => void> = {
        ...(readOnly
          ? {}
          : {
              a: () => void approve(),
              e: () => shown && setDraft(structuredClone(shown.example.output)),
            }),
        j: () => step(1),
        ArrowDown: () => step(1),
        k: () => step(-1),
        ArrowUp: () => step(-1),
      };
      const run = act[e.key];
      if (run) {
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [approve, draft, readOnly, shown, step]);

  const d = list.data;
  const pct = d && d.total > 0 ? Math.round((d.verified / d.total) * 100) : 0;
  const item = shown?.item;
  return (
    <div className="review-screen" data-testid="curate-screen">
      <div className="row" style={{ marginBottom: 8 }}>
        <h1 style={{ margin: 0 }}>Curate test set</h1>
        <div className="progress grow" title="expert-verified items of the test set">
          <div className="progress-fill" style={{ width: `${pct}%` }} />
        </div>
        <span data-testid="curate-verified">{d ? `expert-verified: ${d.verified}/${d.total}` : '…'}</span>
        <label className="small">
          <input type="checkbox" checked={onlyUnverified} onChange={(e) => setOnlyUnverified(e.target.checked)} /> unverified only
        </label>
        <button type="button" className="secondary small" onClick={() => go('review')}>
          Back to the review queue
        </button>
      </div>
      <p className="muted small" style={{ margin: '0 0 8px' }}>
        The golden queries are the test set. Their answers come from the same generator as train, so they count as expert ground truth only once you approve them (a), as generated or edited (e).
        Unapproved items stay in test, exported with source <code>expert_unverified</code>.
      </p>
      {readOnly ? (
        <div className="banner" role="status" data-testid="curate-read-only">
          Reviewer mode: the expert test set is approved in the studio; here it is read-only.
        </div>
      ) : null}
      <ErrorBanner error={list.error ?? detail.error ?? error} />
      <div className="keys">
        <span><span className="kbd">a</span> approve</span>
        <span><span className="kbd">e</span> edit, then approve</span>
        <span><span className="kbd">j</span>/<span className="kbd">k</span> next / previous</span>
      </div>
      <div className="review side-queue" style={{ marginTop: 8 }}>
        <div className="side-pane">
          <div className="queue" role="listbox" aria-label="expert test set">
            {items.map((i) => (
              <ListRow key={i.id} item={i} current={i.id === id} onPick={() => setCurrentId(i.id)} />
            ))}
          </div>
        </div>
        <section className="item-pane" aria-label="current expert item">
          {d && d.total === 0 ? (
            <div className="card">No expert items yet: run a build (or <code>biotrain build</code>), which stores the 100 golden queries with their generated answers.</div>
          ) : null}
          {item && shown ? (
            <>
              <div className="card" data-testid="curate-item" data-id={item.id}>
                <div className="row muted" style={{ fontSize: 12 }}>
                  <span>{item.goldenId}</span>
                  <span className="pill">{item.category}</span>
                  <span className="pill">{item.analysisType}</span>
                  <span className="pill">difficulty {item.difficulty}</span>
                  <span className={`status-${item.status}`}>{item.status.replace('_', ' ')}</span>
                  <span className={item.verified ? 'ok' : 'warn'} data-testid="curate-item-verified">
                    {item.verified ? `verified${item.edited ? ' (edited)' : ''} ${item.verifiedAt?.slice(0, 10) ?? ''}` : 'unverified'}
                  </span>
                </div>
                <p className="query">{item.query}</p>
                <div className="row" hidden={readOnly}>
                  <button type="button" className="primary" onClick={() => void approve()}>
                    {item.verified ? 'Approve again (a)' : 'Approve as ground truth (a)'}
                  </button>
                  <button type="button" className="secondary" onClick={() => setDraft(structuredClone(shown.example.output))}>
                    Edit (e)
                  </button>
                  {item.verified ? (
                    <button type="button" className="secondary" onClick={() => void revoke()}>
                      Withdraw approval
                    </button>
                  ) : null}
                  <button type="button" className="secondary" onClick={() => step(1)}>
                    Next (j)
                  </button>
                </div>
              </div>
              {draft !== null ? (
                <EditPanel item={shown.example} draft={draft} onDraft={setDraft} onSave={() => void approve(draft)} onCancel={() => setDraft(null)} />
              ) : null}
              <div className="card">
                <h2 style={{ marginTop: 0 }}>The answer the export writes</h2>
                <pre className="answer" data-testid="curate-answer">
                  {shown.answer}
                </pre>
              </div>
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
