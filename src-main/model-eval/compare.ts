import { type EvalComparison, type EvalGroup, HEADLINE_METRICS } from '../../src-preload/schemas/model-eval';
import type { EvalRunsRepo } from './runs-repo';

export class CompareError extends Error {}

/** Score differences below this are ties. */
const EPS = 1e-9;

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

function groupMetrics(name: string, a: EvalGroup | undefined, b: EvalGroup | undefined): EvalComparison['metrics'] {
  const keys = [...new Set([...Object.keys(a?.metrics ?? {}), ...Object.keys(b?.metrics ?? {})])].sort((x, y) => {
    const hx = (HEADLINE_METRICS as readonly string[]).indexOf(x);
    const hy = (HEADLINE_METRICS as readonly string[]).indexOf(y);
    return (hx < 0 ? 99 : hx) - (hy < 0 ? 99 : hy) || x.localeCompare(y);
  });
  const rows = [{ group: name, metric: 'score', a: a?.score ?? null, b: b?.score ?? null, delta: delta(a?.score ?? null, b?.score ?? null) }];
  for (const k of keys) {
    const va = a?.metrics[k] ?? null;
    const vb = b?.metrics[k] ?? null;
    rows.push({ group: name, metric: k, a: va, b: vb, delta: delta(va, vb) });
  }
  return rows;
}

/**
 * Run A against run B: every metric overall and per task, and every example matched by its example id (so
 * runs on different exports of the same store still line up), largest change first.
 */
export function compareRuns(repo: EvalRunsRepo, idA: string, idB: string): EvalComparison {
  const a = repo.find(idA);
  const b = repo.find(idB);
  if (!a) throw new CompareError(`no evaluation run ${idA}`);
  if (!b) throw new CompareError(`no evaluation run ${idB}`);
  if (!a.summary || !b.summary) throw new CompareError(`run ${a.summary ? b.row.id : a.row.id} did not complete`);
  const metrics = [...groupMetrics('all', a.summary.overall, b.summary.overall)];
  const tasks = [...new Set([...a.summary.by_task.map((g) => g.key), ...b.summary.by_task.map((g) => g.key)])].sort();
  for (const t of tasks)
    metrics.push(
      ...groupMetrics(
        t,
        a.summary.by_task.find((g) => g.key === t),
        b.summary.by_task.find((g) => g.key === t),
      ),
    );

  const itemsA = new Map(repo.items(a.row.id).map((i) => [i.example_id, i]));
  const itemsB = new Map(repo.items(b.row.id).map((i) => [i.example_id, i]));
  const changes = { better: 0, worse: 0, same: 0, unmatched: 0 };
  const examples: EvalComparison['examples'] = [];
  for (const ex of [...new Set([...itemsA.keys(), ...itemsB.keys()])]) {
    const ia = itemsA.get(ex);
    const ib = itemsB.get(ex);
    const d = delta(ia?.score ?? null, ib?.score ?? null);
    if (d === null) changes.unmatched++;
    else if (d > EPS) changes.better++;
    else if (d < -EPS) changes.worse++;
    else changes.same++;
    const any = (ia ?? ib)!;
    examples.push({ record_id: any.record_id, kind: any.kind, analysis_type: any.analysis_type, a: ia?.score ?? null, b: ib?.score ?? null, delta: d });
  }
  examples.sort((x, y) => Math.abs(y.delta ?? 2) - Math.abs(x.delta ?? 2) || x.record_id.localeCompare(y.record_id));
  return { a: a.row, b: b.row, metrics, examples, changes };
}

const num = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const signed = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}`);

/** The comparison as text: metrics table (points of difference), then the examples that changed most. */
export function formatComparison(c: EvalComparison, examples = 20): string {
  const lines = [
    `A ${c.a.id} (${c.a.model}) vs B ${c.b.id} (${c.b.model})`,
    `examples: ${c.changes.better} better, ${c.changes.worse} worse, ${c.changes.same} same, ${c.changes.unmatched} in one run only`,
    '',
    `${'group'.padEnd(18)}${'metric'.padEnd(34)}${'A'.padStart(8)}${'B'.padStart(8)}${'B-A'.padStart(8)}`,
  ];
  for (const m of c.metrics) lines.push(`${m.group.padEnd(18)}${m.metric.padEnd(34)}${num(m.a).padStart(8)}${num(m.b).padStart(8)}${signed(m.delta).padStart(8)}`);
  lines.push('', 'largest changes per example:');
  for (const e of c.examples.slice(0, examples))
    lines.push(`  ${e.record_id.padEnd(14)}${e.kind.padEnd(18)}${num(e.a).padStart(8)}${num(e.b).padStart(8)}${signed(e.delta).padStart(8)}  ${e.analysis_type}`);
  return lines.join('\n');
}
