import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Split } from '../../../src-preload/schemas/example';
import { PATHS } from '../layout';
import type { TrainingRecord } from '../record';

/** The splits in export order. */
export const SPLITS: readonly Split[] = ['train', 'val', 'test'];
/** problems reported per file before the rest are summarised in one line */
const MAX_PER_FILE = 25;

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

export interface ProcessedSplit {
  /** the record of each line, null where the line is invalid */
  records: (TrainingRecord | null)[];
}

/** What the format checkers share while they read one export folder. */
export class Checker {
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

  /** A JSON file's value without reporting anything (its own checker reports it missing or broken), or undefined. */
  readJsonQuiet(rel: string): unknown {
    try {
      return JSON.parse(fs.readFileSync(this.abs(rel), 'utf8'));
    } catch {
      return undefined;
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

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Problem text for a value that must be a string (non-empty unless `allowEmpty`), or null when it is fine. */
export function stringProblem(v: unknown, allowEmpty = false): string | null {
  if (v === undefined) return 'missing';
  if (typeof v !== 'string') return `expected string, got ${kindOf(v)}`;
  if (!allowEmpty && v.trim() === '') return 'empty';
  return null;
}

/** One zod issue as `path: short message`. */
export function issueText(issue: z.core.$ZodIssue): string {
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
export function jsonLines(c: Checker, rel: string): { line: number; value: unknown }[] | null {
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
export function jsonArray(c: Checker, rel: string): { rows: unknown[]; at: (i: number) => { line?: number; prefix: string } } | null {
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
export function compareCount(c: Checker, rel: string, rows: number, split: Split): void {
  const p = c.processed[split];
  if (p && p.records.length !== rows) c.add(rel, `${rows} rows, ${PATHS.processed(split)} has ${p.records.length}`);
}

/** Compares a file's ids, in order, with processed/{split}.jsonl; reports the first difference. */
export function compareIds(c: Checker, rel: string, ids: readonly unknown[], split: Split): void {
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


/** The first place two JSON-like values differ, as `path: got X, expected Y`, or null when they are equal. */
export function firstDifference(got: unknown, want: unknown, at = ''): string | null {
  const where = at || 'row';
  const show = (v: unknown) => {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  };
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return `${where}: expected a list, got ${kindOf(got)}`;
    if (got.length !== want.length) return `${where}: ${got.length} items, expected ${want.length}`;
    for (let i = 0; i < want.length; i++) {
      const d = firstDifference(got[i], want[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObj(want)) {
    if (!isObj(got)) return `${where}: expected an object, got ${kindOf(got)}`;
    const extra = Object.keys(got).filter((k) => !(k in want));
    if (extra.length) return `${where}: unexpected field ${extra[0]}`;
    for (const k of Object.keys(want)) {
      const d = firstDifference(got[k], want[k], at ? `${at}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  if (typeof got === 'string' && typeof want === 'string' && got !== want && Math.max(got.length, want.length) > 60) {
    let i = 0;
    while (i < got.length && got[i] === want[i]) i++;
    const from = Math.max(0, i - 20);
    const cut = (t: string) => `${from > 0 ? '…' : ''}${t.slice(from, i + 20)}${t.length > i + 20 ? '…' : ''}`;
    return `${where}: differs at character ${i + 1}: ${JSON.stringify(cut(got))}, expected ${JSON.stringify(cut(want))}`;
  }
  return Object.is(got, want) ? null : `${where}: ${show(got)}, expected ${show(want)}`;
}

/** differing rows of one file reported one by one before the rest are counted in one line */
const SHOWN_ROWS = 3;

/**
 * Compares every decoded row of a data file with processed/{split}.jsonl, value by value; reports the first
 * differing rows with the first field that differs, and how many more differ.
 */
export function compareRecords(c: Checker, rel: string, rows: readonly unknown[], split: Split): void {
  const p = c.processed[split];
  if (!p) return;
  const n = Math.min(rows.length, p.records.length);
  let differing = 0;
  for (let i = 0; i < n; i++) {
    const want = p.records[i];
    if (!want) continue;
    const d = firstDifference(rows[i], want);
    if (d && ++differing <= SHOWN_ROWS) c.add(rel, `row ${i + 1} differs from ${PATHS.processed(split)}:${i + 1}: ${d}`);
  }
  if (differing > SHOWN_ROWS) c.add(rel, `${differing - SHOWN_ROWS} more rows differ from ${PATHS.processed(split)}`);
}
