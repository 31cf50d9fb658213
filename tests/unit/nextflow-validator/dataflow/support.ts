import { lintProject } from '../../../../src-main/nextflow-validator/index';

/** [rule, file, line, column] of every diagnostic of the given rules, linting the files as one project. */
export function findings(files: Record<string, string>, rules: readonly string[]): [string, string, number, number][] {
  return lintProject(files, 'main.nf')
    .diagnostics.filter((d) => rules.includes(d.rule))
    .map((d) => [d.rule, d.file, d.line, d.column]);
}

/** Every error of the project, for asserting a fixed module is clean of all rules. */
export function errors(files: Record<string, string>): string[] {
  return lintProject(files, 'main.nf')
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line}:${d.column} [${d.rule}] ${d.message}`);
}
