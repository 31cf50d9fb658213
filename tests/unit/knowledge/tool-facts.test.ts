
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { callerFilterCommand } from '../../../src-main/knowledge/tool-facts';
import { knowledgeCopyWith, loadProblemsOf } from '../../support/knowledge-copy';

/** Problems of a copy of the real knowledge base with one file edited (the edit must change the text). */
const problemsWith = (file: string, edit: (text: string) => string): string[] => loadProblemsOf(knowledgeCopyWith(file, edit));

describe('variant_callers.yaml', () => {
  it('refuses a filter on a tag its caller does not write (GATK QD after FreeBayes)', () => {
    const problems = problemsWith('variant_callers.yaml', (t) => t.replace('exclude: "QUAL<20 || INFO/DP<5', 'exclude: "QUAL<20 || INFO/QD<2 || INFO/DP<5'));
    expect(problems).toContain("variant_callers.yaml: entry 'freebayes': field 'filters.0.exclude': INFO/QD is no tag freebayes writes (bcftools filter stops on it)");
  });

  it('renders GATK filters SNPs and indels apart, and reads a caller that sets FILTER itself as it is', () => {
    const kb = loadKnowledge();
    expect(callerFilterCommand(kb.variantCallers.get('gatk_haplotypecaller')!)).toMatch(/^bcftools filter -s snp_hard_filter -e 'TYPE="snp" && \(QUAL<30 .*\)' -Ou \$\{vcf\} \| bcftools filter -m \+ -s indel_hard_filter -e 'TYPE="indel" && \(.*\)' -Ou -$/);
    expect(callerFilterCommand(kb.variantCallers.get('deepvariant')!)).toBe('bcftools view -Ou ${vcf}');
  });
});

describe('tool_memory.yaml', () => {
  it('names tools of tools.yaml only', () => {
    expect(problemsWith('tool_memory.yaml', (t) => t.replace('- tool: kraken2', '- tool: kraken3'))).toContain("tool_memory.yaml: entry 'kraken3': tool 'kraken3' is not in tools.yaml");
  });
});

describe('exit codes in error diagnoses (log_signatures.yaml)', () => {
  it('refuses "not executable" as a cause of exit 127: bash gives 126 (Permission denied) for that, 127 for command not found', () => {
    const problems = problemsWith('error_situations.yaml', (t) =>
      t.replace("could not find {script} (exit 127): nothing named {script} is on the task's PATH", "could not find {script} (exit 127): the workflow's scripts are not executable"),
    );
    expect(problems.some((p) => p.startsWith("error_situations.yaml: entry 'python_script_not_found': the diagnosis gives a cause of exit 126") && p.includes('not executable'))).toBe(true);
  });

  it('refuses a diagnosis whose stated exit status is not the one the log reports', () => {
    const problems = problemsWith('error_situations.yaml', (t) => t.replace('without samtools on its PATH (exit 127)', 'without samtools on its PATH (exit 126)'));
    expect(problems).toContain("error_situations.yaml: entry 'samtools_not_found': field 'diagnosis' states exit 126, but the log reports exit 127");
  });

  it('a script that is on the PATH but not executable is diagnosed from its own log: Permission denied, exit 126', () => {
    const kb = loadKnowledge();
    const denied = kb.errorSituations.find((s) => s.id === 'python_script_not_executable')!;
    expect(denied.exit_status).toBe(126);
    expect(denied.log).toContain('Permission denied');
    expect(denied.fix_steps[0]).toContain('chmod +x bin/{script}');
    for (const s of kb.errorSituations.filter((x) => x.exit_status === 127)) expect(s.diagnosis, s.id).not.toMatch(/not executable|permission/i);
  });
});
