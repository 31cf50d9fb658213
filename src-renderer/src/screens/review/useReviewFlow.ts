import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ExampleFilter } from '../../../../src-preload/contract/core';
import type { DecisionNote } from '../../../../src-preload/contract/review';
import type { Example, ExampleOutput } from '../../../../src-preload/schemas/example';
import { call } from '../../api/client';

export type Item = Example & { seq: number };
/** an item of the queue; `fromSkipped` once the main pass is over and skipped items come back */
type QueuedItem = Item & { fromSkipped?: boolean };
export type Decision = 'accept' | 'reject' | 'edit';
/** what a bulk action does to each selected item (a flag marks it and keeps its status) */
export type BulkAction = 'accept' | 'reject' | 'flag';

/** A decision that could not be saved: shown until dismissed or until a retry on the same item succeeds. */
export interface Failure {
  itemId: string;
  action: Decision | BulkAction | 'undo';
  message: string;
  /** key presses made after the failed one, dropped so none lands on an item the reviewer was not looking at */
  dropped: number;
  /** a bulk action: how many selected items it was for (the selection is kept for a retry) */
  selected?: number;
}

const AHEAD = 3;
const PAST_LABEL: Record<Decision | BulkAction, string> = { accept: 'Accepted', reject: 'Rejected', edit: 'Edited and accepted', flag: 'Flagged' };

const matches = (filter: ExampleFilter, item: Item) => !filter.status || item.status === filter.status;

/**
 * The review queue's state machine. Every key press carries the item shown when it was pressed: the screen
 * moves on at once to a prefetched next item, and the decision is written in the background, in press
 * order. When a write fails, the writes queued after it are dropped, the failed item is shown again and a
 * persistent error says what happened; nothing is ever applied to an item the reviewer did not see.
 * Skipped items come back after the last item of the queue.
 */
export function useReviewFlow(filter: ExampleFilter, opts: { initialId: string | null; onWritten(): void }) {
  const [shown, setShownState] = useState<QueuedItem | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [skippedCount, setSkippedCount] = useState(0);
  const [aheadCount, setAheadCount] = useState(0);
  // what is on screen. It changes only through put(), which renders synchronously, so between two key
  // presses the ref and the DOM always name the same item, also when the change comes from a finished
  // request (a failed write bringing its item back) rather than from a key press
  const shownRef = useRef<QueuedItem | null>(null);
  const ahead = useRef<QueuedItem[]>([]);
  const filling = useRef<Promise<void> | null>(null);
  const skipped = useRef<string[]>([]);
  /** skipped and not shown again yet (what the header counts) */
  const skippedWaiting = useRef(new Set<string>());
  const trail = useRef<QueuedItem[]>([]);
  const writes = useRef<Promise<void>>(Promise.resolve());
  const epoch = useRef(0);
  const pendingRef = useRef(0);
  const view = useRef(0); // bumps on filter change / pick: stale prefetches are ignored
  const filterKey = JSON.stringify(filter);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const onWritten = useRef(opts.onWritten);
  onWritten.current = opts.onWritten;

  const nextAfter = useCallback(async (item: QueuedItem | null): Promise<QueuedItem | null> => {
    const f = filterRef.current;
    if (!item?.fromSkipped) {
      const r = await call('review.next', { filter: f, afterSeq: item?.seq ?? 0 });
      if (r.item) return r.item;
    }
    // end of the main pass: skipped items come back, in the order they were skipped
    while (skipped.current.length > 0) {
      const id = skipped.current.shift()!;
      const r = await call('review.item', { id });
      if (r.item && matches(f, r.item)) return { ...r.item, fromSkipped: true };
    }
    return null;
  }, []);

  const fillingView = useRef(-1);
  const fill = useCallback(() => {
    // one fill per view; a fill of an older view stops at its next step
    if (filling.current && fillingView.current === view.current) return filling.current;
    const mine = view.current;
    fillingView.current = mine;
    const run = (async () => {
      while (ahead.current.length < AHEAD && mine === view.current) {
        const last = ahead.current.at(-1) ?? shownRef.current;
        if (!last) break;
        const n = await nextAfter(last);
        if (!n || mine !== view.current) break;
        if (ahead.current.some((a) => a.id === n.id) || n.id === shownRef.current?.id) break;
        ahead.current.push(n);
        setAheadCount(ahead.current.length);
      }
    })()
      // a failed prefetch only means the next item is fetched when it is needed
      .catch(() => undefined)
      .finally(() => {
        if (filling.current === run) filling.current = null;
      });
    filling.current = run;
    return run;
  }, [nextAfter]);

  /** Puts an item (or nothing, while loading) on screen and renders it before returning. */
  const put = useCallback((item: QueuedItem | null, loadingNext: boolean) => {
    shownRef.current = item;
    flushSync(() => {
      setShownState(item);
      setLoading(loadingNext);
    });
  }, []);

  const show = useCallback(
    (item: QueuedItem | null) => {
      if (item && skippedWaiting.current.delete(item.id)) setSkippedCount(skippedWaiting.current.size);
      put(item, false);
      if (item) void fill();
    },
    [fill, put],
  );

  /** Jump to an item (queue list, history, URL): the queue continues after it. */
  const openItem = useCallback(
    async (id: string) => {
      view.current++;
      ahead.current = [];
      setAheadCount(0);
      const r = await call('review.item', { id });
      if (r.item) {
        if (shownRef.current) trail.current.push(shownRef.current);
        show(r.item);
      }
      return r.item !== null;
    },
    [show],
  );

  const restart = useCallback(async () => {
    view.current++;
    ahead.current = [];
    setAheadCount(0);
    skipped.current = [];
    skippedWaiting.current.clear();
    setSkippedCount(0);
    trail.current = [];
    setLoading(true);
    show(await nextAfter(null));
  }, [nextAfter, show]);

  // the URL's item when the queue (re)opens: the first open, or Back to an earlier filter with its item;
  // a filter picked here comes with no item, so its queue starts from the top
  const initialId = useRef(opts.initialId);
  initialId.current = opts.initialId;
  useEffect(() => {
    const first = initialId.current;
    (async () => {
      if (first && (await openItem(first).catch(() => false))) return;
      await restart();
    })().catch((e: Error) => setFailure({ itemId: '', action: 'accept', message: e.message, dropped: 0 }));
  }, [filterKey]);

  /** Shows the next item: a prefetched one at once, else after fetching it (presses wait meanwhile). */
  const advance = useCallback(
    async (from: QueuedItem) => {
      trail.current.push(from);
      const mine = view.current;
      let next = ahead.current.shift();
      setAheadCount(ahead.current.length);
      if (!next) {
        put(null, true);
        try {
          await filling.current;
          next = ahead.current.shift() ?? (await nextAfter(from)) ?? undefined;
        } catch (e) {
          setNotice(`Could not load the next item (${(e as Error).message}); press j to try again`);
          if (mine === view.current) show(from);
          return;
        }
      }
      if (mine === view.current) show(next ?? null);
    },
    [nextAfter, put, show],
  );

  /** Queues a write; it runs after the writes before it, unless a write failed after it was queued. */
  const enqueue = useCallback(
    (item: QueuedItem, action: Decision | 'undo', write: () => Promise<void>) => {
      const mine = epoch.current;
      pendingRef.current++;
      setPending(pendingRef.current);
      writes.current = writes.current.then(async () => {
        try {
          if (mine !== epoch.current) return; // dropped: an earlier write failed
          await write();
          setFailure((f) => (f && f.itemId === item.id ? null : f));
          onWritten.current();
        } catch (e) {
          epoch.current++;
          const dropped = pendingRef.current - 1;
          // the failed item comes back at once (no press may land elsewhere meanwhile), then fresh from the store
          view.current++;
          ahead.current = [];
          setAheadCount(0);
          show(item);
          setFailure({ itemId: item.id, action, message: (e as Error).message, dropped });
          setNotice(null);
          const mine = view.current;
          const back = await call('review.item', { id: item.id }).catch(() => ({ item: null }));
          // only while it is still the item on screen (a press may have moved on meanwhile)
          if (back.item && mine === view.current && shownRef.current?.id === item.id) show({ ...back.item, fromSkipped: item.fromSkipped });
        } finally {
          pendingRef.current--;
          setPending(pendingRef.current);
        }
      });
      return writes.current;
    },
    [show],
  );

  /** A decision on the item `id`, which the reviewer saw when pressing; refused if another item is on screen. */
  const decide = useCallback(
    (id: string, action: Decision, extra: { output?: ExampleOutput; note?: DecisionNote } = {}) => {
      const item = shownRef.current;
      if (!item) return;
      if (item.id !== id) {
        setNotice(`Nothing decided: ${id} was no longer on screen when the key went down; ${item.id} is shown now`);
        return;
      }
      void advance(item);
      void enqueue(item, action, async () => {
        await call('review.decide', { id: item.id, action, output: extra.output, note: extra.note });
        setNotice(`${PAST_LABEL[action]} ${item.id}`);
      });
    },
    [advance, enqueue],
  );

  const skip = useCallback(() => {
    const item = shownRef.current;
    if (!item) return;
    skipped.current.push(item.id);
    skippedWaiting.current.add(item.id);
    setSkippedCount(skippedWaiting.current.size);
    setNotice(`Skipped ${item.id}: it comes back after the last item`);
    void advance(item);
  }, [advance]);

  /**
   * One action on the selected items, after the writes queued before it. On success the prefetched items
   * are fetched again (some may be decided now) and a decided item on screen gives way to the next one;
   * on failure nothing was recorded and a persistent error says so. Resolves to whether it was saved.
   */
  const bulk = useCallback(
    (ids: string[], action: BulkAction, note?: DecisionNote): Promise<boolean> => {
      pendingRef.current++;
      setPending(pendingRef.current);
      const run = writes.current.then(async () => {
        try {
          const r = await call('review.decideMany', { ids, action, note });
          setFailure((f) => (f?.selected ? null : f));
          setNotice(`${PAST_LABEL[action]} ${r.count} selected item${r.count === 1 ? '' : 's'} (one undo takes ${r.count === 1 ? 'it' : 'them all'} back)`);
          onWritten.current();
          view.current++;
          ahead.current = [];
          setAheadCount(0);
          const mine = view.current;
          const on = shownRef.current;
          if (on && action !== 'flag' && ids.includes(on.id)) {
            const next = await nextAfter(on).catch(() => null);
            if (mine === view.current && shownRef.current?.id === on.id) show(next);
          } else if (on) void fill();
          return true;
        } catch (e) {
          setFailure({ itemId: '', action, message: (e as Error).message, dropped: 0, selected: ids.length });
          return false;
        } finally {
          pendingRef.current--;
          setPending(pendingRef.current);
        }
      });
      writes.current = run.then(() => undefined);
      return run;
    },
    [fill, nextAfter, show],
  );

  /** Back to the item shown before this one (it may be decided; a new decision replaces the old one). */
  const previous = useCallback(() => {
    const prev = trail.current.pop();
    if (!prev) return;
    view.current++;
    ahead.current = [];
    setAheadCount(0);
    show(prev);
    // then its current status from the store, while it is still the item on screen
    const mine = view.current;
    void call('review.item', { id: prev.id })
      .then((r) => r.item && mine === view.current && shownRef.current?.id === prev.id && show({ ...r.item, fromSkipped: prev.fromSkipped }))
      .catch(() => undefined);
  }, [show]);

  const undo = useCallback(() => {
    const item = shownRef.current ?? trail.current.at(-1);
    if (!item) return;
    void enqueue(item, 'undo', async () => {
      const r = await call('review.undo', {});
      if (!r) {
        setNotice('Nothing to undo');
        return;
      }
      const back = await call('review.item', { id: r.exampleId });
      view.current++;
      ahead.current = [];
      setAheadCount(0);
      if (shownRef.current) trail.current.push(shownRef.current);
      show(back.item);
      setNotice(
        r.count > 1
          ? `Undid the bulk action on ${r.count} items, from ${r.exampleId} (now ${r.status.replace('_', ' ')})`
          : `Undid decision on ${r.exampleId} (now ${r.status.replace('_', ' ')})`,
      );
    });
  }, [enqueue, show]);

  return {
    /** the item on screen, or null while the next one loads or the queue is done */
    shown,
    loading,
    done: !loading && !shown,
    failure,
    dismissFailure: () => setFailure(null),
    notice,
    pending,
    skippedCount,
    /** next items already fetched: decisions on them show the following item at once */
    aheadCount,
    decide,
    bulk,
    skip,
    previous,
    undo,
    openItem,
    restart,
  };
}
