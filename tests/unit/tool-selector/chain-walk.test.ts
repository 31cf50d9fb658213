import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { chainProblems, planSelection } from '../../../src-main/tool-selector';

const kb = loadKnowledge();
const PLATFORM_TEXT: Record<string, string> = { illumina: 'sequenced on an Illumina NovaSeq', ont: 'Oxford Nanopore reads', hifi: 'PacBio HiFi reads' };
const CONSTRAINTS = [[], ['low_memory'], ['gpu'], ['conda'], ['singularity'], ['no_docker'], ['low_memory', 'gpu']];

function intentFor(type: string, dataType: string, layout: Intent['read_layout'], constraints: string[], requested: string[]): Intent {
  return {
    request_kind: 'workflow',
    analysis_type: type,
    organism: { id: 'human', scientific_name: 'Homo sapiens', genome_build: 'GRCh38' },
    tissue: null,
    cell_type: null,
    data_type: dataType,
    read_layout: layout,
    strandedness: 'unknown',
    comparison: { groups: ['treated', 'control'], description: 'treated vs control' },
    requested_tools: requested,
    constraints,
    missing_information: [],
    confidence: 1,
  };
}

/** The platforms a request of this type can name: long-read types ONT or HiFi, the others Illumina. */
const platformsOf = (dataType: string) => (dataType.startsWith('long_read') ? ['ont', 'hifi'] : ['illumina']);

describe('every chain the generators can emit obeys the tables', () => {
  it('analysis type x platform x layout x constraint x requested tool', () => {
    const failures: string[] = [];
    let walked = 0;
    for (const type of kb.analysisTypes)
      for (const platform of platformsOf(type.data_type))
        for (const layout of ['paired', 'single', 'unknown'] as const)
          for (const constraints of CONSTRAINTS)
            for (const requested of [[], ...[...type.recommended_tools, ...type.optional_tools].map((t) => [t])]) {
              const intent = intentFor(type.id, type.data_type, layout, constraints, requested);
              const sel = planSelection(intent, kb, PLATFORM_TEXT[platform])!;
              walked++;
              expect(sel.platform.id).toBe(platform);
              const ids = sel.choices.map((c) => c.id);
              const label = `${type.id}/${platform}/${layout}/${constraints.join('+') || '-'}/${requested.join('+') || '-'}: ${ids.join(' > ')}`;
              for (const p of chainProblems(ids, { type, platform: sel.platform, focus: sel.focus }, kb)) failures.push(`${label}: ${p}`);
              // a requested tool is in the chain or the answer says why not
              for (const r of requested) if (!ids.includes(r) && !sel.refused.some((x) => x.id === r)) failures.push(`${label}: requested ${r} silently dropped`);
            }
    expect(walked).toBeGreaterThan(1500);
    expect(failures).toEqual([]);
  });

  it('the chains the issue found broken', () => {
    const chain = (type: string, text: string, requested: string[] = [], constraints: string[] = []) => {
      const t = kb.analysisTypeById.get(type)!;
      return planSelection(intentFor(type, t.data_type, 'paired', constraints, requested), kb, text)!.choices.map((c) => c.id);
    };
    // Hi-C: an aligner before pairtools, whatever is requested
    for (const r of [[], ['juicer'], ['cooler']]) {
      const ids = chain('hic', 'Hi-C', r);
      expect(ids.indexOf('bwa')).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf('bwa')).toBeLessThan(ids.indexOf('pairtools'));
    }
    // Bracken only after Kraken2; under low memory both give way to MetaPhlAn (a human metagenome drops its host reads first)
    expect(chain('metagenomics_taxonomic', '')).toEqual(['fastqc', 'fastp', 'bowtie2', 'kraken2', 'bracken', 'multiqc']);
    expect(chain('metagenomics_taxonomic', '', [], ['low_memory'])).toEqual(['fastqc', 'fastp', 'bowtie2', 'metaphlan', 'multiqc']);
    expect(chain('metagenomics_taxonomic', '', ['bracken'], ['low_memory'])).toEqual(['fastqc', 'fastp', 'bowtie2', 'kraken2', 'bracken', 'multiqc']);
    // piRNA: no miRDeep2
    expect(chain('small_rna_seq', 'piRNA profiling in fly ovaries')).toEqual(['fastqc', 'cutadapt', 'bowtie2', 'featurecounts', 'multiqc']);
    expect(chain('small_rna_seq', 'miRNA profiling')).toContain('mirdeep2');
    // Medaka is ONT-only
    expect(chain('long_read_assembly', 'PacBio HiFi genome assembly')).toEqual(['nanoplot', 'flye', 'quast', 'busco']);
    expect(chain('long_read_assembly', 'nanopore assembly')).toEqual(['nanoplot', 'flye', 'medaka', 'quast', 'busco']);
    // Sniffles2 is not run on Illumina short reads
    expect(chain('structural_variants', 'Illumina WGS', ['sniffles'])).not.toContain('sniffles');
    // a requested trimmer goes before denoising, not after QIIME 2
    const amplicon = chain('amplicon_16s', '16S', ['fastp']);
    expect(amplicon.indexOf('fastp')).toBeLessThan(amplicon.indexOf('dada2'));
    // low memory swaps STAR, BWA-MEM2 and Canu, and keeps Trinity with a stated setting
    expect(chain('rna_seq_de', '', [], ['low_memory'])).toEqual(['fastqc', 'fastp', 'hisat2', 'featurecounts', 'deseq2', 'multiqc']);
    expect(chain('wgs_germline_variants', '', [], ['low_memory'])).toContain('bwa');
    expect(chain('wgs_germline_variants', '', [], ['low_memory'])).not.toContain('bwa_mem2');
    expect(chain('long_read_assembly', 'nanopore', ['canu'], [])).toContain('canu');
  });
});
