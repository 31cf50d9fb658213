import type { RequestKind } from '../../src-preload/schemas/intent';

/** A phrase that points at a kind of request, with how strongly (a workflow starts at 1; 2 outweighs it). */
export interface KindCue {
  kind: Exclude<RequestKind, 'off_topic'>;
  re: RegExp;
  weight: number;
}

/** Tool output pasted into the request: a log line, an R or Java error, a Nextflow failure. */
export const LOG_FORMAT =
  /\[(?:e|w)::|\berror ~|\bwarn:|\bcaused by:|\bcommand error:|\bcommand exit status|\berror in [a-z_.]+\(|\bexception in thread\b|\btraceback \(most recent call last\)|\b[a-z]+(?:error|exception):|\bexiting because of\b/;

/**
 * Vocabulary of sequencing data and its tooling beyond the analysis keywords: a request using any of it is on
 * topic even when it names no analysis ("what is a GVCF file?", "docker: permission denied").
 */
export const TECHNICAL_WORDS =
  /\b(?:seq|sequencing|sequenced|sequencer|reads?|fastq|fq|bam|sam|cram|vcf|g?vcf|bcf|bed|bigwig|gtf|gff3?|fasta|genomes?|genomic|genes?|transcripts?|rna|dna|cdna|samples?|pipelines?|workflows?|nextflow|nf-core|snakemake|docker|singularity|apptainer|conda|containers?|slurm|hpc|analy[sz]\w*|align\w*|mapping|mapq|phred|quality scores?|variants?|mutations?|snps?|indels?|alleles?|genotyp\w*|assembl\w*|contigs?|scaffolds?|n50|mags?|kmers?|k-mers?|cells?|proteins?|peaks?|datasets?|data|bioinformatic\w*|omics|cluster\w*|counts?|expression|tpm|fpkm|rpkm|cpm|normali[sz]\w*|batch effects?|p-?values?|fdr|fold changes?|microbiome|species|strains?|taxa|tumou?rs?|cancer|patients?|clipping|duplicates?|duplicate marking|insert size|coverage|depth|adapters?|trimm\w*|barcodes?|umis?|unique molecular identifiers?|frip|primers?|amplicons?|libraries|library|reference|annotation|isoforms?|exons?|introns?|splic\w*|chromatin|histones?|methylat\w*|crispr|sgrnas?|guides?|phylogen\w*|taxonom\w*|grch\d\d|grcm\d\d|hg\d\d|mm\d\d|dispersion|negative binomial|poisson|bootstraps?|likelihood|statistic\w*|paired[- ]ends?|single[- ]ends?|read pairs?|(?:my|our|the) (?:files|results))\b/;

/** Everyday subjects: with no analysis, tool or organism named, a request about them is off topic even if it says "workflow". */
export const EVERYDAY_SUBJECTS =
  /\b(?:weather|rain|forecast|recipes?|bake|baking|cake|cook(?:ing)?|jokes?|poems?|haiku|football|soccer|movies?|films?|novels?|books?|restaurants?|pizza|travel|trip|flights?|hotels?|stocks?|calories|workout|password|printer|css|html|javascript|capital of|cover letter|puppy|cat|kitchen|garden|house|sells?|selling|buy|buying|purchase|cheapest|prices?|pricing|vendors?|suppliers?|discount|shipping|grow|growing|balcony|windowsill|vets?|veterinarian|eat|eating|edible|foods?|boil(?:ed|ing)?|cooked|dinner|lunch|breakfast|leftovers?)\b/;

/**
 * Food, cooking and pets: a request about them is off topic even when a fish, a bird or a grain it names is also a
 * tool or an organism ('cooked salmon', 'chicken breast', 'rice left out overnight'), as long as it names no assay and
 * no sequencing vocabulary.
 */
export const KITCHEN_OR_PET =
  /\b(?:eat|eating|edible|foods?|boil(?:ed|ing)?|cook(?:ed|ing)?|fried|recipes?|calories|dinner|lunch|breakfast|leftovers?|vets?|veterinarian)\b/;

/** A workflow request that mentions public data it will compare with, or annotates its calls from a database, is not a search for data. */
export const NOT_DATA_SEARCH =
  /\bpublic health\b|\bcompare (?:it |them )?(?:with|to|against) (?:a |the )?published\b|\b(?:annotat\w*|filter\w*|compared?) (?:with|using|against|by|to) (?:[a-z0-9-]+ ){0,3}(?:clinvar|gnomad|dbsnp|cosmic|1000 genomes)\b/;

const W = 2;

/**
 * The request is read with its accents folded (NFD, combining marks dropped), which leaves kana decomposed ('ど' as
 * 'と' + U+3099): a cue written with kana is decomposed the same way.
 */
const folded = (re: RegExp) => new RegExp(re.source.normalize('NFD'), re.flags);

export const KIND_CUES: KindCue[] = [
  // troubleshooting: an error, a failing run, or a result the user finds wrong
  {
    kind: 'troubleshooting',
    weight: W,
    re: /\b(?:errors?|exceptions?|traceback|segmentation fault|segfault|core dumped|exit (?:status|code)|non-zero exit|command not found|no such file|permission denied|out of memory|outofmemoryerror|oom|killed|fatal|(?<!\b(?:patients?|cases|individuals|subjects|people|on|heart|kidney|renal|liver|organ|respiratory|treatment|therapy|graft) )fail(?:s|ed|ing|ure)?(?! (?:first-line |second-line |[a-z0-9-]+ )?(?:therapy|therapies|treatment|art|haart|regimens?)\b)|crash(?:es|ed|ing)?|throws|dies|dying|stuck(?! on something\b)|hangs?|warnings?|not working|doesn'?t work|does not work|won'?t (?:run|start|work)|not indexed|does not contain|cannot find|can'?t find|unable to|exceeded|timed out|runs? out of)\b/,
  },
  {
    kind: 'troubleshooting',
    weight: W,
    re: /\bonly \d+(?:\.\d+)?\s?%|\b0 (?:reads|peaks|variants|cells|genes|hits)\b|\bno (?:peaks|reads|logs|output|variants|cells|hits)\b|\balmost (?:nothing|no|all)\b|\btoo (?:low|high|many|few)\b|\bvery low\b|\blots of ns\b|\bwhat (?:am i|are we) doing wrong\b|\bwhat (?:did|have) (?:i|we) (?:do|done) wrong\b|\bwhat (?:i|we) did wrong\b|\bwhat could cause\b|\bsomething (?:is )?wrong\b|\bis (?:it|this|that) normal\b|\bshould i worry\b|\bbroken\b|\bwrong\?|\bthan expected\b|\bremoves? \d+\s?%|\bunassigned\b|\bkeeps (?:dying|failing|crashing|starting|restarting)\b|\b(?:starts?|starting|started|restarts?|restarting|restarted|runs?|running|reruns?|begins?) (?:again |over )?from scratch\b|\bgives? all\b|\bhow (?:do|can) i (?:raise|increase|fix|solve|avoid)\b|\bwhat (?:to do|should i do|can i do)\?|\bbad (?:library|libraries|run|samples?|data)\?|\bis (?:the|my|this) (?:run|library|data|sample) bad\b|\bshould i be (?:worried|concerned)\b|\bhow to fix\b/,
  },
  // a symptom described without an error word: a result that looks wrong, a run that repeats or ignores a setting
  // a run that finds nothing or loses most of the data: 'finds zero peaks', 'loses most reads at the merging step'
  {
    kind: 'troubleshooting',
    weight: W,
    re: /\b(?:finds?|found|gives?|gave|gets?|got|returns?|returned|reports?|reported|calls?|called|produces?|produced|yields?|detects?|detected|assigns?|assigned|maps?|mapped|aligns?|aligned|counts?|counted|classif(?:y|ies|ied)|outputs?)\s+(?:zero|no|0|nothing)\b|\b(?:lose|loses|losing|lost|drops?|dropping|dropped|discards?|discarding|discarded|throws? away|throwing away)\s+(?:most|almost all|nearly all|all|half|the majority|\d+\s?%)(?: of)?(?: (?:my|the|our|its))? (?:reads|sequences|samples|cells|pairs|data|variants|peaks|counts)\b/,
  },
  {
    kind: 'troubleshooting',
    weight: W,
    re: /\bis (?:that|this|it) expected\b|\b(?:way|much|far) fewer\b|\bstrange\b|\bweird\b|\bart[ei]facts?\b|(?<!\bcompleteness and |\bcheck (?:for )?|\bestimate |\bscreen(?:ing)? for )\bcontaminat\w*|\bhow (?:do|can|should) (?:i|we) (?:deal with|get rid of|handle)\b|\blooks? (?:empty|wrong|odd|off|weird|strange)\b|\beven though\b|\balmost none\b|\bnone of (?:my|the)\b|\bevery (?:single )?time\b|\bonly (?:a few|a handful)\b|\bwhat went wrong\b|\bre-?downloads?\b/,
  },
  // a plea for help at the end ('... crashes again, help!'), not a thank-you closing ('thank you for your help.', 'I am grateful for any help.')
  { kind: 'troubleshooting', weight: W, re: /(?<!\band)(?:, |\s)why\?$|^why (?:is|are|does|do|did) (?:my|all|the output|it|there)\b|(?<!\b(?:for|any|your|the|all) )\bhelp[!.]*$/ },
  { kind: 'troubleshooting', weight: 1, re: /\b(?:mapping|alignment) (?:rate|efficiency)\b|\bdropouts?\?/ },
  // data search: public data, repositories, accessions
  {
    kind: 'data_search',
    weight: W,
    re: /\b(?:public(?:ly available)?|published|open[- ]access)\b.{0,50}\b(?:data ?sets?|data|studies|samples|runs|maps?|accessions|sets?|series|cohorts?)\b|\b(?:find|search(?:ing)?(?: for)?|look(?:ing)? for|list|any|are there(?: any)?|is there(?: an?| any)?)\b.{0,40}\b(?:data ?sets?|studies|accessions|series)\b/,
  },
  {
    kind: 'data_search',
    weight: W,
    re: /\bpublic(?:ly available)?\b.*\?$|\bwhere (?:can|do|could|should) (?:i|we) (?:find|get|download|obtain)\b|\bdownload\b|\b(?:search|browse|query) (?:geo|sra|ena|encode|tcga|gtex|arrayexpress|depmap)\b|\btruth sets?\b|\bi can reuse\b/,
  },
  // public data named by its assay ('public RNA-seq from sarcoma cell lines', 'published ATAC-seq of ...')
  { kind: 'data_search', weight: W, re: /\b(?:public(?:ly available)?|published|existing) (?:[a-z0-9-]+ ){0,2}(?:rna-seq|rnaseq|chip-seq|atac-seq|wgs|wes|scrna-seq|hi-c|16s|reads|genomes|exomes|assemblies|metagenomes|fastqs?|bams?|vcfs?|count (?:matrices|tables))\b/ },
  // asking for public data by what it is ('looking for public long-read assemblies of maize')
  { kind: 'data_search', weight: W, re: /\b(?:find|finding|search(?:ing)?(?: for)?|look(?:ing)? for|locate)\s+(?:some |any )?(?:public(?:ly available)?|published)\b/ },
  // reads asked for where they are kept ('omicron raw reads on SRA?'); public data asked for in other languages
  // ('¿dónde encuentro datos públicos ...?', 'données publiques', 'öffentliche Daten', 'dados públicos', 'dati pubblici')
  {
    kind: 'data_search',
    weight: W,
    re: /\b(?:raw )?(?:reads|runs|data|fastqs?|samples|genomes|sequences) (?:on|in|from) (?:the )?(?:sra|ena|geo|ddbj|gisaid|encode|ncbi)\b.{0,20}\?|\b(?:donde|ou|wo|onde|dove) (?:encuentro|puedo encontrar|consigo|descargo|trouver|trouve|finde|encontro|posso encontrar|trovo|posso trovare)\b|\bdatos publicos\b|\bdonnees publiques\b|\boffentliche(?:n)? daten\b|\bdados publicos\b|\bdati pubblici\b/,
  },
  { kind: 'data_search', weight: 1, re: /\b(?:geo|sra|ena|encode|tcga|gtex|arrayexpress|depmap|giab|human microbiome project|1000 genomes|gnomad)\b/ },
  // data fetched from where it is kept ('how do I get all ST258 assemblies from NCBI or ENA?'), accessions asked for
  // ('GEO accessions for ...'), or data asked for to try a pipeline on ('reads I can use to test a polishing pipeline')
  {
    kind: 'data_search',
    weight: W,
    re: /\b(?:get|fetch|pull|retrieve|obtain|grab|download)\b(?: (?:all|every|the))?[a-z0-9 .,/()-]{0,60}?\b(?:from|off|out of|on) (?:the )?(?:ncbi|sra|ena|geo|gisaid|ddbj|encode|tcga|gtex|arrayexpress|refseq|genbank|ebi|mgnify)\b|\b(?:geo|sra|ena|ddbj|arrayexpress|bioproject|biosample) (?:run |study |series |sample )?(?:accessions?|ids|numbers)\b|\baccessions? (?:for|of)\b/,
  },
  { kind: 'data_search', weight: 3, re: /\b(?:i|we) (?:can|could) (?:use|reuse|try) (?:to|for) (?:test|try|benchmark|validat|evaluat|develop)\w*\b/ },
  // tool advice: which tool to use
  {
    kind: 'tool_advice',
    weight: W,
    re: /\b(?:which|wich|whcih|witch|what|best|good|recommended|fastest|better)\b(?: [a-z0-9-]+){0,2} (?:tools?|software|programs?|packages?|aligners?|callers?|binners?|assemblers?|trimmers?|classifiers?|quantifiers?|annotators?)\b(?! and (?:a |the )?(?:workflow|pipeline))/,
  },
  {
    kind: 'tool_advice',
    weight: W,
    re: /\bwhich (?:one )?(?:should i|would you|is (?:better|faster|best|more accurate))\b|\bshould i (?:use|pick|choose|go with)\b|\bwould you (?:pick|choose|use)\b|\brecommend(?:ation)?s? (?:a|an|me|some|for)\b|\brecommendation\?|\balternatives? (?:to|for)\b|\bwhat do (?:most )?(?:people|labs|you) (?:use|run|map|align|call|assemble)\b|\bor something (?:else|newer|better|faster|more recent|more modern)\b|\bor should (?:i|we) (?:run|use|try|add|combine|switch)\b|\bstill a good choice\b|\bshould i switch\b|\bwhich one\b|\btool advice\b|\b(?:set|list|choice) of tools\b|\blist the tools\b|\bwhich tools\b/,
  },
  { kind: 'tool_advice', weight: 0.5, re: /\b(?:do|would) you recommend\b/ },
  // one tool weighed against another in a question: 'is X worth the hassle, or is Y good enough?', 'still a reasonable
  // choice ..., or is there a tool that ...'; the tool asked for in other languages ('¿qué herramienta ...?')
  {
    kind: 'tool_advice',
    weight: W,
    re: /\bor (?:is|are|would|does|do) (?:there )?[a-z0-9 +.-]{1,40} (?:good enough|enough|better|faster|more accurate|preferable|a better (?:choice|option|fit))\b|\bworth (?:it|the [a-z]+)\b.{0,40}\bor\b|\b(?:reasonable|good|sensible|valid|right) choice\b.{0,80}\bor\b|\bor is there (?:a|an|another) (?:tool|method|program|package)\b|\b(?:que|cual|quelle?s?|quel|welche[sn]?|qual|quale) (?:herramientas?|programas?|outils?|logiciels?|werkzeuge?|tools?|ferramentas?|strumenti|strumento|software)\b/,
  },
  // explanation: a question about a concept, a tool or a result
  {
    kind: 'explanation',
    weight: W,
    re: /^(?:what|what's|whats|why) (?:is|are|does|do|did|was|were|can|come)\b|^how (?:is|are|does|did|was|were|come|(?:can|do) (?!i\b|we\b|you\b))|\bhow (?:do|can|should) (?:i|we) (?:know|tell|interpret|understand|decide)\b|^what's\b|^why\b|\b(?:can|could) (?:you|someone|anyone) explain\b|^(?:please )?explain\b|\bdifference between\b|\bwhat does .{1,40} (?:mean|do|tell)\b|\bmeaning of\b|\bwhat(?:'s| is) the (?:(?:actual|real|main|key|practical) )?(?:point|purpose|role|idea|difference)\b|^what (?:exactly|actually|really) (?:is|are|does|do)\b|\bwhy (?:is|are|does|do) (?:the|a|an|this|that|these|those) (?![a-z0-9 -]{0,30}\b(?:failing|empty|wrong|missing|so (?:low|high|slow))\b)|\bhow (?:does|do) .{1,40} work\b|^is it (?:ok|okay|fine|valid|necessary|better|worth|bad|wrong|correct|true|safe)\b/,
  },
  // asking what something means outweighs a 'why are my ...' around it: a question, not a failure
  { kind: 'explanation', weight: 1, re: /\bwhat (?:does|do) .{1,40} mean\b/ },
  // how a tool or method decides something ('how does Arriba tell real fusions from artefacts?'): the question outweighs
  // the symptom word inside it
  { kind: 'explanation', weight: 1, re: /^how (?:does|do) [a-z0-9 .+-]{1,40} (?:tell|distinguish|separate|decide|know|handle|estimate|compute|calculate|assign|choose|model|detect)\b/ },
  // a request to explain, misspelled or in other languages ('explane what a gvcf is', 'kannst du erklären', 'puedes explicar')
  {
    kind: 'explanation',
    weight: W,
    re: /^(?:please |pls |can you |could you )?(?:explane|explian|expain|explan|exlain)\b|\b(?:kannst du|konnen sie|koennen sie) (?:mir |uns )?(?:erklaren|erklaeren)\b|\berklar(?:e|en sie) (?:mir|uns)\b|\b(?:puedes|podrias|puede|pode|podes|poderia|puoi|potresti|pouvez-vous|peux-tu) (?:me |nos |mi |ci )?(?:explicar|spiegare|expliquer)\b|^(?:explique|expliquez|explica|explicame|spiegami|spiega)\b/,
  },
  // a question asked after a sentence of context: 'I keep reading about split reads. How exactly do they reveal SVs?'
  // (not 'how do people set up ...', which asks how to do it)
  { kind: 'explanation', weight: W, re: /[.?!]\s+how (?:exactly |actually |precisely )?(?:do|does|is|are|can) (?!(?:i|we|you|u|people|labs|others|folks|most)\b)[a-z]/ },
  // a QC rate the user doubts ('60% duplicates, should I resequence?', '40% rRNA'): a symptom, not a plan
  {
    kind: 'troubleshooting',
    weight: W,
    re: /\b\d{2}(?:\.\d+)?\s?% (?:of (?:the |my )?reads (?:are )?)?(?:duplicates|duplication|duplicated|adapters?|adapter content|rrna|unmapped|multi-?mapp\w*|mitochondrial|chimeric)\b.{0,60}\?|\bshould i (?:re-?sequence|re-?run|re-?do|throw away|discard)\b/,
  },
  // a question whether something always holds ('is a higher N50 always better?')
  { kind: 'explanation', weight: W, re: /^(?:is|are|does|do) (?:a |an |the )?[a-z0-9 .,-]{1,50}\balways\b/ },
  // the same kinds asked in other languages (accents folded, after NFKC): what something is or means, why, the
  // difference between two things (German, French, Spanish, Italian, Portuguese, Japanese, Chinese)
  {
    kind: 'explanation',
    weight: W,
    re: folded(/(?:^|[¿¡] ?)(?:was (?:ist|sind|bedeutet|bedeuten|macht)|warum|wieso|wozu|qu'est-ce qu|c'est quoi|pourquoi|que (?:es|son|significa|hace)|por que|para que sirve|cos'e|che cos|cosa (?:e|significa|fa)|perche|o que (?:e|sao|significa|faz))\b|\b(?:unterschied zwischen|difference entre|diferencia entre|differenza tra|diferenca entre|qu'est-ce qui (?:distingue|differencie))\b|とは|違い|なぜ|どういう意味|什么是|是什么|区别|为什么|什么意思/),
  },
  // a result the user doubts, an error, in other languages ('è normale?', 'ist das normal?', 'Fehler', 'エラー', '报错')
  {
    kind: 'troubleshooting',
    weight: W,
    re: folded(/\b(?:e normale|es normal|est-ce normal|c'est normal|ist (?:das|es) normal|e normal|errore|fehler|fehlermeldung|erreur|erro)\b|エラー|失敗|报错|错误|失败/),
  },
  // a message the tool printed, quoted: 'could not be found', 'is not a valid', 'not recognized'
  { kind: 'troubleshooting', weight: W, re: /\b(?:could not|cannot|can not) be (?:found|opened|read|located|parsed|loaded)\b|\bis not (?:a )?valid\b|\bnot recogni[sz]ed\b|\bnot found\b/ },
  // one tool weighed against another: 'is X more accurate than Y', 'would you recommend A, B or C', 'worth switching
  // from X to Y', and in other languages ('lohnt sich der Umstieg', 'どちらを使うべき', '用哪个')
  {
    kind: 'tool_advice',
    weight: W,
    re: folded(/\b(?:more|less) (?:accurate|sensitive|precise|reliable|robust|efficient) than\b|\b(?:better|faster|slower|worse) than\b.{0,40}\?|\b(?:would|do|could) you recommend\b.{0,80}\bor\b|\bworth (?:switching|moving|upgrading|changing)\b|\b(?:switch|move|upgrade) from [a-z0-9 .-]{1,30} to\b.{0,40}\?|\blohnt sich\b|\b(?:umstieg|wechsel) (?:von|auf)\b|\b(?:vaut-il mieux|lequel (?:choisir|utiliser)|conviene|vale la pena|cual es mejor|quale (?:e )?meglio|qual e melhor)\b|どちら|どれを使|哪个|用哪/),
  },
  // public data asked for: 'find me published atlases', in Chinese and Japanese ('有没有公开的...数据', '公開データ')
  { kind: 'data_search', weight: W, re: folded(/\b(?:find|get|show|give) (?:me|us) (?:some |any )?(?:public(?:ly available)?|published|existing)\b|公开|公開|下载|ダウンロード/) },
  // a tool's standing doubted ('is X still the go-to', 'the right tool for ... or', 'X is fine or I should use
  // another'), or whether a second tool is needed at all ('do I really need X after Y')
  {
    kind: 'tool_advice',
    weight: W,
    re: /\b(?:is|are) [a-z0-9][a-z0-9.+-]{1,30} (?:still )?the (?:go-to|goto|right tool|right choice|best choice|standard tool|best option)\b|\bthe (?:right|best|wrong) (?:tool|software|program|package) for\b.{0,60}\bor\b|\b(?:is|are) (?:good|fine|ok|okay|enough|good enough) or (?:i|we) should\b|\b(?:use|try|pick) (?:an)?other (?:software|tool|program|package|caller|aligner|assembler|classifier|method) (?:made|built|designed|meant|for)\b|\bdo (?:i|we|you) (?:actually |really |even |still |truly )?need [a-z0-9][a-z0-9.+-]{1,30}(?: [a-z0-9][a-z0-9.+-]{1,30})? (?:after|before|on top of|in addition to)\b/,
  },
  // a question asked after a context clause ('For bulk RNA-seq, what is ...', "I'm new to Hi-C. What are ..."),
  // a misspelled question word ('how dose', 'diffrence between'), a question of how many or how much, whether a
  // figure is good or bad, whether a plot means anything, when each of two methods is needed
  {
    kind: 'explanation',
    weight: W,
    re: /(?:[.?!:]\s+|^(?:in|for|with|on|about|regarding|during) [^,?]{1,60},\s*)(?:what|what's|whats) (?:is|are|does|do|did|was|were|exactly|actually)\b(?! (?:the )?(?:best|right|easiest|simplest|recommended|proper|fastest|quickest|cleanest) (?:way|approach|tool|method|pipeline|workflow|setup|structure)\b)|(?:^|[,.?!]\s)why (?:the|a|an) (?![a-z0-9 -]{0,30}\b(?:failing|empty|wrong|missing|so (?:low|high|slow))\b)[a-z]|^how (?:dose|doe|dos|dose)\b|\b(?:diffrence|differnce|diference|differance|diffrance) (?:between|of)\b|^how (?:many|much|long|often|big|deep) [a-z0-9' -]{1,40}\b(?:does|do|is|are|can|will|would)\b|\b(?:good|bad|ok|okay|fine|high|low|normal|enough) or (?:bad|good|not|poor|low|high)\s?\?|\bmean (?:anything|something)\b|\bwhen (?:do|should|would) (?:you|i|we|one) (?:need|use|choose|pick|prefer|want) (?:which|each|either|one or the other)\b/,
  },
  // a result doubted against what it should be, a run that looks bad, a setting suspected ('wrong bed file?')
  {
    kind: 'troubleshooting',
    weight: W,
    re: /\bsupposed to (?:be|have|give|look|show)\b|\bis (?:my|the|our) [a-z0-9/ -]{1,30} off\?|\blooks? (?:bad|terrible|awful|poor|noisy|messy|horrible|off)\b|\bwhether to re-?sequence\b|\b(?:a |the )?(?:library|prep|library prep|sequencing|mapping|alignment) problem\b|\bwrong [a-z0-9 .-]{1,25}\?/,
  },
  // reference data asked for by what it is ('any reference methylomes for pig tissues?')
  { kind: 'data_search', weight: W, re: /^(?:any|are there(?: any)?|is there(?: an?| any)?) (?:reference|public|published|existing|curated) [a-z0-9 -]{1,50}\b(?:for|of|from|in|on)\b.{0,60}\?/ },
  // workflow: an explicit request for a pipeline or for the analysis to be done
  {
    kind: 'workflow',
    weight: W,
    re: /\b(?:write|build|make|set up|setup|create|generate|design|give me|need|want)\b.{0,40}\b(?:pipeline|workflow)\b|\bplease (?:make|build|write|run|do|set up|create)\b|\b(?:can|could|would) (?:you|u) (?:please )?(?:do|make|build|run|set up|write|analy[sz]e|help me|prepare|put together|create|design|generate|provide|develop|draft|process|perform|give me)\b|\bhow (?:do|can|should) (?:i|we) (?:analy[sz]e|process|run|call|build|set up|make|do|perform|quantify|align|assemble|detect|identify|cluster|get started)\b|\bhelp me (?:find|build|analy[sz]e|set up|with|call|run)\b|^how (?:do|can|should) (?:i|we)\b(?! (?:know|tell|interpret|understand|decide)\b)/,
  },
  // softer asks for the analysis itself ("can you set that up", "where do I start", "need to do hi-c"): they
  // make a question a workflow request, not a guess, and yield to any stronger cue of another kind
  {
    kind: 'workflow',
    weight: 1,
    re: /\bset (?:that|it|this|one) up\b|\bwhere (?:do|should|can) (?:i|we) (?:start|begin)\b|\bis it possible to (?:do|run|call|analy[sz]e|get)\b|\b(?:need|needs|want|wants|would like) to (?:do|run|analy[sz]e|call|find|get|detect|quantify|assemble|profile|process)\b|\bwhip up\b|\b(?:can|could) (?:we|i|nextflow|it) (?:do|run|handle)\b|\bis nextflow (?:good|ok|okay|suitable) for\b|\b(?:looking|wanna|want|going|gotta|got|have|need) (?:to )?do\b|\bany chance (?:you|u) (?:can|could)\b|\b(?:asked|asks) (?:me )?for\b|\bcan (?:you|u|anyone|someone) help\b|\b(?:a|an|the|your) [a-z0-9 -]{0,30}setup\b|\b(?:need|needs|wants)\b|\bhow to (?:set up|run|do|build|make)\b|\bhow would (?:you|i|we|one)\b|\b(?:aim|goal|request|task):|\bthe plan is\b|\bproceed with\b|\bplan(?:ning)? to run\b|\b(?:is|are) planning\b|\bproject involves\b|\bscript\b|\bneed help with\b|\b(?:could (?:really )?use|trying to (?:run|do|set up|get)|(?:any|an easy|a quick) way to|sort out|automate)\b|^(?:pls |please )?analy[sz]e\b|\b(?:pipeline|workflow)\b|\s->\s?|\bany ideas\?|\bthoughts\?/,
  },
  // "what tools and workflow do you recommend", "the best way to do X": the answer asked for is the workflow
  { kind: 'workflow', weight: 3, re: /\btools? and (?:a |the )?(?:workflow|pipeline)\b|\b(?:best|right|proper|easiest|recommended) way to (?:do|run|analy[sz]e|process|call|perform|get|set up)\b/ },
];
