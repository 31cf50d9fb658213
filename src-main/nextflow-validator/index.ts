import fs from 'node:fs';
import path from 'node:path';
import type { Script } from './ast';
import { Checker, type Exports, exportsOf, type ResolvedInclude } from './checker';
import { collectNextflowFiles } from './collect-files';
import { type Diagnostic, type LintResult, SyntaxFailure, toResult } from './diagnostics';
import { type ProjectFiles, fileModel, runDataflow } from './dataflow';
import type { FileModel } from './dataflow/model';
import { parse } from './parser';

export type { Diagnostic, LintResult, Severity } from './diagnostics';
export { limitPerFile, MAX_DIAGNOSTICS_PER_FILE } from './diagnostics';
export { DATAFLOW_RULE_IDS } from './dataflow';

export interface LintOptions {
  /** run the dataflow rule group (outputs written, params in scripts, shipped scripts, ...); default true */
  dataflow?: boolean;
}

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
export function lintSource(source: string, file = 'main.nf', resolve?: (fromFile: string, includePath: string) => string | undefined, opts: LintOptions = {}): LintResult {
  const parsed = parseFile(source, file);
  const resolver = (includePath: string): ResolvedInclude | 'unchecked' => {
    if (!resolve || includePath.startsWith('plugin/')) return 'unchecked';
    const text = resolve(file, includePath);
    if (text === undefined) return { exports: null };
    const inner = parseFile(text, includePath);
    // a target that does not parse reports its own error; its names are not checked here
    return 'script' in inner ? { exports: exportsOf(inner.script) } : 'unchecked';
  };
  const diagnostics = lintParsed(file, parsed, resolver);
  if (opts.dataflow !== false && 'script' in parsed) diagnostics.push(...dataflowOf([fileModel(file, parsed.script, source)], UNKNOWN_PROJECT));
  return toResult(diagnostics);
}

/** A lone file: the project's other files are not known. */
const UNKNOWN_PROJECT: ProjectFiles = { exists: () => null, read: () => undefined, root: '' };

function dataflowOf(models: FileModel[], project: ProjectFiles): Diagnostic[] {
  const byFile = new Map(models.map((m) => [m.file, m]));
  return runDataflow({
    files: models,
    project,
    resolveInclude: (from, includePath) => includeCandidates(from, includePath).map((c) => byFile.get(c)).find((m) => m !== undefined) ?? null,
  });
}

/**
 * Lints a project given as relative path -> text. Its `.nf` files are checked; includes resolve among them;
 * the other files (bin/ scripts, templates/, nextflow.config) are what the project ships.
 */
export function lintProject(files: Record<string, string>, entry?: string, opts: LintOptions = {}): LintResult {
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
  const nf = Object.keys(files).filter((f) => f.endsWith('.nf')).sort();
  const order = entry && files[entry] !== undefined ? [entry, ...nf.filter((f) => f !== entry)] : nf;
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
  if (opts.dataflow !== false) {
    const models = order.flatMap((f) => {
      const p = get(f);
      return 'script' in p ? [fileModel(f, p.script, files[f])] : [];
    });
    const normal = (f: string) => path.posix.normalize(f);
    const known = new Set(Object.keys(files).map(normal));
    diagnostics.push(...dataflowOf(models, { exists: (f) => known.has(normal(f)), read: (f) => files[normal(f)], root: '' }));
  }
  return toResult(diagnostics);
}

/**
 * The project a file on disk belongs to: the nearest folder up with a nextflow.config; else, within the
 * folder it was found in (`top`), the highest folder with a main.nf (a pipeline without a config, or one
 * nf-core module); else `top`.
 */
function projectRootOf(file: string, top: string): string {
  let dir = path.dirname(file);
  let withMain: string | null = null;
  const inside = (d: string) => d === top || d.startsWith(top.endsWith(path.sep) ? top : `${top}${path.sep}`);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'nextflow.config'))) return dir;
    if (inside(dir) && fs.existsSync(path.join(dir, 'main.nf'))) withMain = dir;
    const up = path.dirname(dir);
    if (up === dir) return withMain ?? top;
    dir = up;
  }
}

/** The argument a collected file came from: the directory that holds it, or the file itself. */
function argumentOf(file: string, paths: string[]): string {
  const dir = paths.find((p) => file.startsWith(p.endsWith(path.sep) ? p : `${p}${path.sep}`));
  return dir ?? path.dirname(file);
}

const diskFiles = (root: string): ProjectFiles => ({
  exists: (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
  read: (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined),
  root,
});

/**
 * Lints files or directories (recursively, *.nf) on disk; includes resolve on disk. The dataflow rules see
 * each project as a whole: the files under the nearest folder with a nextflow.config, else under the
 * directory argument they were found in.
 */
export function lintPaths(paths: string[], opts: LintOptions = {}): LintResult {
  const { files, diagnostics } = collectNextflowFiles(paths);
  const projects = new Map<string, FileModel[]>();
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'unreadable', message: `cannot read '${file}': ${(err as Error).message}` });
      continue;
    }
    const parsed = parseFile(text, file);
    const resolver = (includePath: string): ResolvedInclude | 'unchecked' => {
      if (includePath.startsWith('plugin/')) return 'unchecked';
      const target = includeCandidates(file, includePath).find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
      if (!target) return { exports: null };
      const inner = parseFile(fs.readFileSync(target, 'utf8'), target);
      return 'script' in inner ? { exports: exportsOf(inner.script) } : 'unchecked';
    };
    diagnostics.push(...lintParsed(file, parsed, resolver));
    if ('script' in parsed) {
      const root = projectRootOf(file, argumentOf(file, paths));
      const models = projects.get(root) ?? [];
      models.push(fileModel(file, parsed.script, text));
      projects.set(root, models);
    }
  }
  if (opts.dataflow !== false) for (const [root, models] of projects) diagnostics.push(...dataflowOf(models, diskFiles(root)));
  return toResult(diagnostics);
}

/** `file:line:col: error [rule] message` lines and a summary, like a compiler. */
export function formatDiagnostics(result: LintResult): string {
  const lines = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} [${d.rule}] ${d.message}`);
  lines.push(`${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}`);
  return lines.join('\n');
}
