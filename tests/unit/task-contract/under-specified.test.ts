import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { makeExample } from '../../../src-main/generators/example-factory';
import { baseIntents } from '../../../src-main/generators/intent-variants';
import { planVariations, variationSeed } from '../../../src-main/generators/variations';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { checkExample } from '../../../src-main/pipeline/rules';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { clarifyingQuestion } from '../../../src-main/task-contract/scope';
import { analysisCues, asStated, statesAnalysis } from '../../../src-main/task-contract/stated-analysis';
import { intentOf } from '../../support/intents';
import { problemsWithEdited } from '../../support/knowledge-copy';

const kb = loadKnowledge();
const RICE = { id: 'rice', scientific_name: 'Oryza sativa', genome_build: 'IRGSP-1.0' };

describe('requests that state no analysis', () => {
  it('describing data or naming a trimmer any analysis runs is not stating an analysis', () => {
    const cases: [string, boolean][] = [
      ['long reads rice,', false],
      ['non-model organism limb using fastp', false],
      ['mouse liver samples with fastp', false],
      ['long-read assembly of rice', true],
      ['run salmon on my mouse samples', true],
      ['Medaka on my ONT reads', true],
      ['DE mouse liver', true],
      ['TRANSCRIPTOME ASAEMBLY limb Trniity', true],
      ['De novo transcriptome assembly with Trinity for a non-model organism without a reference genome', true],
    ];
    expect(cases.map(([q]) => [q, statesAnalysis(q, kb)])).toEqual(cases);
    expect(analysisCues('long reads rice,', kb)).toEqual({ named: [], hints: ['long_reads'], specificTools: [] });
    expect(analysisCues('non-model organism limb using fastp', kb)).toEqual({ named: [], hints: ['no_reference'], specificTools: [] });
  });

  it('the contract reads such a request as having no analysis: unknown type, no data type, the analysis missing', () => {
    const parsed = parseIntent('long reads rice', kb);
    expect(parsed.analysis_type).toBe('unknown');
    const read = asStated(parsed, 'long reads rice', kb);
    expect([read.analysis_type, read.data_type, read.organism, read.missing_information]).toEqual(['unknown', null, RICE, ['analysis_type']]);
    const stated = intentOf(kb, 'long_read_variants');
    expect(asStated(stated, 'long-read variant calling for rice', kb)).toBe(stated);
  });

  it('the clarifying question offers the analyses the data leave open and asks for the platform only when it is open', () => {
    const open = asStated(parseIntent('long reads rice', kb), 'long reads rice', kb);
    expect(clarifyingQuestion(open, kb, 'long reads rice').split('\n')).toEqual([
      'Before I can build a workflow for your Oryza sativa data, I need to know what to run. Could you tell me:',
      '- **Which analysis**: what should these data answer (for example long-read genome assembly, long-read variant calling, long-read RNA-seq isoforms)?',
      '- **Design**: which conditions or groups should be compared, if any?',
      '- **Platform**: Oxford Nanopore or PacBio HiFi?',
    ]);
    expect(clarifyingQuestion(open, kb, 'nanopore long reads of rice').split('\n').at(-1)).toBe('- **Design**: which conditions or groups should be compared, if any?');
    const none = asStated(parseIntent('non-model organism limb using fastp', kb), 'non-model organism limb using fastp', kb);
    expect(clarifyingQuestion(none, kb, 'non-model organism limb using fastp').split('\n')).toEqual([
      'Before I can build a workflow, I need to know what to run. Could you tell me:',
      '- **Which analysis**: what should these data answer (for example de novo genome assembly (short reads), de novo transcriptome assembly)?',
      '- **Organism**: which species (and genome build, if it matters) were the samples taken from?',
      '- **Design**: which conditions or groups should be compared, if any?',
      '- **Reads**: which platform (Illumina, Oxford Nanopore, PacBio HiFi) and, for short reads, paired-end or single-end?',
    ]);
  });

  it('a confident intent on such a request goes to review, with the reason', () => {
    const intent: Intent = { ...intentOf(kb, 'long_read_variants'), organism: RICE };
    const e = makeExample({ id: 'x', kind: 'query_variation', groupId: 'x', baseId: null, engine: 'llm', category: 'long_read_variants', analysisType: 'long_read_variants', difficulty: 1, input: 'long reads rice', output: { intent }, groundTruth: intent });
    const out = checkExample(e, { kb, parse: (q) => parseIntent(q, kb), lint: (f) => checkWorkflow(f) });
    expect(out.action).toBe('review');
    expect(out.reasons).toEqual(["analysis_stated: the request names no analysis (only long_reads), yet its target is a 'long_read_variants' intent"]);
  });

  it("an engine's text that drops the analysis gets the clarifying question as its answer", () => {
    const spec = planVariations(kb, 2000).find((s) => s.base.intent.analysis_type === 'long_read_variants' && s.base.intent.organism?.id === 'rice')!;
    const seed = variationSeed(kb, 7, spec, 'llm', 'long reads rice');
    expect(seed.output.intent!.analysis_type).toBe('unknown');
    const answer = renderTaskAnswer(makeExample(seed), kb);
    expect(answer).toMatch(/^Before I can build a workflow for your Oryza sativa data/);
    expect(answer).not.toContain('```json');
  });

  it('the template engine has under-specified data requests of its own, each a base intent with no analysis', () => {
    const requests = baseIntents(kb)
      .filter((b) => b.request !== undefined && /long reads|non-model|no reference/.test(b.request))
      .map((b) => [b.request, b.intent.analysis_type, b.intent.organism?.id ?? null]);
    expect(requests).toEqual([
      ['we sequenced a non-model organism, which analysis should we run', 'unknown', null],
      ['long reads rice', 'unknown', 'rice'],
      ['no reference genome for our species, what pipeline do we need', 'unknown', null],
      ['I have long reads from tomato, what should I run', 'unknown', 'tomato'],
    ]);
  });
});

const problemsWithCompatibility = (edit: (text: string) => string) => problemsWithEdited('compatibility.yaml', edit);

describe('compatibility.yaml tables for vague requests', () => {
  it('an unquoted request with a comma is refused, not cut at the comma', () => {
    const problems = problemsWithCompatibility((t) => t.replace('request: long reads rice', 'request: long reads, rice'));
    expect(problems.some((p) => p.startsWith('compatibility.yaml') && p.includes('off_topic') && /rice/.test(p))).toBe(true);
  });

  it('a data hint names analysis types that exist', () => {
    const problems = problemsWithCompatibility((t) => t.replace('analyses: [long_read_assembly, long_read_variants, long_read_rnaseq]', 'analyses: [long_read_assembly, long_read_typo]'));
    expect(problems).toEqual(["compatibility.yaml: data_hints.long_reads: 'long_read_typo' is not an analysis type"]);
  });
});
