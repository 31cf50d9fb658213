import fs from 'node:fs';
import path from 'node:path';
import { DataType, tableFromIPC } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Split } from '../../src-preload/schemas/example';
import { HF_SPLIT, PATHS } from './layout';
import { ManifestSchema, sha256File } from './manifest';
import { type TrainingRecord, TrainingRecordSchema } from './record';
import { filesBelow } from '../util/files-below';

const SPLITS: readonly Split[] = ['train', 'val', 'test'];
/** problems reported per file before the rest are summarised in one line */
const MAX_PER_FILE = 25;
const HF_DATA_FILE = 'data-00000-of-00001.arrow';
const RECORD_COLUMNS = ['id', 'messages', 'metadata'];

export interface ExportProblem {
  /** path relative to the export folder */
  file: string;
  /** 1-based line, for line-oriented files */
  line?: number;
  message: string;
}

export interface ExportCheck {
  ok: boolean;
  problems: ExportProblem[];
  /** rows per split, from processed/{split}.jsonl */
  counts: Record<Split, number>;
  /** rows of every data file that was read, by relative path */
  rows: Record<string, number>;
}

/** `processed/train.jsonl:12: messages.2.content: empty` */
export function formatProblem(p: ExportProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

/**
 * Validates an export folder the way its consumers read it: processed and OpenAI JSONL, the Hugging Face
 * `save_to_disk` folder (Arrow IPC streams against their `features`), the Hub layout (README `configs` and
 * parquet files), the LLaMA-Factory Alpaca/ShareGPT files and their dataset_info.json, and the manifest
 * (hashes, sizes, row counts, no unlisted files). LLaMA-Factory skips malformed rows silently, so every row
 * is checked strictly here.
 */
export async function checkExport(dir: string): Promise<ExportCheck> {
  const c = new Checker(path.resolve(dir));
  if (!fs.existsSync(c.root) || !fs.statSync(c.root).isDirectory()) {
    c.add('.', `${c.root} is not a folder`);
    return c.result();
  }
  for (const split of SPLITS) checkProcessed(c, split);
  for (const split of SPLITS) checkOpenAi(c, split);
  checkHf(c);
  await checkHub(c);
  checkAlpaca(c);
  checkShareGpt(c, PATHS.sharegpt, 'train');
  checkShareGpt(c, PATHS.sharegptVal, 'val');
  checkLlamaFactory(c);
  checkManifest(c);
  return c.result();
}

// ---------------------------------------------------------------------------------------------------------
// shared state and helpers

interface ProcessedSplit {
  /** the record of each line, null where the line is invalid */
  records: (TrainingRecord | null)[];
}

class Checker {
  private readonly list: ExportProblem[] = [];
  private readonly perFile = new Map<string, number>();
  readonly missing = new Set<string>();
  readonly rows: Record<string, number> = {};
  readonly processed: Partial<Record<Split, ProcessedSplit>> = {};
  /** parsed JSON arrays (Alpaca/ShareGPT) by path, for the LLaMA-Factory column check */
  readonly arrays = new Map<string, unknown[]>();
  /** example id → `file:line` of its first record, across splits */
  readonly examples = new Map<string, string>();

  constructor(readonly root: string) {}

  add(file: string, message: string, line?: number): void {
    const n = (this.perFile.get(file) ?? 0) + 1;
    this.perFile.set(file, n);
    if (n <= MAX_PER_FILE) this.list.push(line === undefined ? { file, message } : { file, line, message });
  }

  abs(rel: string): string {
    return path.join(this.root, rel);
  }

  /** The file's bytes, or null (and a `missing` problem) when it does not exist. */
  read(rel: string): Buffer | null {
    const abs = this.abs(rel);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
      if (!this.missing.has(rel)) this.add(rel, 'missing');
      this.missing.add(rel);
      return null;
    }
    return fs.readFileSync(abs);
  }

  readJson(rel: string): { ok: true; value: unknown; text: string } | { ok: false } {
    const buf = this.read(rel);
    if (!buf) return { ok: false };
    const text = buf.toString('utf8');
    try {
      return { ok: true, value: JSON.parse(text), text };
    } catch (e) {
      this.add(rel, `not valid JSON: ${(e as Error).message}`);
      return { ok: false };
    }
  }

  result(): ExportCheck {
    const problems = [...this.list];
    for (const [file, n] of this.perFile)
      if (n > MAX_PER_FILE) problems.push({ file, message: `${n - MAX_PER_FILE} more problems not shown` });
    const counts = { train: 0, val: 0, test: 0 };
    for (const s of SPLITS) counts[s] = this.processed[s]?.records.length ?? 0;
    return { ok: problems.length === 0, problems, counts, rows: this.rows };
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Problem text for a value that must be a string (non-empty unless `allowEmpty`), or null when it is fine. */
function stringProblem(v: unknown, allowEmpty = false): string | null {
  if (v === undefined) return 'missing';
  if (typeof v !== 'string') return `expected string, got ${kindOf(v)}`;
  if (!allowEmpty && v.trim() === '') return 'empty';
  return null;
}

/** One zod issue as `path: short message`. */
function issueText(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return `${where}${input === undefined ? 'missing' : `expected ${issue.expected}, got ${kindOf(input)}`}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return `${where}empty`;
      if (issue.origin === 'array') return `${where}expected at least ${issue.minimum} items`;
      return `${where}below the minimum ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `${where}expected at most ${issue.maximum} items`;
      return `${where}above the maximum ${issue.maximum}`;
    case 'invalid_value':
      return `${where}expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(input)}`;
    case 'invalid_format':
      return `${where}${JSON.stringify(input)} is not a valid ${issue.format === 'regex' ? `value (${(issue as { pattern?: string }).pattern})` : issue.format}`;
    case 'unrecognized_keys':
      return `${where}unexpected keys ${issue.keys.join(', ')}`;
    default:
      return `${where}${issue.message}`;
  }
}

/** Parsed lines of a JSONL file; blank and unparsable lines are reported and skipped (value undefined). */
function jsonLines(c: Checker, rel: string): { line: number; value: unknown }[] | null {
  const buf = c.read(rel);
  if (!buf) return null;
  const lines = buf.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: { line: number; value: unknown }[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') {
      c.add(rel, 'empty line', line);
      out.push({ line, value: undefined });
      return;
    }
    try {
      out.push({ line, value: JSON.parse(text) });
    } catch (e) {
      c.add(rel, `not valid JSON: ${(e as Error).message}`, line);
      out.push({ line, value: undefined });
    }
  });
  return out;
}

/**
 * A JSON array file; `at(i)` locates row i: its line when the file has one row per line (as the exporter
 * writes it), otherwise a `[i]` prefix for the message.
 */
function jsonArray(c: Checker, rel: string): { rows: unknown[]; at: (i: number) => { line?: number; prefix: string } } | null {
  const r = c.readJson(rel);
  if (!r.ok) return null;
  if (!Array.isArray(r.value)) {
    c.add(rel, `expected a JSON array, got ${kindOf(r.value)}`);
    return null;
  }
  const rows = r.value;
  const lines = r.text.split('\n');
  const onePerLine = lines[0] === '[' && lines.length === rows.length + 3;
  c.arrays.set(rel, rows);
  c.rows[rel] = rows.length;
  return { rows, at: (i) => (onePerLine ? { line: i + 2, prefix: '' } : { prefix: `[${i}].` }) };
}

/** Reports a row-count difference between `rel` and processed/{split}.jsonl. */
function compareCount(c: Checker, rel: string, rows: number, split: Split): void {
  const p = c.processed[split];
  if (p && p.records.length !== rows) c.add(rel, `${rows} rows, ${PATHS.processed(split)} has ${p.records.length}`);
}

/** Compares a file's ids, in order, with processed/{split}.jsonl; reports the first difference. */
function compareIds(c: Checker, rel: string, ids: readonly unknown[], split: Split): void {
  const p = c.processed[split];
  if (!p) return;
  const n = Math.min(ids.length, p.records.length);
  for (let i = 0; i < n; i++) {
    const want = p.records[i]?.id;
    if (want !== undefined && ids[i] !== want) {
      c.add(rel, `row ${i + 1}: id ${JSON.stringify(ids[i])}, ${PATHS.processed(split)}:${i + 1} has ${JSON.stringify(want)}`);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// processed/{split}.jsonl and openai/{split}.jsonl

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

// ---------------------------------------------------------------------------------------------------------
// Hugging Face save_to_disk folder

function checkHf(c: Checker): void {
  const dict = c.readJson(PATHS.hfDict);
  if (dict.ok) {
    const splits = isObj(dict.value) ? dict.value.splits : undefined;
    if (!Array.isArray(splits)) c.add(PATHS.hfDict, `splits: ${splits === undefined ? 'missing' : `expected array, got ${kindOf(splits)}`}`);
    else {
      for (const s of SPLITS) if (!splits.includes(HF_SPLIT[s])) c.add(PATHS.hfDict, `splits: ${HF_SPLIT[s]} is not listed`);
      for (const s of splits)
        if (typeof s !== 'string' || !fs.existsSync(c.abs(`hf/${s}`))) c.add(PATHS.hfDict, `splits: ${JSON.stringify(s)} has no folder hf/${s}`);
    }
  }
  for (const split of SPLITS) checkHfSplit(c, split);
}

function checkHfSplit(c: Checker, split: Split): void {
  const hfName = HF_SPLIT[split];
  const arrowRel = PATHS.hfArrow(split);
  const infoRel = PATHS.hfInfo(split);
  const stateRel = PATHS.hfState(split);

  const state = c.readJson(stateRel);
  if (state.ok) {
    const s = isObj(state.value) ? state.value : {};
    const files = s._data_files;
    if (!Array.isArray(files) || files.length === 0) c.add(stateRel, '_data_files: expected a non-empty list of {filename}');
    else {
      const names = files.map((f) => (isObj(f) ? f.filename : undefined));
      if (!names.includes(HF_DATA_FILE)) c.add(stateRel, `_data_files: does not name ${HF_DATA_FILE}`);
      for (const n of names)
        if (typeof n !== 'string' || !fs.existsSync(path.join(path.dirname(c.abs(stateRel)), n)))
          c.add(stateRel, `_data_files: ${JSON.stringify(n)} is not a file in hf/${hfName}`);
    }
    if (s._split !== hfName) c.add(stateRel, `_split: expected ${hfName}, got ${JSON.stringify(s._split)}`);
  }

  const info = c.readJson(infoRel);
  let features: Obj | undefined;
  if (info.ok) {
    const v = isObj(info.value) ? info.value : {};
    if (isObj(v.features)) features = v.features;
    else c.add(infoRel, 'features: missing');
  }

  const buf = c.read(arrowRel);
  if (!buf) return;
  if (buf.subarray(0, 6).toString('latin1') === 'ARROW1') {
    c.add(arrowRel, 'Arrow IPC file format; datasets load_from_disk expects the IPC stream format');
    return;
  }
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(buf);
  } catch (e) {
    c.add(arrowRel, `not a readable Arrow IPC stream: ${(e as Error).message}`);
    return;
  }
  c.rows[arrowRel] = table.numRows;
  if (features) {
    const out: string[] = [];
    matchStruct(features, table.schema.fields, '', out);
    for (const m of out) c.add(arrowRel, `schema: ${m} (${infoRel})`);
    const meta = table.schema.metadata.get('huggingface');
    if (meta !== undefined) {
      let hf: unknown;
      try {
        hf = JSON.parse(meta);
      } catch {
        hf = undefined;
      }
      const metaFeatures = isObj(hf) && isObj(hf.info) ? hf.info.features : undefined;
      if (JSON.stringify(metaFeatures) !== JSON.stringify(features))
        c.add(arrowRel, `schema metadata: huggingface features differ from ${infoRel}`);
    }
  }
  compareCount(c, arrowRel, table.numRows, split);
  if (info.ok && isObj(info.value)) {
    const splitInfo = isObj(info.value.splits) ? info.value.splits[hfName] : undefined;
    const n = isObj(splitInfo) ? splitInfo.num_examples : undefined;
    if (n !== table.numRows) c.add(infoRel, `splits.${hfName}.num_examples: ${JSON.stringify(n)}, ${arrowRel} has ${table.numRows} rows`);
  }
  const idColumn = table.getChild('id');
  if (idColumn) compareIds(c, arrowRel, idColumn.toArray() as unknown[], split);
}

const VALUE_TYPES: Record<string, (t: DataType) => boolean> = {
  string: (t) => DataType.isUtf8(t) || DataType.isLargeUtf8(t),
  large_string: (t) => DataType.isLargeUtf8(t),
  bool: (t) => DataType.isBool(t),
  float16: (t) => DataType.isFloat(t) && t.precision === 0,
  float32: (t) => DataType.isFloat(t) && t.precision === 1,
  float64: (t) => DataType.isFloat(t) && t.precision === 2,
};
for (const bits of [8, 16, 32, 64]) {
  VALUE_TYPES[`int${bits}`] = (t) => DataType.isInt(t) && t.bitWidth === bits && t.isSigned;
  VALUE_TYPES[`uint${bits}`] = (t) => DataType.isInt(t) && t.bitWidth === bits && !t.isSigned;
}

/** Checks Arrow fields against a `features` dict: the same names in the same order, each of the matching type. */
function matchStruct(features: Obj, fields: readonly { name: string; type: DataType }[], at: string, out: string[]): void {
  const want = Object.keys(features);
  const got = fields.map((f) => f.name);
  if (want.join(',') !== got.join(',')) out.push(`${at || 'columns'}: fields [${got.join(', ')}], features name [${want.join(', ')}]`);
  for (const f of fields) if (f.name in features) matchFeature(features[f.name], f.type, at ? `${at}.${f.name}` : f.name, out);
}

function matchFeature(feature: unknown, type: DataType, at: string, out: string[]): void {
  const listOf = (inner: unknown) => {
    if (!(DataType.isList(type) || DataType.isLargeList(type))) out.push(`${at}: expected a list, got ${type}`);
    else matchFeature(inner, type.children[0]!.type, `${at}[]`, out);
  };
  if (Array.isArray(feature)) {
    if (feature.length !== 1) out.push(`${at}: a list feature has exactly one element`);
    else listOf(feature[0]);
    return;
  }
  if (!isObj(feature)) {
    out.push(`${at}: not a feature: ${JSON.stringify(feature)}`);
    return;
  }
  switch (feature._type) {
    case 'Value': {
      const dtype = String(feature.dtype);
      const ok = VALUE_TYPES[dtype];
      if (!ok) out.push(`${at}: unsupported dtype ${dtype}`);
      else if (!ok(type)) out.push(`${at}: expected ${dtype}, got ${type}`);
      return;
    }
    case 'Sequence':
    case 'List':
    case 'LargeList':
      listOf(feature.feature);
      return;
    case undefined:
      if (!DataType.isStruct(type)) out.push(`${at}: expected a struct, got ${type}`);
      else matchStruct(feature, type.children, at, out);
      return;
    default:
      out.push(`${at}: unsupported feature type ${String(feature._type)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Hub layout: README.md configs + parquet files

function globRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function checkHub(c: Checker): Promise<void> {
  const readmeRel = PATHS.hubReadme;
  const hubDir = c.abs('hub');
  const parquetFiles = fs.existsSync(hubDir) ? filesBelow(hubDir).filter((f) => f.endsWith('.parquet')) : [];
  const buf = c.read(readmeRel);
  if (buf) checkHubReadme(c, buf.toString('utf8'), parquetFiles);
  for (const split of SPLITS) await checkParquet(c, split);
}

function checkHubReadme(c: Checker, text: string, parquetFiles: string[]): void {
  const rel = PATHS.hubReadme;
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) {
    c.add(rel, 'no YAML front matter (--- ... ---) at the top');
    return;
  }
  let front: unknown;
  try {
    front = parseYaml(m[1]!);
  } catch (e) {
    c.add(rel, `front matter is not valid YAML: ${(e as Error).message}`);
    return;
  }
  const configs = isObj(front) ? front.configs : undefined;
  if (!Array.isArray(configs) || configs.length === 0) {
    c.add(rel, 'front matter: configs missing');
    return;
  }
  const covered = new Set<string>();
  configs.forEach((config, ci) => {
    const at = `configs.${ci}`;
    const dataFiles = isObj(config) ? config.data_files : undefined;
    if (!Array.isArray(dataFiles)) {
      c.add(rel, `${at}.data_files: expected a list of {split, path}`);
      return;
    }
    const splitsHere = new Set<string>();
    dataFiles.forEach((entry, di) => {
      const eat = `${at}.data_files.${di}`;
      if (!isObj(entry) || typeof entry.split !== 'string') {
        c.add(rel, `${eat}: expected {split, path}`);
        return;
      }
      splitsHere.add(entry.split);
      const patterns = Array.isArray(entry.path) ? entry.path : [entry.path];
      for (const p of patterns) {
        if (typeof p !== 'string') {
          c.add(rel, `${eat}.path: expected string, got ${kindOf(p)}`);
          continue;
        }
        const re = globRegex(p);
        const matched = parquetFiles.filter((f) => re.test(f));
        if (matched.length === 0) c.add(rel, `${eat}.path: ${p} matches no parquet file in hub/`);
        for (const f of matched) {
          covered.add(f);
          const fileSplit = path.basename(f).split('-')[0];
          if (fileSplit !== entry.split) c.add(rel, `${eat}.path: ${p} (split ${entry.split}) matches hub/${f}`);
        }
      }
    });
    if (ci === 0) for (const s of SPLITS) if (!splitsHere.has(HF_SPLIT[s])) c.add(rel, `${at}.data_files: no entry for split ${HF_SPLIT[s]}`);
  });
  for (const f of parquetFiles) if (!covered.has(f)) c.add(`hub/${f}`, `not named by the data_files of ${rel}`);
}

async function checkParquet(c: Checker, split: Split): Promise<void> {
  const rel = PATHS.hubParquet(split);
  const buf = c.read(rel);
  if (!buf) return;
  if (buf.length < 12 || buf.subarray(0, 4).toString('latin1') !== 'PAR1' || buf.subarray(buf.length - 4).toString('latin1') !== 'PAR1') {
    c.add(rel, 'not a parquet file (does not start and end with PAR1)');
    return;
  }
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  let rows: number;
  try {
    const meta = parquetMetadata(ab);
    rows = Number(meta.num_rows);
    const columns = parquetSchema(meta).children.map((ch) => ch.element.name);
    if (columns.join(',') !== RECORD_COLUMNS.join(',')) c.add(rel, `columns [${columns.join(', ')}], expected [${RECORD_COLUMNS.join(', ')}]`);
    c.rows[rel] = rows;
    compareCount(c, rel, rows, split);
    const ids = await parquetReadObjects({ file: ab, columns: ['id'] });
    compareIds(
      c,
      rel,
      ids.map((r) => r.id),
      split,
    );
  } catch (e) {
    c.add(rel, `unreadable parquet: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// LLaMA-Factory: alpaca_format.json, sharegpt_format*.json, dataset_info.json

function checkAlpaca(c: Checker): void {
  const rel = PATHS.alpaca;
  const arr = jsonArray(c, rel);
  if (!arr) return;
  compareCount(c, rel, arr.rows.length, 'train');
  const processed = c.processed.train?.records ?? [];
  arr.rows.forEach((row, i) => {
    const { line, prefix } = arr.at(i);
    const problems = alpacaRowProblems(row);
    for (const p of problems) c.add(rel, `${prefix}${p}`, line);
    const rec = processed[i];
    if (problems.length === 0 && rec) {
      const r = row as Obj;
      if (r.instruction !== rec.messages[1].content || r.output !== rec.messages[2].content || r.system !== rec.messages[0].content)
        c.add(rel, `${prefix}differs from ${PATHS.processed('train')}:${i + 1}`, line);
    }
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

function checkShareGpt(c: Checker, rel: string, split: Split): void {
  const arr = jsonArray(c, rel);
  if (!arr) return;
  compareCount(c, rel, arr.rows.length, split);
  const processed = c.processed[split]?.records ?? [];
  arr.rows.forEach((row, i) => {
    const { line, prefix } = arr.at(i);
    const problems = shareGptRowProblems(row);
    for (const p of problems) c.add(rel, `${prefix}${p}`, line);
    const rec = processed[i];
    if (problems.length === 0 && rec) {
      const r = row as { conversations: { value: string }[]; system: string };
      if (
        r.conversations.length !== 2 ||
        r.conversations[0]!.value !== rec.messages[1].content ||
        r.conversations[1]!.value !== rec.messages[2].content ||
        r.system !== rec.messages[0].content
      )
        c.add(rel, `${prefix}differs from ${PATHS.processed(split)}:${i + 1}`, line);
    }
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

// ---------------------------------------------------------------------------------------------------------
// metadata/manifest.json

function checkManifest(c: Checker): void {
  const rel = PATHS.manifest;
  const raw = c.readJson(rel);
  if (!raw.ok) return;
  const parsed = ManifestSchema.safeParse(raw.value, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) c.add(rel, issueText(issue));
    return;
  }
  const m = parsed.data;
  for (const s of SPLITS) {
    const p = c.processed[s];
    if (p && m.counts[s] !== p.records.length) c.add(rel, `counts.${s}: ${m.counts[s]}, ${PATHS.processed(s)} has ${p.records.length} rows`);
  }
  const listed = new Set<string>();
  for (const f of m.files) {
    if (path.isAbsolute(f.path) || f.path.split(/[\\/]/).includes('..')) {
      c.add(rel, `files: ${f.path} is outside the export`);
      continue;
    }
    if (listed.has(f.path)) c.add(rel, `files: ${f.path} is listed twice`);
    listed.add(f.path);
    const abs = c.abs(f.path);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
      if (!c.missing.has(f.path)) c.add(f.path, 'missing (listed in the manifest)');
      continue;
    }
    const bytes = fs.statSync(abs).size;
    if (bytes !== f.bytes) c.add(f.path, `${bytes} bytes, the manifest says ${f.bytes}`);
    const sha = sha256File(abs);
    if (sha !== f.sha256) c.add(f.path, `sha256 ${sha.slice(0, 12)}… does not match the manifest (${f.sha256.slice(0, 12)}…)`);
    const rows = c.rows[f.path];
    if (f.rows !== null && rows !== undefined && rows !== f.rows) c.add(f.path, `${rows} rows, the manifest says ${f.rows}`);
  }
  for (const f of filesBelow(c.root)) if (f !== rel && !listed.has(f)) c.add(f, 'not listed in the manifest');
}
