import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { missingInformation } from '../../../src-main/knowledge/missing-information';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const organisms: Intent['organism'][] = [null, ...kb.organisms.map((o) => ({ id: o.id, scientific_name: o.scientific_name, genome_build: o.genome_build }))];

/** The workflow answer of a request (text as written) with its missing_information computed as every generator does. */
function answerFor(type: string, over: Partial<Intent>, text = '') {
  const base = intentOf(kb, type, over);
  const intent = { ...base, missing_information: missingInformation(base, kb, text) };
  const tools = selectTools(intent, kb, text);
  const workflow = generateWorkflow(intent, tools, kb, { text });
  const example = makeExample({ id: 'wf-1', kind: 'workflow', groupId: 'g', baseId: null, engine: 'test', category: 'rna_seq', analysisType: type, difficulty: 2, input: text, output: { intent, tools, workflow } });
  const answer = renderTaskAnswer(example, kb);
  const at = answer.indexOf('## Before you run');
  return { intent, main: workflow.files['main.nf']!, before: at < 0 ? '' : answer.slice(at, answer.indexOf('## Workflow')) };
}

describe('every input a generated workflow needs and has no default for is named before it runs', () => {
  it('a params.* input with no default is in "Before you run", for every analysis type, organism and layout', () => {
    const unnamed: string[] = [];
    for (const t of kb.analysisTypes)
      for (const organism of organisms)
        for (const read_layout of ['paired', 'single'] as const) {
          const { main, before, intent } = answerFor(t.id, { organism, read_layout });
          for (const [, p] of main.matchAll(/^params\.(\w+) = null\b/gm))
            if (!before.includes(`params.${p}`) && !before.includes(`--${p}`)) unnamed.push(`${t.id} ${organism?.id ?? 'no organism'} ${read_layout}: params.${p} (missing_information: [${intent.missing_information.join(', ')}])`);
        }
    expect([...new Set(unnamed)]).toEqual([]);
  });

  it('inputs with a placeholder path the request never gave are named: BQSR known sites, the BUSCO lineage dataset, the omics layers', () => {
    for (const type of ['wgs_germline_variants', 'wes_germline_variants', 'somatic_variants']) {
      const human = answerFor(type, {});
      expect(human.intent.missing_information).toContain('known_sites');
      expect(human.before).toMatch(/`params\.known_sites`.*Mills_and_1000G_gold_standard\.indels/);
      // an organism with no curated known-sites set: the answer says so and what to do instead
      const pig = answerFor(type, { organism: { id: 'pig', scientific_name: 'Sus scrofa', genome_build: 'Sscrofa11.1' } });
      expect(pig.before).toMatch(/no curated known-sites set .*Sus scrofa/);
      expect(answerFor(type, {}, 'germline calls on human exomes with dbSNP and Mills indels as known sites').intent.missing_information).not.toContain('known_sites');
    }
    for (const type of ['long_read_assembly', 'de_novo_genome_assembly', 'de_novo_transcriptome_assembly']) {
      const a = answerFor(type, {});
      expect(a.intent.missing_information).toContain('busco_lineage');
      expect(a.before).toMatch(/`params\.busco_downloads`.*busco --download/);
    }
    const mofa = answerFor('multi_omics_integration', {});
    expect(mofa.intent.missing_information).toContain('omics_layers');
    expect(answerFor('multi_omics_integration', {}, 'integrate RNA-seq with proteomics abundance table using MOFA').intent.missing_information).not.toContain('omics_layers');
  });

  it('single-cell QC with no mitochondrial gene prefix for the organism: the answer says the percent-mito filter is skipped, and why', () => {
    const worm = answerFor('scrna_seq', { organism: { id: 'worm', scientific_name: 'Caenorhabditis elegans', genome_build: 'WBcel235' } });
    expect(worm.before).toMatch(/No prefix that finds the mitochondrial genes of Caenorhabditis elegans \(WBcel235\) is known here, since WormBase .*skips that filter/);
    const ecoli = kb.organismById.get('ecoli')!;
    expect(answerFor('spatial_transcriptomics', { organism: { id: ecoli.id, scientific_name: ecoli.scientific_name, genome_build: ecoli.genome_build } }).before).toContain('is known here, since bacteria have no mitochondria: percent.mt');
    for (const id of ['human', 'mouse', 'fly', 'arabidopsis', 'yeast']) {
      const o = kb.organismById.get(id)!;
      expect(answerFor('scrna_seq', { organism: { id, scientific_name: o.scientific_name, genome_build: o.genome_build } }).before, id).not.toContain('mitochondrial genes of');
    }
  });

  it("rMATS --readLength: the request's read length, else a required --read_length named before it runs; fastp's trimmed reads kept (--variable-read-length)", () => {
    const stated = answerFor('alternative_splicing', { read_layout: 'paired' }, 'Differential splicing in human cells, treated vs control, paired-end. Read length: 100 bp');
    const rmats = (a: { main: string }) => a.main;
    expect(stated.intent.missing_information).not.toContain('read_length');
    const statedProject = generateWorkflow(stated.intent, selectTools(stated.intent, kb, 'Read length: 100 bp'), kb, { text: 'Read length: 100 bp' }).files['modules/rmats/main.nf']!;
    expect(statedProject).toContain('--readLength 100 --variable-read-length');
    const open = answerFor('alternative_splicing', { read_layout: 'single' }, 'Differential splicing in human cells, treated vs control');
    expect(open.intent.missing_information).toContain('read_length');
    expect(rmats(open)).toMatch(/^params\.read_length = null\b/m);
    expect(open.before).toMatch(/read length is not stated.*`--read_length`/);
    const openModule = generateWorkflow(open.intent, selectTools(open.intent, kb, ''), kb, { text: '' }).files['modules/rmats/main.nf']!;
    expect(openModule).toContain('--readLength ${read_length} --variable-read-length');
    expect(openModule).not.toMatch(/--readLength (100|150)\b/);
  });

  it('MACS2 and deepTools genome sizes: named when the organism has none in the facts, not when it has', () => {
    const pig = { id: 'pig', scientific_name: 'Sus scrofa', genome_build: 'Sscrofa11.1' };
    expect(answerFor('chip_seq', { organism: pig }).intent.missing_information).toContain('genome_size');
    expect(answerFor('chip_seq', {}).intent.missing_information).not.toContain('genome_size');
    expect(answerFor('atac_seq', { organism: pig }).before).toMatch(/MACS2 -g and deepTools bamCoverage --effectiveGenomeSize take it from `--mappable_genome_size`.*unique-kmers\.py/);
  });
});
