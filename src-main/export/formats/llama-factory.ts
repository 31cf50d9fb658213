import fs from 'node:fs';
import path from 'node:path';
import { llamaFactoryDatasetInfo } from '../chat-formats';
import { PATHS } from '../layout';
import { type Checker, isObj, kindOf, stringProblem } from './check-context';
import { type ExportFormat, writeJsonFile } from './format';

/** dataset_info.json: LLaMA-Factory's registry of the alpaca and sharegpt files (its `dataset_dir` is the export). */
export const llamaFactoryFormat: ExportFormat = {
  id: 'llama-factory',
  readme: '`dataset_info.json`: point LLaMA-Factory\'s `dataset_dir` at the export folder (do not copy this file over its own `data/dataset_info.json`); pick one format: `dataset: biotrain_alpaca` with `eval_dataset: biotrain_alpaca_val`, or `dataset: biotrain_sharegpt` with `eval_dataset: biotrain_sharegpt_val`',
  dirs: [],
  writer(work) {
    return {
      push() {},
      endSplit() {},
      finish: () => [writeJsonFile(work, PATHS.llamaFactoryInfo, llamaFactoryDatasetInfo())],
    };
  },
  check: checkLlamaFactory,
};

const ALPACA_COLUMNS: Record<string, string> = { prompt: 'instruction', query: 'input', response: 'output' };
const SHAREGPT_COLUMNS: Record<string, string> = { messages: 'conversations' };
const SHAREGPT_TAGS: Record<string, string> = {
  role_tag: 'from',
  content_tag: 'value',
  user_tag: 'human',
  assistant_tag: 'gpt',
  observation_tag: 'observation',
  function_tag: 'function_call',
  system_tag: 'system',
};

function checkLlamaFactory(c: Checker): void {
  const rel = PATHS.llamaFactoryInfo;
  const info = c.readJson(rel);
  if (!info.ok) return;
  if (!isObj(info.value) || Object.keys(info.value).length === 0) {
    c.add(rel, 'expected an object of dataset entries');
    return;
  }
  for (const [name, entry] of Object.entries(info.value)) {
    if (!isObj(entry)) {
      c.add(rel, `${name}: expected an object`);
      continue;
    }
    const file = entry.file_name;
    if (typeof file !== 'string' || file === '') {
      c.add(rel, `${name}.file_name: ${stringProblem(file) ?? 'invalid'}`);
      continue;
    }
    if (path.isAbsolute(file) || file.split(/[\\/]/).includes('..') || !fs.existsSync(c.abs(file))) {
      c.add(rel, `${name}.file_name: ${file} does not exist in the export`);
      continue;
    }
    const formatting = entry.formatting ?? 'alpaca';
    if (formatting !== 'alpaca' && formatting !== 'sharegpt') {
      c.add(rel, `${name}.formatting: unknown format ${JSON.stringify(formatting)}`);
      continue;
    }
    const rows = c.arrays.get(file) ?? readRows(file, c);
    if (!rows) {
      c.add(rel, `${name}.file_name: ${file} is not a JSON array or JSONL file`);
      continue;
    }
    const columns: Record<string, unknown> = { ...(formatting === 'alpaca' ? ALPACA_COLUMNS : SHAREGPT_COLUMNS), ...(isObj(entry.columns) ? entry.columns : {}) };
    for (const [key, column] of Object.entries(columns)) {
      if (typeof column !== 'string') {
        c.add(rel, `${name}.columns.${key}: expected string, got ${kindOf(column)}`);
        continue;
      }
      const missing = rows.flatMap((r, i) => (isObj(r) && column in r ? [] : [i]));
      if (missing.length > 0)
        c.add(rel, `${name}.columns.${key}: column ${column} missing in ${missing.length} of ${rows.length} rows of ${file} (first: row ${missing[0]! + 1})`);
    }
    if (formatting === 'sharegpt') {
      const tags = { ...SHAREGPT_TAGS, ...(isObj(entry.tags) ? entry.tags : {}) } as Record<string, string>;
      const roles = new Set([tags.user_tag, tags.assistant_tag, tags.observation_tag, tags.function_tag, tags.system_tag]);
      const msgCol = String(columns.messages);
      const bad = rows.findIndex(
        (r) => isObj(r) && Array.isArray(r[msgCol]) && (r[msgCol] as unknown[]).some((m) => !isObj(m) || !roles.has(m[tags.role_tag!] as string) || !(tags.content_tag! in m)),
      );
      if (bad >= 0) c.add(rel, `${name}.tags: row ${bad + 1} of ${file} has a message without a known ${tags.role_tag} or without ${tags.content_tag}`);
    }
  }
}

function readRows(file: string, c: Checker): unknown[] | null {
  const text = fs.readFileSync(c.abs(file), 'utf8');
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v : null;
  } catch {
    try {
      return text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l));
    } catch {
      return null;
    }
  }
}
