import { describe, expect, it } from 'vitest';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { loadKnowledge } from '../../../src-main/knowledge/load';

describe('provenance of generated examples (issue 17: every row traces back to its frame)', () => {
  const kb = loadKnowledge();
  for (const kind of ['query_variation', 'tool_selection', 'workflow', 'education', 'error_diagnosis'] as const)
    it(`every ${kind} example names its group and its frame or template`, () => {
      const plan = planTemplateItems(kb, kind, 120, 42);
      const seeds = plan.specs.map((_, i) => plan.render(i));
      expect(seeds.filter((s) => !s.groupId || typeof s.templateId !== 'string' || s.templateId.length === 0).map((s) => s.id)).toEqual([]);
    }, 60_000);
});
