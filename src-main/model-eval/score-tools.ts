import type { AnalysisType } from '../knowledge/schemas';
import type { Scored } from './scored';

export interface ToolAnswer {
  /** KB ids in the answer's order */
  ids: string[];
  /** names the knowledge base does not know */
  unknown: string[];
}

/** Position of a tool in the analysis type's ordered steps, or -1 when no step names it. */
export function stepOf(type: AnalysisType | undefined, id: string): number {
  return type ? type.steps.findIndex((s) => s.tools.includes(id)) : -1;
}

/**
 * Fraction of tool pairs (both placed in a step of the analysis) that come in the steps' order; 1 when fewer
 * than two tools have a step.
 */
export function stepOrder(type: AnalysisType | undefined, ids: readonly string[]): number {
  const steps = ids.map((id) => stepOf(type, id)).filter((s) => s >= 0);
  let pairs = 0;
  let ordered = 0;
  for (let i = 0; i < steps.length; i++)
    for (let j = i + 1; j < steps.length; j++) {
      pairs++;
      if (steps[i]! <= steps[j]!) ordered++;
    }
  return pairs === 0 ? 1 : ordered / pairs;
}

/** Tool choice against the target's tools: precision, recall, F1 of the sets, step order, unknown names. */
export function scoreTools(target: readonly string[], answer: ToolAnswer, type: AnalysisType | undefined, out: Scored): void {
  const want = new Set(target);
  const got = [...new Set(answer.ids)];
  const hit = got.filter((t) => want.has(t)).length;
  const precision = got.length === 0 ? (want.size === 0 ? 1 : 0) : hit / got.length;
  const recall = want.size === 0 ? 1 : hit / want.size;
  out.metrics['tools.precision'] = precision;
  out.metrics['tools.recall'] = recall;
  out.metrics['tools.f1'] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  out.metrics['tools.order'] = got.length === 0 ? 0 : stepOrder(type, got);
  out.metrics['tools.known'] = answer.unknown.length === 0 ? 1 : 0;
  if (got.length === 0 && answer.unknown.length === 0) out.diagnostics.push('no tool list');
  const extra = got.filter((t) => !want.has(t));
  const missed = target.filter((t) => !got.includes(t));
  if (extra.length) out.diagnostics.push(`tools not in the target: ${extra.join(', ')}`);
  if (missed.length) out.diagnostics.push(`target tools missing: ${missed.join(', ')}`);
  if (answer.unknown.length) out.diagnostics.push(`tools the knowledge base does not know: ${answer.unknown.join(', ')}`);
  if (got.length > 1 && out.metrics['tools.order']! < 1) out.diagnostics.push(`tools out of step order (${(out.metrics['tools.order']! * 100).toFixed(0)}% of pairs in order)`);
}
