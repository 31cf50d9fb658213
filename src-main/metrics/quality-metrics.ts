import type { QualityMetrics } from '../../src-preload/schemas/build';
import type { Knowledge } from '../knowledge/schemas';

/** What the metrics need to know about one kept example. */
export interface ItemFacts {
  category: string;
  difficulty: number;
  parsedOk: boolean | null;
  confidence: number | null;
  workflowOk: boolean | null;
  workflowComplete: boolean | null;
  toolsMatch: boolean | null;
  tools: readonly string[];
}

export interface InteractionStats {
  withFeedback: number;
  accepted: number;
  modified: number;
}

const rate = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Accumulates the plan's QualityMetrics (3.2) over the kept examples of a build in one streaming pass. */
export class MetricsAccumulator {
  private parsed = 0;
  private parsedOk = 0;
  private confSum = 0;
  private confN = 0;
  private wf = 0;
  private wfOk = 0;
  private wfComplete = 0;
  private toolEx = 0;
  private toolOk = 0;
  private readonly categories = new Map<string, number>();
  private readonly difficulty = new Map<string, number>();
  private readonly tools = new Map<string, number>();
  private n = 0;

  add(f: ItemFacts): void {
    this.n++;
    if (f.parsedOk !== null) {
      this.parsed++;
      if (f.parsedOk) this.parsedOk++;
    }
    if (f.confidence !== null) {
      this.confSum += f.confidence;
      this.confN++;
    }
    if (f.workflowOk !== null) {
      this.wf++;
      if (f.workflowOk) this.wfOk++;
      if (f.workflowComplete) this.wfComplete++;
    }
    if (f.toolsMatch !== null) {
      this.toolEx++;
      if (f.toolsMatch) this.toolOk++;
    }
    this.categories.set(f.category, (this.categories.get(f.category) ?? 0) + 1);
    const d = String(f.difficulty);
    this.difficulty.set(d, (this.difficulty.get(d) ?? 0) + 1);
    for (const t of f.tools) this.tools.set(t, (this.tools.get(t) ?? 0) + 1);
  }

  result(kb: Knowledge, interactions: InteractionStats): QualityMetrics {
    let entropy = 0;
    for (const c of this.categories.values()) {
      const p = c / this.n;
      entropy -= p * Math.log2(p);
    }
    const catalog = new Set(kb.tools.map((t) => t.id));
    const covered = [...this.tools.keys()].filter((t) => catalog.has(t)).length;
    const knownCategories = new Set(kb.categories.map((c) => c.id));
    const categoriesCovered = [...this.categories.keys()].filter((c) => knownCategories.has(c)).length;
    const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort((a, b) => a[0].localeCompare(b[0])));
    return {
      intent_parse_rate: rate(this.parsedOk, this.parsed),
      intent_confidence_mean: this.confN === 0 ? 0 : this.confSum / this.confN,
      tool_coverage: covered / catalog.size,
      tools_covered: covered,
      tools_in_catalog: catalog.size,
      tool_accuracy: rate(this.toolOk, this.toolEx),
      workflow_valid_rate: rate(this.wfOk, this.wf),
      workflow_complete_rate: rate(this.wfComplete, this.wf),
      acceptance_rate: interactions.withFeedback === 0 ? null : interactions.accepted / interactions.withFeedback,
      modification_rate: interactions.withFeedback === 0 ? null : interactions.modified / interactions.withFeedback,
      interactions_with_feedback: interactions.withFeedback,
      category_entropy: entropy,
      category_entropy_normalized: kb.categories.length > 1 ? entropy / Math.log2(kb.categories.length) : 1,
      category_coverage: categoriesCovered / kb.categories.length,
      categories_covered: categoriesCovered,
      categories_total: kb.categories.length,
      difficulty_distribution: sorted(this.difficulty),
      category_distribution: sorted(this.categories),
      tool_distribution: sorted(this.tools),
    };
  }
}
