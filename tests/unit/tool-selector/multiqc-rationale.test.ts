import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { resolveProcess } from '../../../src-main/knowledge/process-schema';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { planSelection, selectTools } from '../../../src-main/tool-selector';

const kb = loadKnowledge();
const modules = () => kb.selection.toolRules.get('multiqc')?.multiqc_modules ?? {};
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const requests = [
  'CRISPR knockout screen in human A549 cells, count sgRNAs and find essential genes with MAGeCK',
  '16S rRNA amplicon sequencing of soil samples, V4 region, paired-end',
  'ChIP-seq of H3K27ac in mouse liver, paired-end, with input controls',
  'RNA-seq differential expression of human liver, treated vs control, single-end, quantify with kallisto',
  'shotgun metagenomics functional profiling of human gut stool with HUMAnN',
];

describe("MultiQC's rationale names only the tools whose reports it is given and can read", () => {
  it.each(requests)('%s', (text) => {
    const intent = parseIntent(text, kb);
    const chain = selectTools(intent, kb, text);
    const at = chain.findIndex((c) => c.tool === 'multiqc');
    expect(at, 'MultiQC in the chain').toBeGreaterThan(0);
    const why = chain[at]!.rationale;
    const sel = planSelection(intent, kb, text)!;
    for (const [i, c] of chain.entries()) {
      if (c.tool === 'multiqc') continue;
      const tool = kb.toolById.get(c.tool)!;
      const named = new RegExp(`(^|[^\\w-])${escapeRe(tool.name)}($|[^\\w-])`).test(why);
      const passed = i < at && resolveProcess(tool.process, sel.type.id, sel.focuses.map((f) => f.id)).outputs.some((o) => o.report);
      const readable = modules()[c.tool] !== undefined;
      expect(named, `${tool.name} in "${why}"`).toBe(passed && readable);
    }
  });

  it('every tool output passed to MultiQC has a MultiQC module that reads it (checked against MultiQC multiqc/modules)', () => {
    const reporting = [...kb.toolById.values()].filter((t) => t.process.outputs.some((o) => o.report) || Object.values(t.process.overrides ?? {}).some((p) => (p as { outputs?: { report: boolean }[] }).outputs?.some((o) => o.report)));
    expect(reporting.length).toBeGreaterThan(20);
    for (const t of reporting) expect(modules()[t.id], t.id).toBeDefined();
    expect(modules().mageck).toBeUndefined();
    expect(modules().dada2).toBeUndefined();
  });

  it('a step that runs once over all samples is not said to run for every sample', () => {
    const text = '16S rRNA amplicon sequencing of soil samples, V4 region, paired-end';
    const why = selectTools(parseIntent(text, kb), kb, text).find((c) => c.tool === 'multiqc')!.rationale;
    expect(why).not.toMatch(/DADA2|QIIME/);
  });
});
