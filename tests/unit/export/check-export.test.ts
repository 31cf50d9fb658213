import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_CONFIG } from '../../../src-preload/schemas/build';
import type { Split } from '../../../src-preload/schemas/example';
import { ArrowStreamSink } from '../../../src-main/export/arrow-sink';
import { llamaFactoryDatasetInfo } from '../../../src-main/export/chat-formats';
import {
  alpacaRowProblems,
  checkExport,
  formatProblem,
  openAiRowProblems,
  shareGptRowProblems,
} from '../../../src-main/export/check-export';
import { FORMATS } from '../../../src-main/export/formats';
import { hfDatasetInfo, hfState } from '../../../src-main/export/formats/hf';
import { hubReadme } from '../../../src-main/export/formats/hub';
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
const RECORDS = Object.fromEntries(SPLITS.map((s) => [s, Array.from({ length: SIZES[s] }, (_, i) => record(s, i))])) as Record<Split, TrainingRecord[]>;

/** A small valid export written by the exporter's own format writers, and a manifest describing it. */
async function writeExport(root: string): Promise<void> {
  for (const d of ['metadata', ...FORMATS.flatMap((f) => f.dirs)]) fs.mkdirSync(path.join(root, d), { recursive: true });
  const writers = FORMATS.map((f) => f.writer(root, { license: 'unknown' }));
  for (const s of SPLITS) {
    for (const r of RECORDS[s]) for (const w of writers) await w.push(r, s);
    for (const w of writers) await w.endSplit(s, SIZES[s]);
  }
  for (const w of writers) await w.finish(SIZES);
  writeJson(root, PATHS.qualityReport, { passed: true });
  writeManifest(root);
}

const ROWS: Record<string, number> = {
  [PATHS.alpaca]: SIZES.train,
  [PATHS.sharegpt]: SIZES.train,
  [PATHS.sharegptVal]: SIZES.val,
  [PATHS.alpacaVal]: SIZES.val,
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
      'hf/train/data-00000-of-00001.arrow: row 3 differs from processed/train.jsonl:3: id: "train_00003", expected "val_00009"',
      'hub/data/train-00000-of-00001.parquet: row 3 differs from processed/train.jsonl:3: id: "train_00003", expected "val_00009"',
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
      'hf/validation/data-00000-of-00001.arrow: row 1 differs from processed/val.jsonl:1: messages[1].content: "RNA-seq differential expression for val sample 0", expected "RNA-seq differential expression for val sample 9"',
      'hub/README.md: missing',
      'hub/data/validation-00000-of-00001.parquet: row 1 differs from processed/val.jsonl:1: messages[1].content: "RNA-seq differential expression for val sample 0", expected "RNA-seq differential expression for val sample 9"',
      'alpaca_format_val.json:2: differs from processed/val.jsonl:1',
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
    write(root, PATHS.hubReadme, hubReadme(SIZES, SPLITS, 'unknown').replace('data/validation-*', 'data/valid-*'));
    writeJson(root, PATHS.hfInfo('test'), hfDatasetInfo('test', 5, 1, 'unknown'));
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
    const info = hfDatasetInfo('train', 3, 1, 'unknown') as { features: Record<string, unknown> };
    info.features = { ...info.features, metadata: { ...(info.features.metadata as object), difficulty: { dtype: 'int64', _type: 'Value' } } };
    writeJson(root, PATHS.hfInfo('train'), info);
    writeManifest(root);
    expect(await problems(root)).toEqual([
      'hf/train/data-00000-of-00001.arrow: schema: metadata.difficulty: expected int64, got Int32 (hf/train/dataset_info.json)',
      'hf/train/data-00000-of-00001.arrow: schema metadata: huggingface features differ from hf/train/dataset_info.json',
    ]);
  });

  it('HF and Hub: every decoded Arrow and Parquet value is compared with the JSONL, not only ids', async () => {
    const root = await fixture();
    const changed = RECORDS.train.map((r, i) => (i === 1 ? { ...r, metadata: { ...r.metadata, tools: ['star', 'salmon'], difficulty: 3 } } : r));
    const arrow = new ArrowStreamSink(path.join(root, PATHS.hfArrow('train')));
    await arrow.push(changed);
    await arrow.close();
    const parquet = new ParquetSink(path.join(root, PATHS.hubParquet('train')));
    parquet.push(changed.map((r, i) => (i === 2 ? { ...r, messages: [r.messages[0], r.messages[1], { role: 'assistant' as const, content: 'Use HISAT2.' }] } : r)));
    parquet.close();
    writeJson(root, PATHS.hfState('train'), hfState('train', sha256File(path.join(root, PATHS.hfArrow('train')))));
    writeManifest(root);
    expect(await problems(root)).toEqual([
      'hf/train/data-00000-of-00001.arrow: row 2 differs from processed/train.jsonl:2: metadata.tools[1]: "salmon", expected "deseq2"',
      'hub/data/train-00000-of-00001.parquet: row 2 differs from processed/train.jsonl:2: metadata.tools[1]: "salmon", expected "deseq2"',
      'hub/data/train-00000-of-00001.parquet: row 3 differs from processed/train.jsonl:3: messages[2].content: "Use HISAT2.", expected "Use STAR and DESeq2 (train 2)."',
    ]);
  });

  it('HF: a Sequence({role, content}) encoding of messages is refused', async () => {
    const root = await fixture();
    const info = hfDatasetInfo('val', 1, 1, 'unknown') as { features: Record<string, unknown> };
    info.features = { ...info.features, messages: { _type: 'Sequence', feature: (info.features.messages as object[])[0] } };
    writeJson(root, PATHS.hfInfo('val'), { ...info, splits: JSON.parse(fs.readFileSync(path.join(root, PATHS.hfInfo('val')), 'utf8')).splits });
    writeManifest(root);
    expect(await problems(root)).toEqual([
      'hf/validation/data-00000-of-00001.arrow: schema: messages: Sequence({role, content}) is a dict of lists to datasets, not a list of {role, content}; write the feature as [{...}] or List (hf/validation/dataset_info.json)',
      'hf/validation/data-00000-of-00001.arrow: schema metadata: huggingface features differ from hf/validation/dataset_info.json',
    ]);
  });

  it("HF: the cache-*.arrow files datasets adds to a split folder are not export problems", async () => {
    const root = await fixture();
    write(root, 'hf/train/cache-1f2e3d4c5b6a7980.arrow', 'cache');
    write(root, 'hf/validation/cache-0a1b2c3d.arrow', 'cache');
    expect(await problems(root)).toEqual([]);
    write(root, 'hf/train/notes.arrow', 'x');
    expect(await problems(root)).toEqual(['hf/train/notes.arrow: not listed in the manifest']);
  });

  it('Hub card: licence, pretty name and size category; dataset_info.json carries the same licence', async () => {
    const root = await fixture();
    const card = fs.readFileSync(path.join(root, PATHS.hubReadme), 'utf8');
    expect(card).toContain('\nlicense: unknown\n');
    expect(card).toContain('\nsize_categories:\n  - n<1K\n');
    expect(card).toMatch(/\npretty_name: \S/);
    write(root, PATHS.hubReadme, card.replace('license: unknown\n', '').replace('n<1K', '1K<n<10K'));
    const info = JSON.parse(fs.readFileSync(path.join(root, PATHS.hfInfo('test')), 'utf8'));
    writeJson(root, PATHS.hfInfo('test'), { ...info, license: 'mit' });
    writeJson(root, PATHS.hfInfo('val'), { ...JSON.parse(fs.readFileSync(path.join(root, PATHS.hfInfo('val')), 'utf8')), license: '' });
    writeManifest(root);
    expect(await problems(root)).toEqual([
      "hf/validation/dataset_info.json: license: empty (write 'unknown' until a licence is chosen)",
      "hub/README.md: front matter: license: missing (write 'unknown' until a licence is chosen)",
      'hub/README.md: front matter: size_categories: "1K<n<10K", the export has 5 rows (n<1K)',
    ]);
    write(root, PATHS.hubReadme, card);
    writeManifest(root);
    expect(await problems(root)).toEqual([
      "hf/validation/dataset_info.json: license: empty (write 'unknown' until a licence is chosen)",
      'hf/test/dataset_info.json: license: "mit", the dataset card says "unknown"',
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
