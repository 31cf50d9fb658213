import { useState } from 'react';
import { type ExampleFilter, type QueueSort, QueueSortSchema } from '../../../../src-preload/contract/core';
import { ExampleKindSchema, ExampleStatusSchema } from '../../../../src-preload/schemas/example';
import { LOW_CONFIDENCE } from '../../../../src-preload/schemas/intent';
import { ExcludedFilterChip } from '../../components/ExcludedFilterChip';
import { useApi } from '../../hooks/useApi';

const VIEWS_KEY = 'biotrain.review.views';
const SORT_LABEL: Record<QueueSort, string> = { queue: 'queue order', low_confidence: 'lowest confidence first', most_mismatches: 'most mismatches first', newest: 'newest first' };

interface SavedView {
  name: string;
  filter: ExampleFilter;
}

function loadViews(): SavedView[] {
  try {
    return JSON.parse(localStorage.getItem(VIEWS_KEY) ?? '[]') as SavedView[];
  } catch {
    return [];
  }
}

/** Queue filters as pickers (kinds, statuses, the knowledge base's analysis types), search, and saved views. */
export function Filters({ filter, onChange }: { filter: ExampleFilter; onChange(f: ExampleFilter): void }) {
  const catalog = useApi('knowledge.catalog', {});
  const [views, setViews] = useState<SavedView[]>(loadViews);
  const saveViews = (next: SavedView[]) => {
    setViews(next);
    localStorage.setItem(VIEWS_KEY, JSON.stringify(next));
  };
  // a picked option hands the keyboard back to the queue's shortcuts (a focused select would swallow them)
  const pick = (e: React.ChangeEvent<HTMLSelectElement>): false => {
    e.target.blur();
    return false;
  };
  return (
    <div className="row filters">
      {filter.excludedFrom ? <ExcludedFilterChip excluded={filter.excludedFrom} onClear={() => onChange({ ...filter, excludedFrom: undefined })} /> : null}
      <label className="field">
        View
        <select
          aria-label="saved view"
          value=""
          onChange={(e) => {
            pick(e);
            const v = views.find((x) => x.name === e.target.value);
            if (v) onChange(v.filter);
            if (e.target.value === '__save') {
              const name = window.prompt('Name of this view', describe(filter));
              if (name) saveViews([...views.filter((x) => x.name !== name), { name, filter }]);
            }
          }}
        >
          <option value="">saved views…</option>
          {views.map((v) => (
            <option key={v.name} value={v.name}>{v.name}</option>
          ))}
          <option value="__save">+ save the current filter</option>
        </select>
      </label>
      <label className="field">
        Kind
        <select aria-label="kind filter" value={filter.kind ?? ''} onChange={(e) => pick(e) || onChange({ ...filter, kind: (e.target.value || undefined) as ExampleFilter['kind'] })}>
          <option value="">all kinds</option>
          {ExampleKindSchema.options.map((k) => (
            <option key={k} value={k}>{k.replace('_', ' ')}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Status
        <select aria-label="status filter" value={filter.status ?? ''} onChange={(e) => pick(e) || onChange({ ...filter, status: (e.target.value || undefined) as ExampleFilter['status'] })}>
          <option value="">any status</option>
          {ExampleStatusSchema.options.map((k) => (
            <option key={k} value={k}>{k.replace('_', ' ')}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Analysis type
        <select aria-label="analysis type filter" value={filter.analysisType ?? ''} onChange={(e) => pick(e) || onChange({ ...filter, analysisType: e.target.value || undefined })}>
          <option value="">all analysis types</option>
          {(catalog.data?.analysisTypes ?? []).map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Sort
        <select aria-label="sort" value={filter.sort ?? 'queue'} onChange={(e) => pick(e) || onChange({ ...filter, sort: e.target.value === 'queue' ? undefined : (e.target.value as QueueSort) })}>
          {QueueSortSchema.options.map((k) => (
            <option key={k} value={k}>
              {SORT_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field grow">
        Search
        <input aria-label="search filter" onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()} placeholder="text in the query" title="text in the query; esc returns to the shortcut keys" value={filter.search ?? ''} onChange={(e) => onChange({ ...filter, search: e.target.value || undefined })} />
      </label>
      <div className="checks">
        <label className="row" style={{ gap: 4 }}>
          <input type="checkbox" checked={!!filter.lowConfidence} onChange={(e) => onChange({ ...filter, lowConfidence: e.target.checked || undefined })} /> low confidence (below {LOW_CONFIDENCE})
        </label>
        <label className="row" style={{ gap: 4 }}>
          <input type="checkbox" checked={!!filter.intentMismatch} onChange={(e) => onChange({ ...filter, intentMismatch: e.target.checked || undefined })} /> intent mismatch
        </label>
      </div>
    </div>
  );
}

function describe(f: ExampleFilter): string {
  return [f.kind, f.status?.replace('_', ' '), f.analysisType, f.search && `“${f.search}”`, f.lowConfidence && 'low confidence', f.intentMismatch && 'mismatch', f.sort && SORT_LABEL[f.sort]].filter(Boolean).join(' · ') || 'everything';
}
