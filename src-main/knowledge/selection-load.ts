import { checkSituations, type ErrorSituation, ErrorSituationSchema, LogSignatureSchema } from './error-situations';
import { type LibraryUsage, LibraryUsageSchema } from './library-usage';
import { readList } from './load';
import type { Knowledge } from './schemas';
import { AlternativeGroupSchema, AmpliconRegionSchema, CategoryOrderSchema, checkSelection, PlatformSchema, RequestFocusSchema, type SelectionRules, ToolRuleSchema } from './selection';

/** Reads platforms.yaml, tool_rules.yaml, alternatives.yaml, request_focus.yaml and amplicon_regions.yaml and cross-checks them. */
export function loadSelectionRules(dir: string, k: Pick<Knowledge, 'toolById' | 'analysisTypeById'>, problems: string[]): SelectionRules {
  const platforms = readList(dir, 'platforms.yaml', PlatformSchema, problems);
  const toolRules = readList(dir, 'tool_rules.yaml', ToolRuleSchema, problems);
  const alternatives = readList(dir, 'alternatives.yaml', AlternativeGroupSchema, problems);
  const focus = readList(dir, 'request_focus.yaml', RequestFocusSchema, problems);
  const categories = readList(dir, 'category_order.yaml', CategoryOrderSchema, problems).map((c) => c.id);
  const ampliconRegions = readList(dir, 'amplicon_regions.yaml', AmpliconRegionSchema, problems);
  checkSelection({ platforms, toolRules, alternatives, focus, categories, ampliconRegions }, k.toolById, k.analysisTypeById, problems);
  return { platforms, categoryRank: new Map(categories.map((c, i) => [c, i])), toolRules: new Map(toolRules.map((r) => [r.tool, r])), alternatives, focus, ampliconRegions };
}

/** Reads error_situations.yaml (checked against log_signatures.yaml) and library_usage.yaml and checks them against the patterns and tools. */
export function loadContractTables(
  dir: string,
  k: Pick<Knowledge, 'toolById' | 'errorPatterns'>,
  problems: string[],
): { errorSituations: ErrorSituation[]; libraryUsage: Map<string, LibraryUsage> } {
  const errorSituations = readList(dir, 'error_situations.yaml', ErrorSituationSchema, problems);
  const signatures = readList(dir, 'log_signatures.yaml', LogSignatureSchema, problems);
  for (const sig of signatures) {
    for (const t of sig.tools ?? []) if (!k.toolById.has(t)) problems.push(`log_signatures.yaml: entry '${sig.id}': tool '${t}' is not in tools.yaml`);
    for (const field of ['match', 'requires', 'exit_from', 'not_causes'] as const) {
      try {
        if (sig[field] !== undefined) new RegExp(sig[field]!, 'm');
      } catch (err) {
        problems.push(`log_signatures.yaml: entry '${sig.id}': field '${field}': invalid regex (${(err as Error).message})`);
      }
    }
  }
  const valid = problems.some((p) => p.startsWith('log_signatures.yaml')) ? [] : signatures;
  checkSituations(errorSituations, new Map(k.errorPatterns.map((p) => [p.id, p])), k.toolById, problems, valid);
  const usage = readList(dir, 'library_usage.yaml', LibraryUsageSchema, problems);
  for (const u of usage) {
    const tool = k.toolById.get(u.tool);
    if (!tool) problems.push(`library_usage.yaml: entry '${u.tool}': tool '${u.tool}' is not in tools.yaml`);
    // education says the workflow's script makes these calls: they must be in the language of the template it ships
    const templates = tool ? [tool.process.template, ...Object.values(tool.process.overrides).map((o) => o.template)] : [];
    for (const t of new Set(templates.filter((x): x is string => x !== undefined))) {
      const language = t.endsWith('.R') ? 'R' : t.endsWith('.py') ? 'Python' : undefined;
      if (language && language !== u.language) problems.push(`library_usage.yaml: entry '${u.tool}': language ${u.language}, but the workflow's process runs the ${language} template ${t} (tools.yaml process.template)`);
    }
  }
  return { errorSituations, libraryUsage: new Map(usage.map((u) => [u.tool, u])) };
}
