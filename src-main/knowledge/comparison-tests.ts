import { z } from 'zod';
import type { AnalysisType, Tool } from './schemas';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'ids are lower_snake_case');
const Text = z.string().min(20);

/** comparison_tests.yaml: which step tests a comparison of the request's groups, per analysis type. */
export const ComparisonTestsSchema = z.strictObject({
  analysis_type: Id,
  /** tools of the analysis that test the groups: how (command, function or plugin action), and whether the workflow's step runs it */
  tests: z.array(z.strictObject({ tool: Id, runs: z.boolean(), how: Text })).default([]),
  /** what would test the groups when no tool of the chain does */
  gap: Text.optional(),
  /** the gap worded for the chain's own profiler, by tool id (the first chain tool listed wins): MetaPhlAn gives proportions, not Bracken's counts */
  gap_by: z.record(Id, Text).default({}),
});
export type ComparisonTests = z.infer<typeof ComparisonTestsSchema>;

const stepTools = (t: AnalysisType | undefined) => (t ? [...t.steps.flatMap((s) => s.tools), ...t.comparison_tools] : []);

/** Checks the table against the catalogue: known analysis types and tools, each tool one of the analysis's. */
export function checkComparisonTests(entries: readonly ComparisonTests[], types: Map<string, AnalysisType>, tools: Map<string, Tool>, problems: string[]): Map<string, ComparisonTests> {
  const file = 'comparison_tests.yaml';
  const byType = new Map<string, ComparisonTests>();
  for (const e of entries) {
    const where = `${file}: entry '${e.analysis_type}'`;
    if (!types.has(e.analysis_type)) problems.push(`${where}: '${e.analysis_type}' is not in analysis_types.yaml`);
    if (byType.has(e.analysis_type)) problems.push(`${where}: listed twice`);
    byType.set(e.analysis_type, e);
    if (e.tests.length === 0 && e.gap === undefined) problems.push(`${where}: neither tests nor a gap`);
    if (e.tests.some((t) => !t.runs) && e.gap === undefined) problems.push(`${where}: a test this workflow does not run needs a gap (what would test the groups)`);
    for (const id of Object.keys(e.gap_by)) if (!tools.has(id)) problems.push(`${where}: gap_by tool '${id}' is not in tools.yaml`);
    for (const t of e.tests) {
      const tool = tools.get(t.tool);
      if (!tool) problems.push(`${where}: tool '${t.tool}' is not in tools.yaml`);
      else if (!tool.analysis_types.includes(e.analysis_type) && !stepTools(types.get(e.analysis_type)).includes(t.tool))
        problems.push(`${where}: tool '${t.tool}' is not a tool of '${e.analysis_type}' (tools.yaml analysis_types, the analysis's steps or comparison_tools)`);
    }
  }
  return byType;
}
