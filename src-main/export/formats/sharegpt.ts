import type { Split } from '../../../src-preload/schemas/example';
import { toShareGpt } from '../chat-formats';
import { PATHS } from '../layout';
import { type Checker, isObj, kindOf, stringProblem } from './check-context';
import type { ExportFormat } from './format';
import { checkArrayRows, jsonArraysTrainVal } from './row-files';

/** sharegpt_format.json (train) and sharegpt_format_val.json (val): LLaMA-Factory's sharegpt format. */
export const shareGptFormat: ExportFormat = {
  id: 'sharegpt',
  readme: '`sharegpt_format.json`, `sharegpt_format_val.json`: LLaMA-Factory sharegpt conversations (human/gpt turns, system column), entries `biotrain_sharegpt` and `biotrain_sharegpt_val`',
  dirs: [],
  writer: (work) => jsonArraysTrainVal(work, { train: PATHS.sharegpt, val: PATHS.sharegptVal }, toShareGpt),
  check(c) {
    checkShareGpt(c, PATHS.sharegpt, 'train');
    checkShareGpt(c, PATHS.sharegptVal, 'val');
  },
};

function checkShareGpt(c: Checker, rel: string, split: Split): void {
  checkArrayRows(c, rel, split, shareGptRowProblems, (row, rec) => {
    const r = row as { conversations: { value: string }[]; system: string };
    return (
      r.conversations.length === 2 &&
      r.conversations[0]!.value === rec.messages[1].content &&
      r.conversations[1]!.value === rec.messages[2].content &&
      r.system === rec.messages[0].content
    );
  });
}

/** A ShareGPT row: an even number (≥ 2) of turns alternating human, gpt, with non-empty values; a string system prompt. */
export function shareGptRowProblems(row: unknown): string[] {
  if (!isObj(row)) return [`expected an object, got ${kindOf(row)}`];
  const out: string[] = [];
  const conv = row.conversations;
  if (!Array.isArray(conv)) out.push(`conversations: ${conv === undefined ? 'missing' : `expected array, got ${kindOf(conv)}`}`);
  else {
    if (conv.length < 2 || conv.length % 2 !== 0) out.push(`conversations: ${conv.length} turns, expected an even number of at least 2`);
    let orderReported = false;
    conv.forEach((turn, i) => {
      if (!isObj(turn)) {
        out.push(`conversations.${i}: expected an object, got ${kindOf(turn)}`);
        return;
      }
      const want = i % 2 === 0 ? 'human' : 'gpt';
      if (turn.from !== want && !orderReported) {
        out.push(`conversations.${i}.from: expected ${want}, got ${JSON.stringify(turn.from)}`);
        orderReported = true;
      }
      const vp = stringProblem(turn.value);
      if (vp) out.push(`conversations.${i}.value: ${vp}`);
    });
  }
  const sp = stringProblem(row.system, true);
  if (sp) out.push(`system: ${sp}`);
  return out;
}
