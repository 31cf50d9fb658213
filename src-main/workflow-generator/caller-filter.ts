import type { Knowledge } from '../knowledge/schemas';
import { callerFilterCommand } from '../knowledge/tool-facts';

/**
 * What `{caller_filter}` becomes for the callers whose VCFs a filter step reads: the one caller's filters
 * (variant_callers.yaml), or, when several callers' items run through the step, a `case` on the item's
 * `meta.<key>` (the caller's tool id) with each caller's own filters. A caller with no entry is refused:
 * another caller's filter would test tags its VCF lacks, and keeping PASS records of a caller that leaves
 * FILTER empty would keep nothing.
 */
export function callerFilter(producers: readonly (string | undefined)[], key: string | undefined, kb: Pick<Knowledge, 'variantCallers'>): string {
  const tools = [...new Set(producers)];
  const commandOf = (tool: string | undefined) => {
    const entry = tool === undefined ? undefined : kb.variantCallers.get(tool);
    if (!entry) throw new Error(`variant_callers.yaml has no entry for ${tool ?? 'an input VCF'}: its calls cannot be filtered by the tags it writes`);
    return callerFilterCommand(entry);
  };
  if (tools.length === 1) return commandOf(tools[0]);
  if (key === undefined) throw new Error('several callers feed one filter step that does not tell their items apart (input.each_producer)');
  const branches = tools.map((t) => `    ${t}) ${commandOf(t)} ;;`);
  return [`case "\${meta.${key}}" in`, ...branches, '    *) echo "no filter for caller ${meta.' + key + '}" >&2; exit 1 ;;', 'esac'].join('\n');
}
