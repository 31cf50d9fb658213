import type { ReactNode } from 'react';
import type { FieldDiff, IntentDiff } from '../../../src-preload/schemas/intent';
import { normalizeToken } from '../../../src-preload/schemas/normalize-token';

const LABEL: Record<string, string> = {
  request_kind: 'Request kind',
  analysis_type: 'Analysis type',
  organism: 'Organism',
  tissue: 'Tissue',
  cell_type: 'Cell type',
  data_type: 'Data type',
  read_layout: 'Read layout',
  strandedness: 'Strandedness',
  comparison: 'Comparison',
  requested_tools: 'Requested tools',
  constraints: 'Constraints',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === 'unknown') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('scientific_name' in v) return `${String(v.scientific_name)} (${String(v.genome_build)})`;
    if ('groups' in v && Array.isArray(v.groups)) return v.groups.join(' vs ');
    return JSON.stringify(value);
  }
  return String(value);
}

function ListCell({ values, marked, tone }: { values: unknown; marked: string[] | undefined; tone: 'add' | 'del' }) {
  if (!Array.isArray(values) || !marked) return <>{show(values)}</>;
  if (values.length === 0) return <>—</>;
  return (
    <>
      {values.map((v, i) => (
        <span key={String(v)}>
          {i > 0 ? ', ' : ''}
          <span className={marked.includes(normalizeToken(String(v))) ? `mark-${tone}` : undefined}>{String(v)}</span>
        </span>
      ))}
    </>
  );
}

/**
 * Field-by-field diff of two intents. Values are compared after normalization in main (case, hyphens,
 * organism by id, lists as sets), so only real differences are highlighted.
 */
export function IntentDiffView({
  diff,
  leftLabel,
  rightLabel,
  rowAction,
}: {
  diff: IntentDiff;
  leftLabel: string;
  rightLabel: string;
  /** an extra cell per row (e.g. "use parsed value" on a differing field) */
  rowAction?: (f: FieldDiff) => ReactNode;
}) {
  return (
    <table className="diff" aria-label={`${leftLabel} vs ${rightLabel}`}>
      <thead>
        <tr>
          <th>Field</th>
          <th>{leftLabel}</th>
          <th>{rightLabel}</th>
          <th />
          {rowAction ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {diff.fields.map((f: FieldDiff) => (
          <tr key={f.field} className={`diff-${f.status}`} data-field={f.field} data-status={f.status}>
            <td>{LABEL[f.field] ?? f.field}</td>
            <td>
              <ListCell values={f.expected} marked={f.removed} tone="del" />
            </td>
            <td>
              <ListCell values={f.actual} marked={f.added} tone="add" />
            </td>
            <td className="muted">{f.status === 'same' ? '' : f.status}</td>
            {rowAction ? <td>{rowAction(f)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
