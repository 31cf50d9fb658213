import { describe, expect, it } from 'vitest';
import type { ToolChoice } from '../../../src-preload/schemas/example';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const chainOf = (...tools: string[]): ToolChoice[] => tools.map((tool) => ({ tool, rationale: 'x' }));
const MOUSE38 = { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm38' };
const DOG = { id: 'dog', scientific_name: 'Canis lupus familiaris', genome_build: 'ROS_Cfam_1.0' };

describe('the generator wires only what the chain names, each BAM reader to a BAM it can read (tools.yaml bam_needs)', () => {
  it("short-read DELLY and Manta read the BAM of the chain's Picard MarkDuplicates; no step is added behind the answer", () => {
    for (const layout of ['paired', 'single'] as const) {
      const i = intentOf(kb, 'structural_variants', { read_layout: layout });
      const files = generateWorkflow(i, selectTools(i, kb, 'structural variants from short reads'), kb).files;
      const main = files['main.nf']!;
      expect(main, layout).toContain('    PICARD(BWA_MEM2.out.bam.join(BWA_MEM2.out.bai)');
      expect(main, layout).toContain('    MANTA(PICARD.out.bam.join(PICARD.out.bai)');
      expect(main, layout).toContain('    DELLY(PICARD.out.bam.join(PICARD.out.bai)');
      expect(main, layout).not.toMatch(/ added: | is left out: /);
      const result = checkWorkflow(files);
      expect(result.errorCount, formatDiagnostics(result)).toBe(0);
    }
  });

  it('a chain that marks no duplicates leaves DELLY out and says why, instead of adding Picard', () => {
    const i = intentOf(kb, 'structural_variants');
    const main = generateWorkflow(i, chainOf('fastqc', 'bwa_mem2', 'samtools', 'manta', 'delly', 'bcftools'), kb).files['main.nf']!;
    expect(main).toContain('    // DELLY is left out: it reads a BAM with its duplicates marked, and no step before it marks them');
    expect(main).not.toContain('PICARD(');
    expect(main).not.toContain('DELLY(');
    expect(main).toContain('    MANTA(BWA_MEM2.out.bam.join(BWA_MEM2.out.bai)');
  });

  it('a reader whose BAM has the wrong order is left out and says why, never wired to it (pairtools after a sorting aligner)', () => {
    const i = intentOf(kb, 'hic');
    const main = generateWorkflow(i, chainOf('bowtie2', 'pairtools'), kb).files['main.nf']!;
    expect(main).toContain('    // pairtools is left out: it reads a BAM in read-name order, and Bowtie2 writes it sorted by coordinate');
    expect(main).not.toContain('PAIRTOOLS(');
  });

  it('Hi-C with BWA-MEM2: pairtools parse reads the unsorted BAM of bwa-mem2 mem -5SP -T0 (pairtools runs bwa-mem2 -SP output so in its own benchmark)', () => {
    const text = 'Hi-C of human GM12878 cells aligned with bwa-mem2';
    const i = intentOf(kb, 'hic', { requested_tools: ['bwa_mem2'] });
    const files = generateWorkflow(i, selectTools(i, kb, text), kb, { text }).files;
    expect(files['modules/bwa_mem2/main.nf']).toContain(
      '    bwa-mem2 mem -5SP -T0 -t ${task.cpus} ${args} \\$INDEX ${reads[0]} ${reads[1]} | samtools view -b -o ${meta.id}.bam -\n',
    );
    expect(files['modules/bwa_mem2/main.nf']).not.toContain('samtools sort');
    expect(files['main.nf']).toContain('    PAIRTOOLS(BWA_MEM2.out.bam');
    const result = checkWorkflow(files);
    expect(result.errorCount, formatDiagnostics(result)).toBe(0);
  });

  it("DELLY skips the exclude list it ships for the build (-x, a staged reference parameter), and a build without one runs without and says so", () => {
    const run = (organism: typeof MOUSE38 | undefined) => {
      const i = intentOf(kb, 'structural_variants', organism ? { organism } : {});
      return generateWorkflow(i, selectTools(i, kb), kb).files;
    };
    const human = run(undefined);
    expect(human['modules/delly/main.nf']).toContain('delly call -g ${fasta} -x ${delly_exclude} ${args} -o ${meta.id}.delly.bcf ${bam}');
    expect(human['main.nf']).toContain("params.delly_exclude = 'references/human.hg38.excl.tsv' // DELLY's excludeTemplates/");
    expect(run(MOUSE38)['main.nf']).toContain("params.delly_exclude = 'references/mouse.mm10.excl.tsv'");
    for (const organism of [DOG, { ...MOUSE38, genome_build: 'GRCm39' }]) {
      const files = run(organism);
      expect(files['modules/delly/main.nf'], organism.genome_build).not.toContain('-x ');
      expect(files['main.nf'], organism.genome_build).not.toContain('params.delly_exclude');
      expect(files['main.nf'], organism.genome_build).toContain(`    // DELLY ships no exclude list for ${organism.scientific_name} ${organism.genome_build}`);
      const result = checkWorkflow(files);
      expect(result.errorCount, formatDiagnostics(result)).toBe(0);
    }
  });
});
