import { bamGapWords } from '../knowledge/bam-state';
import type { AnalysisType, Knowledge } from '../knowledge/schemas';
import type { Platform, RequestFocus } from '../knowledge/selection';
import { chainBamGaps } from './bam-needs';

export interface ChainContext {
  type: AnalysisType;
  platform: Platform;
  focus: RequestFocus | null;
  /** every focus of the request (the first is `focus`); the processes are resolved for them */
  focuses?: readonly RequestFocus[];
}

/**
 * What is wrong with a tool chain by the knowledge base's tables: a tool not made for the platform, a
 * predecessor group with no tool earlier in the chain, a tool the request's focus rules out, tools of the
 * type's steps out of step order, a tool twice, a BAM reader whose BAM lacks the order or duplicate marking it
 * needs (tools.yaml bam_needs). [] for a chain that can work.
 */
export function chainProblems(ids: readonly string[], ctx: ChainContext, kb: Knowledge): string[] {
  const problems: string[] = [];
  const rules = kb.selection.toolRules;
  const stepOf = (id: string) => ctx.type.steps.findIndex((s) => s.tools.includes(id));
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`${id} appears twice`);
    if (!kb.toolById.has(id)) problems.push(`${id} is not in the catalogue`);
    const rule = rules.get(id);
    if (rule?.platforms && !rule.platforms.includes(ctx.platform.id)) problems.push(`${id} is not made for ${ctx.platform.name} reads`);
    for (const group of rule?.requires ?? [])
      if (!ids.slice(0, i).some((x) => group.includes(x))) problems.push(`${id} needs one of ${group.join('/')} before it`);
    if (ctx.focus?.replace[id]) problems.push(`${id} does not serve a ${ctx.focus.id} request`);
  });
  let last = -1;
  let lastId = '';
  for (const id of ids) {
    const step = stepOf(id);
    if (step < 0) continue;
    if (step < last) problems.push(`${id} (step ${ctx.type.steps[step]!.name}) runs after ${lastId} (a later step)`);
    else {
      last = step;
      lastId = id;
    }
  }
  const focuses = (ctx.focuses ?? (ctx.focus ? [ctx.focus] : [])).map((f) => f.id);
  for (const g of chainBamGaps(ids, ctx.type.id, focuses, kb)) problems.push(`${g.reader} ${bamGapWords(g.gap, g.writer, 'no tool before it')}`);
  return problems;
}
