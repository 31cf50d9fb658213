import type { Command } from 'commander';
import { formatDiagnostics, limitPerFile, lintPaths } from '../../nextflow-validator';

export function registerLintNf(program: Command): void {
  program
    .command('lint-nf')
    .description('check Nextflow DSL2 files: strict syntax and the dataflow rules (files of any name, or directories: recursive *.nf); exit 1 iff any error; at most 200 diagnostics listed per file')
    .argument('<paths...>', 'files or directories')
    .option('--json', 'print diagnostics as JSON')
    .action((paths: string[], opts: { json?: boolean }) => {
      const result = limitPerFile(lintPaths(paths));
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${formatDiagnostics(result)}\n`);
      process.exitCode = result.errorCount > 0 ? 1 : 0;
    });
}
