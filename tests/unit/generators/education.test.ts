import { describe, expect, it } from 'vitest';
import { educationSeed, explainComparison, inSentence, planEducation } from '../../../src-main/generators/education';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();
const tool = (id: string) => kb.toolById.get(id)!;
const group = (id: string) => kb.selection.alternatives.find((g) => g.id === id)!;

describe('tool comparison answers', () => {
  it('compare two alternatives for one step and say when to choose each', () => {
    expect(explainComparison(tool('star'), tool('hisat2'), group('spliced_alignment'), kb.toolMemory)).toBe(
      [
        '**STAR** and **HISAT2** are alternatives for one step: splice-aware alignment of short RNA-seq reads.',
        '',
        '- **STAR**: Ultrafast splice-aware aligner for RNA-seq reads that also detects chimeric and novel junctions.',
        '- **HISAT2**: Memory-efficient splice-aware aligner using a hierarchical graph FM index.',
        '',
        '**How to choose**',
        '- Choose **STAR** when you have about 32 GB of RAM for a human or mouse index and want the fastest mapping, novel junction discovery, or chimeric reads for fusion calling.',
        '- Choose **HISAT2** when memory is limited (about 8 GB for a human index) and you need genome alignments for counting or splicing analysis.',
        // the memory STAR's manual states; HISAT2's has no entry in tool_memory.yaml, so no figure of the selector's is made up for it
        '- Memory: STAR needs about 10 bytes of RAM per genome base to map (its manual recommends 32 GB for a human genome).',
      ].join('\n'),
    );
  });

  it('plans comparisons only between tools of one alternatives group (no STAR vs MAFFT, Kraken2 vs Bracken, VEP vs Prokka)', () => {
    const compares = planEducation(kb, 10_000).filter((s) => s.kind === 'compare');
    expect(compares.length).toBeGreaterThanOrEqual(30);
    for (const s of compares) {
      if (s.kind !== 'compare') continue;
      expect(s.group.tools.map((t) => t.tool)).toEqual(expect.arrayContaining([s.a.id, s.b.id]));
    }
    const pairs = new Set(compares.map((s) => (s.kind === 'compare' ? [s.a.id, s.b.id].sort().join('+') : '')));
    for (const bad of ['mafft+star', 'bracken+kraken2', 'prokka+vep', 'deepvariant+gatk_mutect2']) expect(pairs.has(bad)).toBe(false);
  });

  it("'When should I use X' names each step it runs and its analysis, once each (no 'isoforms in long-read RNA-seq isoforms')", () => {
    const when = (id: string) => educationSeed(kb, 42, { kind: 'tool', tool: tool(id), question: 1 }).output.explanation;
    expect(when('stringtie')).toBe(
      [
        '**StringTie** (transcript assembly): Reference-guided transcript assembly and isoform quantification from RNA alignments.',
        '',
        'Where it runs:',
        '- Long-read RNA-seq isoforms, step **Isoforms**: Identify and quantify isoforms.',
        '',
        'For identifying transcript isoforms from long-read alignments, choose it when you want reference-guided transcript assembly that also works on short reads (with -L for long reads).',
        '- Choose **IsoQuant** instead when you want isoform identification and counts from ONT or PacBio alignments with a reference annotation.',
      ].join('\n'),
    );
    expect(when('mageck')).toBe(
      [
        '**MAGeCK** (CRISPR): Counts sgRNAs and identifies positively and negatively selected genes in CRISPR screens.',
        '',
        'Where it runs:',
        '- CRISPR screen analysis, step **Counting and testing**: Count guides and test genes.',
      ].join('\n'),
    );
  });

  it('write analysis names as words inside sentences', () => {
    expect(['Gene fusion detection', 'RNA-seq differential expression', 'Hi-C chromatin conformation', 'De novo transcriptome assembly', 'WGS germline variant calling'].map(inSentence)).toEqual([
      'gene fusion detection',
      'RNA-seq differential expression',
      'Hi-C chromatin conformation',
      'de novo transcriptome assembly',
      'WGS germline variant calling',
    ]);
  });
});

describe('how to run a tool', () => {
  const answer = (id: string) => educationSeed(kb, 42, { kind: 'tool', tool: tool(id), question: 3 }).output.explanation!;

  it('a library is called from its language, never through an invented script', () => {
    const deseq2 = answer('deseq2');
    expect(deseq2).toContain('DESeq2 is an R library, not a command-line program');
    expect(deseq2).toContain('dds <- DESeqDataSetFromMatrix(countData = counts, colData = samples, design = ~ condition)');
    expect(deseq2).not.toContain('Rscript');
    expect(answer('scanpy')).toContain('sc.tl.leiden(adata)');
    for (const t of kb.libraryUsage.keys()) expect(answer(t)).not.toMatch(/Rscript|python \w+\.py/);
  });

  it('a command-line tool shows its command with the placeholders named', () => {
    expect(answer('fastqc')).toContain('values in braces are your files and settings');
    // {args} is the workflow's hook for extra options: the reader is shown the command without it
    expect(answer('fastqc')).toContain(tool('fastqc').typical_command.replace(' {args}', ''));
    for (const t of kb.tools) expect(answer(t.id), t.id).not.toContain('{args}');
  });

  it("STARsolo's --soloUMIlen 12 is explained as 10x 3' v3 chemistry, with v2's value beside it", () => {
    const starsolo = answer('starsolo');
    expect(starsolo).toContain('--soloUMIlen 12');
    expect(starsolo).toContain("- --soloUMIlen 12 and the whitelist are for 10x Chromium 3' v3/v3.1 chemistry (16 bp cell barcode + 12 bp UMI in read 1, whitelist 3M-february-2018)");
    expect(starsolo).toContain("v2 has a 10 bp UMI (STAR's default --soloUMIlen 10)");
  });
});

describe('what a tool does, and a tool explained to a student', () => {
  const answer = (id: string, question: number) => educationSeed(kb, 42, { kind: 'tool', tool: tool(id), question }).output.explanation!;

  it('name no option that the tool has not (featureCounts has -s and -t, not strandSpecific or feature_type)', () => {
    expect(answer('featurecounts', 4)).toBe(
      [
        '**featureCounts** (quantification): Counts aligned reads overlapping genes or exons from an annotation, or intervals given as SAF (consensus peaks), fast and strand-aware.',
        '',
        '- **Takes** BAM and GTF annotation or SAF intervals; **gives** gene or peak count matrix and summary.',
        '- **Needs before it**: STAR, HISAT2, Bowtie2 or minimap2, earlier in the workflow.',
        '- **Its step**: quantification in RNA-seq differential expression, differential binding in ChIP-seq peak calling and differential accessibility in ATAC-seq chromatin accessibility (and 1 more).',
        // the tools' own defaults (featureCounts -s 0, htseq-count -s yes), not a workflow's settings
        '- **Check first**: Is the library stranded (dUTP or TruSeq Stranded: reverse) or unstranded? With the wrong setting the reads of the opposite strand are counted for a gene or lost. featureCounts counts as unstranded by default (-s 0; -s 2 for reverse, -s 1 for forward).',
        '',
        '**Alternatives for its step**',
        '- For counting aligned reads per gene, choose it when you want speed and one count matrix for all samples; it handles paired-end fragments and strandedness with -p and -s.',
        '  - Choose **HTSeq-count** instead when you want explicit per-sample control of how reads overlapping several features are counted (union, intersection modes).',
        '',
        'It is used in RNA-seq differential expression.',
        'In a Nextflow workflow it runs in the container `quay.io/biocontainers/subread:2.0.6--he4a0461_2`.',
      ].join('\n'),
    );
    for (const t of kb.tools)
      for (const q of [0, 2, 4]) {
        const text = answer(t.id, q);
        expect(text, `${t.id} question ${q}`).not.toMatch(/Typical parameters/);
        for (const code of text.matchAll(/`([^`]+)`/g)) expect([t.container], `${t.id} question ${q}`).toContain(code[1]);
      }
  });
});

describe('analysis answers that answer the question', () => {
  const analysis = (id: string, question: number) => educationSeed(kb, 42, { kind: 'analysis', analysis: kb.analysisTypeById.get(id)!, question }).output.explanation!;

  it('a sort and index a core step needs is said where it happens, not left as an optional addition (MethylDackel, Clair3)', () => {
    const methylation = analysis('methylation_bisulfite', 1);
    expect(methylation).toMatch(/\*\*Bismark\*\* - [^\n]*samtools sort and index[^\n]*MethylDackel/);
    expect(methylation).not.toMatch(/Recommended additions: SAMtools\./);
    expect(methylation).toContain('Recommended additions: SAMtools (alignment statistics).');
    expect(analysis('long_read_variants', 3)).toMatch(/\*\*Alignment\*\* \(minimap2\): [^\n]*sorted and indexed by coordinate/);
    // Salmon's catalogue sentence does not call selective alignment alignment-free
    expect(kb.toolById.get('salmon')!.purpose).not.toMatch(/alignment-free/i);
  });

  it('what to settle is said as the tools do it, not as a workflow assumes it (htseq-count defaults to -s yes)', () => {
    const texts = kb.analysisTypes.flatMap((a) => [0, 1, 2, 3, 4].map((q) => analysis(a.id, q)));
    for (const text of texts) {
      const settle = text.includes('**Settle before you run it**') ? text.slice(text.indexOf('**Settle before you run it**')) : '';
      expect(settle).not.toMatch(/the workflow (?:assumes|counts|runs|reads|pairs)|read counting assumes|htseq-count -s no\)|params\./);
    }
    const rna = [0, 1, 2, 3, 4].map((q) => analysis('rna_seq_de', q)).find((t) => t.includes('**Settle before you run it**'))!;
    expect(rna).toContain('htseq-count counts as forward-stranded by default (-s yes');
    const trinity = [0, 1, 2, 3, 4].map((q) => analysis('de_novo_transcriptome_assembly', q)).find((t) => t.includes('**Settle before you run it**'))!;
    expect(trinity).toContain('--SS_lib_type RF');
    expect(trinity).not.toMatch(/featureCounts|aligner's index/);
  });

  it('a recommended tool that replaces a core one is an alternative with its when, not an addition (StringTie vs IsoQuant)', () => {
    const text = analysis('long_read_rnaseq', 1);
    expect(text).toContain('- **StringTie** instead of **IsoQuant** when you want reference-guided transcript assembly that also works on short reads (with -L for long reads).');
    expect(text).not.toMatch(/Recommended additions: [^\n]*StringTie/);
  });

  it('the tools of one step are alternatives ("STARsolo or Cell Ranger"), and species are written as species', () => {
    expect(analysis('scrna_seq', 0)).toContain('(STARsolo or Cell Ranger)');
    expect(analysis('scrna_seq', 0)).toContain('(Scanpy or Seurat)');
    expect(analysis('long_read_assembly', 2)).not.toMatch(/e\. coli|arabidopsis/);
  });

  it('several analyses of a tool are kept apart, and a category label keeps its acronym', () => {
    const megahit = educationSeed(kb, 42, { kind: 'tool', tool: tool('megahit'), question: 0 }).output.explanation!;
    expect(megahit).not.toMatch(/assembly and de novo/);
    expect(educationSeed(kb, 42, { kind: 'tool', tool: tool('mirdeep2'), question: 0 }).output.explanation).not.toContain('(small rna)');
  });
});

describe('each education question answers what it asks', () => {
  const kbe = loadKnowledge();
  const answer = (spec: Parameters<typeof educationSeed>[2]) => educationSeed(kbe, 1, spec);
  it('"What is X?" is an explanation: what it is for, what it starts from, what to settle; no pipeline list or code', () => {
    for (const a of kbe.analysisTypes) {
      const ex = answer({ kind: 'analysis', analysis: a, question: 4 });
      expect(ex.input).toMatch(/^What is /);
      const text = ex.output.explanation!;
      expect(text, a.id).not.toMatch(/^\d+\. /m);
      expect(text, a.id).not.toContain('```');
      expect(text, a.id).toContain('**What you start from**');
    }
  });

  it('a tool explained to a student says what a practitioner checks, beyond the catalogue sentence', () => {
    const thin: string[] = [];
    for (const t of kbe.tools) {
      const text = answer({ kind: 'tool', tool: t, question: 4 }).output.explanation!;
      expect(text).toContain('**Takes**');
      // inputs and outputs, plus at least one fact of its prerequisites, reads, step, memory, pitfalls or alternatives
      if (text.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('  - ')).length < 2) thin.push(t.id);
    }
    expect(thin).toEqual([]);
  });

  it('"How does X work?" shows the checked command, and a comparison gives no memory figure that contradicts its reasons', () => {
    const star = kbe.toolById.get('star')!;
    expect(answer({ kind: 'tool', tool: star, question: 5 }).output.explanation).toContain(star.typical_command.replace(/ \{args\}/g, ''));
    const group = kbe.selection.alternatives.find((g) => g.tools.some((t) => t.tool === 'bwa') && g.tools.some((t) => t.tool === 'bwa_mem2'))!;
    const text = explainComparison(kbe.toolById.get('bwa')!, kbe.toolById.get('bwa_mem2')!, group);
    expect(text).toContain('Choose **BWA** when');
    expect(text).toContain('Choose **BWA-MEM2** when');
    expect(text).not.toMatch(/- Memory: BWA needs about/);
  });
});

describe('memory figures only as each tool documents them (tool_memory.yaml)', () => {
  const all = planEducation(kb, 10_000).map((spec) => educationSeed(kb, 42, spec).output.explanation!);

  it('no answer states the selector\'s resource profile as a fact (no "give it about 16 GB" for Kraken2, no IsoQuant 16 GB / StringTie 4 GB)', () => {
    for (const text of all) expect(text).not.toMatch(/give it about \d+ GB|needs about \d+ GB, .* about \d+ GB/);
    // every "Memory:" line is made of documented statements
    const statements = [...kb.toolMemory.values()].map((m) => m.statement);
    for (const text of all)
      for (const line of text.split('\n').filter((l) => l.startsWith('- Memory: ')))
        expect(statements.some((s) => line.includes(s)), line).toBe(true);
  });

  it("Kraken2: at least the size of hash.k2d, and the capped Standard-8/16 indexes as the low-memory option", () => {
    const text = educationSeed(kb, 42, { kind: 'tool', tool: tool('kraken2'), question: 4 }).output.explanation!;
    expect(text).toContain("at least the size of the database's hash.k2d");
    expect(text).toContain('Standard-8 or Standard-16');
    expect(text).not.toContain('about 16 GB');
  });
});

describe('BWA against BWA-MEM2: the reasons their documentation gives', () => {
  it('no "classic bwa mem for Hi-C pairing": bwa-mem2 output is identical; memory of the index and the CPU are the reasons', () => {
    const text = explainComparison(tool('bwa_mem2'), tool('bwa'), group('dna_short_read_alignment'), kb.toolMemory);
    expect(text).not.toMatch(/Hi-C pairing|classic bwa mem|downstream tool expects/);
    expect(text).toContain('identical to bwa mem');
    expect(text).toContain('28 bytes per reference base');
    expect(text).toContain('SSE4.1');
    for (const spec of planEducation(kb, 10_000)) expect(educationSeed(kb, 42, spec).output.explanation).not.toMatch(/as Hi-C pairing does/);
  });
});
