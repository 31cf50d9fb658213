import { INTENT_DIFF_FIELDS, type Intent, type Organism } from '../../src-preload/schemas/intent';
import { settleIntent } from '../knowledge/settle-intent';
import { loadKnowledge } from '../knowledge/load';
import type { Knowledge } from '../knowledge/schemas';
import type { LlmClient } from '../llm/client';
import { knownConstraints, knownDataTypes } from './catalog';
import { type LlmIntentResult, parseIntentWithLlm } from './llm-parser';
import { parseIntentWithRules } from './rule-parser';

export type IntentField = keyof Intent;
/** One reason per intent field: 'agree', or '<winner>: <why>' with winner rule, llm, union or derived. */
export type FieldReasons = Record<IntentField, string>;

export interface EnsembleResult {
  intent: Intent;
  reasons: FieldReasons;
}

/** Below this rule confidence a disagreement goes to the LLM; at or above it the rule parser wins. */
export const RULE_TRUST = 0.5;
/** Confidence lost per field where both parsers gave different non-empty values. */
export const DISAGREEMENT_PENALTY = 0.1;

export const REASON = {
  agree: 'agree',
  fill: 'llm: fills field rule left empty',
  llmEmpty: 'rule: llm left field empty',
  unknownType: 'rule: llm returned unknown analysis type',
  organismNotInCatalog: 'rule: llm organism not in catalog',
  dataTypeNotInCatalog: 'rule: llm data type not in catalog',
  recomputed: 'derived: recomputed from reconciled fields',
} as const;

const FIELDS: IntentField[] = [...INTENT_DIFF_FIELDS, 'missing_information', 'confidence'];

const round2 = (n: number) => Math.round(n * 100) / 100;
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

interface Choice<T> {
  value: T;
  reason: string;
  disagreement?: boolean;
}

/** Two non-empty values differ: the rule parser wins unless it was unsure of the whole parse. */
function disagree<T>(rule: T, llm: T, ruleConfidence: number): Choice<T> {
  const c = ruleConfidence.toFixed(2);
  return ruleConfidence < RULE_TRUST
    ? { value: llm, reason: `llm: disagree, rule confidence low (${c})`, disagreement: true }
    : { value: rule, reason: `rule: disagree, rule preferred (confidence ${c})`, disagreement: true };
}

/** Generic scalar reconciliation: empty values are filled from the other side, equal values agree. */
function scalar<T>(rule: T, llm: T, isEmpty: (v: T) => boolean, same: (a: T, b: T) => boolean, ruleConfidence: number): Choice<T> {
  const re = isEmpty(rule);
  const le = isEmpty(llm);
  if (re && le) return { value: rule, reason: REASON.agree };
  if (!re && le) return { value: rule, reason: REASON.llmEmpty };
  if (re) return { value: llm, reason: REASON.fill };
  if (same(rule, llm)) return { value: rule, reason: REASON.agree };
  return disagree(rule, llm, ruleConfidence);
}

/** The LLM's organism mapped onto the catalog entry (names and builds as the app spells them), or null. */
function catalogOrganism(o: Organism, kb: Knowledge): Organism | null {
  const entry = kb.organismById.get(norm(o.id));
  if (!entry) return null;
  const build = o.genome_build.trim();
  const builds = [entry.genome_build, ...entry.alternative_builds];
  const genome_build = builds.find((b) => b.toLowerCase() === build.toLowerCase()) ?? entry.build_aliases[build.toLowerCase()] ?? entry.genome_build;
  return { id: entry.id, scientific_name: entry.scientific_name, genome_build };
}

/**
 * Lists: values outside the catalog are dropped; equal sets agree; the LLM fills an empty rule list; values
 * only the LLM found are added to the rule's (union); values only the rule found are kept.
 */
function list(rule: string[], llm: string[], known: ReadonlySet<string>, what: string): Choice<string[]> {
  const dropped = llm.filter((v) => !known.has(v));
  const valid = [...new Set(llm.filter((v) => known.has(v)))];
  const extras = valid.filter((v) => !rule.includes(v));
  const missed = rule.filter((v) => !valid.includes(v));
  const note = dropped.length ? `; llm ${what} not in catalog (${dropped.join(', ')})` : '';
  if (extras.length === 0 && missed.length === 0)
    return { value: rule, reason: dropped.length ? `rule: llm ${what} not in catalog (${dropped.join(', ')})` : REASON.agree };
  if (rule.length === 0) return { value: valid, reason: `${REASON.fill}${note}` };
  if (extras.length === 0) return { value: rule, reason: `rule: llm left out ${missed.join(', ')}${note}` };
  return { value: [...rule, ...extras], reason: `union: llm adds ${extras.join(', ')}${note}` };
}

/**
 * Reconciles the rule parser's intent with the LLM's, field by field, recording why each value was
 * chosen. Values the LLM gives outside the catalog (analysis type, organism, data type, tools,
 * constraints) are never taken. Without an LLM intent the rule intent is returned unchanged.
 * missing_information is recomputed from the reconciled fields and the query's words; confidence is the mean of both parsers'
 * less DISAGREEMENT_PENALTY per disagreeing field.
 */
export function reconcileIntents(rule: Intent, llm: Intent | null, kb: Knowledge, llmError?: string, query = ''): EnsembleResult {
  if (!llm) {
    const reason = llmError ? `rule: no llm intent (${llmError})` : 'rule: no llm intent';
    return { intent: rule, reasons: Object.fromEntries(FIELDS.map((f) => [f, reason])) as FieldReasons };
  }
  const rc = rule.confidence;
  const reasons = {} as FieldReasons;
  let disagreements = 0;
  const set = <K extends IntentField>(field: K, p: Choice<Intent[K]>, out: Partial<Intent>) => {
    out[field] = p.value;
    reasons[field] = p.reason;
    if (p.disagreement) disagreements++;
  };
  const out: Partial<Intent> = {};

  // request_kind: never empty; a disagreement goes the way of the more trusted parser
  set('request_kind', scalar(rule.request_kind, llm.request_kind, () => false, (a, b) => a === b, rc), out);

  // analysis_type: 'unknown' is the empty value; an id outside the catalog counts as unknown
  const llmType = llm.analysis_type.trim();
  if (llmType === rule.analysis_type) set('analysis_type', { value: rule.analysis_type, reason: REASON.agree }, out);
  else if (llmType === 'unknown' || !kb.analysisTypeById.has(llmType)) set('analysis_type', { value: rule.analysis_type, reason: REASON.unknownType }, out);
  else if (rule.analysis_type === 'unknown') set('analysis_type', { value: llmType, reason: REASON.fill }, out);
  else set('analysis_type', disagree(rule.analysis_type, llmType, rc), out);

  // organism: compared by catalog id and build
  const llmOrganism = llm.organism ? catalogOrganism(llm.organism, kb) : null;
  if (llm.organism && !llmOrganism) set('organism', { value: rule.organism, reason: REASON.organismNotInCatalog }, out);
  else
    set(
      'organism',
      scalar(rule.organism, llmOrganism, (o) => o === null, (a, b) => a!.id === b!.id && a!.genome_build === b!.genome_build, rc),
      out,
    );

  const text = (v: string | null) => v === null || v.trim() === '';
  const sameText = (a: string | null, b: string | null) => norm(a!) === norm(b!);
  set('tissue', scalar(rule.tissue, llm.tissue === null ? null : norm(llm.tissue), text, sameText, rc), out);
  set('cell_type', scalar(rule.cell_type, llm.cell_type === null ? null : norm(llm.cell_type), text, sameText, rc), out);

  if (llm.data_type !== null && !text(llm.data_type) && !knownDataTypes(kb).has(llm.data_type))
    set('data_type', { value: rule.data_type, reason: REASON.dataTypeNotInCatalog }, out);
  else set('data_type', scalar(rule.data_type, llm.data_type, text, (a, b) => a === b, rc), out);

  set('read_layout', scalar(rule.read_layout, llm.read_layout, (v) => v === 'unknown', (a, b) => a === b, rc), out);
  set('strandedness', scalar(rule.strandedness, llm.strandedness, (v) => v === 'unknown', (a, b) => a === b, rc), out);

  // comparison: the same groups (any order, any case) agree whatever the description says
  const groups = (c: Intent['comparison']) => (c ? c.groups.map(norm).sort().join('\u0000') : '');
  set('comparison', scalar(rule.comparison, llm.comparison, (c) => c === null || c.groups.length === 0, (a, b) => groups(a) === groups(b), rc), out);

  set('requested_tools', list(rule.requested_tools, llm.requested_tools, new Set(kb.toolById.keys()), 'tool'), out);
  set('constraints', list(rule.constraints, llm.constraints, knownConstraints(), 'constraint'), out);

  const intent = settleIntent(out as Intent, kb, query);
  reasons.missing_information = REASON.recomputed;
  intent.confidence = round2(Math.min(1, Math.max(0, (rc + llm.confidence) / 2 - DISAGREEMENT_PENALTY * disagreements)));
  reasons.confidence = `derived: mean of rule ${rc.toFixed(2)} and llm ${llm.confidence.toFixed(2)}, ${disagreements} disagreement(s)`;
  return { intent: Object.fromEntries(FIELDS.map((f) => [f, intent[f]])) as Intent, reasons };
}

export interface EnsembleParse extends EnsembleResult {
  rule: Intent;
  llm: LlmIntentResult;
}

/** Parses with both the rule parser and the LLM and reconciles them; an LLM failure falls back to the rule intent. */
export async function parseIntentEnsemble(query: string, client: LlmClient, kb: Knowledge = loadKnowledge(), signal?: AbortSignal): Promise<EnsembleParse> {
  const rule = parseIntentWithRules(query, kb);
  const llm = await parseIntentWithLlm(query, client, kb, signal);
  const result = llm.ok ? reconcileIntents(rule, llm.intent, kb, undefined, query) : reconcileIntents(rule, null, kb, `${llm.kind}: ${llm.error.split('\n')[0]}`, query);
  return { ...result, rule, llm };
}
