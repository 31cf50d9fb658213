import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { baseIntents } from '../../../src-main/generators/intent-variants';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { selectTools } from '../../../src-main/tool-selector';
import { generateWorkflow } from '../../../src-main/workflow-generator';

const kb = loadKnowledge();

/** Needs whose answer is an intent field although no `field` of the needs table says so: genome vs exome vs panel is the data type. */
const FIELD_OF: Record<string, keyof Intent> = { sequencing_scope: 'data_type' };

/** The value an intent asserts for the field a need stands for, or null when it leaves that field open. */
function asserted(intent: Intent, need: string): unknown {
  const n = kb.workflowNeeds.needs.get(need);
  const field = n?.sets?.field ?? n?.field ?? FIELD_OF[need];
  if (field === undefined) return null;
  const v = intent[field];
  return v === 'unknown' ? null : v;
}

/** "need asserted as value" for each need an intent both lists as missing and asserts. */
function contradictions(intent: Intent): string[] {
  return intent.missing_information.filter((m) => asserted(intent, m) !== null).map((m) => `${m} asserted as ${JSON.stringify(asserted(intent, m))}`);
}

describe('no intent asserts a value for a field its missing_information lists', () => {
  it('holds for every base intent and every generated intent of the four intent-bearing tasks', () => {
    const problems: string[] = [];
    for (const b of baseIntents(kb)) for (const c of contradictions(b.intent)) problems.push(`${b.id}: ${c}`);
    for (const [kind, count] of [['query_variation', 1500], ['tool_selection', 600], ['workflow', 300]] as const) {
      const plan = planTemplateItems(kb, kind, count, 42);
      for (let i = 0; i < plan.specs.length; i++) {
        const ex = plan.render(i);
        const intent = (ex.groundTruth ?? ex.output.intent) as Intent | undefined;
        if (intent) for (const c of contradictions(intent)) problems.push(`${ex.id} (${ex.input.slice(0, 60)}): ${c}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  }, 120_000);

  it('holds for the parser on requests that leave each such need open', () => {
    for (const q of ['somatic variant calling for human tumour/normal pairs', 'copy number analysis of human tumours with CNVkit', 'Hi-C TADs in mouse cells']) {
      expect(contradictions(parseIntent(q, kb)), q).toEqual([]);
    }
  });
});

describe('genome vs exome vs panel', () => {
  it('a somatic request that does not say it asserts no data type, and one that does gets that scope', () => {
    const open = parseIntent('somatic variant calling for human tumour/normal pairs', kb);
    expect(open.missing_information).toContain('sequencing_scope');
    expect(open.data_type).toBeNull();
    expect(parseIntent('somatic variants from human tumour/normal exomes', kb).data_type).toBe('wes');
    expect(parseIntent('somatic variants from human tumour/normal whole genomes', kb).data_type).toBe('wgs');
    expect(parseIntent('somatic variants in a human tumour/normal gene panel', kb).data_type).toBe('panel');
  });
});

describe('Hi-C', () => {
  it('carries the paired layout every Hi-C library has, in the parse and in generated intents', () => {
    expect(parseIntent('Hi-C TADs in mouse cells', kb).read_layout).toBe('paired');
    for (const b of baseIntents(kb).filter((x) => x.intent.analysis_type === 'hic')) expect(b.intent.read_layout, b.id).toBe('paired');
  });

  it('does not ask for the restriction enzyme, which no step of the chain reads: pairtools and cooler bin contacts by genome position', () => {
    expect(parseIntent('Hi-C TADs in mouse cells', kb).missing_information).toEqual([]);
    expect(parseIntent('Hi-C TADs in mouse cells, DpnII digestion', kb).missing_information).toEqual([]);
    expect(kb.workflowNeeds.byAnalysis.get('hic')!.map((n) => n.need)).toEqual(['organism']);
    const hic = kb.analysisTypeById.get('hic')!;
    expect(hic.input_data_types).toContainEqual(expect.objectContaining({ name: 'restriction enzyme', required: false }));
    expect(hic.steps.find((s) => s.tools.includes('pairtools'))!.note).toContain('no step here reads the restriction enzyme');
  });
});

describe('a microbiome host is sample context, not the organism', () => {
  it('16S of pig stool: organism null, the host in front of the sample source', () => {
    const i = parseIntent('16S of pig stool', kb);
    expect(i.analysis_type).toBe('amplicon_16s');
    expect(i.organism).toBeNull();
    expect(i.tissue).toBe('pig stool');
  });

  it('no generated amplicon or metagenomics intent names an organism', () => {
    const hosted = baseIntents(kb).filter((b) => kb.analysisTypeById.get(b.intent.analysis_type)?.organism_role === 'host');
    expect(hosted.length).toBeGreaterThan(20);
    expect(hosted.filter((b) => b.intent.organism !== null).map((b) => b.id)).toEqual([]);
    expect(hosted.some((b) => /^pig\b/.test(b.intent.tissue ?? ''))).toBe(true);
  });

  it('a shotgun workflow that removes host reads still stages the host genome from the sample context', () => {
    const text = 'shotgun metagenomics taxonomic profiling of pig stool';
    const intent = parseIntent(text, kb);
    expect(intent.organism).toBeNull();
    const tools = selectTools(intent, kb, text);
    expect(tools.map((t) => t.tool)).toContain('bowtie2');
    const main = generateWorkflow(intent, tools, kb, { text }).files['main.nf']!;
    expect(main).toContain(`references/host_${kb.organismById.get('pig')!.genome_build}_bowtie2`);
  });
});
