import type { EvalRunRow } from '../../../src-preload/schemas/model-eval';
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
  return (
    <table aria-label="Evaluation runs" className="compact">
      <thead>
        <tr>
          {pick ? (
            <>
              <th>A</th>
              <th>B</th>
            </>
          ) : null}
          <th>run</th>
          <th>model</th>
          <th>split</th>
          <th className="num">examples</th>
          <th className="num">score</th>
          <th>status</th>
          <th>finished</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className={r.id === selected ? 'selected' : undefined}>
            {pick ? (
              <>
                <td>
                  <input type="radio" name="run-a" aria-label={`compare ${r.id} as A`} checked={pick.a === r.id} onChange={() => pick.set('a', r.id)} disabled={r.status !== 'completed'} />
                </td>
                <td>
                  <input type="radio" name="run-b" aria-label={`compare ${r.id} as B`} checked={pick.b === r.id} onChange={() => pick.set('b', r.id)} disabled={r.status !== 'completed'} />
                </td>
              </>
            ) : null}
            <td>
              {onOpen ? (
                <button type="button" className="link" onClick={() => onOpen(r.id)}>
                  {r.id}
                </button>
              ) : (
                <code>{r.id}</code>
              )}
            </td>
            <td>{r.model}</td>
            <td>{r.split}</td>
            <td className="num">{r.n}</td>
            <td className="num">{r.score === null ? '–' : pct(r.score)}</td>
            <td>
              <span className={`pill ${TONE[r.status] ?? ''}`}>{r.status}</span>
            </td>
            <td className="muted">{formatTime(r.finished_at ?? r.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
