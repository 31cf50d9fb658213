import { z } from 'zod';
import { IntentDiffSchema, IntentSchema } from './intent';

export const ExampleKindSchema = z.enum([
  'query_variation',
  'tool_selection',
  'workflow',
  'education',
  'error_diagnosis',
  'interaction',
]);
export type ExampleKind = z.infer<typeof ExampleKindSchema>;

export const ExampleSourceSchema = z.enum(['synthetic', 'interaction', 'expert', 'import']);
export const VariationStyleSchema = z.enum(['formal', 'casual', 'minimal', 'detailed', 'edge_case']);
export type VariationStyle = z.infer<typeof VariationStyleSchema>;

/** review / validation status of an example */
export const ExampleStatusSchema = z.enum(['pending', 'auto_validated', 'needs_review', 'accepted', 'rejected']);
export type ExampleStatus = z.infer<typeof ExampleStatusSchema>;
export const SplitSchema = z.enum(['train', 'val', 'test']);
export type Split = z.infer<typeof SplitSchema>;

export const ToolChoiceSchema = z.object({ tool: z.string(), rationale: z.string() });
export type ToolChoice = z.infer<typeof ToolChoiceSchema>;

/** A generated Nextflow project: relative path -> file text; 'main.nf' is the entry. */
export const WorkflowProjectSchema = z.object({ files: z.record(z.string(), z.string()) });
export type WorkflowProject = z.infer<typeof WorkflowProjectSchema>;

/**
 * The target answer of an example. Which fields are set depends on the kind:
 * variation -> intent; tool_selection -> intent + tools; workflow -> intent + tools + workflow;
 * education -> explanation; error_diagnosis -> diagnosis + fix_steps (+ tool).
 */
export const ExampleOutputSchema = z.object({
  intent: IntentSchema.optional(),
  tools: z.array(ToolChoiceSchema).optional(),
  workflow: WorkflowProjectSchema.optional(),
  explanation: z.string().optional(),
  diagnosis: z.string().optional(),
  fix_steps: z.array(z.string()).optional(),
});
export type ExampleOutput = z.infer<typeof ExampleOutputSchema>;

export const ExampleSchema = z.object({
  id: z.string(),
  kind: ExampleKindSchema,
  source: ExampleSourceSchema,
  /** paraphrase group: all variations of one golden query share it; splits keep a group together */
  group_id: z.string(),
  /** golden query id this example derives from, if any */
  base_id: z.string().nullable(),
  style: VariationStyleSchema.nullable(),
  engine: z.string(),
  category: z.string(),
  analysis_type: z.string(),
  difficulty: z.number().int().min(1).max(3),
  /** the user message */
  input: z.string(),
  output: ExampleOutputSchema,
  /** for variations: the ground-truth intent of the base query, the re-parsed intent and their diff */
  ground_truth_intent: IntentSchema.nullable(),
  parsed_intent: IntentSchema.nullable(),
  intent_diff: IntentDiffSchema.nullable(),
  status: ExampleStatusSchema,
  split: SplitSchema.nullable(),
  quality_score: z.number().min(0).max(1).nullable(),
  /** the sentence frame or template the input was rendered from, e.g. 'formal-07' (null: not rendered from one) */
  template_id: z.string().nullable().optional(),
  /** sha256 of the normalized input + output, for exact dedup */
  content_hash: z.string(),
  created_at: z.string(),
});
export type Example = z.infer<typeof ExampleSchema>;
