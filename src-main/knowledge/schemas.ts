import { z } from 'zod';
import { IntentSchema } from '../../src-preload/schemas/intent';
import type { Compatibility } from './compatibility';
import type { StudyDetails } from './study-details';
import type { RequestWording } from './request-wording';
import type { ErrorSituation } from './error-situations';
import type { LibraryUsage } from './library-usage';
import { OrganismFactsSchema, ProcessSchema, type Reference } from './process-schema';
import type { SelectionRules } from './selection';
import type { OrganismResource, ToolMemory, VariantCaller } from './tool-facts';
import { typicalCommand } from './typical-command';
import type { ComparisonTests } from './comparison-tests';
import type { Deliverable } from './deliverables';
import type { WorkflowNeeds } from './workflow-needs';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'ids are lower_snake_case');

/**
 * An input of a tool or an analysis: a name is a required input; `{ name, required, when }` says when an
 * optional input is used (a target BED for exomes only) or when a required one is needed (known sites for BQSR).
 */
export interface InputFact {
  name: string;
  required: boolean;
  when?: string | undefined;
}
const InputFactSchema = z
  .union([z.string().min(2), z.strictObject({ name: z.string().min(2), required: z.boolean(), when: z.string().min(15) })])
  .transform((x): InputFact => (typeof x === 'string' ? { name: x, required: true } : x));

/** Languages other than English whose lab words the parser reads (ISO 639-1). */
export const OTHER_LANGUAGES = ['de', 'es', 'fr', 'pt', 'it', 'ja', 'zh'] as const;
/** Kana and CJK ideographs: a word of two of them is as specific as a Latin word of three letters or more. */
export const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;
/**
 * The words of an entry in the other languages users write in (lowercase, accents as spelled: the parser folds
 * them), read by the intent parser only: the generators write English.
 */
const OtherLanguageWord = z.string().refine((w) => w.length >= 3 || (w.length === 2 && CJK.test(w)), 'at least 3 letters (2 kana or ideographs)');
const OtherLanguageWords = z.partialRecord(z.enum(OTHER_LANGUAGES), z.array(OtherLanguageWord).min(1)).default({});
/**
 * Samples read from a sample sheet instead of a FASTQ glob, for an analysis whose samples each bring more than
 * reads (a Visium section's own tissue image, slide serial number and capture area): columns sample, fastq_1
 * (and fastq_2 for pairs), then `files` (each a per-sample channel of the data kind named) and `values` (kept in
 * the sample's meta map).
 */
const SampleSheetSchema = z.object({
  default: z.string().min(3),
  files: z.array(z.object({ column: z.string().regex(/^[a-z][a-z0-9_]*$/), kind: z.string().regex(/^[a-z][a-z0-9_]*$/) })).default([]),
  values: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
});
export type SampleSheet = z.infer<typeof SampleSheetSchema>;

export const AnalysisTypeSchema = z.object({
  id: Id,
  name: z.string().min(3),
  description: z.string().min(20),
  /** words and phrases that signal this type (lowercase); includes abbreviations and synonyms */
  keywords: z.array(z.string().min(1)).min(2),
  synonyms: z.array(z.string()).default([]),
  /** keywords in other languages ('Einzelzell', 'metagenómica'), each as specific as an English keyword */
  other_languages: OtherLanguageWords,
  /** ordered default pipeline: tool ids in execution order */
  required_tools: z.array(Id).min(1),
  /** tools the default pipeline adds when the request compares groups (differential methylation), in their step */
  comparison_tools: z.array(Id).default([]),
  recommended_tools: z.array(Id).default([]),
  optional_tools: z.array(Id).default([]),
  /** ordered analysis steps, each naming the tool(s) that may perform it */
  steps: z
    .array(
      z.object({
        name: z.string(),
        description: z.string(),
        tools: z.array(Id).min(1),
        /** why the step's first tool is run the way it is for this assay: the rationale's reason instead of the tool's catalogue purpose */
        note: z.string().min(30).optional(),
      }),
    )
    .min(2),
  input_data_types: z.array(InputFactSchema).min(1),
  /** the sequencing/data type id the intent parser reports for this analysis */
  data_type: z.string(),
  /**
   * what the workflow reads when the library, not the request, decides it: FASTA sequences instead of FASTQ, or a
   * read layout fixed by the protocol (10x barcode + cDNA reads are pairs; read 1 holds a whole small-RNA insert),
   * with the reason the answer gives
   */
  input: z
    .object({
      format: z.enum(['fastq', 'fasta']).default('fastq'),
      layout: z.enum(['paired', 'single']).optional(),
      /**
       * every library of the assay has this layout (10x, Visium and Hi-C libraries are read pairs), so an intent
       * carries it although the request does not say it; false where the workflow reads one layout of libraries
       * sequenced either way (small RNA: read 1 only)
       */
      always: z.boolean().default(false),
      why: z.string().min(10),
      samplesheet: SampleSheetSchema.optional(),
    })
    .optional(),
  typical_organisms: z.array(z.string()).default([]),
  /**
   * `host`: an organism the request names is the host the community was sampled from, not the organism analysed
   * (16S of pig stool): the intent's organism stays null and the host is sample context, written in front of the
   * tissue ('pig stool', hostSample)
   */
  organism_role: z.enum(['studied', 'host']).default('studied'),
});
export type AnalysisType = z.infer<typeof AnalysisTypeSchema>;

export const ToolSchema = z
  .strictObject({
    id: Id,
    name: z.string(),
    purpose: z.string().min(10),
    category: z.string(),
    inputs: z.array(InputFactSchema).min(1),
    outputs: z.array(z.string()).min(1),
    /** pinned image, e.g. quay.io/biocontainers/star:2.7.11b--h43eeafb_0 (a multi-tool image where the command pipes) */
    container: z.string().min(3),
    /**
     * R packages the container holds beyond its own (quay.io/biocontainers/bioconductor-edger holds edgeR) and a wave
     * image's named ones: those its recipe run-requires (bioconda's bioconductor-edger requires bioconductor-limma),
     * so a shipped R script's library() calls are checked against the image at load
     */
    image_packages: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9.]*$/)).default([]),
    analysis_types: z.array(Id).min(1),
    /** alternative names users type: 'bwa-mem2', 'featureCounts', 'deseq' */
    aliases: z.array(z.string()).default([]),
    /**
     * the name as an everyday word (a juicer, Seurat the painter, a pangolin at the zoo, salmon for dinner): inside
     * one of `phrases` ('atlantic salmon') it never names the tool; beside one of `words` ('orange juice', 'painting')
     * in a request with no sequencing word it names no tool either
     */
    everyday: z.strictObject({ words: z.array(z.string().min(2)).default([]), phrases: z.array(z.string().min(3)).default([]) }).optional(),
    /** resource profile for the selector's constraint handling */
    memory_gb: z.number().positive().default(4),
    url: z.string().optional(),
    /** what a reader must know about values in the typical command (chemistry-specific lengths, whitelists) */
    command_notes: z.array(z.string().min(20)).default([]),
    /** how the tool runs as a Nextflow process: the one source of the generated module */
    process: ProcessSchema,
  })
  .transform((t) => ({ ...t, typical_command: typicalCommand(t.process) }));
export type Tool = z.infer<typeof ToolSchema>;

export const ErrorPatternSchema = z.object({
  id: Id,
  tool: Id,
  name: z.string(),
  /** JavaScript regex source matched against log text (flags: i) */
  symptom_regex: z.string(),
  /** a realistic log excerpt that the regex matches (checked by a test) */
  example_log: z.string().min(10),
  diagnosis: z.string().min(20),
  fix_steps: z.array(z.string()).min(2),
  category: z.string(),
});
export type ErrorPattern = z.infer<typeof ErrorPatternSchema>;

export const OrganismEntrySchema = z.object({
  id: Id,
  scientific_name: z.string(),
  common_names: z.array(z.string()).min(1),
  /** names in other languages ('Maus', 'ratón', 'souris') */
  other_languages: OtherLanguageWords,
  genome_build: z.string(),
  alternative_builds: z.array(z.string()).default([]),
  /** assembly names a user may type (lowercase) -> the build they denote, e.g. { mm10: 'GRCm38' } */
  build_aliases: z.record(z.string(), z.string()).default({}),
  /** values commands derive from the organism (effective genome size, MACS2 -g, miRBase code, ...) */
  facts: OrganismFactsSchema.default({}),
  /**
   * Words that imply the organism without naming it (breeds, cohort words, names of its embryonic stem cells, a
   * spelling variant), lowercase; read by the intent parser only, when no organism is named outright. Cell lines
   * are cell_lines.yaml's.
   */
  implied_by: z.array(z.string().min(3)).default([]),
});
export type OrganismEntry = z.infer<typeof OrganismEntrySchema>;

/** A cell line a request may name instead of its organism (cell_lines.yaml), with Cellosaurus's accession. */
export const CellLineSchema = z.object({
  id: Id,
  name: z.string().min(2),
  aliases: z.array(z.string().min(3)).default([]),
  organism: Id,
  cellosaurus: z.string().regex(/^CVCL_[0-9A-Z]{4}$/, 'a Cellosaurus accession (CVCL_ and four characters)'),
});
export type CellLine = z.infer<typeof CellLineSchema>;

export const GoldenQuerySchema = z.object({
  id: z.string().regex(/^gq_\d{3}$/),
  query: z.string().min(5),
  category: Id,
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  expected_intent: IntentSchema,
  expected_tools: z.array(Id),
});
export type GoldenQuery = z.infer<typeof GoldenQuerySchema>;

export const CategorySchema = z.object({ id: Id, name: z.string(), description: z.string() });
export type Category = z.infer<typeof CategorySchema>;

export interface Knowledge {
  analysisTypes: AnalysisType[];
  tools: Tool[];
  errorPatterns: ErrorPattern[];
  organisms: OrganismEntry[];
  categories: Category[];
  goldenQueries: GoldenQuery[];
  analysisTypeById: Map<string, AnalysisType>;
  toolById: Map<string, Tool>;
  organismById: Map<string, OrganismEntry>;
  /** cell lines and the organism each implies (cell_lines.yaml) */
  cellLines: CellLine[];
  /** platforms, tool rules, alternatives and request focus (selection.ts) */
  selection: SelectionRules;
  /** compatibility.yaml: which organisms, samples, designs, layouts and platforms suit each analysis */
  compatibility: Compatibility;
  /** study_details.yaml: what requests say about a study (sample counts, instruments, outputs) */
  studyDetails: StudyDetails;
  /** request_wording.yaml: slot phrasings (strandedness, constraints, joiners, plurals) and detail sentences */
  requestWording: RequestWording;
  /** reference files processes stage, by id */
  referenceById: Map<string, Reference>;
  /** shipped scripts (resources/templates) by file name */
  templates: Map<string, string>;
  /** concrete failures of the error patterns, for diagnosis examples (error_situations.yaml) */
  errorSituations: ErrorSituation[];
  /** how library tools (DESeq2, Scanpy, ...) are called from their language (library_usage.yaml) */
  libraryUsage: Map<string, LibraryUsage>;
  /** what each analysis type's workflow needs that a request can leave open (workflow_needs.yaml) */
  workflowNeeds: WorkflowNeeds;
  /** documented memory needs by tool (tool_memory.yaml): the only memory figures answers state */
  toolMemory: Map<string, ToolMemory>;
  /** INFO tags and filters per variant caller (variant_callers.yaml), for the filter after each caller */
  variantCallers: Map<string, VariantCaller>;
  /** what a tool's rationale says of a resource only some organisms have (organism_resources.yaml) */
  organismResources: Map<string, OrganismResource>;
  /** which step tests a comparison of the request's groups, per analysis type (comparison_tests.yaml) */
  comparisonTests: Map<string, ComparisonTests>;
  /** deliverables.yaml: what the chain makes of each output a request asks for, per analysis type */
  deliverables: Map<string, Deliverable[]>;
}
