import type { Split } from '../../../src-preload/schemas/example';
import { toOpenAi } from '../chat-formats';
import { PATHS } from '../layout';
import { type Checker, compareCount, isObj, jsonLines, kindOf, type Obj, SPLITS, stringProblem } from './check-context';
import type { ExportFormat } from './format';
import { jsonlPerSplit } from './row-files';

/** openai/{split}.jsonl: OpenAI chat fine-tuning rows (`messages` only). */
export const openAiFormat: ExportFormat = {
  id: 'openai',
  readme: '`openai/{train,val,test}.jsonl`: OpenAI chat fine-tuning files (`messages` only), `training_file` / `validation_file`',
  dirs: ['openai'],
  writer: (work) => jsonlPerSplit(work, PATHS.openai, toOpenAi),
  check(c) {
    for (const split of SPLITS) checkOpenAi(c, split);
  },
};

const OPENAI_ROLES = ['system', 'user', 'assistant'];

function checkOpenAi(c: Checker, split: Split): void {
  const rel = PATHS.openai(split);
  const lines = jsonLines(c, rel);
  if (!lines) return;
  c.rows[rel] = lines.length;
  compareCount(c, rel, lines.length, split);
  const processed = c.processed[split]?.records ?? [];
  for (const [i, { line, value }] of lines.entries()) {
    if (value === undefined) continue;
    const problems = openAiRowProblems(value);
    for (const p of problems) c.add(rel, p, line);
    const rec = processed[i];
    if (problems.length === 0 && rec && JSON.stringify((value as Obj).messages) !== JSON.stringify(rec.messages))
      c.add(rel, `messages differ from ${PATHS.processed(split)}:${i + 1}`, line);
  }
}

/** An OpenAI chat fine-tuning row: only `messages`; an optional system message, then user and assistant alternating, ending with the assistant. */
export function openAiRowProblems(value: unknown): string[] {
  if (!isObj(value)) return [`expected an object, got ${kindOf(value)}`];
  const out: string[] = [];
  for (const k of Object.keys(value)) if (k !== 'messages') out.push(`unexpected key ${k} (only messages is allowed)`);
  const msgs = value.messages;
  if (!Array.isArray(msgs)) return [...out, msgs === undefined ? 'messages: missing' : `messages: expected array, got ${kindOf(msgs)}`];
  if (msgs.length === 0) return [...out, 'messages: empty'];
  let orderReported = false;
  const start = isObj(msgs[0]) && msgs[0].role === 'system' ? 1 : 0;
  msgs.forEach((m, i) => {
    if (!isObj(m)) {
      out.push(`messages.${i}: expected an object, got ${kindOf(m)}`);
      return;
    }
    const rp = stringProblem(m.role);
    if (rp) out.push(`messages.${i}.role: ${rp}`);
    else if (!OPENAI_ROLES.includes(m.role as string)) out.push(`messages.${i}.role: unknown role ${JSON.stringify(m.role)}`);
    else if (i >= start && !orderReported) {
      const want = (i - start) % 2 === 0 ? 'user' : 'assistant';
      if (m.role !== want) {
        out.push(`messages.${i}.role: expected ${want}, got ${m.role}`);
        orderReported = true;
      }
    }
    const cp = stringProblem(m.content);
    if (cp) out.push(`messages.${i}.content: ${cp}`);
  });
  const last = msgs[msgs.length - 1];
  if (!orderReported && (!isObj(last) || last.role !== 'assistant' || msgs.length - start < 2))
    out.push('messages: expected a user message followed by an assistant reply, ending with the assistant');
  return out;
}
