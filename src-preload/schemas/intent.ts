import { z } from 'zod';

/** Read layout of sequencing reads. */
export const ReadLayoutSchema = z.enum(['paired', 'single', 'unknown']);
export const StrandednessSchema = z.enum(['forward', 'reverse', 'unstranded', 'unknown']);

export const OrganismSchema = z.object({
  /** canonical id, e.g. 'human', 'mouse', 'arabidopsis' */
  id: z.string(),
  scientific_name: z.string(),
  /** default genome build for the organism, e.g. 'GRCh38', 'GRCm39' */
  genome_build: z.string(),
});
export type Organism = z.infer<typeof OrganismSchema>;

export const ComparisonSchema = z.object({
  /** the condition groups, e.g. ['treated', 'control'] */
  groups: z.array(z.string()),
  /** free-text description as phrased by the user, e.g. 'tumor vs normal' */
  description: z.string(),
});

/**
 * What kind of request the user made: a workflow to build, advice on which tool, an explanation of a concept
 * or tool, help with an error (troubleshooting), a search for public data, or something off topic.
 */
export const REQUEST_KINDS = ['workflow', 'tool_advice', 'explanation', 'troubleshooting', 'data_search', 'off_topic'] as const;
export const RequestKindSchema = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKindSchema>;

/** The parsed analysis intent. Every parser (rule, LLM, ensemble) returns exactly this. */
export const IntentSchema = z.object({
  /** the kind of request; intents stored before the field existed read as 'workflow' */
  request_kind: RequestKindSchema.default('workflow'),
  /** analysis type id from the knowledge base, or 'unknown' */
  analysis_type: z.string(),
  organism: OrganismSchema.nullable(),
  /**
   * the tissue or sample source ('liver', 'soil'); for a host-associated community (16S, metagenomes) the organism
   * stays null and the host's id goes in front of the sample source ('pig stool', or 'cow' when only the host is named)
   */
  tissue: z.string().nullable(),
  cell_type: z.string().nullable(),
  /** sequencing / data type id, e.g. 'rna_seq', 'wgs', 'scrna_seq', 'ont_long_read', 'amplicon' */
  data_type: z.string().nullable(),
  read_layout: ReadLayoutSchema,
  strandedness: StrandednessSchema,
  comparison: ComparisonSchema.nullable(),
  /** tool ids the user explicitly named (catalog ids) */
  requested_tools: z.array(z.string()),
  /** normalized constraints, e.g. 'low_memory', 'no_docker', 'fast', 'gpu' */
  constraints: z.array(z.string()),
  /** intent fields the query did not determine and that a workflow needs, e.g. 'organism', 'read_layout' */
  missing_information: z.array(z.string()),
  confidence: z.number().min(0).max(1),
});
export type Intent = z.infer<typeof IntentSchema>;

/**
 * Parser confidences are calibrated (a confidence of p is right about p of the time), so below this one a parse
 * is more likely wrong than right: the review queue's low-confidence filter.
 */
export const LOW_CONFIDENCE = 0.5;

/** Fields compared by the round-trip check and the intent diff, in display order. */
export const INTENT_DIFF_FIELDS = [
  'request_kind',
  'analysis_type',
  'organism',
  'tissue',
  'cell_type',
  'data_type',
  'read_layout',
  'strandedness',
  'comparison',
  'requested_tools',
  'constraints',
] as const;
export type IntentDiffField = (typeof INTENT_DIFF_FIELDS)[number];

export const FieldDiffSchema = z.object({
  field: z.string(),
  status: z.enum(['same', 'changed', 'added', 'removed']),
  expected: z.unknown(),
  actual: z.unknown(),
  /** for list fields: normalized values only in actual / only in expected */
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});
export type FieldDiff = z.infer<typeof FieldDiffSchema>;
export const IntentDiffSchema = z.object({
  fields: z.array(FieldDiffSchema),
  mismatches: z.number().int().nonnegative(),
});
export type IntentDiff = z.infer<typeof IntentDiffSchema>;
