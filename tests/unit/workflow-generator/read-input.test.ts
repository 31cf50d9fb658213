import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledge } from '../../../src-main/knowledge/load';
import type { Knowledge } from '../../../src-main/knowledge/schemas';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';
import { tempDir } from '../../support/serve';
import { workflowAnswerFor } from '../../support/workflows';

const kb = loadKnowledge();
const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A knowledge folder whose analysis_types.yaml is edited (the templates beside the real one are found by the loader). */
function kbWithTypes(edit: (text: string) => string): string {
  const dir = path.join(tempDir('biotrain-kb-'), 'knowledge');
  temps.push(path.dirname(dir));
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(defaultKnowledgeDir())) fs.copyFileSync(path.join(defaultKnowledgeDir(), f), path.join(dir, f));
  const file = path.join(dir, 'analysis_types.yaml');
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return dir;
}

const mainOf = (i: Intent, k: Knowledge = kb) => generateWorkflow(i, selectTools(i, k), k).files['main.nf']!;

describe('what a workflow reads comes from the analysis type (analysis_types.yaml input)', () => {
  it('10x libraries are read pairs whatever the request says, and main.nf says why', () => {
    const main = mainOf(intentOf(kb, 'scrna_seq', { read_layout: 'single' }));
    expect(main).toContain("params.reads = 'data/*_R{1,2}.fastq.gz'");
    expect(main).toContain('// 10x Chromium libraries are read pairs: read 1 holds the cell barcode and UMI, read 2 the cDNA\n');
    expect(mainOf(intentOf(kb, 'scrna_seq'))).not.toContain('// 10x Chromium libraries');
  });

  it('the YAML owns the fact: an analysis type without `input` reads the layout the request gives', () => {
    const dir = kbWithTypes((t) => t.replace(/^ {2}input: \{ layout: paired, always: true, why: "10x Chromium[^\n]*\n/m, ''));
    const k = loadKnowledge(dir);
    expect(k.analysisTypeById.get('scrna_seq')!.input).toBeUndefined();
    expect(mainOf(intentOf(k, 'scrna_seq', { read_layout: 'single' }), k)).toContain("params.reads = 'data/*.fastq.gz'");
  });

  it('a bad `input` entry is refused at load, naming file, entry and field', () => {
    const dir = kbWithTypes((t) => t.replace('input: { layout: paired, always: true, why: "Hi-C', 'input: { layout: both, always: true, why: "Hi-C'));
    try {
      loadKnowledge(dir);
      expect.unreachable('the knowledge base loaded');
    } catch (err) {
      expect(err).toBeInstanceOf(KnowledgeError);
      expect((err as KnowledgeError).problems).toContain(
        `analysis_types.yaml: entry 'hic' (index 14): field 'input.layout': Invalid option: expected one of "paired"|"single"`,
      );
    }
  });

  it('the generator holds no layout table of its own', () => {
    const src = fs.readFileSync(path.join(__dirname, '../../../src-main/workflow-generator/context.ts'), 'utf8');
    expect(src).not.toMatch(/ALWAYS_PAIRED|NEVER_PAIRED|'small_rna'|'scrna_seq'|'sequences'/);
  });
});

/** The workflow answer of a request whose read layout was not stated. */
function answerFor(analysisType: string, text: string, over: Partial<Intent> = {}): string {
  const intent = intentOf(kb, analysisType, { read_layout: 'unknown', missing_information: ['read_layout'], ...over });
  const answer = workflowAnswerFor(kb, intent, text);
  return answer.slice(answer.indexOf('## Before you run'), answer.indexOf('## Workflow'));
}

describe('the unstated-layout hint names the input the workflow actually reads', () => {
  it('short reads: paired-end assumed, and single-end data needs other commands', () => {
    expect(answerFor('rna_seq_de', 'RNA-seq DE in human liver')).toBe(
      "## Before you run\n- The read layout is not stated: the workflow assumes paired-end files (`params.reads = 'data/*_R{1,2}.fastq.gz'`); for single-end data ask for a single-end workflow, since its commands differ too, not only `params.reads`.\n\n",
    );
  });

  it('small RNA: read 1 only, whatever the layout', () => {
    expect(answerFor('small_rna_seq', 'miRNA profiling of human serum')).toBe(
      "## Before you run\n- The read layout is not stated, and the library decides it: Read 1 holds the whole small-RNA insert (Illumina: paired-end adds nothing): params.reads takes the R1 files (`params.reads = 'data/*.fastq.gz'`).\n\n",
    );
  });

  it('long reads: one FASTQ per sample, no layout', () => {
    expect(answerFor('long_read_assembly', 'assemble a bacterial genome from nanopore reads', { organism: null, missing_information: ['read_layout'] })).toBe(
      "## Before you run\n- The reads are Oxford Nanopore long reads, one FASTQ per sample (`params.reads = 'data/*.fastq.gz'`), so no read layout applies.\n\n",
    );
  });

  it('FASTA input: sequences, no layout', () => {
    expect(answerFor('phylogenetics', 'build a phylogeny of these sequences', { organism: null })).toBe(
      "## Before you run\n- A phylogeny starts from sequences, not reads: the workflow reads one FASTA file of homologous sequences per set (`params.reads = 'data/*.fasta'`), so no read layout applies.\n\n",
    );
  });
});
