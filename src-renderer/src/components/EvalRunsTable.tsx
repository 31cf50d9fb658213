import type { EvalRunRow } from '../../../src-preload/schemas/model-eval';
import { type Column, DataTable } from './DataTable';
import { formatTime, pct } from './format';

const TONE: Record<string, string> = { completed: 'ok', failed: 'bad', running: 'warn' };

/** Stored model evaluation runs; `onOpen` makes rows clickable, `pick` adds A/B compare choices. */
export function EvalRunsTable({
  runs,
  onOpen,
  selected,
  pick,
}: {
  runs: readonly EvalRunRow[];
  onOpen?: (id: string) => void;
  selected?: string | null;
  pick?: { a: string | null; b: string | null; set(which: 'a' | 'b', id: string): void };
}) {
  if (runs.length === 0) return <p className="muted">No evaluation runs yet.</p>;
  const choose = (which: 'a' | 'b'): Column<EvalRunRow> => ({
    header: which.toUpperCase(),
    cell: (r) => (
      <input
        type="radio"
        name={`run-${which}`}
        aria-label={`compare ${r.id} as ${which.toUpperCase()}`}
        checked={pick?.[which] === r.id}
        onChange={() => pick?.set(which, r.id)}
        disabled={r.status !== 'completed'}
      />
    ),
  });
  const columns: Column<EvalRunRow>[] = [
    ...(pick ? [choose('a'), choose('b')] : []),
    {
      header: 'run',
      cell: (r) =>
        onOpen ? (
          <button type="button" className="link" onClick={() => onOpen(r.id)}>
            {r.id}
          </button>
        ) : (
          <code>{r.id}</code>
        ),
    },
    { header: 'model', cell: (r) => r.model },
    { header: 'split', cell: (r) => r.split },
    { header: 'examples', num: true, cell: (r) => r.n },
    { header: 'score', num: true, cell: (r) => (r.score === null ? '–' : pct(r.score)) },
    { header: 'status', cell: (r) => <span className={`pill ${TONE[r.status] ?? ''}`}>{r.status}</span> },
    { header: 'finished', className: 'muted', cell: (r) => formatTime(r.finished_at ?? r.created_at) },
  ];
  return <DataTable label="Evaluation runs" columns={columns} rows={runs} rowKey={(r) => r.id} rowClass={(r) => (r.id === selected ? 'selected' : undefined)} />;
}
