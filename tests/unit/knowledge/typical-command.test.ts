import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();
const command = (id: string) => kb.toolById.get(id)!.typical_command;

describe("a tool's typical command as the education answers show it", () => {
  it('runs the tool itself, not the staging lines before it', () => {
    expect(command('fastqc')).toBe('fastqc {args} --threads {cpus} {prefix}_1.fastq.gz {prefix}_2.fastq.gz');
    expect(command('hisat2')).toMatch(/^hisat2 -p \{cpus\} -x \{hisat2_index_prefix\} /);
    expect(command('mirdeep2').split('\n')).toEqual([
      'mapper.pl {prefix}.fastq -e -h -i -j -l 18 -m -p {bowtie_index_prefix} -s {prefix}.collapsed.fa -t {prefix}.arf -v -o {cpus}',
      'miRDeep2.pl {prefix}.collapsed.fa {genome_fasta} {prefix}.arf {prefix}.mature.fa none {prefix}.hairpin.fa -t {mirbase} {args} 2> {prefix}.mirdeep2.log',
    ]);
    expect(command('samtools').split('\n')).toEqual(['samtools flagstat -@ {cpus} {bam} > {prefix}.flagstat', 'samtools stats -@ {cpus} {args} {bam} > {prefix}.stats']);
  });

  it('names memory and paths in words, never as Nextflow expressions', () => {
    expect(command('spades')).toBe('spades.py -1 {r1} -2 {r2} --threads {cpus} --memory {memory_gb} {args} -o spades_out');
    expect(command('picard')).toContain('picard -Xmx{java_heap_mb}m MarkDuplicates');
    expect(command('clair3')).toContain('--bam_fn=$PWD/{bam}');
    // the packaged-model lookup is staging; the model is the shell variable it sets
    expect(command('clair3')).toMatch(/^run_clair3\.sh .* --platform=ont --model_path=\{model\} /);
    // an organism-dependent reference is shown staged, as best practice runs it (Mutect2 with the GATK bundle)
    expect(command('gatk_mutect2')).toContain(' --germline-resource {germline_resource} --panel-of-normals {panel_of_normals} --f1r2-tar-gz {prefix}.f1r2.tar.gz ');
    expect(command('gatk_mutect2')).not.toMatch(/\{with|without /);
    expect(command('gatk_mutect2').match(/FilterMutectCalls/g)).toHaveLength(1);
    for (const t of kb.tools) {
      expect(t.typical_command, t.id).not.toMatch(/\$\{|\\\{|\btask\.|\\\$/);
      expect(t.typical_command, t.id).not.toMatch(/^(?:ln|mv|mkdir|export|[A-Z_]+=)/m);
    }
  });
});
