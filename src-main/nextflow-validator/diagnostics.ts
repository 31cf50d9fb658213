export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

/** A syntax error: parsing of the file stops at the first one, as a compiler does. */
export class SyntaxFailure extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export function toResult(diagnostics: Diagnostic[]): LintResult {
  const sorted = [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
  const errorCount = sorted.filter((d) => d.severity === 'error').length;
  return { diagnostics: sorted, errorCount, warningCount: sorted.length - errorCount };
}

/** Diagnostics listed per file at most; a generated or hostile file can carry hundreds of thousands. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/**
 * The result with at most `max` diagnostics per file, each capped file ending in one `too-many-diagnostics`
 * line that says how many more it has. errorCount and warningCount stay the totals.
 */
export function limitPerFile(result: LintResult, max = MAX_DIAGNOSTICS_PER_FILE): LintResult {
  const perFile = new Map<string, number>();
  const kept: Diagnostic[] = [];
  const omitted = new Map<string, { errors: number; warnings: number; last: Diagnostic }>();
  for (const d of result.diagnostics) {
    const n = (perFile.get(d.file) ?? 0) + 1;
    perFile.set(d.file, n);
    if (n <= max) {
      kept.push(d);
      continue;
    }
    const o = omitted.get(d.file) ?? { errors: 0, warnings: 0, last: d };
    if (d.severity === 'error') o.errors++;
    else o.warnings++;
    o.last = d;
    omitted.set(d.file, o);
  }
  if (!omitted.size) return result;
  const summaries: Diagnostic[] = [...omitted].map(([file, o]) => ({
    file,
    line: o.last.line,
    column: o.last.column,
    severity: o.errors ? 'error' : 'warning',
    rule: 'too-many-diagnostics',
    message: `${o.errors + o.warnings} more diagnostics in this file not listed (${o.errors} errors, ${o.warnings} warnings); the first ${max} are above`,
  }));
  const diagnostics = [...kept, ...summaries].sort(
    (a, b) => a.file.localeCompare(b.file) || Number(a.rule === 'too-many-diagnostics') - Number(b.rule === 'too-many-diagnostics') || a.line - b.line || a.column - b.column,
  );
  return { diagnostics, errorCount: result.errorCount, warningCount: result.warningCount };
}
