import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limitPerFile, lintPaths, lintSource, MAX_DIAGNOSTICS_PER_FILE } from '../../../src-main/nextflow-validator/index';
import { tempDir } from '../../support/serve';

const rules = (r: { diagnostics: { rule: string; severity: string }[] }) => r.diagnostics.map((d) => `${d.severity}:${d.rule}`);

describe('the validator on hostile input', () => {
  it('5,000 nested blocks: one syntax error, no stack overflow', () => {
    const src = `workflow {\n${'if (true) {\n'.repeat(5000)}${'}\n'.repeat(5000)}}\n`;
    const r = lintSource(src, 'deep.nf');
    expect(rules(r)).toEqual(['error:syntax']);
    expect(r.diagnostics[0]!.message).toBe('nesting too deep');
  });

  it('an expression of 200,000 terms is checked without recursion (no internal error)', () => {
    const src = `workflow {\n  x = 1${' + 1'.repeat(200_000)}\n  println(x)\n}\n`;
    expect(rules(lintSource(src, 'chain.nf'))).toEqual([]);
  });

  it('100,000 errors in one file are listed as the first 200 and one summary line, with exact totals', () => {
    const src = `workflow {\n${'  println(undefined_x)\n'.repeat(100_000)}}\n`;
    const r = limitPerFile(lintSource(src, 'many.nf'));
    expect(r.errorCount).toBe(100_000);
    expect(r.diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    const last = r.diagnostics.at(-1)!;
    expect([last.rule, last.severity, last.line]).toEqual(['too-many-diagnostics', 'error', 100_001]);
    expect(last.message).toContain('99800 more diagnostics');
  });

  it('skips FIFOs, dangling links and link loops with warnings, lints a named file of any extension, and returns', () => {
    const dir = tempDir('nf-hostile-');
    fs.writeFileSync(path.join(dir, 'ok.nf'), "workflow {\n  println('ok')\n}\n");
    fs.writeFileSync(path.join(dir, 'pipeline.groovy'), 'workflow {\n  println(y)\n}\n');
    execFileSync('mkfifo', [path.join(dir, 'pipe.nf')]);
    fs.symlinkSync('missing.nf', path.join(dir, 'dangling.nf'));
    fs.symlinkSync('loop-b', path.join(dir, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    const r = lintPaths([dir, path.join(dir, 'pipeline.groovy'), path.join(dir, 'pipe.nf')]);
    const byFile = r.diagnostics.map((d) => [path.relative(dir, d.file), d.severity, d.rule]);
    expect(byFile).toEqual([
      ['dangling.nf', 'warning', 'dangling-link'],
      ['loop-a', 'warning', 'symlink-loop'],
      ['loop-b', 'warning', 'symlink-loop'],
      ['pipe.nf', 'warning', 'not-a-regular-file'],
      ['pipe.nf', 'warning', 'not-a-regular-file'],
      ['pipeline.groovy', 'error', 'undefined-name'],
      ['sub/up', 'warning', 'symlink-loop'],
    ]);
    expect(r.errorCount).toBe(1);
  });

  it('a path that does not exist is an error naming it', () => {
    const r = lintPaths(['/nonexistent/main.nf']);
    expect(r.diagnostics.map((d) => [d.file, d.rule])).toEqual([['/nonexistent/main.nf', 'file-not-found']]);
  });
});
