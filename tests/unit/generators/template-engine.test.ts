import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { TARGETS } from '../../../src-main/generators/targets';
import { baseIntents } from '../../../src-main/generators/intent-variants';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { diffIntents } from '../../../src-main/review/intent-diff';

const kb = loadKnowledge();
const render = (kind: keyof typeof TARGETS, count: number, seed = 42) => {
  const plan = planTemplateItems(kb, kind, count, seed);
  return plan.specs.map((_, i) => makeExample(plan.render(i)));
};

describe('template engine', () => {
  it('plans the targets of the plan over the base intents: every base intent in every style, evenly', () => {
    const plan = planTemplateItems(kb, 'query_variation', TARGETS.query_variation, 42);
    expect(plan.specs.length).toBe(5000);
    const perBase = new Map<string, Map<string, number>>();
    for (const s of plan.specs as { base: { id: string }; style: string }[]) {
      const m = perBase.get(s.base.id) ?? new Map<string, number>();
      m.set(s.style, (m.get(s.style) ?? 0) + 1);
      perBase.set(s.base.id, m);
    }
    expect(perBase.size).toBe(baseIntents(kb).length);
    const counts = [...perBase.values()].flatMap((m) => [...m.values()]);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // asking for more continues the rounds rather than stopping at the plan
    expect(planTemplateItems(kb, 'query_variation', 12_000, 42).specs.length).toBe(12_000);
    for (const kind of ['tool_selection', 'workflow', 'education', 'error_diagnosis'] as const)
      expect(planTemplateItems(kb, kind, TARGETS[kind], 42).specs.length).toBe(TARGETS[kind]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = render('query_variation', 300, 7).map((e) => e.input);
    expect(render('query_variation', 300, 7).map((e) => e.input)).toEqual(a);
    const b = render('query_variation', 300, 8).map((e) => e.input);
    expect(b.filter((t, i) => t !== a[i]).length).toBeGreaterThan(200);
  });

  it('variations of one base intent are distinct texts whose target states only what the text says', () => {
    const all = render('query_variation', 5000);
    const byGroup = new Map<string, string[]>();
    for (const e of all) byGroup.set(e.group_id, [...(byGroup.get(e.group_id) ?? []), e.input]);
    for (const texts of byGroup.values()) expect(new Set(texts).size).toBeGreaterThanOrEqual(texts.length - 1);
    expect(new Set(all.map((e) => e.input)).size).toBeGreaterThanOrEqual(4980);
    // the rule parser reads the stated intent back from >= 95% of the non-typo variations
    const clean = all.filter((e) => e.style !== 'edge_case');
    const agree = clean.filter((e) => diffIntents(e.output.intent!, parseIntent(e.input, kb)).mismatches === 0).length;
    expect(agree / clean.length).toBeGreaterThan(0.95);
  });

  it('edge cases carry typos', () => {
    const edge = render('query_variation', 5000).filter((e) => e.style === 'edge_case');
    const vocabulary = new Set(render('query_variation', 5000).filter((e) => e.style !== 'edge_case').flatMap((e) => e.input.toLowerCase().split(/\W+/)));
    const withUnknownWord = edge.filter((e) => e.input.toLowerCase().split(/\W+/).some((w) => w.length > 3 && !vocabulary.has(w)));
    expect(withUnknownWord.length / edge.length).toBeGreaterThan(0.6);
  });

  it('every generated tool exists in the catalog and every workflow example has a main.nf', () => {
    for (const e of [...render('tool_selection', 400), ...render('workflow', 200)]) {
      for (const t of e.output.tools ?? []) expect(kb.toolById.has(t.tool)).toBe(true);
    }
    for (const e of render('workflow', 200)) expect(Object.keys(e.output.workflow!.files)).toContain('main.nf');
  });

  it('education answers come from the knowledge base and error examples from the error situations', () => {
    for (const e of render('education', 100)) expect(e.output.explanation!.length).toBeGreaterThan(40);
    for (const e of render('error_diagnosis', 100)) {
      const situation = kb.errorSituations.find((s) => e.group_id === `err-${s.id}`);
      expect(situation).toBeDefined();
      expect(e.output.fix_steps!.length).toBe(situation!.fix_steps.length);
      const pattern = kb.errorPatterns.find((p) => p.id === situation!.pattern)!;
      expect(new RegExp(pattern.symptom_regex, 'im').test(e.input)).toBe(true);
    }
  });
});
