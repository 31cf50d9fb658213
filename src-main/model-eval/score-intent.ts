import { INTENT_DIFF_FIELDS, type Intent, IntentSchema } from '../../src-preload/schemas/intent';
import { normalizeToken } from '../../src-preload/schemas/normalize-token';
import { diffIntents } from '../review/intent-diff';
import type { JsonBlock } from './parse-answer';
import type { Scored } from './scored';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The intent of a JSON block: the object itself, or its `intent` member when the answer wraps it. */
function intentObject(block: JsonBlock | null): Obj | null {
  if (!block || !isObj(block.value)) return null;
  return isObj(block.value.intent) ? block.value.intent : block.value;
}

const setOf = (v: unknown) => (Array.isArray(v) ? [...new Set(v.filter((x) => typeof x === 'string').map(normalizeToken))].sort().join(',') : '');

/**
 * Intent answer against the target intent: the JSON parses, validates against the Intent schema, and each
 * field agrees after the intent diff's normalisation; missing information compares as a set, and the request
 * kind (when the target states one) as a token.
 */
export function scoreIntent(target: JsonBlock | null, answer: JsonBlock | null, out: Scored): void {
  const want = intentObject(target);
  if (!want) return;
  const expected = IntentSchema.safeParse(want);
  if (!expected.success) {
    out.diagnostics.push('target intent does not validate; intent not scored');
    return;
  }
  const fields = [...INTENT_DIFF_FIELDS, 'missing_information', ...('request_kind' in want ? ['request_kind'] : [])];
  const got = intentObject(answer);
  out.metrics['intent.parsed'] = got ? 1 : 0;
  const parsed = got ? IntentSchema.safeParse(got) : null;
  out.metrics['intent.valid'] = parsed?.success ? 1 : 0;
  if (!got) {
    out.diagnostics.push(answer?.error ? `intent JSON does not parse: ${answer.error}` : 'no intent JSON block');
  } else if (!parsed?.success) {
    const first = parsed?.error.issues[0];
    out.diagnostics.push(`intent JSON does not match the Intent schema${first ? ` (${first.path.join('.') || 'root'}: ${first.message})` : ''}`);
  }
  const actual: Intent | null = parsed?.success ? parsed.data : null;
  const diff = actual ? diffIntents(expected.data, actual) : null;
  let right = 0;
  const wrong: string[] = [];
  for (const f of fields) {
    let same: boolean;
    if (!actual || !got) same = false;
    else if (f === 'missing_information') same = setOf(want.missing_information) === setOf(got.missing_information);
    else if (f === 'request_kind') same = typeof got.request_kind === 'string' && normalizeToken(got.request_kind) === normalizeToken(String(want.request_kind));
    else same = diff!.fields.find((d) => d.field === f)?.status === 'same';
    out.metrics[`intent.field.${f}`] = same ? 1 : 0;
    if (same) right++;
    else if (actual) wrong.push(f);
  }
  if (fields.includes('request_kind')) out.metrics['intent.request_kind'] = out.metrics['intent.field.request_kind']!;
  out.metrics['intent.fields'] = right / fields.length;
  out.metrics['intent.exact'] = right === fields.length ? 1 : 0;
  if (wrong.length) out.diagnostics.push(`intent fields differ from the target: ${wrong.join(', ')}`);
}
