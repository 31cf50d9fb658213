import type { Expr } from '../ast';

/** A Nextflow interpolation in source text: `${...}`, `$name.prop`, or a shell: block's `!{...}`. */
const INTERPOLATION = /\$\{[^}]*\}|!\{[^}]*\}|\$[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g;
/** A glob wildcard or an interpolation: the parts of a pattern whose text is not known. */
const WILDCARD = /\\\$[A-Za-z_{][\w}]*|\$\{[^}]*\}|!\{[^}]*\}|\$[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*|\*\*?|\?|\[[^\]]*\]/g;

/** Stands for a value the checker cannot know (a sample id, a configured prefix): a name with no dot. */
export const STEM = 'Zq9stem';

/** `*.{html,zip}` -> `*.html`, `*.zip` (brace alternatives that are not interpolations). */
export function expandBraces(pattern: string): string[] {
  const m = /(^|[^$!])\{([^{}$]*,[^{}$]*)\}/.exec(pattern);
  if (!m) return [pattern];
  const start = m.index + m[1]!.length;
  const before = pattern.slice(0, start);
  const after = pattern.slice(start + m[2]!.length + 2);
  return m[2]!.split(',').flatMap((alt) => expandBraces(before + alt + after));
}

/** Literal runs of a pattern that carry a name (letters or digits), in order. */
export function literalSegments(pattern: string): string[] {
  return pattern
    .split(WILDCARD)
    .map((s) => s.replace(/\\(.)/g, '$1'))
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

/** The pattern as a regular expression over file paths; interpolations match anything. */
export function patternRegex(pattern: string): RegExp {
  let out = '';
  let last = 0;
  for (const m of pattern.matchAll(WILDCARD)) {
    out += escapeRegex(pattern.slice(last, m.index).replace(/\\(.)/g, '$1'));
    const w = m[0];
    out += w === '*' ? '[^/]*' : w === '?' ? '[^/]' : w.startsWith('[') ? w : '.*';
    last = m.index + w.length;
  }
  out += escapeRegex(pattern.slice(last).replace(/\\(.)/g, '$1'));
  return new RegExp(`^(?:.*/)?${out}$`);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The file type a name ends with: `.bam`, `.fastq.gz` (a compression suffix keeps the type before it). */
export function extensionOf(name: string): string | null {
  const m = /((?:\.[A-Za-z0-9]+)?)(\.[A-Za-z0-9]+)$/.exec(name.replace(/\/+$/, ''));
  if (!m) return null;
  return /^\.(gz|bgz|bz2|xz|zst)$/i.test(m[2]!) && m[1] ? m[1] + m[2] : m[2]!;
}

/** A string expression's possible texts, resolving `def` names of the script section; unknown parts become STEM. */
export function resolveText(raw: string, defs: Map<string, Expr[]>, depth = 0): string[] | null {
  if (/\\\$|\$\(|`/.test(raw)) return null; // shell variables or substitutions: not known
  let results = [''];
  let last = 0;
  for (const m of raw.matchAll(INTERPOLATION)) {
    const lit = raw.slice(last, m.index);
    const code = m[0].startsWith('$') && !m[0].startsWith('${') ? m[0].slice(1) : m[0].slice(2, -1).trim();
    const values = depth < 4 ? valuesOf(code, defs, depth) : [STEM];
    const next: string[] = [];
    for (const r of results) for (const v of values) if (next.length < 16) next.push(r + lit + v);
    results = next;
    last = m.index + m[0].length;
  }
  return results.map((r) => r + raw.slice(last));
}

function valuesOf(code: string, defs: Map<string, Expr[]>, depth: number): string[] {
  const exprs = /^[A-Za-z_]\w*$/.test(code) ? defs.get(code) : undefined;
  if (!exprs || depth >= 4) return [STEM];
  const out: string[] = [];
  for (const e of exprs) out.push(...exprValues(e, defs, depth + 1));
  return out.length ? [...new Set(out)].slice(0, 16) : [STEM];
}

function exprValues(e: Expr, defs: Map<string, Expr[]>, depth: number): string[] {
  if (e.kind === 'gstring') return resolveText(e.text.raw, defs, depth) ?? [STEM];
  if (e.kind === 'literal') return e.text ? [e.text.raw] : [STEM];
  if (e.kind === 'ternary') return [...(e.then ? exprValues(e.then, defs, depth) : [STEM]), ...exprValues(e.otherwise, defs, depth)];
  if (e.kind === 'ident') return valuesOf(e.name, defs, depth);
  return [STEM];
}
