import type { Catalog } from '../../../../../src-preload/contract/review';
import { type Intent, REQUEST_KINDS, ReadLayoutSchema, StrandednessSchema } from '../../../../../src-preload/schemas/intent';
import { ToolIdsPicker } from './ToolsPicker';
import { OptionalTextField } from '../../../components/OptionalTextField';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** One field per intent slot; analysis type, organism, build and tools are pickers fed by the knowledge base. */
export function IntentForm({ intent, catalog, onChange }: { intent: Intent; catalog: Catalog; onChange(next: Intent): void }) {
  const set = <K extends keyof Intent>(key: K, value: Intent[K]) => onChange({ ...intent, [key]: value });
  const org = intent.organism ? catalog.organisms.find((o) => o.id === intent.organism!.id) : undefined;
  return (
    <div className="intent-form" data-testid="intent-form">
      <label className="field">
        Request kind
        <select aria-label="request kind" value={intent.request_kind} onChange={(e) => set('request_kind', e.target.value as Intent['request_kind'])}>
          {REQUEST_KINDS.map((k) => (
            <option key={k} value={k}>{k.replace('_', ' ')}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Analysis type
        <select aria-label="analysis type" value={intent.analysis_type} onChange={(e) => set('analysis_type', e.target.value)}>
          {catalog.analysisTypes.some((t) => t.id === intent.analysis_type) ? null : <option value={intent.analysis_type}>{intent.analysis_type} (not in the knowledge base)</option>}
          {catalog.analysisTypes.map((t) => (
            <option key={t.id} value={t.id}>{t.name} ({t.id})</option>
          ))}
        </select>
      </label>
      <label className="field">
        Organism
        <select
          aria-label="organism"
          value={intent.organism?.id ?? ''}
          onChange={(e) => {
            const o = catalog.organisms.find((x) => x.id === e.target.value);
            set('organism', o ? { id: o.id, scientific_name: o.scientific_name, genome_build: o.genome_builds[0] ?? '' } : null);
          }}
        >
          <option value="">— not stated —</option>
          {intent.organism && !org ? <option value={intent.organism.id}>{intent.organism.id} (not in the knowledge base)</option> : null}
          {catalog.organisms.map((o) => (
            <option key={o.id} value={o.id}>{o.scientific_name} ({o.id})</option>
          ))}
        </select>
      </label>
      <label className="field">
        Genome build
        <select
          aria-label="genome build"
          disabled={!intent.organism}
          value={intent.organism?.genome_build ?? ''}
          onChange={(e) => intent.organism && set('organism', { ...intent.organism, genome_build: e.target.value })}
        >
          {intent.organism && !org?.genome_builds.includes(intent.organism.genome_build) ? <option value={intent.organism.genome_build}>{intent.organism.genome_build} (unknown)</option> : null}
          {(org?.genome_builds ?? []).map((b) => (
            <option key={b} value={b}>{b}</option>
          ))}
        </select>
      </label>
      <OptionalTextField label="Tissue" value={intent.tissue} onChange={(v) => set('tissue', v)} />
      <OptionalTextField label="Cell type" value={intent.cell_type} onChange={(v) => set('cell_type', v)} />
      <label className="field">
        Data type
        <input aria-label="data type" list="biotrain-data-types" value={intent.data_type ?? ''} onChange={(e) => set('data_type', e.target.value || null)} />
        <datalist id="biotrain-data-types">
          {[...new Set(catalog.analysisTypes.map((t) => t.dataType))].map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      </label>
      <label className="field">
        Read layout
        <select aria-label="read layout" value={intent.read_layout} onChange={(e) => set('read_layout', e.target.value as Intent['read_layout'])}>
          {ReadLayoutSchema.options.map((v) => (
            <option key={v} value={v}>{v}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Strandedness
        <select aria-label="strandedness" value={intent.strandedness} onChange={(e) => set('strandedness', e.target.value as Intent['strandedness'])}>
          {StrandednessSchema.options.map((v) => (
            <option key={v} value={v}>{v}</option>
          ))}
        </select>
      </label>
      <label className="field">
        Comparison groups (comma-separated)
        <input
          aria-label="comparison groups"
          value={intent.comparison?.groups.join(', ') ?? ''}
          onChange={(e) => {
            const groups = list(e.target.value);
            set('comparison', groups.length ? { groups, description: groups.join(' vs ') } : null);
          }}
        />
      </label>
      <div className="field wide">
        Requested tools
        <ToolIdsPicker ids={intent.requested_tools} catalog={catalog} onChange={(ids) => set('requested_tools', ids)} label="requested tools" />
      </div>
      <label className="field">
        Constraints (comma-separated)
        <input aria-label="constraints" value={intent.constraints.join(', ')} onChange={(e) => set('constraints', list(e.target.value))} />
      </label>
      <label className="field">
        Missing information (comma-separated)
        <input aria-label="missing information" value={intent.missing_information.join(', ')} onChange={(e) => set('missing_information', list(e.target.value))} />
      </label>
    </div>
  );
}
