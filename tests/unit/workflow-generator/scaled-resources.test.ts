import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { requestGenomeMb, requestReadPairsMillion, requestSampleCount } from '../../../src-main/workflow-generator/data-size';
import type { Intent } from '../../../src-preload/schemas/intent';
import { intentOf } from '../../support/intents';
import { projectFor, workflowAnswerFor } from '../../support/workflows';

const kb = loadKnowledge();
const on = (type: string, id: string | null, over: Partial<Intent> = {}): Intent => {
  const o = id ? kb.organismById.get(id)! : undefined;
  return intentOf(kb, type, { ...(o ? { organism: { id: id!, scientific_name: o.scientific_name, genome_build: o.genome_build } } : {}), ...over });
};
const block = (config: string, name: string) => {
  const i = config.indexOf(`withName: '${name}' {`);
  return i < 0 ? '' : config.slice(i, config.indexOf('\n    }', i));
};

describe('resources scale with the data the request states (review class 2)', () => {
  it('reads sample counts, depths and genome sizes as requests write them', () => {
    expect(requestReadPairsMillion('We have 2 billion read pairs in total.')).toBe(2000);
    expect(requestReadPairsMillion('Our study has 20 samples. Reads are 150 bp, about 30 million read pairs per sample.')).toBe(600);
    expect(requestReadPairsMillion('about 30 million reads per sample')).toBeNull();
    expect(requestSampleCount('Cohort: 6 libraries')).toBe(6);
    expect(requestGenomeMb('a 390 Mb genome')).toBe(390);
    expect(requestGenomeMb('the genome size is about 1.2 Gb')).toBe(1200);
  });

  it('Trinity on 2 billion read pairs: the wiki needs ~2,000 GB, the machine limit is given and said to be short', () => {
    const text = 'de novo transcriptome assembly, paired-end, 2 billion read pairs';
    const intent = on('de_novo_transcriptome_assembly', null, { read_layout: 'paired' });
    const trinity = block(projectFor(kb, intent, text)['nextflow.config']!, 'TRINITY');
    expect(trinity).toMatch(/sized for 2,000 million read pairs: 2000 GB/);
    expect(trinity).toMatch(/memory = \{ 128\.GB \* task\.attempt \}/);
    const answer = workflowAnswerFor(kb, intent, text, 'assembly');
    expect(answer).toMatch(/\*\*Trinity\*\*: sized for 2,000 million read pairs, which needs 2,000 GB .* more memory than this configuration's 128 GB limit: .*normalisation/);
  });

  it('Canu for the 390 Mb rice genome gets CPU hours and memory from its FAQ, not a 12 CPU / 16 h label', () => {
    const text = 'Oxford Nanopore genome assembly of rice, use Canu';
    const intent = on('long_read_assembly', 'rice', { requested_tools: ['canu'] });
    const files = projectFor(kb, intent, text);
    const canu = block(files['nextflow.config']!, 'CANU');
    expect(canu).toMatch(/sized for the 390 Mb genome of Oryza sativa: 23 GB and about 3119 CPU hours/);
    expect(canu).toMatch(/cpus = 16/);
    expect(canu).toMatch(/time = \{ 195\.h \* task\.attempt \}/);
    expect(workflowAnswerFor(kb, intent, text, 'assembly')).toMatch(/\*\*Canu\*\*: sized for the 390 Mb genome of Oryza sativa, which needs 23 GB and about 3,119 CPU hours/);
  });

  it('Flye interpolates its own benchmark table per platform', () => {
    const files = projectFor(kb, on('long_read_assembly', 'rice'), 'Oxford Nanopore genome assembly of rice');
    expect(block(files['nextflow.config']!, 'FLYE')).toMatch(/sized for the 390 Mb genome of Oryza sativa: 68 GB and about 414 CPU hours/);
  });
});
