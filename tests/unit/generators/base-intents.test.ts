import { describe, expect, it } from 'vitest';
import { baseIntents, GROUPS_PER_TYPE, intentKey } from '../../../src-main/generators/intent-variants';
import { planVariations, variationSeed } from '../../../src-main/generators/variations';
import { hostOf } from '../../../src-main/knowledge/host';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();
const c = kb.compatibility;
const all = baseIntents(kb);
const typed = all.filter((b) => b.intent.analysis_type !== 'unknown');
const PLANTS = new Set(['arabidopsis', 'rice', 'maize', 'tomato']);
const MAMMALIAN_TISSUES = new Set(['liver', 'lung', 'heart', 'kidney', 'brain', 'hippocampus', 'cortex', 'bone marrow', 'blood', 'serum', 'breast', 'colon', 'pancreas', 'spleen', 'muscle', 'skin']);
const BACTERIA = ['ecoli', 'saureus', 'paeruginosa', 'mtuberculosis', 'bsubtilis'];
const HUMAN_CELL_LINES = new Set(['k562', 'hela', 'hek293']);

describe('base intents from the compatibility tables', () => {
  it('give every analysis type (and the off-topic requests) at least 20 distinct groups', () => {
    const perType = new Map<string, Set<string>>();
    for (const b of all) perType.set(b.intent.analysis_type, (perType.get(b.intent.analysis_type) ?? new Set()).add(b.id));
    for (const t of kb.analysisTypes) expect(perType.get(t.id)?.size ?? 0, t.id).toBeGreaterThanOrEqual(20);
    expect(perType.get('unknown')?.size).toBeGreaterThanOrEqual(20);
    expect(GROUPS_PER_TYPE).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((b) => b.id)).size).toBe(all.length);
  });

  it('are distinct experiments, none restating a golden query (those are the test seeds)', () => {
    const keys = typed.map((b) => intentKey(b.intent));
    expect(new Set(keys).size).toBe(keys.length);
    const golden = new Set(kb.goldenQueries.map((g) => intentKey(g.expected_intent)));
    expect(keys.filter((k) => golden.has(k))).toEqual([]);
  });

  it('agree with the tables: organism, sample source, design, layout, strandedness, tools, constraints', () => {
    const problems: string[] = [];
    for (const b of typed) {
      const i = b.intent;
      const type = i.analysis_type;
      const entry = c.tables.analyses[type]!;
      // a microbiome's host is sample context: the tissue names it first ('pig stool'), the organism is null
      const host = hostOf(i, kb);
      const org = i.organism?.id ?? host?.id ?? 'none';
      const say = (m: string) => problems.push(`${b.id} (${type}, ${org}): ${m}`);
      if (host && i.organism) say('a host-associated community names an organism');
      if (!c.organismsOf(type).includes(org)) say('organism not run for this analysis');
      if (i.organism && kb.organismById.get(org)?.genome_build !== i.organism.genome_build) say('genome build is not the default');
      const tissue = host && i.tissue ? (i.tissue === host.id ? null : i.tissue.slice(host.id.length + 1)) : i.tissue;
      const value = tissue ?? i.cell_type;
      if (tissue && i.cell_type) say('both a tissue and a cell type');
      const sample = value === null ? null : c.samplesFor(type, org).find((s) => (s.value ?? s.id) === value && (s.field === 'tissue') === (tissue !== null));
      if (value !== null && !sample) say(`sample '${value}' not valid for organism and assay`);
      if (i.comparison) {
        const ok = c.designsFor(type, org, sample ?? null).some((d) => d.groups.join('|') === i.comparison!.groups.join('|'));
        if (!ok) say(`design '${i.comparison.description}' not valid`);
      }
      const t = kb.analysisTypeById.get(type)!;
      const fixed = t.input?.always ? t.input.layout : undefined;
      if (i.read_layout !== 'unknown' && !entry.layouts.includes(i.read_layout) && i.read_layout !== fixed) say(`layout ${i.read_layout} not used by the assay`);
      if (fixed && i.read_layout !== fixed) say(`layout ${i.read_layout}, though every library of the assay is ${fixed}`);
      if (i.strandedness !== 'unknown' && !entry.strandedness) say('strandedness on an assay without it');
      for (const tool of i.requested_tools) if (![...t.required_tools, ...t.recommended_tools, ...t.optional_tools].includes(tool)) say(`tool ${tool} not of this analysis`);
      for (const k of i.constraints) if (!entry.constraints.includes(k as never)) say(`constraint ${k} not allowed`);
      // genome vs exome vs panel is open in a base intent (no request words state it): its data type is null
      const open = i.missing_information.some((m) => kb.workflowNeeds.needs.get(m)?.sets?.field === 'data_type');
      if (i.data_type !== (open ? null : t.data_type)) say('data type differs from the analysis type');
    }
    expect(problems).toEqual([]);
  });

  it('contain none of the impossible combinations seen before (mammalian tissue on a plant, human drought, foreign cell lines, single-end SVs, a yeast genome annotated by Prokka)', () => {
    const bad = typed.filter((b) => {
      const i = b.intent;
      const org = i.organism?.id ?? 'none';
      return (
        (PLANTS.has(org) && (MAMMALIAN_TISSUES.has(i.tissue ?? '') || i.cell_type !== null)) ||
        (!PLANTS.has(org) && (i.tissue === 'leaf' || i.comparison?.groups.includes('drought'))) ||
        (HUMAN_CELL_LINES.has(i.cell_type ?? '') && org !== 'human') ||
        (['yeast', 'plasmodium', 'sars_cov_2', ...BACTERIA].includes(org) && (i.tissue !== null || i.cell_type !== null) && i.tissue !== 'wastewater') ||
        (org === 'zebrafish' && i.tissue === 'bone marrow') ||
        // Prokka annotates the short-read isolate assembly: bacteria (or an unnamed isolate) only
        (i.analysis_type === 'de_novo_genome_assembly' && !['none', ...BACTERIA].includes(org)) ||
        (['structural_variants', 'hic', 'atac_seq'].includes(i.analysis_type) && i.read_layout === 'single') ||
        (i.analysis_type.startsWith('long_read') && i.read_layout !== 'unknown')
      );
    });
    expect(bad.map((b) => `${b.id}: ${JSON.stringify(b.intent)}`)).toEqual([]);
  });

  it('the same check catches the bad combinations when they are put in', () => {
    const plantLiver = c.samplesFor('rna_seq_de', 'arabidopsis').map((s) => s.id);
    expect(plantLiver).not.toContain('liver');
    expect(c.samplesFor('rna_seq_de', 'mouse').map((s) => s.id)).not.toContain('k562');
    expect(c.designsFor('rna_seq_de', 'human', null).map((d) => d.id)).not.toContain('drought_watered');
    expect(c.designsFor('rna_seq_de', 'arabidopsis', null).map((d) => d.id)).toContain('drought_watered');
    expect(c.tables.analyses.structural_variants!.layouts).toEqual(['paired']);
  });

  it('every query variation of a base intent is in that group and names its golden query', () => {
    const specs = planVariations(kb, 2000);
    for (const spec of specs.slice(0, 300)) {
      const s = variationSeed(kb, 42, spec);
      expect(s.groupId).toBe(spec.base.id);
      expect(s.baseId).toBe(spec.golden.id);
      expect(s.templateId).toMatch(/^(formal|casual|minimal|detailed|edge_case|off-topic)/);
    }
  });

  it('plans any prefix of variations with an equal share per style (the plan), each base in every style once per round', () => {
    const count = (n: number) => {
      const by: Record<string, number> = {};
      for (const v of planVariations(kb, n)) by[v.style] = (by[v.style] ?? 0) + 1;
      return by;
    };
    expect(count(250)).toEqual({ formal: 50, casual: 50, minimal: 50, detailed: 50, edge_case: 50 });
    expect(count(5000)).toEqual({ formal: 1000, casual: 1001, minimal: 1001, detailed: 999, edge_case: 999 });
    const round = planVariations(kb, all.length * 5);
    expect(new Set(round.map((v) => `${v.base.id}|${v.style}`)).size).toBe(all.length * 5);
  });
});
