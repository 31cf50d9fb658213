import type { Expr, Pos } from '../ast';
import type { Platform } from './facts';
import type { FileModel } from './model';
import { walkStmts } from './walk';

/** What the project says about its reads, and where it says it (for messages). */
export interface ReadData {
  layout: { value: 'single' | 'paired'; why: string } | null;
  /** 'long' when the project only says "long-read" */
  platform: { value: Platform | 'long'; why: string } | null;
  /** the project says its reads are RNA (RNA-seq, transcripts, isoforms, cDNA) */
  rna: { why: string } | null;
  /** `channel.fromFilePairs(...)` calls */
  pairFactories: ({ file: string } & Pos)[];
  /** how many channel factories read files (fromFilePairs, fromPath, fromSRA) */
  readFactories: number;
}

const PLATFORM_WORDS: [RegExp, Platform | 'long'][] = [
  [/\bpacbio\s*hifi\b|\bhifi\b|\bccs\b/i, 'pacbio_hifi'],
  [/\bnanopore\b|\bONT\b|\bminion\b|\bpromethion\b/, 'ont'],
  [/\bpacbio\b/i, 'pacbio_clr'],
  [/\billumina\b/i, 'illumina'],
  [/\blong[- ]reads?\b/i, 'long'],
];

function platformOf(text: string): Platform | 'long' | null {
  for (const [re, p] of PLATFORM_WORDS) if (re.test(text)) return p;
  return null;
}

function literalText(e: Expr): string | null {
  if (e.kind === 'literal' && e.text) return e.text.raw;
  if (e.kind === 'ident' && (e.name === 'true' || e.name === 'false')) return e.name;
  return null;
}

/**
 * Reads what a project declares about its data, in this order of authority:
 * 1. `params.single_end = true|false`, `params.platform = 'ont'|'pacbio_hifi'|'illumina'|...` (top level);
 * 2. the header comments of the files with an entry workflow (`// Read layout: single-end`, `// Platform: Oxford Nanopore`, a
 *    description such as "long-read RNA-seq"): single-end / paired-end, nanopore / ONT, PacBio HiFi / CCS,
 *    PacBio, Illumina, long-read, and RNA words;
 * 3. `single_end: true|false` in the meta maps the entry files build, when they all say the same.
 * Channel factories are recorded, not read as a declaration: fromFilePairs is what the rules check.
 */
export function readData(files: FileModel[]): ReadData {
  const data: ReadData = { layout: null, platform: null, rna: null, pairFactories: [], readFactories: 0 };
  const setLayout = (value: 'single' | 'paired', why: string) => {
    data.layout ??= { value, why };
  };
  const setPlatform = (value: Platform | 'long', why: string) => {
    if (!data.platform || (data.platform.value === 'long' && value !== 'long' && value !== 'illumina')) data.platform = { value, why };
  };
  // 1. params
  for (const f of files)
    for (const d of f.script.decls) {
      if (d.kind !== 'statement' || d.stmt.kind !== 'expr' || d.stmt.expr.kind !== 'assign') continue;
      const { target, value } = d.stmt.expr;
      if (target.kind !== 'prop' || target.object.kind !== 'ident' || target.object.name !== 'params') continue;
      const text = literalText(value);
      if (text === null) continue;
      if (target.name === 'single_end' && (text === 'true' || text === 'false')) setLayout(text === 'true' ? 'single' : 'paired', `params.single_end = ${text} (${f.file}:${d.line})`);
      if (target.name === 'platform' || target.name === 'seq_platform') {
        const p = platformOf(text) ?? (/^(ont|pacbio_hifi|pacbio_clr|illumina)$/.test(text) ? (text as Platform) : null);
        if (p) setPlatform(p, `params.${target.name} = '${text}' (${f.file}:${d.line})`);
      }
    }
  // 2. header comments of the entry files (a module's header describes its tool, not the data)
  for (const f of files.filter((x) => x.workflows.some((w) => w.name === null)))
    for (const line of f.header) {
      if (/\bsingle[- ]end\b/i.test(line)) setLayout('single', `'${line.trim()}' (${f.file})`);
      else if (/\bpaired[- ]end\b/i.test(line)) setLayout('paired', `'${line.trim()}' (${f.file})`);
      const p = platformOf(line);
      if (p) setPlatform(p, `'${line.trim()}' (${f.file})`);
      if (!data.rna && /\bRNA\b|\bRNA-seq\b|\btranscript(ome|s)?\b|\bisoforms?\b|\bcDNA\b/i.test(line)) data.rna = { why: `'${line.trim()}' (${f.file})` };
    }
  // 3. meta maps (when they all agree) and factories
  const metaLayouts: { value: 'single' | 'paired'; why: string }[] = [];
  const entries = new Set(files.filter((x) => x.workflows.some((w) => w.name === null)));
  for (const f of files)
    for (const w of f.workflows)
      walkStmts(w.body, (e) => {
        if (e.kind === 'map' && entries.has(f))
          for (const en of e.entries) {
            const v = en.name === 'single_end' ? literalText(en.value) : null;
            if (v === 'true' || v === 'false') metaLayouts.push({ value: v === 'true' ? 'single' : 'paired', why: `single_end: ${v} (${f.file}:${en.value.line})` });
          }
        if (e.kind === 'call' && e.callee.kind === 'prop' && e.callee.object.kind === 'ident' && /^[cC]hannel$/.test(e.callee.object.name)) {
          const m = e.callee.name;
          if (m === 'fromFilePairs' || m === 'fromPath' || m === 'fromSRA') data.readFactories++;
          if (m === 'fromFilePairs' && !pairsOfOne(e)) data.pairFactories.push({ file: f.file, line: e.callee.line, column: e.callee.column });
        }
      });
  const first = metaLayouts[0];
  if (first && metaLayouts.every((m) => m.value === first.value)) setLayout(first.value, first.why);
  return data;
}

/** `fromFilePairs(..., size: n)`: the pipeline chose its group size (1 reads single files); not judged. */
function pairsOfOne(e: Extract<Expr, { kind: 'call' }>): boolean {
  return e.named.some((n) => n.name === 'size');
}
