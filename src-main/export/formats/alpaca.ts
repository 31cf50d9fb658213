import type { Split } from '../../../src-preload/schemas/example';
import { toAlpaca } from '../chat-formats';
import { PATHS } from '../layout';
import { type Checker, isObj, kindOf, type Obj, stringProblem } from './check-context';
import type { ExportFormat } from './format';
import { checkArrayRows, jsonArraysTrainVal } from './row-files';

/** alpaca_format.json (train) and alpaca_format_val.json (val): LLaMA-Factory's alpaca format. */
export const alpacaFormat: ExportFormat = {
  id: 'alpaca',
  readme: '`alpaca_format.json`, `alpaca_format_val.json`: LLaMA-Factory alpaca rows (instruction, input, output, system), entries `biotrain_alpaca` and `biotrain_alpaca_val`',
  dirs: [],
  writer: (work) => jsonArraysTrainVal(work, { train: PATHS.alpaca, val: PATHS.alpacaVal }, toAlpaca),
  check(c) {
    checkAlpaca(c, PATHS.alpaca, 'train');
    checkAlpaca(c, PATHS.alpacaVal, 'val');
  },
};

function checkAlpaca(c: Checker, rel: string, split: Split): void {
  checkArrayRows(c, rel, split, alpacaRowProblems, (row, rec) => {
    const r = row as Obj;
    return r.instruction === rec.messages[1].content && r.output === rec.messages[2].content && r.system === rec.messages[0].content;
  });
}

/** An Alpaca row: non-empty instruction and output, string input and system. */
export function alpacaRowProblems(row: unknown): string[] {
  if (!isObj(row)) return [`expected an object, got ${kindOf(row)}`];
  const out: string[] = [];
  for (const k of ['instruction', 'input', 'output', 'system']) {
    const p = stringProblem(row[k], k === 'input' || k === 'system');
    if (p) out.push(`${k}: ${p}`);
  }
  return out;
}
