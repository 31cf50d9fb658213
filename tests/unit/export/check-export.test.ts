import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_CONFIG } from '../../../src-preload/schemas/build';
import type { Split } from '../../../src-preload/schemas/example';
import { ArrowStreamSink } from '../../../src-main/export/arrow-sink';
import { llamaFactoryDatasetInfo, toAlpaca, toOpenAi, toShareGpt } from '../../../src-main/export/chat-formats';
import {
  alpacaRowProblems,
  checkExport,
  formatProblem,
  openAiRowProblems,
  shareGptRowProblems,
} from '../../../src-main/export/check-export';
import { hfDatasetDict, hfDatasetInfo, hfState, hubReadme } from '../../../src-main/export/hf-metadata';
import { PATHS } from '../../../src-main/export/layout';
import { describeFile, type Manifest, sha256File } from '../../../src-main/export/manifest';
import { ParquetSink } from '../../../src-main/export/parquet-sink';
import { recordId, type TrainingRecord } from '../../../src-main/export/record';
import { loadTaskPrompts } from '../../../src-main/task-contract/prompts';
import { tempDir } from '../../support/serve';

const SPLITS: Split[] = ['train', 'val', 'test'];
const SIZES: Record<Split, number> = { train: 3, val: 1, test: 1 };

function record(split: Split, i: number): TrainingRecord {
  return {
    id: recordId(split, i),
    messages: [
      { role: 'system', content: loadTaskPrompts().get('workflow_generation')!.system },
      { role: 'user', content: `RNA-seq differential expression for ${split} sample ${i}` },
      { role: 'assistant', content: `Use STAR and DESeq2 (${split} ${i}).` },
    ],
    metadata: {
      example_id: `ex-${split}-${i}`,
      kind: 'workflow',
      task: 'workflow_generation',
      source: 'template',
      category: 'transcriptomics',
      analysis_type: 'rna_seq_de',
      tools: ['star', 'deseq2'],
      difficulty: 2,
      validated: true,
      group_id: `gq_001-b0${i % 3}`,
      golden_id: 'gq_001',
      style: null,
      engine: 'template',
      template_id: null,
    },
  };
}

const write = (root: string, rel: string, text: string) => fs.writeFileSync(path.join(root, rel), text);
const writeJson = (root: string, rel: string, v: unknown) => write(root, rel, `${JSON.stringify(v, null, 2)}\n`);
const jsonArray = (rows: unknown[]) => (rows.length === 0 ? '[]\n' : `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);

/** A small valid export written with the exporter's own pieces, and a manifest describing it. */
async function writeExport(root: string): Promise<void> {
  for (const d of ['processed', 'openai', 'hub/data', 'metadata', 'hf/train', 'hf/validation', 'hf/test']) fs.mkdirSync(path.join(root, d), { recursive: true });
  const records = Object.fromEntries(SPLITS.map((s) => [s, Array.from({ length: SIZES[s] }, (_, i) => record(s, i))])) as Record<Split, TrainingRecord[]>;
  for (const s of SPLITS) {
    write(root, PATHS.processed(s), records[s].map((r) => `${JSON.stringify(r)}\n`).join(''));
    write(root, PATHS.openai(s), records[s].map((r) => `${JSON.stringify(toOpenAi(r))}\n`).join(''));
    const arrow = new ArrowStreamSink(path.join(root, PATHS.hfArrow(s)));
    await arrow.push(records[s]);
    await arrow.close();
    const parquet = new ParquetSink(path.join(root, PATHS.hubParquet(s)));
    parquet.push(records[s]);
    parquet.close();
    const bytes = fs.statSync(path.join(root, PATHS.hfArrow(s))).size;
    writeJson(root, PATHS.hfInfo(s), hfDatasetInfo(s, records[s].length, bytes));
    writeJson(root, PATHS.hfState(s), hfState(s, sha256File(path.join(root, PATHS.hfArrow(s)))));
  }
  write(root, PATHS.alpaca, jsonArray(records.train.map(toAlpaca)));
  write(root, PATHS.sharegpt, jsonArray(records.train.map(toShareGpt)));
  write(root, PATHS.sharegptVal, jsonArray(records.val.map(toShareGpt)));
  writeJson(root, PATHS.hfDict, hfDatasetDict(SPLITS));
  write(root, PATHS.hubReadme, hubReadme(SIZES, SPLITS));
  writeJson(root, PATHS.llamaFactoryInfo, llamaFactoryDatasetInfo());
  writeJson(root, PATHS.qualityReport, { passed: true });
  writeManifest(root);
}

const ROWS: Record<string, number> = {
  [PATHS.alpaca]: SIZES.train,
  [PATHS.sharegpt]: SIZES.train,
  [PATHS.sharegptVal]: SIZES.val,
  ...Object.fromEntries(SPLITS.flatMap((s) => [PATHS.processed(s), PATHS.openai(s), PATHS.hfArrow(s), PATHS.hubParquet(s)].map((p) => [p, SIZES[s]]))),
};

/** (Re)writes metadata/manifest.json for the folder as it is, so a test's edit shows only its own problem. */
function writeManifest(root: string): void {
  const files = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((p) => p !== PATHS.manifest)
    .sort()
    .map((p) => describeFile(root, p, ROWS[p] ?? null));
  const manifest: Manifest = {
    format_version: 1,
    app_version: '0.0.0-test',
    schema_version: 2,
    seed: 42,
    split_config: DEFAULT_SPLIT_CONFIG,
    engines: ['template'],
    counts: { ...SIZES },
    files,
    task_prompts: [],
  };
  writeJson(root, PATHS.manifest, manifest);
}

/** Rewrites one line of a line-per-row file through `edit`, then refreshes the manifest. */
function editLine(root: string, rel: string, line: number, edit: (row: Record<string, unknown>) => unknown): void {
  const lines = fs.readFileSync(path.join(root, rel), 'utf8').split('\n');
  const text = lines[line - 1]!;
  const comma = text.endsWith(',');
  lines[line - 1] = JSON.stringify(edit(JSON.parse(comma ? text.slice(0, -1) : text))) + (comma ? ',' : '');
  write(root, rel, lines.join('\n'));
  writeManifest(root);
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

async function fixture(): Promise<string> {
  const root = tempDir('biotrain-check-');
  dirs.push(root);
  await writeExport(root);
  return root;
}

async function problems(root: string): Promise<string[]> {
  return (await checkExport(root)).problems.map(formatProblem);
}

describe('checkExport on a hand-made export', () => {
  it('accepts a valid export and counts its rows', async () => {
    const root = await fixture();
    const r = await checkExport(root);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.counts).toEqual(SIZES);
    expect(r.rows).toEqual(ROWS);
  });

  it('processed JSONL: empty content, wrong split prefix, repeated id, bad JSON', async () => {
    const root = await fixture();
    editLine(root, PATHS.processed('train'), 2, (r) => ({ ...r, messages: [(r.messages as unknown[])[0], (r.messages as unknown[])[1], { role: 'assistant', content: '' }] }));
    editLine(root, PATHS.processed('train'), 3, (r) => ({ ...r, id: 'val_00009' }));
    editLine(root, PATHS.processed('val'), 1, (r) => ({ ...r, metadata: { ...(r.metadata as object), difficulty: 7 } }));
    expect(await problems(root)).toEqual([
      'processed/train.jsonl:2: messages.2.content: empty',
      'processed/train.jsonl:3: id: val_00009 is not a train id (expected train_NNNNN)',
      'processed/val.jsonl:1: metadata.difficulty: above the maximum 3',
      'hf/train/data-00000-of-00001.arrow: row 3: id "train_00003", processed/train.jsonl:3 has "val_00009"',
      'hub/data/train-00000-of-00001.parquet: row 3: id "train_00003", processed/train.jsonl:3 has "val_00009"',
    ]);

    const root2 = await fixture();
    editLine(root2, PATHS.processed('test'), 1, (r) => ({ ...r, messages: (r.messages as unknown[]).slice(0, 2) }));
    write(root2, PATHS.processed('train'), `${fs.readFileSync(path.join(root2, PATHS.processed('train')), 'utf8').split('\n')[0]}\n{"id":\n`);
    writeManifest(root2);
    const got = await problems(root2);
    expect(got).toContain('processed/test.jsonl:1: messages: expected at least 3 items');
    expect(got).toContain(`processed/train.jsonl:2: not valid JSON: ${jsonError('{"id":')}`);
    expect(got).toContain('hf/train/data-00000-of-00001.arrow: 3 rows, processed/train.jsonl has 2');
  });

  it('processed JSONL: an id or example repeated', async () => {
    const root = await fixture();
    editLine(root, PATHS.processed('train'), 2, (r) => ({ ...r, id: 'train_00001' }));
    editLine(root, PATHS.processed('test'), 1, (r) => ({ ...r, metadata: { ...(r.metadata as object), example_id: 'ex-train-0' } }));
    const got = await problems(root);
    expect(got).toContain('processed/train.jsonl:2: id: train_00001 repeats line 1');
    expect(got).toContain('processed/test.jsonl:1: metadata.example_id: ex-train-0 is already on processed/train.jsonl:1');
  });

  it('OpenAI JSONL: wrong role order, empty content, extra keys', async () => {
    const root = await fixture();
    editLine(root, PATHS.openai('train'), 1, (r) => ({ messages: [...(r.messages as { role: string }[])].reverse() }));
    editLine(root, PATHS.openai('train'), 2, (r) => ({ ...r, id: 'x' }));
    editLine(root, PATHS.openai('val'), 1, (r) => ({ messages: (r.messages as object[]).map((m, i) => (i === 1 ? { ...m, content: ' ' } : m)) }));
    expect(await problems(root)).toEqual([
      'openai/train.jsonl:1: messages.0.role: expected user, got assistant',
      'openai/train.jsonl:2: unexpected key id (only messages is allowed)',
      'openai/val.jsonl:1: messages.1.content: empty',
    ]);
  });

  it('ShareGPT: odd turns, wrong order, empty value, missing system', async () => {
    const root = await fixture();
    editLine(root, PATHS.sharegpt, 2, (r) => ({ ...r, conversations: [...(r.conversations as unknown[]), { from: 'human', value: 'and?' }] }));
    editLine(root, PATHS.sharegpt, 3, (r) => ({ ...r, conversations: [...(r.conversations as unknown[])].reverse() }));
    editLine(root, PATHS.sharegptVal, 2, (r) => ({ conversations: [{ from: 'human', value: '' }, (r.conversations as unknown[])[1]] }));
    expect(await problems(root)).toEqual([
      'sharegpt_format.json:2: conversations: 3 turns, expected an even number of at least 2',
      'sharegpt_format.json:3: conversations.0.from: expected human, got "gpt"',
      'sharegpt_format_val.json:2: conversations.0.value: empty',
      'sharegpt_format_val.json:2: system: missing',
      'dataset_info.json: biotrain_sharegpt_val.columns.system: column system missing in 1 of 1 rows of sharegpt_format_val.json (first: row 1)',
    ]);
  });

  it('Alpaca: empty output, non-string input, a row that is not an object', async () => {
    const root = await fixture();
    editLine(root, PATHS.alpaca, 2, (r) => ({ ...r, output: '' }));
    editLine(root, PATHS.alpaca, 3, (r) => ({ ...r, input: 3 }));
    editLine(root, PATHS.alpaca, 4, () => 'row');
    expect(await problems(root)).toEqual([
      'alpaca_format.json:2: output: empty',
      'alpaca_format.json:3: input: expected string, got number',
      'alpaca_format.json:4: expected an object, got string',
      'dataset_info.json: biotrain_alpaca.columns.prompt: column instruction missing in 1 of 3 rows of alpaca_format.json (first: row 3)',
      'dataset_info.json: biotrain_alpaca.columns.query: column input missing in 1 of 3 rows of alpaca_format.json (first: row 3)',
      'dataset_info.json: biotrain_alpaca.columns.response: column output missing in 1 of 3 rows of alpaca_format.json (first: row 3)',
      'dataset_info.json: biotrain_alpaca.columns.system: column system missing in 1 of 3 rows of alpaca_format.json (first: row 3)',
    ]);
  });

  it('LLaMA-Factory dataset_info.json: a missing file and a missing column', async () => {
    const root = await fixture();
    const info = llamaFactoryDatasetInfo() as Record<string, { file_name: string; columns: Record<string, string> }>;
    info.biotrain_alpaca!.columns.query = 'question';
    info.biotrain_sharegpt_val!.file_name = 'nope.json';
    writeJson(root, PATHS.llamaFactoryInfo, info);
    writeManifest(root);
    expect(await problems(root)).toEqual([
      'dataset_info.json: biotrain_alpaca.columns.query: column question missing in 3 of 3 rows of alpaca_format.json (first: row 1)',
      'dataset_info.json: biotrain_sharegpt_val.file_name: nope.json does not exist in the export',
    ]);
  });

  it('manifest: a hash mismatch, a size mismatch, a missing and an unlisted file', async () => {
    const root = await fixture();
    const rel = PATHS.processed('val');
    const listed = sha256File(path.join(root, rel));
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    write(root, rel, text.replace('sample 0', 'sample 9')); // same size, still a valid record
    const now = sha256File(path.join(root, rel));
    write(root, 'extra.txt', 'x');
    fs.appendFileSync(path.join(root, PATHS.qualityReport), ' ');
    fs.rmSync(path.join(root, PATHS.hubReadme));
    expect(await problems(root)).toEqual([
      'openai/val.jsonl:1: messages differ from processed/val.jsonl:1',
      'hub/README.md: missing',
      'sharegpt_format_val.json:2: differs from processed/val.jsonl:1',
      'metadata/quality_report.json: 22 bytes, the manifest says 21',
      'metadata/quality_report.json: sha256 ' +
        `${sha256File(path.join(root, PATHS.qualityReport)).slice(0, 12)}… does not match the manifest (` +
        `${JSON.parse(fs.readFileSync(path.join(root, PATHS.manifest), 'utf8')).files.find((f: { path: string }) => f.path === PATHS.qualityReport).sha256.slice(0, 12)}…)`,
      `processed/val.jsonl: sha256 ${now.slice(0, 12)}… does not match the manifest (${listed.slice(0, 12)}…)`,
      'extra.txt: not listed in the manifest',
    ]);
  });

  it('manifest: schema errors are reported with their field', async () => {
    const root = await fixture();
    const m = JSON.parse(fs.readFileSync(path.join(root, PATHS.manifest), 'utf8'));
    m.format_version = 2;
    m.files[0].sha256 = 'abc';
    writeJson(root, PATHS.manifest, m);
    expect(await problems(root)).toEqual(['metadata/manifest.json: format_version: expected 1, got 2', 'metadata/manifest.json: files.0.sha256: "abc" is not a valid value (/^[0-9a-f]{64}$/)']);
  });

  it('HF and Hub: wrong state.json, README paths, row counts, non-parquet file', async () => {
    const root = await fixture();
    writeJson(root, PATHS.hfState('val'), { ...hfState('val', '0'.repeat(64)), _data_files: [{ filename: 'data.arrow' }] });
    write(root, PATHS.hubReadme, hubReadme(SIZES, SPLITS).replace('data/validation-*', 'data/valid-*'));
    writeJson(root, PATHS.hfInfo('test'), hfDatasetInfo('test', 5, 1));
    write(root, PATHS.hubParquet('test'), 'PAR1 not really');
    writeManifest(root);
    expect(await problems(root)).toEqual([
      'hf/validation/state.json: _data_files: does not name data-00000-of-00001.arrow',
      'hf/validation/state.json: _data_files: "data.arrow" is not a file in hf/validation',
      'hf/test/dataset_info.json: splits.test.num_examples: 5, hf/test/data-00000-of-00001.arrow has 1 rows',
      'hub/README.md: configs.0.data_files.1.path: data/valid-* matches no parquet file in hub/',
      'hub/data/validation-00000-of-00001.parquet: not named by the data_files of hub/README.md',
      'hub/data/test-00000-of-00001.parquet: not a parquet file (does not start and end with PAR1)',
    ]);
  });

  it('HF: an Arrow schema that does not match the features', async () => {
    const root = await fixture();
    const info = hfDatasetInfo('train', 3, 1) as { features: Record<string, unknown> };
    info.features = { ...info.features, metadata: { ...(info.features.metadata as object), difficulty: { dtype: 'int64', _type: 'Value' } } };
    writeJson(root, PATHS.hfInfo('train'), info);
    writeManifest(root);
    expect(await problems(root)).toEqual([
      'hf/train/data-00000-of-00001.arrow: schema: metadata.difficulty: expected int64, got Int32 (hf/train/dataset_info.json)',
      'hf/train/data-00000-of-00001.arrow: schema metadata: huggingface features differ from hf/train/dataset_info.json',
    ]);
  });

  it('a folder that does not exist', async () => {
    const r = await checkExport('/nonexistent/biotrain-export');
    expect(r.ok).toBe(false);
    expect(r.problems.map(formatProblem)).toEqual(['.: /nonexistent/biotrain-export is not a folder']);
  });
});

describe('row validators', () => {
  it('ShareGPT rows', () => {
    const ok = { conversations: [{ from: 'human', value: 'q' }, { from: 'gpt', value: 'a' }], system: 's' };
    expect(shareGptRowProblems(ok)).toEqual([]);
    expect(shareGptRowProblems({ ...ok, conversations: [{ from: 'human', value: 'q' }] })).toEqual(['conversations: 1 turns, expected an even number of at least 2']);
    expect(shareGptRowProblems({ ...ok, conversations: [] })).toEqual(['conversations: 0 turns, expected an even number of at least 2']);
    expect(
      shareGptRowProblems({
        ...ok,
        conversations: [
          { from: 'human', value: 'q' },
          { from: 'human', value: 'q2' },
        ],
      }),
    ).toEqual(['conversations.1.from: expected gpt, got "human"']);
    expect(shareGptRowProblems({ ...ok, conversations: [{ from: 'human', value: 'q' }, { from: 'gpt' }] })).toEqual(['conversations.1.value: missing']);
    expect(shareGptRowProblems({ conversations: ok.conversations, system: 1 })).toEqual(['system: expected string, got number']);
    expect(shareGptRowProblems([])).toEqual(['expected an object, got array']);
  });

  it('OpenAI rows', () => {
    const m = (role: string, content: unknown = 'x') => ({ role, content });
    expect(openAiRowProblems({ messages: [m('system'), m('user'), m('assistant')] })).toEqual([]);
    expect(openAiRowProblems({ messages: [m('user'), m('assistant'), m('user'), m('assistant')] })).toEqual([]);
    expect(openAiRowProblems({ messages: [m('system'), m('assistant'), m('user')] })).toEqual(['messages.1.role: expected user, got assistant']);
    expect(openAiRowProblems({ messages: [m('system'), m('user')] })).toEqual([
      'messages: expected a user message followed by an assistant reply, ending with the assistant',
    ]);
    expect(openAiRowProblems({ messages: [m('system'), m('user', ''), m('assistant', 5)] })).toEqual([
      'messages.1.content: empty',
      'messages.2.content: expected string, got number',
    ]);
    expect(openAiRowProblems({ messages: [m('system'), m('human'), m('assistant')] })).toEqual(['messages.1.role: unknown role "human"']);
    expect(openAiRowProblems({})).toEqual(['messages: missing']);
  });

  it('Alpaca rows', () => {
    expect(alpacaRowProblems({ instruction: 'q', input: '', output: 'a', system: '' })).toEqual([]);
    expect(alpacaRowProblems({ instruction: ' ', output: 'a' })).toEqual(['instruction: empty', 'input: missing', 'system: missing']);
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}
