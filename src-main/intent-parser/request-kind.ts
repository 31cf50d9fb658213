import type { RequestKind } from '../../src-preload/schemas/intent';

/** Cues of a pasted error or a failing run: the user wants troubleshooting. */
const TROUBLE =
  /\b(errors?|exceptions?|traceback|stack ?trace|fail(?:s|ed|ing|ure)?|crash(?:es|ed|ing)?|segfault|segmentation fault|core dumped|exit (?:status|code)|non-zero exit|killed|oom|out of memory|permission denied|no such file|command not found|not working|doesn'?t work|does not work|won'?t run|broken|hangs?|stuck)\b/;
/** Cues of a search for public data rather than an analysis of the user's own. */
const DATA_SEARCH =
  /\b(?:find|search(?: for)?|look(?:ing)? for|where (?:can|do) i (?:find|get|download)|download|are there|is there)\b.{0,40}\b(?:public(?:ly available)?|published|open) (?:data ?sets?|data|samples|studies|runs)\b|\b(?:public|published) (?:data ?sets?|studies)\b|\b(?:geo|sra|ena|arrayexpress|tcga|gtex|encode) (?:accessions?|series|datasets?|studies|search)\b|\b(?:find|search(?: for)?|list) (?:some )?(?:data ?sets?|studies|accessions)\b/;
/** Cues of a question about which tool to use. */
const TOOL_ADVICE =
  /\b(?:which|what|best|recommended|good|better) (?:tools?|aligners?|callers?|software|programs?|packages?|quantifiers?|assemblers?|classifiers?|peak callers?|variant callers?)\b|\bshould i (?:use|pick|choose)\b|\balternatives? (?:to|for)\b|\brecommend (?:a|an|me|some)\b|\b(?:pros and cons|vs\.?|versus|or) .{1,30}\bwhich (?:one|is better)\b|\bwhich (?:one )?is (?:better|faster|best)\b/;
/** Cues of a question asking for an explanation of a concept, a tool or a result. */
const EXPLANATION =
  /^(?:what|why|how) (?:is|are|does|do|did|was|were)\b|\bexplain\b|\bdifference between\b|\bwhat does .{1,40} (?:mean|do)\b|\bwhat is (?:a|an|the)\b|\bhow does\b|\bmeaning of\b|\bwhy (?:do|does|is|are|would)\b|\bwhat are\b/;
/** Words that tie a request to sequencing data analysis; without any of them (or a domain hit) it is off topic. */
const DOMAIN =
  /\b(?:seq|sequencing|sequenced|reads?|fastq|bam|sam|cram|vcf|bed|gtf|gff|fasta|genomes?|genomic|genes?|transcript\w*|rna|dna|samples?|pipelines?|workflows?|nextflow|nf-core|analy[sz]\w*|align\w*|mapping|variants?|mutations?|assembl\w*|cells?|proteins?|peaks?|datasets?|data|bioinformatics|cluster\w*|counts?|expression|microbiome|species|strains?|tumou?rs?|cancer|patients?)\b/;

export interface KindSignals {
  /** the parser matched an analysis keyword, a tool or an organism */
  domain: boolean;
}

/** The kind of request, from cue phrases in the normalized (lowercase) text; a workflow unless a cue says otherwise. */
export function requestKindOf(text: string, signals: KindSignals): RequestKind {
  const domain = signals.domain || DOMAIN.test(text);
  if (!domain) return 'off_topic';
  if (TROUBLE.test(text)) return 'troubleshooting';
  if (DATA_SEARCH.test(text)) return 'data_search';
  if (TOOL_ADVICE.test(text)) return 'tool_advice';
  if (EXPLANATION.test(text)) return 'explanation';
  return 'workflow';
}
