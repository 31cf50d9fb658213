/** Fixed vocabularies of the rule parser that are not in the knowledge base YAML. */

/** Tissues / sample sources, most specific first (the first that matches wins). Value: canonical name. */
export const TISSUES: [string, string][] = [
  ['hippocampus', 'hippocampus'], ['cortex', 'cortex'], ['retina', 'retina'], ['bone marrow', 'bone marrow'],
  ['ocean water', 'ocean water'], ['seawater', 'ocean water'], ['wastewater', 'wastewater'], ['sewage', 'wastewater'],
  ['soil', 'soil'], ['stool', 'stool'], ['fecal', 'stool'], ['faecal', 'stool'], ['feces', 'stool'],
  ['gut', 'gut'], ['intestine', 'gut'], ['intestinal', 'gut'], ['serum', 'serum'], ['plasma', 'serum'],
  ['blood', 'blood'], ['leukemia', 'blood'], ['leukaemia', 'blood'], ['liver', 'liver'], ['hepatic', 'liver'],
  ['lung', 'lung'], ['heart', 'heart'], ['cardiac', 'heart'], ['kidney', 'kidney'], ['renal', 'kidney'],
  ['brain', 'brain'], ['breast', 'breast'], ['colorectal', 'colon'], ['colon', 'colon'], ['muscle', 'muscle'],
  ['skin', 'skin'], ['pancreas', 'pancreas'], ['spleen', 'spleen'], ['leaf', 'leaf'], ['leaves', 'leaf'],
  ['root', 'root'], ['limb', 'limb'], ['embryo', 'embryo'], ['tumor', 'tumor'], ['tumour', 'tumor'],
  ['sarcoma', 'tumor'], ['carcinoma', 'tumor'],
  // Japanese and Chinese tissue words of two characters or more ('マウス肝臓'): no word boundary to find them by
  ['肝臓', 'liver'], ['肝脏', 'liver'], ['心臓', 'heart'], ['心脏', 'heart'], ['腎臓', 'kidney'], ['肾脏', 'kidney'], ['血液', 'blood'], ['皮膚', 'skin'], ['皮肤', 'skin'],
];

/** Canonical tissue -> rank (lower = more specific): with several tissues named, the most specific wins. */
export const TISSUE_PRIORITY = new Map<string, number>();
TISSUES.forEach(([, canonical], i) => {
  if (!TISSUE_PRIORITY.has(canonical)) TISSUE_PRIORITY.set(canonical, i);
});

export const CELL_TYPES: [string, string][] = [
  ['pbmc', 'pbmc'], ['peripheral blood mononuclear cells', 'pbmc'], ['t cells', 't cells'], ['t-cells', 't cells'],
  ['b cells', 'b cells'], ['nk cells', 'nk cells'], ['macrophages', 'macrophages'], ['macrophage', 'macrophages'],
  ['monocytes', 'monocytes'], ['microglia', 'microglia'], ['neurons', 'neurons'], ['neuron', 'neurons'],
  ['hepatocytes', 'hepatocytes'], ['cardiomyocytes', 'cardiomyocytes'], ['fibroblasts', 'fibroblasts'],
  ['fibroblast', 'fibroblasts'], ['stem cells', 'stem cells'], ['ipscs', 'stem cells'], ['organoids', 'organoids'],
  ['organoid', 'organoids'], ['k562', 'k562'], ['hela', 'hela'], ['hek293', 'hek293'],
];

/** Names of experimental conditions: never another field's entity, and the spellings typos are corrected to. */
export const CONDITION_WORDS = new Set([
  'tumor', 'tumour', 'normal', 'control', 'treated', 'untreated', 'knockout', 'wildtype', 'infected', 'uninfected',
  'healthy', 'disease', 'diseased', 'case', 'cases', 'stimulated', 'unstimulated', 'drought', 'watered', 'mutant',
  'vehicle', 'baseline', 'hypoxia', 'normoxia', 'responders', 'diabetic', 'young',
]);

/** A tool listing more analyses than this is generic (QC, trimming, BAM utilities) and names no analysis alone. */
export const SPECIFIC_TOOL_TYPES = 4;

/** Organism names a 4-letter typo may stand for ('moue', 'hman', 'yest'); chosen so no common word is one letter off. */
export const SHORT_TYPO_TARGETS = ['human', 'mouse', 'yeast', 'maize', 'danio', 'ecoli', 'exome'];

export const CONSTRAINTS: [string, string][] = [
  ['low memory', 'low_memory'], ['low-memory', 'low_memory'], ['limited memory', 'low_memory'], ['laptop', 'low_memory'],
  ['low ram', 'low_memory'], ['16 gb of ram', 'low_memory'], ['little memory', 'low_memory'],
  ['no docker', 'no_docker'], ['without docker', 'no_docker'], ['without using docker', 'no_docker'], ['no-docker', 'no_docker'],
  ['docker is not available', 'no_docker'], ['as fast as possible', 'fast'], ['fast', 'fast'], ['faster', 'fast'],
  ['quickly', 'fast'], ['asap', 'fast'], ['fast turnaround', 'fast'], ['gpu', 'gpu'], ['gpus', 'gpu'],
  ['memory efficient', 'low_memory'], ['memory-efficient', 'low_memory'], ['limited ram', 'low_memory'],
  ['low mem', 'low_memory'], ['small machine', 'low_memory'], ['cannot use docker', 'no_docker'],
  ["can't use docker", 'no_docker'], ['docker not available', 'no_docker'], ['no root', 'no_docker'],
  ['quick', 'fast'], ['cuda', 'gpu'], ['nvidia', 'gpu'], ['singularity', 'singularity'], ['apptainer', 'apptainer'], ['conda', 'conda'],
];

export const PAIRED = ['pe', 'r1 and r2', 'r1/r2', 'mate pairs', 'paired-ends', 'paired-end', 'paired end', 'pe reads', 'pe 2x150', '2x150', '2x100', '2x75', '2x250', 'paired reads', 'pe150', 'pe100'];
export const SINGLE = ['only r1', 'single reads', 'single-end', 'single end', 'se reads', '1x75', '1x50', '1x100', 'se50', 'se75'];
export const STRAND: [string, 'forward' | 'reverse' | 'unstranded'][] = [
  ['reverse-stranded', 'reverse'], ['reverse stranded', 'reverse'], ['dutp', 'reverse'], ['forward-stranded', 'forward'],
  ['forward stranded', 'forward'], ['unstranded', 'unstranded'], ['non-stranded', 'unstranded'],
  ['stranded (reverse)', 'reverse'], ['reverse strand', 'reverse'], ['fr-firststrand', 'reverse'], ['first-strand', 'reverse'],
  ['firststrand', 'reverse'], ['truseq stranded', 'reverse'], ['stranded, reverse', 'reverse'], ['stranded (forward)', 'forward'],
  ['forward strand', 'forward'], ['fr-secondstrand', 'forward'], ['second-strand', 'forward'], ['secondstrand', 'forward'],
  ['stranded, forward', 'forward'], ['non stranded', 'unstranded'], ['not stranded', 'unstranded'],
];

/** "2x150", "2 x 100 bp" mean paired reads; "1x75" single. */
export const READ_GEOMETRY = /\b([12])\s?x\s?\d{2,3}(?:\s?bp)?\b/;
/** Conversational uses of constraint words ("quick question - ..."): not a request for speed. */
export const NOT_A_CONSTRAINT = /\bquick(?:ly)?\s+(?:question|q|one|thing|note|help)\b/g;
/** "16 GB RAM", "8gb of memory": a memory budget; at or below LOW_MEMORY_GB it is a low-memory constraint. */
export const MEMORY_BUDGET = /\b(\d{1,4})\s?gb\s(?:of\s)?(?:ram|memory)\b/;
export const LOW_MEMORY_GB = 32;

/** Keywords that several analyses share: they count, but less than specific ones. */
export const GENERIC_KEYWORDS = new Set([
  'variant caller', 'variant callers', 'consensus', 'cancer panel', 'oncology panel',
  'isoforms', 'differentially', 'tumor', 'tumour', 'assemble', 'assembly', 'assembled', 'enhancers', 'shotgun',
  'bacteria', 'microbes', 'copies', 'count matrix', 'accessibility', 'joint analysis', 'expression changes',
  'rna-seq', 'rnaseq', 'rna seq', 'gene expression', 'expression analysis', 'whole genome', 'whole-genome', 'wgs',
  'microbiome', 'gut microbiome', 'sars-cov-2', 'sars-cov2', 'covid', 'wastewater', 'virus', 'viral', 'integration', 'integrate',
  'spatial', 'peaks', 'chip', 'amplicon', 'amplicons', 'amplicon sequencing', 'long reads', 'lineage', 'isolate', 'bulk rna', '10x',
  'chromium', 'proteomics', 'variant calling', 'call variants', 'genome assembly', 'splicing', 'histone',
  'peak caller', 'peak callers', 'rna sequencing',
]);

/**
 * What a bulk RNA-seq design is described by when no assay is named ('a time course, reverse-stranded TruSeq'):
 * generic keywords that decide the analysis only then; next to a named assay ('single-cell RNA-seq ... a time
 * course') they count DESIGN_CUE_SHARE of their weight, so that they never outvote it.
 */
export const DESIGN_CUES = new Set(['time course', 'time-course', 'likelihood ratio test', 'stranded library', 'stranded libraries', 'reverse-stranded', 'bulk libraries', 'stranded mrna']);
for (const cue of DESIGN_CUES) GENERIC_KEYWORDS.add(cue);
export const DESIGN_CUE_SHARE = 0.25;
/** the design cues with hyphens read as spaces, once (isDesignCue runs for every keyword of every parse) */
const DESIGN_CUES_SPACED = new Set([...DESIGN_CUES].map((c) => c.replace(/-/g, ' ')));
export const isDesignCue = (phrase: string): boolean => DESIGN_CUES_SPACED.has(phrase.includes('-') ? phrase.replace(/-/g, ' ') : phrase);

/** Abbreviations that are only domain words in capitals ("DE" but not "de novo" or the French "de"). */
export const CASED_ABBREVIATIONS: [RegExp, string][] = [[/\bDE\b(?![ -]?[Nn]ovo)/, 'rna_seq_de']];

/** Long-read sequencing technology (or a tool made only for long reads): turns a short-read analysis into its long-read counterpart. */
export const LONG_READ_TECH = /\b(nanopore|ont|pacbio|hifi|long[- ]reads?|long[- ]read|minion|promethion|gridion|iso-?seq|sniffles2?|clair3|medaka|nanoplot)\b/;
/** Analyses that long-read technology words point at, before anything else is known. */
export const LONG_READ_TYPES = ['long_read_assembly', 'long_read_variants', 'long_read_rnaseq'];
/** An assembly asked for ('assemble it', 'a chromosome-scale assembly'), without variant words: whole-genome data to assemble, not to call. */
export const ASSEMBLY_ASKED = /\b(?:assembl(?:e|y|ed|ing)|want the genome)\b/;
export const VARIANT_WORDS = /\b(?:variants?|snvs?|snps?|indels?|svs?|genotyp\w*|call(?:ing|s)?|mutations?)\b/;
/** A tree asked for: the phylogeny is the analysis, whatever the genomes it is built from. */
export const TREE_ASKED = /\b(?:(?:phylogenetic|ml|maximum[- ]likelihood|time-?scaled|dated) trees?|phylogen(?:y|ies|etics?)|ufboot|iq-?tree2?|raxml(?:-ng)?|beast2?|treetime)\b/;
export const TRANSCRIPTOME = /\b(transcriptome|transcripts|transcriptomes)\b/;
/** Targeted DNA (an exome, a capture kit, a gene panel): germline calling on it is exome calling. */
/** A histone mark ('H3K27ac', 'H3K36me3', 'H4K20me1'): what ChIP-seq (or CUT&RUN/CUT&Tag) profiles. */
export const HISTONE_MARK = /\bh(?:2a|2b|3|4)k\d{1,2}(?:me[123]?|ac|ub)\b/;
export const EXOME = /\b(exome|wes|exomes|capture kit|panels?|exoma|exomas|esoma|exom)\b/;
/** A tumour or cancer named: variant calling on it is somatic unless the request says germline. */
export const SOMATIC_CONTEXT =
  /\b(tumou?rs?|cancers?|somatic|carcinomas?|adenocarcinoma|sarcoma|oncology|oncogenic|leuka?emia|lymphoma|melanoma|glioma|glioblastoma|neuroblastoma|myeloma|aml|cll|ffpe|liquid biops(?:y|ies)|cfdna|ctdna|metasta\w*)\b/;
/** Inherited variation named: keeps a cancer-related request germline ("hereditary cancer genes"). */
export const GERMLINE_CONTEXT = /\b(germline|hereditary|inherited|familial|trio|carrier)\b/;

/** Tool categories a user names instead of a tool ('which assembler is best'), in the tool-advice cues too. */
export const TOOL_CATEGORY_NOUNS = ['aligner', 'aligners', 'assembler', 'assemblers', 'caller', 'callers', 'trimmer', 'trimmers', 'quantifier', 'quantifiers', 'annotator', 'annotators', 'classifier', 'classifiers', 'binner', 'binners'];

/**
 * Tool categories a request may name instead of a tool ('which assembler for ONT reads'), with the category of
 * tools.yaml they stand for: the analyses that category's tools serve are what the noun points at. Nouns whose
 * category serves nearly every analysis (aligner, trimmer) or another kind of tool too ('peak caller') are left out.
 */
export const TOOL_CATEGORY_OF: [string, string][] = [['assembler', 'assembly'], ['classifier', 'taxonomy'], ['binner', 'binning'], ['quantifier', 'quantification']];
export const TOOL_CATEGORY_WORDS = /\b(assembler|classifier|binner|quantifier)s?\b/g;

/** Words of everyday English that must never be "corrected" into domain terms. */
export const COMMON_WORDS = new Set(
  'about above after again lose loses losing bacterium chance against along already always work works worked working analyse analysis analyze another answer anyone anything around asked based because before being below best better between beyond bring build built called calls cannot check choose clean close could create current daily data della design doing done during each early either else enough every example exactly explain fastq files final first follow found from further given going great group groups having hello help here house ideal ideas include including into issue itself just kindly known large later least leave level light like likes looking lower maybe means might model models month more most much multiple must myself need needs never newer next night none normal nothing number often other others ought paired people perform place plan please point prefer prepare probably provide quite rather really reason reads right running same sample samples second seems sense sequence sequenced sequencing setup several shall short should show since single small something start state still study such sure tell than thanks thank that their them then there these they thing things think this those though three through today together tools total under until using usual value very want wants well were what when where which while whole whose with within without would write years your yours'.split(' ').concat(
    // everyday words one letter from a domain word ('health' is no misspelled 'healthy', 'isolated' no 'isolate')
    'health range ranges causes charge changed looks sizes spring specimens direction validation carried aligned sequencer copes delay'.split(' '),
  ),
);

/**
 * Assays a request may name, one pattern per family of data. Two families named in one request ("RNA-seq and
 * ChIP-seq combined", "WES and RNA-seq of the same tumours") ask for an integration of both, not for either.
 * ChIP and CUT&RUN/CUT&Tag are one family (profiling of bound chromatin); whole-genome bisulfite is methylation.
 */
export const ASSAY_FAMILIES: [string, RegExp][] = [
  ['rna', /\b(?:sc|sn)?(?:rna[- ]?seq|rnaseq|mrna[- ]?seq)\b|\btranscriptom(?:e|ic|ics)\b/],
  ['bound_chromatin', /\b(?:chip(?:[- ]?seq|[- ]exo)?|chipseq|cut ?& ?(?:run|tag)|cut and (?:run|tag)|cut-and-(?:run|tag))\b/],
  ['accessibility', /\b(?:sc)?atac(?:[- ]?seq)?\b/],
  ['dna', /\b(?:wgs|wes|whole[- ]exomes?|exome[- ]seq\w*|whole[- ]genomes?(?! bisulfite)(?: sequencing)?|low[- ]pass|dna[- ]seq)\b/],
  ['methylation', /\b(?:methylation|methylome|bisulfite|wgbs|rrbs|em-seq)\b/],
  ['marker_amplicon', /\b(?:16s|18s)(?: rrna| rdna| amplicons?| sequencing)?\b|\bits (?:amplicons?|sequencing|region|rrna)\b/],
  ['metagenome', /\b(?:metagenom\w*|shotgun)\b/],
  ['conformation', /\b(?:hi-?c|micro-c)\b/],
  ['proteome', /\b(?:proteom\w*|surface proteins?|protein (?:abundance|levels))\b/],
  ['metabolome', /\bmetabolom\w*\b/],
];
/**
 * A marker-gene survey called metagenomics ('16S metagenomics', 'métagénomique 16S'): one amplicon assay, not
 * two families of data.
 */
export const MARKER_METAGENOMICS = /\b(?:16s|18s)(?: rrna| rdna)?[- ]metagenom\w*|\bmetagenom\w* (?:(?:de|of|du|des|da|do|di) )?(?:16s|18s)\b/g;
/** Words that name a multi-assay design outright. */
export const MULTI_ASSAY = /\b(?:multiome|multi-?omics?|multi omics|multi-?modal|proteogenomics)\b/;

/**
 * An assay family named by its head word alone, inside a clause that says what the request needs now ('we'll do the
 * RNA later', 'the scRNA is only a reference'): looser than ASSAY_FAMILIES, which reads whole requests.
 */
export const ASSAY_HEADS: [string, RegExp][] = [['rna', /\b(?:sc|sn|bulk |m)?rna\b|\bexpression\b/]];

/**
 * A mixed-assay request saying which assay it needs now: the clause after the cue names it ('for now I only need the
 * expression part', 'start with the somatic mutation calls', 'I just need peaks from the ChIP', 'it's mainly the
 * Visium I need'), or the clause before it ('the spatial data is what we care about': ASSAY_NEEDED_BEFORE).
 */
export const ASSAY_NEEDED_NOW =
  /\b(?:(?:only|just|mainly|mostly|primarily|first) (?:need|want|care about|interested in)|(?:start|starting|begin) with|focus(?:ing)? on|(?:it's|it is) (?:mainly|mostly|only|just) the|(?:the )?first (?:step|thing|priority) (?:is|will be)|what (?:i|we) (?:need|want) (?:now|first) (?:is|are))\b([^.;!?\u2014]{1,80})/g;
/**
 * Narrower cues, read only when the request names several assays: the assay asked for now follows 'only' or 'just'
 * ('only the Hi-C is needed for now', 'just the methylation side please', 'please just run fusion detection on the
 * RNA-seq'), or a clause that limits the request to now ('for now: which peak caller for the ChIP-seq part?', 'for
 * this request, the ATAC').
 */
export const ASSAY_ONLY_NOW =
  /\b(?:(?:only|just)(?= (?:the|run|do|analy[sz]e|process|look at|handle|call|use)\b)|for (?:now|the moment|this request|this round|today)\b[:,]?|(?:today|this (?:week|time|round)),)([^.;!?\u2014]{1,80})/g;
/**
 * Words that narrow a request to part of what it names ('only', 'just', 'for now', 'first', 'later'): in a request
 * naming several assays that is still read as their integration, a sign that one of them was asked for in words the
 * parser could not place (confidence evidence 'narrowed').
 */
export const ASSAY_NARROWING = /\b(?:only|just|alone|solely|for now|for the moment|today|this (?:week|time|round)|at this (?:stage|point)|first|later)\b/;
export const ASSAY_NEEDED_BEFORE = /\b(?:is|are) (?:what|all) (?:we|i) (?:care about|need|want)\b/g;
/**
 * A mixed-assay request setting an assay aside: 'ignore the 16S for now', 'we'll do the RNA later' name it after the
 * cue; 'the scRNA is only there to deconvolve', 'the ATAC is already processed' before it (ASSAY_ASIDE_BEFORE).
 */
export const ASSAY_SET_ASIDE =
  /\bignore (?:the )?([^.;,!?\u2014]{1,40}?) for now\b|\b(?:we'll|we will|i'll|i will|we can) (?:do|look at|analy[sz]e) the ([a-z0-9&+ -]{1,30}?) later\b/g;
export const ASSAY_ASIDE_BEFORE =
  /\b(?:is|are|was|were) (?:only (?:a |the )?(?:reference|there (?:to|for|as))|already (?:processed|done|analy[sz]ed|called|aligned|published))\b|\b(?:analysis |analyses |part |side )?(?:is|are|was|were) (?:finished|done|complete|completed)\b|\b(?:comes?|can wait|will come) later\b/g;

/**
 * A named assay outranks a sibling assay whose target words it shares: when a specific keyword names the first, the
 * keywords of the second count for nothing unless the request names that assay itself ('CUT&RUN for a transcription
 * factor, find the binding sites' is CUT&RUN; 'Visium with a single-cell reference' is spatial, the single-cell data
 * its reference; 'how is Visium different from scRNA-seq' is about Visium).
 */
export const ASSAY_OUTRANKS: readonly { assay: string; siblings: readonly string[]; unless?: RegExp }[] = [
  { assay: 'cut_and_run', siblings: ['chip_seq'], unless: /\bchip(?:-?seq)?\b|immunoprecipitation/ },
  { assay: 'spatial_transcriptomics', siblings: ['scrna_seq'] },
];

/** A tumour's status named as the sample's condition ('MSI-high vs MSS tumours'): no somatic vote next to another assay. */
export const TUMOUR_STATUS = /^(?:msi|mss|tmb|vaf)$/;

/** Long reads the request says it does not have ('no long reads', "can't afford long reads yet"): no long-read technology. */
export const NEGATED_LONG_READS =
  /\b(?:no|without|not|never|can'?t afford|cannot afford|can'?t get|cannot get|instead of|rather than|lacking|lack) (?:any |the |enough |some )?(?:[a-z0-9]+ )?long[- ]reads?\b/g;

/** Analyses of microbes sequenced from a host: a patient named as the source is not the organism ('isolates from 40 patients'). */
export const MICROBIAL_ANALYSES = new Set(['viral_genomics', 'de_novo_genome_assembly', 'long_read_assembly', 'phylogenetics']);
/** Words that name a person as the source of a sample: a host, not an organism of a microbial analysis. */
export const PATIENT_WORDS = new Set(['patient', 'patients', 'pacientes', 'patienten', 'pazienti', '患者']);

/**
 * The Russian ЙЦУКЕН layout over the Latin QWERTY keys: a word typed with the layout switched on ('ьщгыу') reads as
 * the Latin word ('mouse') when that is a word the parser knows.
 */
export const CYRILLIC_TO_QWERTY: Record<string, string> = Object.fromEntries(
  [...'йцукенгшщзфывапролдячсмить'].map((c, i) => [c, 'qwertyuiopasdfghjklzxcvbnm'[i]!]),
);
