import type { ToolChoice } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import { loadKnowledge } from '../knowledge/load';
import type { AnalysisType, Knowledge, Tool } from '../knowledge/schemas';

const LOW_MEMORY_LIMIT_GB = 16;
type Reason = 'default' | 'requested' | 'low_memory';

function stepOf(type: AnalysisType, toolId: string) {
  return type.steps.find((s) => s.tools.includes(toolId));
}

/** Ordered pipeline: the type's required tools, named tools swapped into their step, constraint swaps. */
function choose(intent: Intent, type: AnalysisType, kb: Knowledge): { id: string; reason: Reason }[] {
  const chosen: { id: string; reason: Reason }[] = type.required_tools.map((id) => ({ id, reason: 'default' as Reason }));
  for (const r of intent.requested_tools) {
    if (!kb.toolById.has(r)) continue;
    const existing = chosen.find((c) => c.id === r);
    if (existing) {
      existing.reason = 'requested';
      continue;
    }
    const step = stepOf(type, r);
    const slot = step ? chosen.findIndex((c) => c.reason !== 'requested' && step.tools.includes(c.id)) : -1;
    if (slot >= 0) chosen[slot] = { id: r, reason: 'requested' };
    else {
      const report = chosen.findIndex((c) => kb.toolById.get(c.id)?.category === 'reporting');
      chosen.splice(report >= 0 ? report : chosen.length, 0, { id: r, reason: 'requested' });
    }
  }
  if (intent.constraints.includes('low_memory')) {
    for (const c of chosen) {
      const tool = kb.toolById.get(c.id)!;
      if (c.reason === 'requested' || tool.memory_gb <= LOW_MEMORY_LIMIT_GB) continue;
      const alternatives = (stepOf(type, c.id)?.tools ?? [])
        .map((id) => kb.toolById.get(id)!)
        .filter((t) => t.memory_gb < tool.memory_gb && !chosen.some((x) => x.id === t.id))
        .sort((a, b) => a.memory_gb - b.memory_gb || a.id.localeCompare(b.id));
      if (alternatives[0]) Object.assign(c, { id: alternatives[0].id, reason: 'low_memory' as Reason });
    }
  }
  return chosen;
}

function context(tool: Tool, intent: Intent): string {
  const parts: string[] = [];
  if (intent.organism && (tool.category === 'alignment' || tool.category === 'single_cell' || tool.category === 'quantification'))
    parts.push(`against the ${intent.organism.scientific_name} ${intent.organism.genome_build} reference`);
  if (intent.read_layout !== 'unknown' && ['trimming', 'alignment', 'quantification'].includes(tool.category))
    parts.push(`in ${intent.read_layout}-end mode`);
  if (intent.strandedness !== 'unknown' && tool.category === 'quantification') parts.push(`with ${intent.strandedness} strandedness`);
  if (intent.comparison && tool.category === 'statistics') parts.push(`to compare ${intent.comparison.description}`);
  return parts.length ? ` ${parts.join(', ')}` : '';
}

function rationale(tool: Tool, type: AnalysisType, reason: Reason, intent: Intent): string {
  const step = stepOf(type, tool.id)?.name.toLowerCase() ?? tool.category.replace(/_/g, ' ');
  const properNoun = /^[A-Z][a-z]*[-A-Z]/.test(tool.purpose);
  const purpose = (properNoun ? tool.purpose : tool.purpose.charAt(0).toLowerCase() + tool.purpose.slice(1)).replace(/\.$/, '');
  const why =
    reason === 'requested'
      ? ' (requested by the user)'
      : reason === 'low_memory'
        ? ` (chosen for its ${tool.memory_gb} GB memory footprint on a low-memory machine)`
        : '';
  return `${tool.name} for ${step}${context(tool, intent)}: ${purpose}${why}.`;
}

/** Ordered tools with a one-sentence rationale each; [] for an unknown analysis type. */
export function selectTools(intent: Intent, kb: Knowledge = loadKnowledge()): ToolChoice[] {
  const type = kb.analysisTypeById.get(intent.analysis_type);
  if (!type) return [];
  return choose(intent, type, kb).map(({ id, reason }) => ({ tool: id, rationale: rationale(kb.toolById.get(id)!, type, reason, intent) }));
}
