import type { Catalog } from '../../../../src-preload/contract/review';
import { type Intent, REQUEST_KINDS } from '../../../../src-preload/schemas/intent';
import { OptionalTextField } from '../../components/OptionalTextField';

const csv = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The parsed intent's slots as fields; the analysis type is a picker fed by the knowledge base. */
export function IntentFields({ intent, catalog, onChange }: { intent: Intent; catalog: Catalog | null; onChange(intent: Intent): void }) {
  const set = <K extends keyof Intent>(k: K, v: Intent[K]) => onChange({ ...intent, [k]: v });
  const types = catalog?.analysisTypes ?? [];
  return (
    <div className="grid">
      <label className="field">
        Request kind
        <select aria-label="request kind" value={intent.request_kind} onChange={(e) => set('request_kind', e.target.value as Intent['request_kind'])}>
          {REQUEST_KINDS.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Analysis type
        <select aria-label="analysis type" value={intent.analysis_type} onChange={(e) => set('analysis_type', e.target.value)}>
          {types.some((t) => t.id === intent.analysis_type) ? null : <option value={intent.analysis_type}>{intent.analysis_type}</option>}
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <OptionalTextField label="Tissue" value={intent.tissue} onChange={(v) => set('tissue', v)} />
      <OptionalTextField label="Cell type" value={intent.cell_type} onChange={(v) => set('cell_type', v)} />
      <label className="field">
        Read layout
        <select aria-label="read layout" value={intent.read_layout} onChange={(e) => set('read_layout', e.target.value as Intent['read_layout'])}>
          {['paired', 'single', 'unknown'].map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Strandedness
        <select aria-label="strandedness" value={intent.strandedness} onChange={(e) => set('strandedness', e.target.value as Intent['strandedness'])}>
          {['forward', 'reverse', 'unstranded', 'unknown'].map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Comparison (a vs b)
        <input
          aria-label="comparison"
          value={intent.comparison ? intent.comparison.groups.join(' vs ') : ''}
          onChange={(e) => {
            const groups = e.target.value
              .split(/\s+vs\s+/)
              .map((g) => g.trim())
              .filter(Boolean);
            set('comparison', groups.length === 2 ? { groups, description: groups.join(' vs ') } : null);
          }}
        />
      </label>
      <label className="field">
        Constraints
        <input aria-label="constraints" value={intent.constraints.join(', ')} onChange={(e) => set('constraints', csv(e.target.value))} />
      </label>
    </div>
  );
}
