import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExampleFilter, ExampleLight } from '../../../../src-preload/contract/core';
import { call, onAppEvent } from '../../api/client';

const PAGE = 100;

/**
 * The queue as a virtualized list: only visible rows are rendered and only the pages they need are
 * fetched, so 100,000 items scroll as smoothly as 100.
 */
export function QueueList({
  filter,
  currentId,
  onPick,
  selected,
  onSelect,
}: {
  filter: ExampleFilter;
  currentId: string | null;
  onPick(id: string): void;
  selected: ReadonlySet<string>;
  /** adds (on) or removes the ids from the selection */
  onSelect(ids: string[], on: boolean): void;
}) {
  const [total, setTotal] = useState(0);
  const [pages, setPages] = useState<Map<number, ExampleLight[]>>(new Map());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const parent = useRef<HTMLDivElement>(null);
  /** the row of the last checkbox clicked: shift+click selects the loaded rows between it and the next */
  const anchor = useRef<number | null>(null);
  const filterKey = JSON.stringify(filter);

  const reset = useCallback(() => {
    const gen = ++generation.current;
    loading.current.clear();
    call('examples.list', { filter: JSON.parse(filterKey) as ExampleFilter, offset: 0, limit: PAGE }).then((r) => {
      if (gen !== generation.current) return;
      setTotal(r.total);
      setPages(new Map([[0, r.items]]));
    });
  }, [filterKey]);
  useEffect(reset, [reset]);
  useEffect(() => onAppEvent((e) => e.type === 'data-changed' && (e.what === 'review' || e.what === 'examples') && reset()), [reset]);

  const virtual = useVirtualizer({ count: total, getScrollElement: () => parent.current, estimateSize: () => 48, overscan: 12 });
  const rows = virtual.getVirtualItems();
  const neededKey = [...new Set(rows.map((r) => Math.floor(r.index / PAGE)))].join(',');
  useEffect(() => {
    if (!neededKey) return;
    for (const p of neededKey.split(',').map(Number)) {
      if (pages.has(p) || loading.current.has(p)) continue;
      loading.current.add(p);
      const gen = generation.current;
      call('examples.list', { filter: JSON.parse(filterKey) as ExampleFilter, offset: p * PAGE, limit: PAGE }).then((r) => {
        if (gen !== generation.current) return;
        loading.current.delete(p);
        setPages((prev) => new Map(prev).set(p, r.items));
      });
    }
  }, [neededKey, pages, filterKey]);

  const rowAt = (i: number) => pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  const toggle = (index: number, id: string, shift: boolean) => {
    const on = !selected.has(id);
    const from = shift && anchor.current !== null ? Math.min(anchor.current, index) : index;
    const to = shift && anchor.current !== null ? Math.max(anchor.current, index) : index;
    const ids: string[] = [];
    for (let i = from; i <= to; i++) {
      const r = rowAt(i);
      if (r) ids.push(r.id);
    }
    anchor.current = index;
    onSelect(ids, on);
  };
  const selectLoaded = () => {
    const ids = [...pages.values()].flat().map((r) => r.id);
    onSelect(ids.slice(0, 1000), true);
  };

  return (
    <>
      <div className="row queue-head muted">
        <span>{total.toLocaleString()} in this queue</span>
        <span className="spacer" />
        <button type="button" className="link small" onClick={selectLoaded} title="select the items loaded in the list (up to 1,000)">
          select loaded
        </button>
      </div>
    <div ref={parent} className="queue" role="listbox" aria-label="review queue" aria-multiselectable="true" data-total={total}>
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {rows.map((r) => {
          const item = pages.get(Math.floor(r.index / PAGE))?.[r.index % PAGE];
          return (
            <div
              key={r.key}
              className={`queue-item${item && item.id === currentId ? ' current' : ''}${item && selected.has(item.id) ? ' selected' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${r.start}px)` }}
              onClick={() => item && onPick(item.id)}
              onKeyDown={(e) => e.key === 'Enter' && item && onPick(item.id)}
              role="option"
              aria-selected={item?.id === currentId}
              tabIndex={-1}
            >
              {item ? (
                <>
                  <input
                    type="checkbox"
                    className="select-box"
                    aria-label={`select ${item.id}`}
                    checked={selected.has(item.id)}
                    onChange={() => undefined}
                    onClick={(e) => {
                      e.stopPropagation();
                      toggle(r.index, item.id, e.shiftKey);
                    }}
                  />
                  <div className="q">{item.input}</div>
                  <div className="muted">
                    {item.kind} · {item.analysis_type}
                    {item.intent_mismatches > 0 ? ` · ${item.intent_mismatches} mismatch` : ''}
                    {item.confidence !== null ? ` · conf ${item.confidence.toFixed(2)}` : ''}
                  </div>
                </>
              ) : (
                <div className="muted">loading…</div>
              )}
            </div>
          );
        })}
      </div>
    </div>
    </>
  );
}
