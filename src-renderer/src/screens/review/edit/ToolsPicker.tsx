import { useState } from 'react';
import type { Catalog } from '../../../../../src-preload/contract/review';
import type { ToolChoice } from '../../../../../src-preload/schemas/example';

/** A set of tool ids as chips, added from a picker of the catalog's tools. */
export function ToolIdsPicker({ ids, catalog, onChange, label }: { ids: string[]; catalog: Catalog; onChange(ids: string[]): void; label: string }) {
  const [pick, setPick] = useState('');
  return (
    <div className="row" style={{ flexWrap: 'wrap', gap: 4 }}>
      {ids.map((id) => (
        <span key={id} className={catalog.tools.some((t) => t.id === id) ? 'pill' : 'pill bad'}>
          {id}{' '}
          <button type="button" className="link" aria-label={`remove ${id}`} onClick={() => onChange(ids.filter((x) => x !== id))}>
            ×
          </button>
        </span>
      ))}
      <select
        aria-label={`add to ${label}`}
        value={pick}
        onChange={(e) => {
          setPick('');
          if (e.target.value && !ids.includes(e.target.value)) onChange([...ids, e.target.value]);
        }}
      >
        <option value="">+ add a tool</option>
        {catalog.tools
          .filter((t) => !ids.includes(t.id))
          .map((t) => (
            <option key={t.id} value={t.id}>{t.name} ({t.id})</option>
          ))}
      </select>
    </div>
  );
}

/** The ordered tool choice of a target: a tool picker and a rationale per row, reorderable. */
export function ToolsPicker({ tools, catalog, onChange }: { tools: ToolChoice[]; catalog: Catalog; onChange(next: ToolChoice[]): void }) {
  const update = (i: number, patch: Partial<ToolChoice>) => onChange(tools.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...tools];
    const [t] = next.splice(i, 1);
    next.splice(i + d, 0, t!);
    onChange(next);
  };
  return (
    <div className="stack" data-testid="tools-picker">
      {tools.map((t, i) => (
        <div key={`${i}-${t.tool}`} className="row tool-row">
          <span className="muted">{i + 1}.</span>
          <select aria-label={`tool ${i + 1}`} value={t.tool} onChange={(e) => update(i, { tool: e.target.value })}>
            {catalog.tools.some((c) => c.id === t.tool) ? null : <option value={t.tool}>{t.tool} (not in the catalog)</option>}
            {catalog.tools.map((c) => (
              <option key={c.id} value={c.id}>{c.name} ({c.id})</option>
            ))}
          </select>
          <input aria-label={`rationale ${i + 1}`} className="grow" value={t.rationale} onChange={(e) => update(i, { rationale: e.target.value })} />
          <button type="button" className="secondary small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`move tool ${i + 1} up`}>↑</button>
          <button type="button" className="secondary small" disabled={i === tools.length - 1} onClick={() => move(i, 1)} aria-label={`move tool ${i + 1} down`}>↓</button>
          <button type="button" className="secondary small" onClick={() => onChange(tools.filter((_, j) => j !== i))} aria-label={`remove tool ${i + 1}`}>×</button>
        </div>
      ))}
      <div>
        <button type="button" className="secondary small" onClick={() => onChange([...tools, { tool: catalog.tools[0]?.id ?? '', rationale: '' }])}>
          + add a tool
        </button>
      </div>
    </div>
  );
}
