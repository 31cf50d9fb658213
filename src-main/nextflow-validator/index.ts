import fs from 'node:fs';
import path from 'node:path';
import type { Script } from './ast';
import { Checker, type Exports, exportsOf, type ResolvedInclude } from './checker';
import { collectNextflowFiles } from './collect-files';
import { type Diagnostic, type LintResult, SyntaxFailure, toResult } from './diagnostics';
import { parse } from './parser';

export type { Diagnostic, LintResult, Severity } from './diagnostics';
export { limitPerFile, MAX_DIAGNOSTICS_PER_FILE } from './diagnostics';

type Parsed = { script: Script } | { failure: Diagnostic };

function parseFile(source: string, file: string): Parsed {
  try {
    return { script: parse(source) };
  } catch (err) {
    if (err instanceof SyntaxFailure) return { failure: { file, line: err.line, column: err.column, severity: 'error', rule: err.rule, message: err.message } };
    const message = err instanceof RangeError ? 'input too deeply nested to check' : `internal error: ${(err as Error).message}`;
    return { failure: { file, line: 1, column: 1, severity: 'error', rule: 'internal-error', message } };
  }
}

/** Candidate files for an include path: 'x.nf', 'x/main.nf' (or the path itself when it ends in .nf). */
export function includeCandidates(fromFile: string, includePath: string): string[] {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), includePath));
  return includePath.endsWith('.nf') ? [base] : [`${base}.nf`, `${base}/main.nf`];
}

function lintParsed(file: string, parsed: Parsed, resolve: (includePath: string) => ResolvedInclude | 'unchecked'): Diagnostic[] {
  if ('failure' in parsed) return [parsed.failure];
  try {
    return new Checker(file, parsed.script, resolve).run();
  } catch (err) {
    return [{ file, line: 1, column: 1, severity: 'error', rule: 'internal-error', message: `internal error: ${(err as Error).message}` }];
  }
}

/**
 * Lints one file's text. `resolve` maps an include path to the included file's text (or undefined when
 * missing); without it includes are not checked.
 */
export function lintSource(source: string, file = 'main.nf', resolve?: (fromFile: string, includePath: string) => string | undefined): LintResult {
  const parsed = parseFile(source, file);
  const resolver = (includePath: string): ResolvedInclude | 'unchecked' => {
    if (!resolve || includePath.startsWith('plugin/')) return 'unchecked';
    const text = resolve(file, includePath);
    if (text === undefined) return { exports: null };
    const inner = parseFile(text, includePath);
    // a target that does not parse reports its own error; its names are not checked here
    return 'script' in inner ? { exports: exportsOf(inner.script) } : 'unchecked';
  };
  return toResult(lintParsed(file, parsed, resolver));
}

/** Lints a project given as relative path -> source (its *.nf files); includes resolve among these files. */
export function lintProject(files: Record<string, string>, entry?: string): LintResult {
  const parsed = new Map<string, Parsed>();
  const exportsCache = new Map<string, Exports>();
  const get = (f: string) => {
    let p = parsed.get(f);
    if (!p) {
      p = parseFile(files[f]!, f);
      parsed.set(f, p);
    }
    return p;
  };
  const diagnostics: Diagnostic[] = [];
  // Nextflow scripts only: shipped templates (R, Python) and nextflow.config are other languages
  const scripts = Object.keys(files).filter((f) => f.endsWith('.nf') || f === entry);
  const order = entry && files[entry] !== undefined ? [entry, ...scripts.filter((f) => f !== entry).sort()] : scripts.sort();
  for (const file of order) {
    const resolve = (includePath: string): ResolvedInclude | 'unchecked' => {
      if (includePath.startsWith('plugin/')) return 'unchecked';
      const target = includeCandidates(file, includePath).find((c) => files[c] !== undefined);
      if (!target) return { exports: null };
      const p = get(target);
      if (!('script' in p)) return 'unchecked';
      let ex = exportsCache.get(target);
      if (!ex) {
        ex = exportsOf(p.script);
        exportsCache.set(target, ex);
      }
      return { exports: ex };
    };
    diagnostics.push(...lintParsed(file, get(file), resolve));
  }
  return toResult(diagnostics);
}

/** Lints files or directories (recursively, *.nf) on disk; includes resolve on disk. */
export function lintPaths(paths: string[]): LintResult {
  const { files, diagnostics } = collectNextflowFiles(paths);
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'unreadable', message: `cannot read '${file}': ${(err as Error).message}` });
      continue;
    }
    const r = lintSource(text, file, (from, inc) => {
      const target = includeCandidates(from, inc).find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
      return target ? fs.readFileSync(target, 'utf8') : undefined;
    });
    diagnostics.push(...r.diagnostics);
  }
  return toResult(diagnostics);
}

/** `file:line:col: error [rule] message` lines and a summary, like a compiler. */
export function formatDiagnostics(result: LintResult): string {
  const lines = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} [${d.rule}] ${d.message}`);
  lines.push(`${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}`);
  return lines.join('\n');
}
