import {
  type FieldDiff,
  INTENT_DIFF_FIELDS,
  type Intent,
  type IntentDiff,
  type IntentDiffField,
} from '../../src-preload/schemas/intent';
import { normalizeToken } from '../../src-preload/schemas/normalize-token';

export { normalizeToken };

const UNKNOWN_SCALARS = new Set(['unknown', '']);

/** A field's value reduced to a comparable form: a string, a sorted list of strings, or null for "not set". */
function normalizedValue(intent: Intent, field: IntentDiffField): string | string[] | null {
  switch (field) {
    case 'organism':
      return intent.organism ? normalizeToken(intent.organism.id) : null;
    case 'comparison':
      return intent.comparison && intent.comparison.groups.length > 0
        ? [...new Set(intent.comparison.groups.map(normalizeToken))].sort()
        : null;
    case 'requested_tools':
    case 'constraints': {
      const list = [...new Set(intent[field].map(normalizeToken))].sort();
      return list.length > 0 ? list : null;
    }
    case 'request_kind':
    case 'read_layout':
    case 'strandedness':
    case 'analysis_type':
    case 'tissue':
    case 'cell_type':
    case 'data_type': {
      const v = intent[field];
      if (v === null) return null;
      const n = normalizeToken(v);
      return UNKNOWN_SCALARS.has(n) ? null : n;
    }
  }
}

function sameValue(a: string | string[] | null, b: string | string[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

function diffField(field: IntentDiffField, expected: Intent, actual: Intent): FieldDiff {
  const e = normalizedValue(expected, field);
  const a = normalizedValue(actual, field);
  const base = { field, expected: expected[field], actual: actual[field] };
  if (sameValue(e, a)) return { ...base, status: 'same' };
  if (e === null) return { ...base, status: 'added' };
  if (a === null) return { ...base, status: 'removed' };
  if (Array.isArray(e) && Array.isArray(a)) {
    return {
      ...base,
      status: 'changed',
      added: a.filter((v) => !e.includes(v)),
      removed: e.filter((v) => !a.includes(v)),
    };
  }
  return { ...base, status: 'changed' };
}

/**
 * Field-by-field diff of two intents after normalization (organism by id, lists as sets, comparison
 * groups unordered, case/hyphen/underscore ignored, 'unknown' treated as unset), so only real
 * disagreements count as mismatches.
 */
export function diffIntents(expected: Intent, actual: Intent): IntentDiff {
  const fields = INTENT_DIFF_FIELDS.map((f) => diffField(f, expected, actual));
  return { fields, mismatches: fields.filter((f) => f.status !== 'same').length };
}
