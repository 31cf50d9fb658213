// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Nextflow source, where ${...} is Groovy interpolation
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, type LintResult, lintSource } from '../../../src-main/nextflow-validator/index';

/**
 * Parity with `nextflow lint` (nf-lang 25.10): each mutation makes one edit to a real nf-core file that nf-lang
 * rejects, and expects our error with the rule id on the line nf-lang reports it (read from nf-lang's
 * ScriptAstBuilder and VariableScopeVisitor: structural process/workflow errors at the definition, name errors
 * at the name). `at` is a text of the mutant whose line the error must be on.
 */

const DIR = path.resolve(__dirname, '../../fixtures/nextflow/nf-core-rnaseq');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');

const FILES = {
  module: 'modules_nf-core_fastqc_main.nf',
  subworkflow: 'subworkflows_nf-core_bam_dedup_umi_main.nf',
  pipeline: 'main.nf',
} as const;
type Target = keyof typeof FILES;

function sub(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`mutation anchor not found: ${JSON.stringify(from)}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
/** `at` for errors at the end of the file, where nf-lang's parser meets EOF */
const EOF = '<EOF>';
function lineOf(text: string, anchor: string): number {
  if (anchor === EOF) return text.split('\n').length;
  const i = text.indexOf(anchor);
  if (i < 0) throw new Error(`line anchor not found: ${JSON.stringify(anchor)}`);
  return text.slice(0, i).split('\n').length;
}
// parity with `nextflow lint`, which has no dataflow rules: the dataflow group is tested in ./dataflow/
const lint = (text: string, target: Target): LintResult => lintSource(text, FILES[target], undefined, { dataflow: false });
/** The module's output: section (from its label to the when: label) and the module without it. */
function splitOutput(t: string): { output: string; rest: string } {
  const output = t.slice(t.indexOf('    output:'), t.indexOf('    when:'));
  return { output, rest: sub(t, output, '') };
}

interface Case {
  name: string;
  target: Target;
  rule: string;
  mutate: (t: string) => string;
  /** text of the mutant on the expected line (its first occurrence) */
  at: string;
}

const CASES: Case[] = [
  // --- process structure ---
  { name: 'empty process body', target: 'module', rule: 'missing-script', mutate: (t) => `${t.slice(0, t.indexOf('process FASTQC {'))}process FASTQC {\n}\n`, at: 'process FASTQC' },
  { name: 'directive written as an assignment', target: 'module', rule: 'invalid-directive', mutate: (t) => sub(t, "label 'process_low'", "label = 'process_low'"), at: "label = 'process_low'" },
  {
    name: 'script: label deleted (statements after when: become an implicit script)',
    target: 'module',
    rule: 'missing-script-label',
    mutate: (t) => sub(t.slice(0, t.indexOf('    stub:')), '    script:\n', '') + '}\n',
    at: '    def args',
  },
  { name: 'script: section deleted, stub: kept', target: 'module', rule: 'missing-script', mutate: (t) => t.slice(0, t.indexOf('    script:')) + t.slice(t.indexOf('    stub:')), at: 'process FASTQC' },
  {
    name: 'when: after script: (out of order) is reported at the process',
    target: 'module',
    rule: 'section-order',
    mutate: (t) => sub(sub(t, '    when:\n    task.ext.when == null || task.ext.when\n', ''), '    stub:', '    when:\n    task.ext.when == null || task.ext.when\n\n    stub:'),
    at: 'process FASTQC',
  },
  { name: 'misspelled section label is reported at the process', target: 'module', rule: 'unknown-section', mutate: (t) => sub(t, '    when:', '    whenn:'), at: 'process FASTQC' },
  { name: 'env input named by a bare word', target: 'module', rule: 'undefined-name', mutate: (t) => sub(t, '    tuple val(meta), path(reads)\n', '    tuple val(meta), path(reads)\n    env SAMPLE_NAME\n'), at: 'SAMPLE_NAME' },
  { name: 'def in stub: redeclares a variable script: assigned without def', target: 'module', rule: 'duplicate-declaration', mutate: (t) => sub(t, '    def prefix        = task.ext.prefix', '    prefix        = task.ext.prefix'), at: '    def prefix = task.ext.prefix' },
  { name: 'all-caps shell variable unescaped in the script', target: 'module', rule: 'undefined-name', mutate: (t) => sub(t, '--threads ${task.cpus}', '--threads $THREADS'), at: '--threads $THREADS' },
  { name: 'shell default ${VAR:-x} unescaped in the script', target: 'module', rule: 'syntax', mutate: (t) => sub(t, '--threads ${task.cpus}', '--threads ${THREADS:-2}'), at: '--threads ${THREADS' },
  { name: 'undefined name inside a nested interpolation', target: 'module', rule: 'undefined-name', mutate: (t) => sub(t, 'tag "${meta.id}"', 'tag "${meta.id + "-${sample_nme}"}"'), at: 'tag "${meta.id' },
  // --- where a broken brace or string is reported: nf-lang's parser fails at the first token it cannot read ---
  { name: "stray '}' closes the process early: the next section label fails", target: 'module', rule: 'syntax', mutate: (t) => sub(t, '    output:', '    }\n    output:'), at: '    output:' },
  { name: "stray '}' in the script: the stub: label after it fails", target: 'module', rule: 'syntax', mutate: (t) => sub(t, '    def args          =', '    }\n    def args          ='), at: '    stub:' },
  { name: 'the last """ deleted: reported at the end of the file', target: 'module', rule: 'unterminated-string', mutate: (t) => t.slice(0, t.lastIndexOf('"""')) + t.slice(t.lastIndexOf('"""') + 3), at: EOF },
  { name: "an inner '}' deleted: reported at the end of the file", target: 'module', rule: 'unbalanced-brace', mutate: (t) => sub(t, '${entry.extension}" ] }', '${entry.extension}" ]'), at: EOF },
  // --- workflow structure ---
  { name: 'several emits, the first unnamed', target: 'subworkflow', rule: 'unnamed-emit', mutate: (t) => sub(t, '    bam                            = UMI_DEDUP_GENOME.out.bam', '    UMI_DEDUP_GENOME.out.bam'), at: '    UMI_DEDUP_GENOME.out.bam' },
  { name: 'several emits, a later one unnamed (reported at the emit: entries)', target: 'subworkflow', rule: 'unnamed-emit', mutate: (t) => sub(t, '    stats                          = ', '    '), at: '    bam                            = UMI_DEDUP_GENOME.out.bam' },
  { name: 'emit name declared twice', target: 'subworkflow', rule: 'duplicate-emit', mutate: (t) => sub(t, '    index                          = ', '    bam                            = '), at: '    bam                            = UMI_DEDUP_GENOME.out.index' },
  {
    name: 'output: between script: and stub: (neither legal order)',
    target: 'module',
    rule: 'section-order',
    mutate: (t) => {
      const { output, rest } = splitOutput(t);
      return sub(rest, '    stub:', `${output}    stub:`);
    },
    at: 'process FASTQC',
  },
  { name: 'call of a process that is neither defined nor included', target: 'subworkflow', rule: 'undefined-name', mutate: (t) => sub(t, '    UMITOOLS_PREPAREFORRSEM(', '    UMITOOLS_PREPAREFORSEM('), at: '    UMITOOLS_PREPAREFORSEM(' },
  { name: 'variable assigned without def inside an operator closure', target: 'subworkflow', rule: 'undeclared-assignment', mutate: (t) => sub(t, '.map { meta, bam -> [meta, bam, []] }', '.map { meta, bam -> extra = []; [meta, bam, extra] }'), at: 'extra = []' },
  { name: 'closure parameter shadows a workflow input', target: 'subworkflow', rule: 'duplicate-declaration', mutate: (t) => sub(t, '.map { meta, bam -> [meta, bam, []] }', '.map { meta, ch_genome_bam -> [meta, ch_genome_bam, []] }'), at: '.map { meta, ch_genome_bam' },
  { name: 'built-in constant re-assigned', target: 'subworkflow', rule: 'builtin-assignment', mutate: (t) => sub(t, '    UMITOOLS_PREPAREFORRSEM(', '    projectDir = "."\n    UMITOOLS_PREPAREFORRSEM('), at: 'projectDir = "."' },
  // --- script level ---
  { name: 'include with addParams', target: 'pipeline', rule: 'include-add-params', mutate: (t) => sub(t, "} from './workflows/rnaseq'", "} from './workflows/rnaseq' addParams(skip_qc: true)"), at: "addParams(skip_qc" },
  { name: 'unknown feature flag', target: 'pipeline', rule: 'unknown-feature-flag', mutate: (t) => sub(t, '\n', '\nnextflow.enable.strictt = true\n'), at: 'nextflow.enable.strictt' },
  { name: 'feature flag set from a parameter', target: 'pipeline', rule: 'feature-flag-value', mutate: (t) => sub(t, '\n', '\nnextflow.enable.strict = params.strict\n'), at: 'nextflow.enable.strict' },
  { name: 'for loop in a function', target: 'pipeline', rule: 'unsupported-syntax', mutate: (t) => sub(t, '    return null\n}', '    for (def k in params.genomes.keySet()) { log.info(k) }\n    return null\n}'), at: '    for (def k' },
  { name: 'while loop in a function', target: 'pipeline', rule: 'unsupported-syntax', mutate: (t) => sub(t, '    return null\n}', '    def n = 0\n    while (n < 3) { n++ }\n    return null\n}'), at: '    while (n' },
  { name: 'variable assigned without def in a function', target: 'pipeline', rule: 'undeclared-assignment', mutate: (t) => sub(t, '    return null\n}', '    fallback = null\n    return fallback\n}'), at: '    fallback = null' },
];

/** Edits nf-lang accepts: sections in every legal order, and option names it does not check (warnings at most). */
const VALID: { name: string; target: Target; mutate: (t: string) => string; warning?: string }[] = [
  { name: 'no when: section', target: 'module', mutate: (t) => sub(t, '    when:\n    task.ext.when == null || task.ext.when\n', '') },
  {
    name: 'output: after script: in a process without stub:',
    target: 'module',
    mutate: (t) => {
      const { output, rest } = splitOutput(t);
      return `${rest.slice(0, rest.indexOf('    stub:'))}${output}}\n`;
    },
  },
  {
    name: 'input:, when:, script:, stub:, output: (the second order the grammar allows: outputs after the script)',
    target: 'module',
    mutate: (t) => {
      const { output, rest } = splitOutput(t);
      return `${rest.replace(/\}\s*$/, '')}\n${output}}\n`;
    },
  },
  { name: 'no input: section', target: 'module', mutate: (t) => sub(t, '    input:\n    tuple val(meta), path(reads)\n', '').replaceAll('reads', 'params.reads').replace('tag "${meta.id}"', "tag 'x'").replaceAll('${meta.id}', 'x').replaceAll('val(meta)', "val('x')") },
  { name: 'misspelled output option', target: 'module', mutate: (t) => sub(t, ', emit: html', ', emit: html, optinal: true'), warning: 'unknown-output-option' },
  { name: 'a bare name emitted beside named emits', target: 'subworkflow', mutate: (t) => sub(t, '    emit:\n', '    emit:\n    ch_genome_bam\n') },
];

describe('nf-lang parity: mutations of real nf-core files', () => {
  it.each(Object.keys(FILES) as Target[])('the unmutated %s lints with zero errors', (target) => {
    const r = lint(read(FILES[target]), target);
    expect(r.errorCount, formatDiagnostics(r)).toBe(0);
  });

  it.each(CASES)('$name -> [$rule] on its line', ({ target, rule, mutate, at }) => {
    const mutant = mutate(read(FILES[target]));
    const r = lint(mutant, target);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.rule, d.line]), formatDiagnostics(r)).toContainEqual([rule, lineOf(mutant, at)]);
  });

  it.each(VALID)('$name is accepted', ({ target, mutate, warning }) => {
    const original = read(FILES[target]);
    const mutant = mutate(original);
    expect(mutant).not.toBe(original);
    const r = lint(mutant, target);
    expect(r.errorCount, formatDiagnostics(r)).toBe(0);
    if (warning) expect(r.diagnostics.map((d) => d.rule)).toContain(warning);
  });
});

describe('nf-lang 26.x errors that 25.10 accepts are warnings', () => {
  it('a params block without an entry workflow', () => {
    const r = lintSource("params {\n  input: String\n}\nprocess P {\n  script:\n  \"\"\"\n  echo hi\n  \"\"\"\n}\n", 'p.nf');
    expect(r.diagnostics.map((d) => [d.severity, d.rule, d.line])).toEqual([['warning', 'block-without-entry', 1]]);
  });
  it('nextflow.preview.types (renamed in 26.04) warns; 26.04\'s nextflow.enable.types is unknown to 25.10', () => {
    const a = lintSource("nextflow.preview.types = true\nworkflow {\n  println('x')\n}\n", 'a.nf');
    expect(a.diagnostics.map((d) => [d.severity, d.rule])).toEqual([['warning', 'renamed-feature-flag']]);
    const b = lintSource("nextflow.enable.types = true\nworkflow {\n  println('x')\n}\n", 'b.nf');
    expect(b.diagnostics.map((d) => [d.severity, d.rule])).toEqual([['error', 'unknown-feature-flag']]);
  });
});
