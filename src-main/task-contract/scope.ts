import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import { namedPlatform } from '../tool-selector/context';
import { inSentence } from '../util/in-sentence';
import { analysisCues } from './stated-analysis';

/** The answer to a request outside the assistant's scope: what it does instead, in two sentences. */
export function scopeStatement(): string {
  return (
    "That is outside what I can help with: I plan bioinformatics analyses of sequencing data and write Nextflow workflows for them " +
    '(for example RNA-seq differential expression, variant calling, ChIP-seq or metagenomics). ' +
    'If you have such data, tell me the assay, the organism and the question you want answered.'
  );
}

/** "a, b or c" */
const orList = (xs: readonly string[]) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/**
 * The answer to an on-topic request that does not say which analysis: a question naming what is missing.
 * When the request describes its data ("long reads rice"), the question offers the analyses those data
 * leave open (data_hints in compatibility.yaml) and asks for the platform only where the words leave it open.
 */
export function clarifyingQuestion(intent: Intent, kb: Knowledge, request = ''): string {
  const name = (id: string) => kb.analysisTypeById.get(id)?.name;
  const hinted = analysisCues(request, kb).hints.flatMap((h) => kb.compatibility.tables.data_hints[h]?.analyses ?? []);
  const offered = [...new Set(hinted)].map(name).filter((n): n is string => Boolean(n)).map(inSentence);
  const examples = ['rna_seq_de', 'wgs_germline_variants', 'chip_seq', 'scrna_seq']
    .map(name)
    .filter((n): n is string => Boolean(n))
    .map(inSentence);
  const asks =
    offered.length > 0
      ? [`- **Which analysis**: what should these data answer (for example ${offered.join(', ')})?`]
      : [`- **Which analysis**: what kind of data is it and what should the analysis find (for example ${examples.join(', ')})?`];
  if (!intent.organism) asks.push('- **Organism**: which species (and genome build, if it matters) were the samples taken from?');
  asks.push('- **Design**: which conditions or groups should be compared, if any?');
  const longOnly = hinted.length > 0 && hinted.every((id) => kb.analysisTypeById.get(id)?.data_type.startsWith('long_read'));
  const platform = namedPlatform(kb, request);
  const longNames = kb.selection.platforms.filter((p) => p.read_kind === 'long').map((p) => p.name);
  if (platform && platform.read_kind === 'long') {
    // the platform is said: nothing to ask about the reads
  } else if (longOnly) asks.push(`- **Platform**: ${orList(longNames)}?`);
  else asks.push(`- **Reads**: which platform (${kb.selection.platforms.map((p) => p.name).join(', ')}) and, for short reads, paired-end or single-end?`);
  const about = intent.organism ? ` for your ${intent.organism.scientific_name} data` : '';
  return [`Before I can build a workflow${about}, I need to know what to run. Could you tell me:`, ...asks].join('\n');
}
