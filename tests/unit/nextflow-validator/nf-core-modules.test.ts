import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, lintSource } from '../../../src-main/nextflow-validator/index';

const DIR = path.resolve(__dirname, '../../fixtures/nextflow/nf-core-modules');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.nf')).sort();

describe('nf-core/modules files with less common strict-syntax constructs', () => {
  it('has the fixtures', () => {
    expect(files.length).toBe(7);
  });
  it.each(files)('%s lints with zero errors', (file) => {
    const r = lintSource(fs.readFileSync(path.join(DIR, file), 'utf8'), file);
    expect(r.errorCount, formatDiagnostics(r)).toBe(0);
  });
  it('still reports a re-declared name and an operator name used as a value outside a workflow', () => {
    // in a workflow nf-lang resolves operator names as variables (for pipes); in a function they are undefined
    const src = 'workflow W {\n  take:\n  a\n  main:\n  def a = 1\n  x = a | map { v -> v }\n  y = map\n}\ndef f() {\n  return map\n}\n';
    const r = lintSource(src, 'w.nf');
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, d.line])).toEqual([
      ['duplicate-declaration', 5],
      ['undefined-name', 10],
    ]);
  });
});
