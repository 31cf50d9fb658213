import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { parseAnswer } from '../../../src-main/model-eval/parse-answer';
import { scoreFacts, knownFlags } from '../../../src-main/model-eval/score-facts';
import { scoreTools, stepOrder } from '../../../src-main/model-eval/score-tools';
import { scoreWorkflow } from '../../../src-main/model-eval/score-workflow';
import { emptyScored } from '../../../src-main/model-eval/scored';
import { toolLexicon } from '../../../src-main/model-eval/tool-mentions';

const kb = loadKnowledge();
const lexicon = toolLexicon(kb);
const rnaseq = kb.analysisTypeById.get('rna_seq_de')!;

describe('parseAnswer', () => {
  it('reads the intent JSON, the tool list, labelled workflow files, diagnosis and fix steps', () => {
    const p = parseAnswer(
      [
        '## Analysis Intent',
        '```json',
        '{"analysis_type":"rna_seq_de"}',
        '```',
        '## Recommended Tools',
        '1. **FastQC** - qc',
        '2. **featureCounts** - counts',
        '- Salmon: quantifies',
        '## Workflow',
        '`main.nf`',
        '```nextflow',
        "include { A } from './modules/a'",
        '```',
        '```nextflow',
        '// modules/a.nf',
        'process A {',
        '}',
        '```',
        '## Diagnosis',
        'It broke.',
        '## Fix',
        '1. Do this.',
        '2. Then that.',
      ].join('\n'),
    );
    expect(p.json).toEqual({ raw: '{"analysis_type":"rna_seq_de"}', value: { analysis_type: 'rna_seq_de' } });
    expect(p.toolNames).toEqual(['FastQC', 'featureCounts', 'Salmon']);
    expect(Object.keys(p.workflow)).toEqual(['main.nf', 'modules/a.nf']);
    expect(p.workflow['modules/a.nf']).toBe('process A {\n}\n');
    expect(p.diagnosis).toBe('It broke.');
    expect(p.fixSteps).toEqual(['Do this.', 'Then that.']);
  });

  it('reports JSON that does not parse, and bare JSON answers', () => {
    expect(parseAnswer('```json\n{"a": \n```').json?.error).toBeDefined();
    expect(parseAnswer(' {"a": 1} ').json?.value).toEqual({ a: 1 });
    expect(parseAnswer('no json here').json).toBeNull();
  });
});

describe('tool lexicon', () => {
  it('resolves names, ids and aliases; finds tools a workflow runs by container and process name', () => {
    expect(['STAR', 'feature-counts', 'bwa-mem2', 'BWA', 'MagicAligner'].map(lexicon.resolve)).toEqual(['star', 'featurecounts', 'bwa_mem2', 'bwa', null]);
    expect(lexicon.mentioned('Align with BWA-MEM2 then run samtools; not bwa.')).toEqual(['bwa', 'bwa_mem2', 'samtools']);
    const files = {
      'main.nf': "process STAR_ALIGN {\n  container 'quay.io/biocontainers/star:2.7.11b--h43eeafb_0'\n  script:\n  \"\"\"\n  STAR\n  \"\"\"\n}\n",
      'modules/x.nf': "process GATK_HAPLOTYPECALLER {\n  container 'quay.io/biocontainers/gatk4:4.5.0.0--py36hdfd78af_0'\n}\nprocess SAMTOOLS_SORT {\n}\n",
    };
    expect(lexicon.usedBy(files)).toEqual(['gatk_haplotypecaller', 'samtools', 'star']);
  });
});

describe('scoreTools', () => {
  it('precision, recall and F1 of the set, step order by pairs, unknown names', () => {
    const out = emptyScored();
    scoreTools(['fastqc', 'star', 'featurecounts', 'deseq2'], { ids: ['star', 'fastqc', 'salmon'], unknown: ['Foo'] }, rnaseq, out);
    expect(out.metrics['tools.precision']).toBeCloseTo(2 / 3, 12);
    expect(out.metrics['tools.recall']).toBe(0.5);
    expect(out.metrics['tools.f1']).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 12);
    expect(out.metrics['tools.known']).toBe(0);
    expect(out.diagnostics).toEqual([
      'tools not in the target: salmon',
      'target tools missing: featurecounts, deseq2',
      'tools the knowledge base does not know: Foo',
      expect.stringMatching(/^tools out of step order/),
    ]);
    expect(stepOrder(rnaseq, ['fastqc', 'star', 'featurecounts', 'deseq2'])).toBe(1);
    // reversed: no pair in order
    expect(stepOrder(rnaseq, ['deseq2', 'featurecounts', 'star', 'fastqc'])).toBe(0);
  });
});

describe('scoreWorkflow', () => {
  const intent = {
    request_kind: 'workflow' as const,
    analysis_type: 'rna_seq_de',
    organism: null,
    tissue: null,
    cell_type: null,
    data_type: 'rna_seq',
    read_layout: 'single' as const,
    strandedness: 'unknown' as const,
    comparison: null,
    requested_tools: [],
    constraints: ['low_memory'],
    missing_information: [],
    confidence: 1,
  };
  const proc = (name: string, container: string) => `process ${name} {\n    container '${container}'\n    script:\n    """\n    echo\n    """\n}\n`;
  it('read pairs from a sample sheet naming both mates count as paired (Visium, spatial sheets); one mate does not', () => {
    const sheet = (cols: string) => ({ 'main.nf': `workflow {\n    ch = channel.fromPath(params.input).splitCsv(header: true).map { row -> [[id: row.sample], [${cols}]] }\n    FASTQC(ch)\n}\n${proc('FASTQC', kb.toolById.get('fastqc')!.container)}` });
    const paired = { ...intent, read_layout: 'paired' as const };
    const both = emptyScored();
    scoreWorkflow({ files: sheet('file(row.fastq_1), file(row.fastq_2)'), named: ['fastqc'], intent: paired, targetTools: ['fastqc'], type: rnaseq }, kb, lexicon, both);
    expect(both.metrics['workflow.layout']).toBe(1);
    const one = emptyScored();
    scoreWorkflow({ files: sheet('file(row.fastq_1)'), named: ['fastqc'], intent: paired, targetTools: ['fastqc'], type: rnaseq }, kb, lexicon, one);
    expect(one.metrics['workflow.layout']).toBe(0);
  });

  it('completeness, redundancy, layout and constraints from the analysis steps and the request', () => {
    const files = {
      'main.nf': `workflow {\n    ch = channel.fromFilePairs('*_{1,2}.fq')\n    FASTQC(ch)\n    STAR(ch)\n    KRAKEN2(ch)\n}\n${proc('FASTQC', kb.toolById.get('fastqc')!.container)}${proc('STAR', kb.toolById.get('star')!.container)}${proc('KRAKEN2', kb.toolById.get('kraken2')!.container)}`,
    };
    const out = emptyScored();
    scoreWorkflow({ files, named: ['fastqc', 'star', 'deseq2'], intent, targetTools: ['fastqc', 'hisat2', 'featurecounts', 'deseq2'], type: rnaseq }, kb, lexicon, out);
    expect(out.metrics).toMatchObject({
      'workflow.present': 1,
      'workflow.parses': 1,
      'workflow.named_tools': 2 / 3,
      'workflow.layout': 0,
      'workflow.constraints': 0,
    });
    // the target's steps: qc, alignment, quantification, differential expression; fastqc and star cover two
    const steps = rnaseq.steps.filter((s) => s.tools.some((t) => ['fastqc', 'hisat2', 'featurecounts', 'deseq2'].includes(t)));
    const covered = steps.filter((s) => s.tools.some((t) => ['fastqc', 'star', 'kraken2'].includes(t)));
    expect(out.metrics['workflow.completeness']).toBe(covered.length / steps.length);
    expect(out.metrics['workflow.redundancy']).toBeCloseTo(1 / 3, 12);
    expect(out.diagnostics).toContain('steps the analysis does not need: kraken2');
    expect(out.diagnostics).toContain(`constraints not honoured: low_memory: star need more than 16 GB`);
  });
});

describe('scoreFacts', () => {
  it('key facts of a diagnosis (cause, fix steps, tools, flags) and unknown tools or flags', () => {
    const target = parseAnswer(
      '## Diagnosis\nThe container image lacks samtools, so the command was not found.\n\n## Fix\n1. Run with -profile docker so the container directive is used.\n2. Rebuild the image with samtools installed.',
    );
    const answer = parseAnswer('## Diagnosis\nThe container image lacks samtools: command not found.\n\n## Fix\n1. Use **FooTool** with --magic.');
    const out = emptyScored();
    scoreFacts(target, answer, lexicon, knownFlags(kb), out);
    // facts: tool samtools (present), flag -profile (absent), the diagnosis (present), fix 1 (absent), fix 2 (absent)
    expect(out.metrics['facts.recall']).toBeCloseTo(2 / 5, 12);
    expect(out.metrics['facts.known']).toBe(0);
    expect(out.diagnostics).toEqual([
      'key facts missing: flag -profile, fix step 1, fix step 2',
      'tools the knowledge base does not know: FooTool',
      'flags the knowledge base does not know: --magic',
    ]);
  });
});
