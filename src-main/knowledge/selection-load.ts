import { readList } from './load';
import type { Knowledge } from './schemas';
import { AlternativeGroupSchema, CategoryOrderSchema, checkSelection, PlatformSchema, RequestFocusSchema, type SelectionRules, ToolRuleSchema } from './selection';

/** Reads platforms.yaml, tool_rules.yaml, alternatives.yaml and request_focus.yaml and cross-checks them. */
export function loadSelectionRules(dir: string, k: Pick<Knowledge, 'toolById' | 'analysisTypeById'>, problems: string[]): SelectionRules {
  const platforms = readList(dir, 'platforms.yaml', PlatformSchema, problems);
  const toolRules = readList(dir, 'tool_rules.yaml', ToolRuleSchema, problems);
  const alternatives = readList(dir, 'alternatives.yaml', AlternativeGroupSchema, problems);
  const focus = readList(dir, 'request_focus.yaml', RequestFocusSchema, problems);
  const categories = readList(dir, 'category_order.yaml', CategoryOrderSchema, problems).map((c) => c.id);
  checkSelection({ platforms, toolRules, alternatives, focus, categories }, k.toolById, k.analysisTypeById, problems);
  return { platforms, categoryRank: new Map(categories.map((c, i) => [c, i])), toolRules: new Map(toolRules.map((r) => [r.tool, r])), alternatives, focus };
}
