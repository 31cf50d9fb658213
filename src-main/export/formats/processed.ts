import type { Split } from '../../../src-preload/schemas/example';
import { PATHS } from '../layout';
import { type TrainingRecord, TrainingRecordSchema } from '../record';
import { type Checker, issueText, jsonLines } from './check-context';
import type { ExportFormat } from './format';
import { jsonlPerSplit } from './row-files';

/** processed/{split}.jsonl: the plan's message format (4.1), the record every other format is compared with. */
export const processedFormat: ExportFormat = {
  id: 'processed',
  readme:
    '`processed/{train,val,test}.jsonl`: id, system/user/assistant `messages` and `metadata` per line: the plan\'s message format (4.1), with `task` and provenance (`group_id` = base intent, `golden_id`, `style`, `engine`, `template_id` = sentence frame) (Axolotl `type: chat_template`, field `messages`)',
  dirs: ['processed'],
  writer: (work) => jsonlPerSplit(work, PATHS.processed, (r) => r),
  check(c) {
    for (const split of ['train', 'val', 'test'] as const) checkProcessed(c, split);
  },
};

function checkProcessed(c: Checker, split: Split): void {
  const rel = PATHS.processed(split);
  const lines = jsonLines(c, rel);
  if (!lines) return;
  const seen = c.examples;
  const ids = new Map<string, number>();
  const records: (TrainingRecord | null)[] = [];
  for (const { line, value } of lines) {
    if (value === undefined) {
      records.push(null);
      continue;
    }
    const r = TrainingRecordSchema.safeParse(value, { reportInput: true });
    if (!r.success) {
      for (const issue of r.error.issues) c.add(rel, issueText(issue), line);
      records.push(null);
      continue;
    }
    const rec = r.data;
    records.push(rec);
    if (!rec.id.startsWith(`${split}_`)) c.add(rel, `id: ${rec.id} is not a ${split} id (expected ${split}_NNNNN)`, line);
    const first = ids.get(rec.id);
    if (first !== undefined) c.add(rel, `id: ${rec.id} repeats line ${first}`, line);
    else ids.set(rec.id, line);
    const ex = rec.metadata.example_id;
    const where = seen.get(ex);
    if (where !== undefined) c.add(rel, `metadata.example_id: ${ex} is already on ${where}`, line);
    else seen.set(ex, `${rel}:${line}`);
  }
  c.processed[split] = { records };
  c.rows[rel] = records.length;
}
