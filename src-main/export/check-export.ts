import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { PATHS } from './layout';
import { ManifestSchema, sha256File } from './manifest';
import { filesBelow } from '../util/files-below';
import { Checker, type ExportCheck, type ExportProblem, issueText, SPLITS } from './formats/check-context';
import { HF_CACHE_FILE } from './formats/hf';
import { FORMATS } from './formats';

export type { ExportCheck, ExportProblem } from './formats/check-context';
export { alpacaRowProblems } from './formats/alpaca';
export { openAiRowProblems } from './formats/openai';
export { shareGptRowProblems } from './formats/sharegpt';

/** `processed/train.jsonl:12: messages.2.content: empty` */
export function formatProblem(p: ExportProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

/**
 * Validates an export folder the way its consumers read it: every format of formats/index.ts checks its
 * own files (and compares their decoded values with processed/{split}.jsonl), then the manifest (hashes,
 * sizes, row counts, no unlisted files). LLaMA-Factory skips malformed rows silently, so every row is
 * checked strictly here.
 */
export async function checkExport(dir: string, onProgress: (p: { phase: 'check'; done: number; total: number; message: string }) => void = () => {}): Promise<ExportCheck> {
  const c = new Checker(path.resolve(dir));
  if (!fs.existsSync(c.root) || !fs.statSync(c.root).isDirectory()) {
    c.add('.', `${c.root} is not a folder`);
    return c.result();
  }
  // one step per format, then the manifest; a turn of the event loop between steps lets progress out
  const total = FORMATS.length + 1;
  for (const [i, format] of FORMATS.entries()) {
    onProgress({ phase: 'check', done: i, total, message: format.id });
    await format.check(c);
    await yieldToLoop();
  }
  onProgress({ phase: 'check', done: FORMATS.length, total, message: 'manifest' });
  checkManifest(c);
  onProgress({ phase: 'check', done: total, total, message: 'manifest' });
  return c.result();
}

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
  // datasets adds its own cache-*.arrow files next to the data when a loaded split is mapped or filtered
  for (const f of filesBelow(c.root)) if (f !== rel && !listed.has(f) && !HF_CACHE_FILE.test(f)) c.add(f, 'not listed in the manifest');
}
