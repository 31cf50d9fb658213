import { z } from 'zod';
import type { Example, Split } from '../../src-preload/schemas/example';
import type { Knowledge } from '../knowledge/schemas';
import { scrubPii } from '../pipeline/pii';
import { loadTaskPrompts } from '../task-contract/prompts';
import { taskOf } from '../task-contract/tasks';
import { userTurn } from '../task-contract/user-turn';
import { renderAnswer } from './answer';

export const MessageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) });

/**
 * The metadata of a training record. Every field carries its description: the Hub dataset card lists the
 * fields from this schema (export/formats/hub.ts), so a field added here is documented there too.
 */
export const RecordMetadataSchema = z.object({
  example_id: z.string().describe("the example's id in the Biotrain store (stable for a seed)"),
  kind: z.string().describe('the example kind: query_variation, tool_selection, workflow, education or error_diagnosis'),
  task: z.string().describe('the task the example teaches; its system prompt is resources/prompts/tasks/<task>.md'),
  source: z.string().describe('where it came from: synthetic, interaction, import, expert, or expert_unverified (an expert item whose answer no expert has approved yet)'),
  category: z.string().describe('the category of the golden query it descends from'),
  analysis_type: z.string().describe('the analysis type id from the knowledge base (the split is stratified by it)'),
  tools: z.array(z.string()).describe('ids of the tools the answer uses, from the tool catalog'),
  difficulty: z.number().int().min(1).max(3).describe('1 (easy) to 3 (hard)'),
  validated: z.boolean().describe('true when the round-trip checks passed or a reviewer accepted it'),
  group_id: z.string().describe('the paraphrase group (base intent); a group never spans two splits'),
  golden_id: z.string().nullable().describe('the golden query it descends from, or null'),
  style: z.string().nullable().describe('the wording style of a query variation (formal, casual, minimal, detailed, edge_case), else null'),
  engine: z.string().describe('what wrote it: template, or llm:<model>'),
  template_id: z.string().nullable().describe('the template frame that rendered it, or null'),
});

/** The metadata fields in schema order, each with its description (for the dataset card). */
export function recordMetadataFields(): { name: string; description: string }[] {
  return Object.entries(RecordMetadataSchema.shape).map(([name, field]) => ({ name, description: field.description ?? '' }));
}

/** One row of processed/{split}.jsonl: the plan's instruction format (4.1). */
export const TrainingRecordSchema = z.object({
  id: z.string().regex(/^(train|val|test)_\d{5,}$/),
  messages: z.tuple([
    MessageSchema.extend({ role: z.literal('system') }),
    MessageSchema.extend({ role: z.literal('user') }),
    MessageSchema.extend({ role: z.literal('assistant') }),
  ]),
  metadata: RecordMetadataSchema,
});
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;

export function recordId(split: Split, index: number): string {
  return `${split}_${String(index + 1).padStart(5, '0')}`;
}

/**
 * The source a row is exported with: an expert item is expert ground truth ('expert') only once the expert
 * approved its answer (review/expert-verification.ts); until then it is an ordinary test item flagged
 * 'expert_unverified' (its answer is the generator's, which train rows share).
 */
export function exportedSource(example: Pick<Example, 'source'>, expertVerified: boolean): string {
  return example.source === 'expert' && !expertVerified ? 'expert_unverified' : example.source;
}

/** The training record of an example, with personal information scrubbed from both sides. */
export function toRecord(example: Example, split: Split, index: number, tools: readonly string[], kb: Knowledge, expertVerified = false): TrainingRecord {
  const prompts = loadTaskPrompts();
  const task = taskOf(example);
  return {
    id: recordId(split, index),
    messages: [
      { role: 'system', content: prompts.get(task)!.system },
      { role: 'user', content: userTurn({ ...example, input: scrubPii(example.input).text }, prompts) },
      { role: 'assistant', content: scrubPii(renderAnswer(example, kb)).text },
    ],
    metadata: {
      example_id: example.id,
      kind: example.kind,
      task,
      source: exportedSource(example, expertVerified),
      category: example.category,
      analysis_type: example.analysis_type,
      tools: [...tools],
      difficulty: example.difficulty,
      validated: example.status === 'accepted' || example.status === 'auto_validated',
      group_id: example.group_id,
      golden_id: example.base_id,
      style: example.style,
      engine: example.engine,
      template_id: example.template_id ?? null,
    },
  };
}
