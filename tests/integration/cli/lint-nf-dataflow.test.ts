import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../support/serve';

const MODULE = `process DESEQ2 {
    input:
    path counts

    output:
    path "results.tsv", emit: results

    script:
    """
    Rscript deseq2.R --counts \${counts} --contrast \${params.contrast} > results.tsv
    """
}
`;

describe('CLI lint-nf: the dataflow rules', () => {
  it('reports dataflow findings with their rule ids in --json, file, line and column, exit 1; a fixed project exits 0', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'modules'));
    fs.writeFileSync(path.join(dir, 'nextflow.config'), "params.contrast = 'condition'\n");
    fs.writeFileSync(path.join(dir, 'modules/deseq2.nf'), MODULE);
    const r = await runCli(['lint-nf', '--json', dir]);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.stdout) as { errorCount: number; diagnostics: { file: string; rule: string; line: number; column: number }[] };
    const file = path.join(dir, 'modules/deseq2.nf');
    expect(parsed.diagnostics.map((d) => [d.file, d.rule, d.line, d.column])).toEqual([
      [file, 'script-not-shipped', 10, 13],
      [file, 'params-in-script', 10, 52],
    ]);

    // the fix: a bin/ script called by name, the contrast as a value input
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin/deseq2.R'), '#!/usr/bin/env Rscript\nlibrary(DESeq2)\n');
    fs.writeFileSync(
      path.join(dir, 'modules/deseq2.nf'),
      MODULE.replace('path counts', 'path counts\n    val contrast').replace('Rscript deseq2.R', 'deseq2.R').replace('${params.contrast}', '${contrast}'),
    );
    const ok = await runCli(['lint-nf', dir]);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('0 errors, 0 warnings');
    expect(ok.code).toBe(0);
  });
});
