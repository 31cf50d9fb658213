import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import { inSentence } from '../util/in-sentence';

/** The answer to a request outside the assistant's scope: what it does instead, in two sentences. */
export function scopeStatement(): string {
  return (
    "That is outside what I can help with: I plan bioinformatics analyses of sequencing data and write Nextflow workflows for them " +
    '(for example RNA-seq differential expression, variant calling, ChIP-seq or metagenomics). ' +
    'If you have such data, tell me the assay, the organism and the question you want answered.'
  );
}

/** The answer to an on-topic request that does not say which analysis: a question naming what is missing. */
export function clarifyingQuestion(intent: Intent, kb: Knowledge): string {
  const examples = ['rna_seq_de', 'wgs_germline_variants', 'chip_seq', 'scrna_seq', 'metagenomics_taxonomic']
    .map((id) => kb.analysisTypeById.get(id)?.name)
    .filter((n): n is string => Boolean(n))
    .map(inSentence);
  const asks = [`- **Which analysis**: what kind of data is it and what should the analysis find (for example ${examples.slice(0, 4).join(', ')})?`];
  if (!intent.organism) asks.push('- **Organism**: which species (and genome build, if it matters) were the samples taken from?');
  asks.push('- **Design**: which conditions or groups should be compared, if any?');
  asks.push('- **Reads**: which platform (Illumina, Oxford Nanopore, PacBio HiFi) and, for short reads, paired-end or single-end?');
  const about = intent.organism ? ` for your ${intent.organism.scientific_name} data` : '';
  return [`Before I can build a workflow${about}, I need to know what to run. Could you tell me:`, ...asks].join('\n');
}
