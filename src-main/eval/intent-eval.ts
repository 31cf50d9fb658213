import type { Intent } from '../../src-preload/schemas/intent';
import { parseIntent } from '../intent-parser';
import type { Knowledge } from '../knowledge/schemas';
import { type Calibration, calibrationOf, formatReliabilityDiagram } from './calibration';
import { type ExpectedFields, LABELLED_FIELDS, type LabelledField, type LabelledRequest } from './labelled-requests';

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
  /** reliability bins and ECE, "right" meaning request kind and analysis type both right */
  reliability: Calibration;
}

/** Parses every golden query and compares each field with its expected intent. */
export function evaluateIntents(kb: Knowledge, parse: (q: string) => Intent = (q) => parseIntent(q, kb)): IntentEvalResult {
  const correct = Object.fromEntries(EVAL_FIELDS.map((f) => [f, 0])) as Record<EvalField, number>;
  const confusions: IntentEvalResult['confusions'] = [];
  const buckets = { high: [0, 0], low: [0, 0] };
  const scored: { confidence: number; right: boolean }[] = [];
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
    const right = actual.analysis_type === g.expected_intent.analysis_type && actual.request_kind === g.expected_intent.request_kind;
    scored.push({ confidence: actual.confidence, right });
  }
  const n = kb.goldenQueries.length;
  const perField = Object.fromEntries(EVAL_FIELDS.map((f) => [f, correct[f] / n])) as Record<EvalField, number>;
  const acc = (b: number[]) => (b[0] ? b[1]! / b[0] : 0);
  return {
    n,
    perField,
    confusions,
    calibration: { highN: buckets.high[0]!, highAccuracy: acc(buckets.high), lowN: buckets.low[0]!, lowAccuracy: acc(buckets.low) },
    reliability: calibrationOf(scored),
  };
}

export function formatIntentEval(r: IntentEvalResult): string {
  const lines = [`intent parser on ${r.n} golden queries`, '', 'field                 accuracy'];
  for (const f of EVAL_FIELDS) lines.push(`${f.padEnd(22)}${(r.perField[f] * 100).toFixed(1).padStart(6)}%`);
  lines.push('', `confidence > 0.8: ${r.calibration.highN} queries, analysis type accuracy ${(r.calibration.highAccuracy * 100).toFixed(1)}%`);
  lines.push(`confidence <= 0.8: ${r.calibration.lowN} queries, analysis type accuracy ${(r.calibration.lowAccuracy * 100).toFixed(1)}%`);
  lines.push('', 'reliability diagram (right = request kind and analysis type right):', ...formatReliabilityDiagram(r.reliability));
  lines.push('', `confusions (${r.confusions.length}):`);
  for (const c of r.confusions) lines.push(`  ${c.id} ${c.field}: expected ${c.expected || '[]'}, got ${c.actual || '[]'}  (${c.query})`);
  return lines.join('\n');
}

/** Comparable form of a labelled field: organism by id, lists as sorted sets, comparison by lowercase groups. */
export function expectedKey(e: ExpectedFields, field: LabelledField): string {
  const v = e[field];
  switch (field) {
    case 'organism': {
      const o = e.organism;
      return o === null || o === undefined ? 'null' : typeof o === 'string' ? o : o.id;
    }
    case 'comparison': {
      const c = e.comparison;
      if (!c) return 'null';
      const groups = Array.isArray(c) ? c : c.groups;
      return groups.map((g) => g.toLowerCase()).sort().join(' | ');
    }
    case 'requested_tools':
    case 'constraints':
    case 'missing_information':
      return [...(v as string[])].sort().join(',');
    default:
      return String(v);
  }
}

function actualKey(intent: Intent, field: LabelledField): string {
  if (field === 'comparison') return intent.comparison ? intent.comparison.groups.map((g) => g.toLowerCase()).sort().join(' | ') : 'null';
  if (field === 'data_type') return String(intent.data_type);
  return fieldKey(intent, field);
}

export interface FieldScore {
  n: number;
  correct: number;
  accuracy: number;
}

export interface SplitScore {
  n: number;
  analysisType: FieldScore;
  requestKind: FieldScore;
  /** request kind and analysis type (where labelled) both right */
  intentRight: FieldScore;
  reliability: Calibration;
}

export interface LabelledEvalResult {
  n: number;
  perField: Partial<Record<LabelledField, FieldScore>>;
  /** all requests, then the tune and held-out portions */
  overall: SplitScore;
  splits: Partial<Record<'tune' | 'heldout', SplitScore>>;
  /** analysis-type accuracy per voice (terse, verbose, ...) */
  byVoice: Record<string, FieldScore>;
  /** expected request kind -> parsed request kind -> count */
  kindConfusion: Record<string, Record<string, number>>;
  confusions: { id: string; split: string; query: string; field: LabelledField; expected: string; actual: string; confidence: number }[];
}

const score = (correct: number, n: number): FieldScore => ({ n, correct, accuracy: n ? correct / n : 0 });

interface Row {
  r: LabelledRequest;
  actual: Intent;
  right: Partial<Record<LabelledField, boolean>>;
}

function splitScore(rows: Row[]): SplitScore {
  const labelled = (f: LabelledField) => rows.filter((x) => x.right[f] !== undefined);
  const rightIn = (xs: Row[], f: LabelledField) => xs.filter((x) => x.right[f]).length;
  const at = labelled('analysis_type');
  const rk = labelled('request_kind');
  const whole = rows.map((x) => ({ confidence: x.actual.confidence, right: x.right.analysis_type !== false && x.right.request_kind !== false }));
  return {
    n: rows.length,
    analysisType: score(rightIn(at, 'analysis_type'), at.length),
    requestKind: score(rightIn(rk, 'request_kind'), rk.length),
    intentRight: score(whole.filter((w) => w.right).length, whole.length),
    reliability: calibrationOf(whole),
  };
}

/** Parses every labelled request and scores each labelled field, the request kind and the confidence's calibration. */
export function evaluateLabelled(requests: readonly LabelledRequest[], kb: Knowledge, parse: (q: string) => Intent = (q) => parseIntent(q, kb)): LabelledEvalResult {
  const rows: Row[] = requests.map((r) => {
    const actual = parse(r.query);
    const right: Row['right'] = {};
    for (const f of LABELLED_FIELDS) if (r.expected[f] !== undefined) right[f] = expectedKey(r.expected, f) === actualKey(actual, f);
    return { r, actual, right };
  });
  const perField: LabelledEvalResult['perField'] = {};
  for (const f of LABELLED_FIELDS) {
    const xs = rows.filter((x) => x.right[f] !== undefined);
    if (xs.length) perField[f] = score(xs.filter((x) => x.right[f]).length, xs.length);
  }
  const splits: LabelledEvalResult['splits'] = {};
  for (const s of ['tune', 'heldout'] as const) {
    const xs = rows.filter((x) => x.r.split === s);
    if (xs.length) splits[s] = splitScore(xs);
  }
  const byVoice: Record<string, FieldScore> = {};
  for (const voice of [...new Set(rows.map((x) => x.r.voice ?? 'unspecified'))].sort()) {
    const xs = rows.filter((x) => (x.r.voice ?? 'unspecified') === voice && x.right.analysis_type !== undefined);
    byVoice[voice] = score(xs.filter((x) => x.right.analysis_type).length, xs.length);
  }
  const kindConfusion: LabelledEvalResult['kindConfusion'] = {};
  for (const x of rows) {
    const e = x.r.expected.request_kind;
    if (!e) continue;
    kindConfusion[e] ??= {};
    const m = kindConfusion[e];
    m[x.actual.request_kind] = (m[x.actual.request_kind] ?? 0) + 1;
  }
  const confusions: LabelledEvalResult['confusions'] = [];
  for (const x of rows)
    for (const f of LABELLED_FIELDS)
      if (x.right[f] === false)
        confusions.push({ id: x.r.id, split: x.r.split, query: x.r.query, field: f, expected: expectedKey(x.r.expected, f), actual: actualKey(x.actual, f), confidence: x.actual.confidence });
  return { n: rows.length, perField, overall: splitScore(rows), splits, byVoice, kindConfusion, confusions };
}

const pc = (s: FieldScore) => `${(s.accuracy * 100).toFixed(1).padStart(5)}% (${s.correct}/${s.n})`;

export function formatLabelledEval(r: LabelledEvalResult, file: string): string {
  const lines = [`intent parser on ${r.n} labelled requests from ${file}`, '', 'field                 accuracy'];
  for (const [f, s] of Object.entries(r.perField)) lines.push(`${f.padEnd(22)}${pc(s)}`);
  lines.push('', 'portion     n   analysis type       request kind        kind+type right     ECE');
  const portions: [string, SplitScore | undefined][] = [['all', r.overall], ['tune', r.splits.tune], ['heldout', r.splits.heldout]];
  for (const [name, s] of portions)
    if (s) lines.push(`${name.padEnd(8)}${String(s.n).padStart(5)}   ${pc(s.analysisType).padEnd(20)}${pc(s.requestKind).padEnd(20)}${pc(s.intentRight).padEnd(20)}${s.reliability.ece.toFixed(3)}`);
  lines.push('', 'analysis type accuracy by voice:');
  for (const [v, s] of Object.entries(r.byVoice)) if (s.n) lines.push(`  ${v.padEnd(22)}${pc(s)}`);
  lines.push('', 'request kind confusion (expected -> parsed: count):');
  for (const [e, m] of Object.entries(r.kindConfusion))
    lines.push(`  ${e.padEnd(16)}${Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push('', 'reliability diagram, all requests (right = request kind and analysis type right):', ...formatReliabilityDiagram(r.overall.reliability));
  if (r.splits.heldout) lines.push('', 'reliability diagram, held-out requests:', ...formatReliabilityDiagram(r.splits.heldout.reliability));
  lines.push('', `confusions (${r.confusions.length}):`);
  for (const c of r.confusions)
    lines.push(`  ${c.id} [${c.split}] ${c.field}: expected ${c.expected || '[]'}, got ${c.actual || '[]'} at ${c.confidence.toFixed(2)}  (${c.query.replace(/\s+/g, ' ').slice(0, 120)})`);
  return lines.join('\n');
}
