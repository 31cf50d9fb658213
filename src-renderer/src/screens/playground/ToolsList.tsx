import { useState } from 'react';
import type { Catalog } from '../../../../src-preload/contract/review';
import type { ToolChoice } from '../../../../src-preload/schemas/example';

/** The chosen tools in order, each removable; more are added from the knowledge base's tool list. */
export function ToolsList({ tools, catalog, onChange }: { tools: ToolChoice[]; catalog: Catalog | null; onChange(tools: ToolChoice[]): void }) {
  const [pick, setPick] = useState('');
  const chosen = new Set(tools.map((t) => t.tool));
  const addable = (catalog?.tools ?? []).filter((t) => !chosen.has(t.id));
  return (
    <div className="card stack">
      <h2 style={{ margin: 0 }}>Tools</h2>
      {tools.length === 0 ? <p className="muted">No tool chosen.</p> : null}
      <ol aria-label="Chosen tools">
        {tools.map((t) => (
          <li key={t.tool}>
            <b>{t.tool}</b> <span className="muted">— {t.rationale}</span>{' '}
            <button type="button" className="secondary small" aria-label={`remove ${t.tool}`} onClick={() => onChange(tools.filter((x) => x.tool !== t.tool))}>
              remove
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <select aria-label="add tool" value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">add a tool…</option>
          {addable.map((t) => (
            <option key={t.id} value={t.id} title={t.purpose}>
              {t.name} ({t.id})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="secondary"
          disabled={!pick}
          onClick={() => {
            onChange([...tools, { tool: pick, rationale: 'Added by the expert.' }]);
            setPick('');
          }}
        >
          Add tool
        </button>
      </div>
    </div>
  );
}
