import type { Example, ToolChoice, WorkflowProject } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';

const LAYOUT: Record<string, string> = { paired: 'paired-end', single: 'single-end' };

function intentSection(intent: Intent, kb: Knowledge): string {
  const type = kb.analysisTypeById.get(intent.analysis_type);
  const lines = ['## Analysis Intent'];
  lines.push(`- **Type**: ${type ? type.name : 'Unknown (outside the supported analyses)'}`);
  if (intent.organism) lines.push(`- **Organism**: ${intent.organism.scientific_name} (${intent.organism.genome_build})`);
  if (intent.tissue) lines.push(`- **Tissue**: ${intent.tissue}`);
  if (intent.cell_type) lines.push(`- **Cell type**: ${intent.cell_type}`);
  if (intent.data_type) lines.push(`- **Data**: ${intent.data_type}`);
  if (LAYOUT[intent.read_layout]) lines.push(`- **Reads**: ${LAYOUT[intent.read_layout]}`);
  if (intent.strandedness !== 'unknown') lines.push(`- **Strandedness**: ${intent.strandedness}`);
  if (intent.comparison) lines.push(`- **Comparison**: ${intent.comparison.groups.join(' vs ')}`);
  if (intent.requested_tools.length) lines.push(`- **Requested tools**: ${intent.requested_tools.map((t) => kb.toolById.get(t)?.name ?? t).join(', ')}`);
  if (intent.constraints.length) lines.push(`- **Constraints**: ${intent.constraints.join(', ')}`);
  if (intent.missing_information.length) lines.push(`- **Missing information**: ${intent.missing_information.join(', ')}`);
  lines.push('', '```json', JSON.stringify(intent), '```');
  return lines.join('\n');
}

function toolsSection(tools: readonly ToolChoice[], kb: Knowledge): string {
  return ['## Recommended Tools', ...tools.map((t, i) => `${i + 1}. **${kb.toolById.get(t.tool)?.name ?? t.tool}** - ${t.rationale}`)].join('\n');
}

function workflowSection(wf: WorkflowProject): string {
  const paths = Object.keys(wf.files).sort((a, b) => (a === 'main.nf' ? -1 : b === 'main.nf' ? 1 : a.localeCompare(b)));
  return ['## Workflow', ...paths.map((p) => `\`${p}\`\n\`\`\`nextflow\n${wf.files[p]!.trimEnd()}\n\`\`\``)].join('\n\n');
}

/** The assistant turn of a training conversation: the example's target output as markdown. */
export function renderAnswer(example: Example, kb: Knowledge): string {
  const o = example.output;
  const parts: string[] = [];
  if (o.intent) parts.push(intentSection(o.intent, kb));
  if (o.tools && o.tools.length > 0) parts.push(toolsSection(o.tools, kb));
  if (o.workflow) parts.push(workflowSection(o.workflow));
  if (o.diagnosis) parts.push(`## Diagnosis\n${o.diagnosis}`);
  if (o.fix_steps && o.fix_steps.length > 0) parts.push(['## Fix', ...o.fix_steps.map((s, i) => `${i + 1}. ${s}`)].join('\n'));
  if (o.explanation) parts.push(o.explanation);
  return parts.join('\n\n');
}
