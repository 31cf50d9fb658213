// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Nextflow source, where ${...} is Groovy interpolation
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, includeCandidates, type LintResult, lintSource } from '../../../src-main/nextflow-validator/index';

/**
 * Mutation tests: each case applies one small, realistic edit to a real nf-core/rnaseq file (which lints
 * clean) and expects an error with one exact rule id. A mutation that no longer matches its file throws,
 * so a changed fixture cannot silently turn a case into a no-op.
 */

const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/nextflow/nf-core-rnaseq');
const read = (name: string) => fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');

/** Fixture files main.nf includes, at the paths they have upstream. */
const MAIN_INCLUDES: Record<string, string> = {
  'workflows/rnaseq/main.nf': 'workflows_rnaseq_main.nf',
  'subworkflows/local/prepare_genome/main.nf': 'subworkflows_local_prepare_genome_main.nf',
  'subworkflows/local/utils_nfcore_rnaseq_pipeline/main.nf': 'subworkflows_local_utils_nfcore_rnaseq_pipeline_main.nf',
};

type Target = 'module' | 'shellModule' | 'subworkflow' | 'pipeline';

/** module: a process; shellModule: a process with $(...) in its script; subworkflow: take/main/emit; pipeline: main.nf with includes resolved. */
const TARGETS: Record<Target, { file: string; lint: (text: string) => LintResult }> = {
  module: { file: 'modules_nf-core_fastqc_main.nf', lint: (t) => lintSource(t, 'modules/nf-core/fastqc/main.nf') },
  shellModule: { file: 'modules_nf-core_umicollapse_main.nf', lint: (t) => lintSource(t, 'modules/nf-core/umicollapse/main.nf') },
  subworkflow: { file: 'subworkflows_nf-core_bam_dedup_umi_main.nf', lint: (t) => lintSource(t, 'subworkflows/nf-core/bam_dedup_umi/main.nf') },
  pipeline: {
    file: 'main.nf',
    lint: (t) =>
      lintSource(t, 'main.nf', (from, inc) => {
        const hit = includeCandidates(from, inc).find((c) => MAIN_INCLUDES[c] !== undefined);
        return hit ? read(MAIN_INCLUDES[hit]!) : undefined;
      }),
  },
};

/** Replaces the first occurrence of `from`; throws when it is absent. */
function sub(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`mutation anchor not found: ${JSON.stringify(from)}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
/** Replaces the last occurrence of `from`; throws when it is absent. */
function subLast(text: string, from: string, to: string): string {
  const i = text.lastIndexOf(from);
  if (i < 0) throw new Error(`mutation anchor not found: ${JSON.stringify(from)}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
/** The text between `start` (inclusive) and `end` (exclusive). */
function between(text: string, start: string, end: string): string {
  const i = text.indexOf(start);
  const j = text.indexOf(end, i + start.length);
  if (i < 0 || j < 0) throw new Error(`mutation anchors not found: ${start} .. ${end}`);
  return text.slice(i, j);
}

interface Mutation {
  name: string;
  target: Target;
  rule: string;
  mutate: (text: string) => string;
}

const MUTATIONS: Mutation[] = [
  // --- lexical ---
  { name: 'delete the closing brace of the process', target: 'module', rule: 'unbalanced-brace', mutate: (t) => subLast(t, '}', '') },
  { name: 'stray closing brace after the process', target: 'module', rule: 'unbalanced-brace', mutate: (t) => `${t}}\n` },
  { name: 'closure left open in a workflow', target: 'subworkflow', rule: 'unbalanced-brace', mutate: (t) => sub(t, '        return [meta, bam]\n    }\n\n    UMITOOLS_PREPAREFORRSEM', '        return [meta, bam]\n\n    UMITOOLS_PREPAREFORRSEM') },
  { name: 'unescaped $( command substitution in script', target: 'shellModule', rule: 'unescaped-dollar', mutate: (t) => sub(t, 'UMICOLLAPSE_JAR=\\$(dirname', 'UMICOLLAPSE_JAR=$(dirname') },
  { name: 'bare $ followed by a digit in script', target: 'module', rule: 'unescaped-dollar', mutate: (t) => sub(t, '--threads ${task.cpus}', '--threads $1') },
  { name: 'unterminated single-quoted string', target: 'module', rule: 'unterminated-string', mutate: (t) => sub(t, "label 'process_low'", "label 'process_low") },
  { name: 'unterminated triple-quoted script', target: 'module', rule: 'unterminated-string', mutate: (t) => subLast(t, '"""', '') },
  { name: 'unterminated ${ interpolation', target: 'module', rule: 'unterminated-string', mutate: (t) => subLast(t, 'touch ${prefix}.zip', 'touch ${prefix.zip') },
  { name: 'unterminated block comment', target: 'pipeline', rule: 'unterminated-comment', mutate: (t) => subLast(t, '*/', '') },
  { name: 'unterminated block comment opened in a process', target: 'module', rule: 'unterminated-comment', mutate: (t) => sub(t, '    input:', '    /* inputs\n    input:') },
  { name: 'invalid escape in a double-quoted string', target: 'module', rule: 'invalid-escape', mutate: (t) => sub(t, "def args          = task.ext.args ?: ''", 'def args          = task.ext.args ?: "\\q"') },
  // --- syntax ---
  { name: 'invalid assignment target', target: 'module', rule: 'invalid-assignment', mutate: (t) => sub(t, 'def rename_to     =', 'rename_to() =') },
  { name: 'dangling operator', target: 'module', rule: 'syntax', mutate: (t) => sub(t, 'task.ext.when == null || task.ext.when', 'task.ext.when == null ||| task.ext.when') },
  { name: 'invalid expression in a string interpolation', target: 'module', rule: 'syntax', mutate: (t) => sub(t, 'tag "${meta.id}"', 'tag "${meta.id +}"') },
  { name: 'take: entry that is not a plain name', target: 'subworkflow', rule: 'syntax', mutate: (t) => sub(t, '    ch_genome_bam // channel', '    ch_genome_bam.view() // channel') },
  // --- process structure ---
  { name: 'misspelled directive', target: 'module', rule: 'unknown-directive', mutate: (t) => sub(t, "label 'process_low'", "lable 'process_low'") },
  { name: 'statement among the directives', target: 'module', rule: 'invalid-directive', mutate: (t) => sub(t, '    input:', '    def threads = 4\n\n    input:') },
  { name: 'misspelled input qualifier', target: 'module', rule: 'unknown-qualifier', mutate: (t) => sub(t, 'path(reads)', 'pathh(reads)') },
  { name: 'input-only qualifier in output', target: 'module', rule: 'unknown-qualifier', mutate: (t) => sub(t, 'path("*.html")', 'each("*.html")') },
  {
    name: 'output: before input:',
    target: 'module',
    rule: 'section-order',
    mutate: (t) => {
      const input = between(t, '    input:', '    output:');
      const output = between(t, '    output:', '    when:');
      return sub(t, input + output, output + input);
    },
  },
  {
    name: 'stub: before script:',
    target: 'module',
    rule: 'section-order',
    mutate: (t) => {
      const stub = t.slice(t.indexOf('    stub:'), t.lastIndexOf('}'));
      return sub(subLast(t, stub, ''), '    script:', `${stub}\n    script:`);
    },
  },
  { name: 'misspelled process section', target: 'module', rule: 'unknown-section', mutate: (t) => sub(t, '    when:', '    whenn:') },
  { name: 'second script body (shell: beside script:)', target: 'module', rule: 'duplicate-declaration', mutate: (t) => sub(t, '    stub:', '    shell:') },
  { name: 'duplicate process', target: 'module', rule: 'duplicate-declaration', mutate: (t) => `${t}\n${t}` },
  { name: 'process called from a function', target: 'module', rule: 'process-call-outside-workflow', mutate: (t) => `${t}\ndef runFastqc(reads) {\n    FASTQC(reads)\n}\n` },
  { name: 'bare shell variable read as a Groovy name', target: 'module', rule: 'undefined-name', mutate: (t) => sub(t, 'ln -s \\$old_name', 'ln -s $old_name') },
  // `emitt: html` reads html as a variable, so nf-lang reports it as undefined
  { name: 'misspelled emit: option', target: 'module', rule: 'undefined-name', mutate: (t) => sub(t, 'emit: html', 'emitt: html') },
  { name: 'misspelled variable in the script', target: 'module', rule: 'undefined-name', mutate: (t) => sub(t, '        ${renamed_files}', '        ${renamed_file}') },
  { name: 'undefined variable in a script closure', target: 'module', rule: 'undefined-name', mutate: (t) => sub(t, '"${prefix}_${index + 1}', '"${prefix}_${idx + 1}') },
  // --- workflow structure ---
  { name: 'named subworkflow turned into an entry workflow (take:)', target: 'subworkflow', rule: 'entry-workflow-take', mutate: (t) => sub(t, 'workflow BAM_DEDUP_UMI {', 'workflow {') },
  { name: 'emit: in the entry workflow', target: 'pipeline', rule: 'entry-workflow-emit', mutate: (t) => subLast(t, '        NFCORE_RNASEQ.out.strand_status\n    )\n}', '        NFCORE_RNASEQ.out.strand_status\n    )\n\n    emit:\n    report = NFCORE_RNASEQ.out.multiqc_report\n}') },
  { name: 'take: after main:', target: 'subworkflow', rule: 'section-order', mutate: (t) => sub(t, '    emit:', '    take:\n    ch_extra\n\n    emit:') },
  { name: 'misspelled workflow section', target: 'subworkflow', rule: 'unknown-section', mutate: (t) => sub(t, '    emit:', '    emits:') },
  { name: 'misspelled channel name in a process call', target: 'subworkflow', rule: 'undefined-name', mutate: (t) => sub(t, '        ch_fasta_fai,\n', '        ch_fasta_fia,\n') },
  { name: 'undefined variable in an operator closure', target: 'pipeline', rule: 'undefined-name', mutate: (t) => sub(t, '.map { fai -> checkMaxContigSize(fai) }', '.map { fai -> checkMaxContigSize(fasta_fai) }') },
  { name: 'workflow called inside a closure', target: 'pipeline', rule: 'process-call-in-closure', mutate: (t) => sub(t, '.map { fai -> checkMaxContigSize(fai) }', '.map { fai -> NFCORE_RNASEQ() }') },
  { name: 'workflow called from a function', target: 'pipeline', rule: 'process-call-outside-workflow', mutate: (t) => sub(t, '    return null\n}', '    NFCORE_RNASEQ()\n    return null\n}') },
  { name: 'subworkflow called with one input too few', target: 'pipeline', rule: 'call-arity', mutate: (t) => sub(t, '        params.help_full,\n        params.show_hidden\n', '        params.help_full\n') },
  { name: 'workflow without take: called with an argument', target: 'pipeline', rule: 'call-arity', mutate: (t) => sub(t, 'NFCORE_RNASEQ ()', 'NFCORE_RNASEQ (params.input)') },
  { name: 'second entry workflow', target: 'pipeline', rule: 'duplicate-declaration', mutate: (t) => `${t}\nworkflow {\n    NFCORE_RNASEQ ()\n}\n` },
  { name: 'same name included twice', target: 'pipeline', rule: 'duplicate-declaration', mutate: (t) => sub(t, "include { RNASEQ                  } from './workflows/rnaseq'", "include { RNASEQ                  } from './workflows/rnaseq'\ninclude { RNASEQ                  } from './workflows/rnaseq'") },
  { name: 'workflow declared twice', target: 'subworkflow', rule: 'duplicate-declaration', mutate: (t) => `${t}\n${t.slice(t.indexOf('workflow BAM_DEDUP_UMI'))}` },
  { name: 'statement mixed with declarations at top level', target: 'pipeline', rule: 'mixed-statements-declarations', mutate: (t) => sub(t, 'params.bowtie2_index    = getGenomeAttribute(\'bowtie2\')\n', "params.bowtie2_index    = getGenomeAttribute('bowtie2')\nprintln \"nf-core/rnaseq\"\n") },
  // --- includes ---
  { name: 'include path that does not exist', target: 'pipeline', rule: 'include-not-found', mutate: (t) => sub(t, "from './workflows/rnaseq'", "from './workflows/rnaseqq'") },
  { name: 'included name not defined by the module', target: 'pipeline', rule: 'include-name-not-found', mutate: (t) => sub(t, 'include { RNASEQ                  }', 'include { RNA_SEQ                 }') },
  { name: 'included function name misspelled', target: 'pipeline', rule: 'include-name-not-found', mutate: (t) => sub(t, 'include { checkMaxContigSize      }', 'include { checkMaxContigSizes     }') },
];

/** Mistakes nf-lang does not reject (it ignores unknown option names), which we report as warnings. */
const WARNINGS: Mutation[] = [
  { name: 'misspelled output option', target: 'module', rule: 'unknown-output-option', mutate: (t) => sub(t, ', emit: html', ', emit: html, optinal: true') },
  { name: 'unknown input option', target: 'module', rule: 'unknown-input-option', mutate: (t) => sub(t, 'path(reads)', "path(reads, stageAss: 'in/*')") },
];

describe('mutations of real nf-core files', () => {
  it.each(WARNINGS)('$name -> warning [$rule], no error', ({ target, rule, mutate }) => {
    const { file, lint } = TARGETS[target];
    const result = lint(mutate(read(file)));
    expect(result.errorCount, formatDiagnostics(result)).toBe(0);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule)).toContain(rule);
  });

  it.each(Object.entries(TARGETS))('the unmutated %s file lints with zero errors', (_target, { file, lint }) => {
    const result = lint(read(file));
    expect(result.errorCount, formatDiagnostics(result)).toBe(0);
  });

  it('covers at least 25 mutation classes and every rule it claims', () => {
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(MUTATIONS.map((m) => m.rule)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(MUTATIONS)('$name -> [$rule]', ({ target, rule, mutate }) => {
    const { file, lint } = TARGETS[target];
    const original = read(file);
    const mutant = mutate(original);
    expect(mutant).not.toBe(original);
    expect(lint(original).errorCount).toBe(0);
    const result = lint(mutant);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule);
    expect(errors, formatDiagnostics(result)).toContain(rule);
  });
});
