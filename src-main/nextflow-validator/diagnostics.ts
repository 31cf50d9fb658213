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
