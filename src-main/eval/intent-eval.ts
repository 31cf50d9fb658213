import type { Intent } from '../../src-preload/schemas/intent';
import { parseIntent } from '../intent-parser';
import type { Knowledge } from '../knowledge/schemas';

export const EVAL_FIELDS = [
  'request_kind',
  'analysis_type',
  'organism',
  'tissue',
  'cell_type',
  'read_layout',
  'strandedness',
  'comparison',
  'requested_tools',
  'constraints',
  'missing_information',
] as const;
type EvalField = (typeof EVAL_FIELDS)[number];

/** Comparable form of one intent field: organism by id, lists as sorted sets, comparison by groups. */
export function fieldKey(intent: Intent, field: EvalField): string {
  switch (field) {
    case 'organism':
      return intent.organism?.id ?? 'null';
    case 'comparison':
      return intent.comparison ? [...intent.comparison.groups].sort().join(' | ') : 'null';
    case 'requested_tools':
    case 'constraints':
    case 'missing_information':
      return [...intent[field]].sort().join(',');
    default:
      return String(intent[field]);
  }
}

export interface IntentEvalResult {
  n: number;
  perField: Record<EvalField, number>;
  confusions: { id: string; query: string; field: EvalField; expected: string; actual: string }[];
  calibration: { highN: number; highAccuracy: number; lowN: number; lowAccuracy: number };
}

/** Parses every golden query and compares each field with its expected intent. */
export function evaluateIntents(kb: Knowledge, parse: (q: string) => Intent = (q) => parseIntent(q, kb)): IntentEvalResult {
  const correct = Object.fromEntries(EVAL_FIELDS.map((f) => [f, 0])) as Record<EvalField, number>;
  const confusions: IntentEvalResult['confusions'] = [];
  const buckets = { high: [0, 0], low: [0, 0] };
  for (const g of kb.goldenQueries) {
    const actual = parse(g.query);
    for (const f of EVAL_FIELDS) {
      const e = fieldKey(g.expected_intent, f);
      const a = fieldKey(actual, f);
      if (e === a) correct[f]++;
      else confusions.push({ id: g.id, query: g.query, field: f, expected: e, actual: a });
    }
    const b = actual.confidence > 0.8 ? buckets.high : buckets.low;
    b[0]!++;
    if (actual.analysis_type === g.expected_intent.analysis_type) b[1]!++;
  }
  const n = kb.goldenQueries.length;
  const perField = Object.fromEntries(EVAL_FIELDS.map((f) => [f, correct[f] / n])) as Record<EvalField, number>;
  const acc = (b: number[]) => (b[0] ? b[1]! / b[0] : 0);
  return {
    n,
    perField,
    confusions,
    calibration: { highN: buckets.high[0]!, highAccuracy: acc(buckets.high), lowN: buckets.low[0]!, lowAccuracy: acc(buckets.low) },
  };
}

export function formatIntentEval(r: IntentEvalResult): string {
  const lines = [`intent parser on ${r.n} golden queries`, '', 'field                 accuracy'];
  for (const f of EVAL_FIELDS) lines.push(`${f.padEnd(22)}${(r.perField[f] * 100).toFixed(1).padStart(6)}%`);
  lines.push('', `confidence > 0.8: ${r.calibration.highN} queries, analysis type accuracy ${(r.calibration.highAccuracy * 100).toFixed(1)}%`);
  lines.push(`confidence <= 0.8: ${r.calibration.lowN} queries, analysis type accuracy ${(r.calibration.lowAccuracy * 100).toFixed(1)}%`);
  lines.push('', `confusions (${r.confusions.length}):`);
  for (const c of r.confusions) lines.push(`  ${c.id} ${c.field}: expected ${c.expected || '[]'}, got ${c.actual || '[]'}  (${c.query})`);
  return lines.join('\n');
}
