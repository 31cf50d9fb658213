import type { VariationStyle } from '../../src-preload/schemas/example';
import type { Rng } from './rng';
import { opt, type Slots, sentence } from './slots';

export type Frame = (s: Slots, r: Rng) => string;

const sample = (s: Slots) => sentence(s.organism, s.tissue, s.cellType);
const where = (s: Slots) => opt(sample(s) || null, (v) => `for ${v} samples`);

const formal: Frame[] = [
  (s) => sentence('Please generate a Nextflow DSL2 workflow for', s.analysis, where(s), opt(s.layout, (v) => `with ${v} sequencing data`), opt(s.comparison, (v) => `comparing ${v}`), opt(s.tools, (v) => `using ${v}`), opt(s.constraints, (v) => `, ${v}`), '.'),
  (s) => sentence('I would like to perform', s.analysis, opt(s.organismFormal, (v) => `on ${v}`), opt(s.tissue, (v) => `${v} tissue`), opt(s.cellType, (v) => `(${v})`), opt(s.strand, (v) => `from a ${v} library`), opt(s.layout, (v) => `sequenced ${v}`), opt(s.comparison, (v) => `to contrast ${v}`), opt(s.tools, (v) => `with ${v}`), opt(s.constraints, (v) => `; the run must be ${v}`), '.'),
  (s) => sentence('Design a reproducible', s.analysis, 'pipeline', opt(s.organismFormal, (v) => `for ${v}`), opt(s.tissue, (v) => `${v} specimens`), opt(s.cellType, (v) => `of ${v}`), opt(s.layout, (v) => `(${v})`), opt(s.comparison, (v) => `with the contrast ${v}`), opt(s.tools, (v) => `employing ${v}`), opt(s.constraints, (v) => `, ${v}`), '.'),
  (s) => sentence('Kindly set up', s.analysis, opt(s.organism, (v) => `of ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), 'data', opt(s.layout, (v) => `(${v})`), opt(s.strand, (v) => `, ${v}`), opt(s.comparison, (v) => `, ${v} comparison`), opt(s.tools, (v) => `, preferably with ${v}`), opt(s.constraints, (v) => `, ${v}`), '.'),
  (s) => sentence('Requesting a workflow:', s.analysis, opt(s.organismFormal, (v) => `in ${v}`), opt(s.tissue, (v) => `(${v})`), opt(s.cellType, (v) => `targeting ${v}`), opt(s.layout, (v) => `with ${v} libraries`), opt(s.comparison, (v) => `for the ${v} contrast`), opt(s.tools, (v) => `based on ${v}`), opt(s.constraints, (v) => `and ${v}`), '.'),
  (s) => sentence('Construct a Nextflow pipeline that performs', s.analysis, opt(sample(s) || null, (v) => `on ${v} data`), opt(s.strand, (v) => `from ${v} libraries`), opt(s.layout, (v) => `(${v})`), opt(s.comparison, (v) => `evaluating ${v}`), opt(s.tools, (v) => `and uses ${v}`), opt(s.constraints, (v) => `, ${v}`), '.'),
  (s) => sentence('The objective is', s.analysis, opt(s.organismFormal, (v) => `of ${v}`), opt(s.tissue, (v) => `${v} material`), opt(s.cellType, (v) => `from ${v}`), opt(s.layout, (v) => `using ${v} data`), opt(s.comparison, (v) => `between ${v}`), opt(s.tools, (v) => `; tools: ${v}`), opt(s.constraints, (v) => `; constraint: ${v}`), '. Please provide the workflow.'),
  (s) => sentence('Could you prepare a standardized', s.analysis, 'analysis', opt(s.organism, (v) => `for ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), 'samples', opt(s.layout, (v) => `sequenced ${v}`), opt(s.comparison, (v) => `(${v})`), opt(s.tools, (v) => `with ${v}`), opt(s.constraints, (v) => `, ${v}`), '?'),
  (s) => sentence('Generate the complete', s.analysis, 'workflow', opt(s.organismFormal, (v) => `for the organism ${v}`), opt(s.tissue, (v) => `and tissue ${v}`), opt(s.cellType, (v) => `and cell type ${v}`), opt(s.layout, (v) => `; reads are ${v}`), opt(s.strand, (v) => `and ${v}`), opt(s.comparison, (v) => `; contrast: ${v}`), opt(s.tools, (v) => `; required tools: ${v}`), opt(s.constraints, (v) => `; ${v}`), '.'),
  (s) => sentence('We require', s.analysis, opt(sample(s) || null, (v) => `of ${v} samples`), opt(s.layout, (v) => `(${v})`), opt(s.comparison, (v) => `in order to compare ${v}`), opt(s.tools, (v) => `using ${v}`), opt(s.constraints, (v) => `, ${v}`), '. Please produce a Nextflow DSL2 implementation.'),
  (s) => sentence('Implement', s.analysis, opt(s.organismFormal, (v) => `for ${v}`), opt(s.tissue, (v) => `${v} samples`), opt(s.cellType, (v) => `(${v})`), opt(s.layout, (v) => `from ${v} sequencing`), opt(s.comparison, (v) => `, contrasting ${v}`), opt(s.tools, (v) => `, built on ${v}`), opt(s.constraints, (v) => `, ${v}`), 'in Nextflow.'),
  (s) => sentence('A Nextflow workflow is needed for', s.analysis, opt(s.organism, (v) => `in ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), opt(s.layout, (v) => `with ${v} data`), opt(s.strand, (v) => `(${v})`), opt(s.comparison, (v) => `comparing ${v}`), opt(s.tools, (v) => `using ${v}`), opt(s.constraints, (v) => `, ${v}`), '.'),
];

const casual: Frame[] = [
  (s) => sentence('hey, can you help me run', s.analysis, opt(s.organism, (v) => `on my ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), 'samples?', opt(s.layout, (v) => `they're ${v}`), opt(s.comparison, (v) => `and I wanna compare ${v}`), opt(s.tools, (v) => `- I'd like to use ${v}`), opt(s.constraints, (v) => `, ${v} please`)),
  (s) => sentence('so I got some', s.organism, s.tissue, s.cellType, 'data', opt(s.layout, (v) => `(${v})`), 'and need to do', s.analysisShort, opt(s.comparison, (v) => `, ${v}`), opt(s.tools, (v) => `with ${v}`), opt(s.constraints, (v) => `, ${v}`), '. any ideas?'),
  (s) => sentence('i need a', s.analysisShort, 'pipeline', opt(sample(s) || null, (v) => `for ${v}`), opt(s.layout, (v) => `, ${v}`), opt(s.comparison, (v) => `, ${v}`), opt(s.tools, (v) => `, using ${v}`), opt(s.constraints, (v) => `, ${v}`), 'thanks!'),
  (s) => sentence('could you whip up a workflow for', s.analysis, opt(s.organism, (v) => `in ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), opt(s.layout, (v) => `- ${v}`), opt(s.comparison, (v) => `- comparing ${v}`), opt(s.tools, (v) => `- ${v} if possible`), opt(s.constraints, (v) => `- ${v}`)),
  (s) => sentence('my PI wants', s.analysis, opt(sample(s) || null, (v) => `on our ${v} samples`), opt(s.comparison, (v) => `(${v})`), opt(s.layout, (v) => `, ${v}`), opt(s.tools, (v) => `, and she likes ${v}`), opt(s.constraints, (v) => `, ${v}`), '- where do I start?'),
  (s) => sentence("what's the best way to do", s.analysisShort, opt(s.organism, (v) => `for ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), opt(s.layout, (v) => `with ${v} data`), opt(s.comparison, (v) => `looking at ${v}`), opt(s.tools, (v) => `using ${v}`), opt(s.constraints, (v) => `, ${v}`), '?'),
  (s) => sentence('ok so', s.analysis, opt(s.organism, (v) => `for ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), opt(s.layout, (v) => `, ${v}`), opt(s.comparison, (v) => `, ${v}`), opt(s.tools, (v) => `, ${v}`), opt(s.constraints, (v) => `, ${v}`), '- can you set that up for me?'),
  (s) => sentence('help! need to analyze', s.organism, s.tissue, s.cellType, opt(s.layout, (v) => `${v}`), 'data -', s.analysisShort, opt(s.comparison, (v) => `(${v})`), opt(s.tools, (v) => `with ${v}`), opt(s.constraints, (v) => `, ${v}`)),
  (s) => sentence('Hi! Looking to run', s.analysisShort, opt(sample(s) || null, (v) => `on ${v}`), opt(s.layout, (v) => `(${v})`), opt(s.comparison, (v) => `to compare ${v}`), opt(s.tools, (v) => `, ideally ${v}`), opt(s.constraints, (v) => `, ${v}`), '. Can you make the pipeline?'),
  (s) => sentence('gonna need', s.analysis, opt(s.organism, (v) => `for some ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), 'stuff', opt(s.layout, (v) => `(${v})`), opt(s.comparison, (v) => `, ${v}`), opt(s.tools, (v) => `, ${v} pls`), opt(s.constraints, (v) => `, ${v}`)),
  (s) => sentence('can u make me a nextflow thing for', s.analysisShort, opt(sample(s) || null, (v) => `- ${v}`), opt(s.layout, (v) => `- ${v}`), opt(s.comparison, (v) => `- ${v}`), opt(s.tools, (v) => `- ${v}`), opt(s.constraints, (v) => `- ${v}`)),
  (s) => sentence('trying to figure out', s.analysis, opt(s.organism, (v) => `in ${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), opt(s.comparison, (v) => `for ${v}`), opt(s.layout, (v) => `with ${v} reads`), opt(s.tools, (v) => `, was thinking ${v}`), opt(s.constraints, (v) => `, ${v}`), '- thoughts?'),
];

const minimal: Frame[] = [
  (s) => sentence(s.organism, s.tissue, s.cellType, s.analysisShort, s.comparison, s.tools, s.constraints),
  (s) => sentence(s.analysisShort, s.organism, s.tissue, s.cellType, s.layout, s.tools),
  (s) => sentence(s.analysisShort, opt(s.organism, (v) => `- ${v}`), s.tissue, s.cellType, s.comparison),
  (s) => sentence(s.analysisShort, 'pipeline', s.organism, s.tissue, s.cellType, s.tools, s.constraints),
  (s) => sentence(s.organism, s.cellType, s.tissue, s.analysisShort, s.layout, s.comparison),
  (s) => sentence(s.analysisShort, opt(sample(s) || null, (v) => `(${v})`), s.tools),
  (s) => sentence(s.analysis, s.organism, s.tissue, s.cellType, s.comparison, s.constraints),
  (s) => sentence(s.organism, s.analysisShort, s.tissue, s.cellType, s.strand, s.tools),
  (s) => sentence(s.analysisShort, 'workflow', s.organism, s.tissue, s.cellType, s.comparison, s.tools, s.constraints),
  (s) => sentence(s.analysisShort, opt(s.organism, (v) => `${v},`), s.tissue, s.cellType, s.layout, s.strand, s.comparison),
  (s) => sentence(s.tools, s.analysisShort, s.organism, s.tissue, s.cellType, s.constraints),
  (s) => sentence(s.analysis, opt(sample(s) || null, (v) => `: ${v}`), s.comparison, s.tools),
];

const EXTRA_CONTEXT = [
  'We have 12 samples sequenced on an Illumina NovaSeq 6000.',
  'There are three biological replicates per condition.',
  'The raw FASTQ files are already demultiplexed.',
  'Please include quality control and a summary report at the end.',
  'Results should be reproducible and containerized.',
  'Our institute cluster should get sensible resource labels.',
  'The data came from a core facility with about 30 million reads per sample.',
  'I also want versions of every tool recorded for the methods section.',
];

const detailed: Frame[] = [
  (s, r) => sentence('I am working on a project that involves', s.analysis, opt(sample(s) || null, (v) => `with ${v} samples`), '.', opt(s.layout, (v) => `The libraries were sequenced ${v}`), opt(s.strand, (v) => `and are ${v}`), opt(s.layout ?? s.strand, () => '.'), opt(s.comparison, (v) => `The main question is the difference between ${v}.`), opt(s.tools, (v) => `I would prefer to use ${v}.`), opt(s.constraints, (v) => `It has to run ${v}.`), r.pick(EXTRA_CONTEXT), 'Could you generate a complete Nextflow workflow with QC, the core analysis and reporting?'),
  (s, r) => sentence('Context:', r.pick(EXTRA_CONTEXT), 'Goal:', s.analysis, opt(s.organismFormal, (v) => `in ${v}`), opt(s.tissue, (v) => `(${v})`), opt(s.cellType, (v) => `focusing on ${v}`), '.', opt(s.layout, (v) => `Data: ${v}`), opt(s.strand, (v) => `, ${v}`), opt(s.layout ?? s.strand, () => '.'), opt(s.comparison, (v) => `Design: ${v}.`), opt(s.tools, (v) => `Preferred tools: ${v}.`), opt(s.constraints, (v) => `Constraints: ${v}.`), 'Please provide the Nextflow DSL2 pipeline.'),
  (s, r) => sentence('Our lab generated', s.organism, s.tissue, s.cellType, 'data', opt(s.layout, (v) => `(${v})`), 'and we need', s.analysis, '.', opt(s.comparison, (v) => `We want to compare ${v} and report the significant differences.`), r.pick(EXTRA_CONTEXT), opt(s.tools, (v) => `We are most familiar with ${v}.`), opt(s.constraints, (v) => `The pipeline should run ${v}.`), 'What workflow would you build?'),
  (s, r) => sentence('For a study', opt(sample(s) || null, (v) => `of ${v}`), ', I need to carry out', s.analysis, 'starting from raw FASTQ files.', opt(s.layout, (v) => `Reads are ${v}.`), opt(s.strand, (v) => `The protocol is ${v}.`), opt(s.comparison, (v) => `The experimental design is ${v}.`), r.pick(EXTRA_CONTEXT), opt(s.tools, (v) => `Please build it around ${v}.`), opt(s.constraints, (v) => `Note: ${v}.`)),
  (s, r) => sentence('Background:', r.pick(EXTRA_CONTEXT), 'We are studying', s.organismFormal, s.tissue, s.cellType, opt(s.comparison, (v) => `under ${v} conditions`), '. Request:', s.analysis, opt(s.layout, (v) => `from ${v} data`), opt(s.tools, (v) => `, using ${v} where appropriate`), opt(s.constraints, (v) => `, ${v}`), '. Please include all preprocessing steps.'),
  (s, r) => sentence('I have', opt(s.layout, (v) => `${v}`), 'sequencing data from', s.organism, s.tissue, s.cellType, 'and would like an end-to-end', s.analysis, 'workflow.', opt(s.strand, (v) => `The library is ${v}.`), opt(s.comparison, (v) => `Samples split into ${v}.`), opt(s.tools, (v) => `${v} should be part of it.`), opt(s.constraints, (v) => `Everything must work ${v}.`), r.pick(EXTRA_CONTEXT)),
  (s, r) => sentence(r.pick(EXTRA_CONTEXT), 'The analysis I need is', s.analysis, opt(s.organismFormal, (v) => `for ${v}`), opt(s.tissue, (v) => `${v} tissue`), opt(s.cellType, (v) => `${v}`), '.', opt(s.comparison, (v) => `Comparison of interest: ${v}.`), opt(s.layout, (v) => `Sequencing layout: ${v}.`), opt(s.tools, (v) => `Tool preference: ${v}.`), opt(s.constraints, (v) => `Requirement: ${v}.`), 'Generate a Nextflow pipeline with one module per tool.'),
  (s, r) => sentence('We plan to run', s.analysis, opt(sample(s) || null, (v) => `on ${v} samples`), opt(s.layout, (v) => `sequenced ${v}`), '.', opt(s.comparison, (v) => `Our hypothesis concerns ${v}.`), r.pick(EXTRA_CONTEXT), opt(s.tools, (v) => `Please use ${v}.`), opt(s.constraints, (v) => `It needs to run ${v}.`), 'What tools and workflow do you recommend?'),
  (s, r) => sentence('Here is my situation:', opt(s.organism, (v) => `${v}`), opt(s.tissue, (v) => `${v}`), opt(s.cellType, (v) => `${v}`), 'samples', opt(s.layout, (v) => `with ${v} reads`), opt(s.strand, (v) => `(${v})`), '.', 'I need', s.analysis, opt(s.comparison, (v) => `comparing ${v}`), '.', opt(s.tools, (v) => `I'd like ${v} in the pipeline.`), opt(s.constraints, (v) => `It should be ${v}.`), r.pick(EXTRA_CONTEXT)),
  (s, r) => sentence('Project summary -', s.analysis, opt(s.organismFormal, (v) => `, organism ${v}`), opt(s.tissue, (v) => `, tissue ${v}`), opt(s.cellType, (v) => `, cells ${v}`), opt(s.layout, (v) => `, ${v}`), opt(s.strand, (v) => `, ${v}`), opt(s.comparison, (v) => `, contrast ${v}`), opt(s.tools, (v) => `, tools ${v}`), opt(s.constraints, (v) => `, ${v}`), '.', r.pick(EXTRA_CONTEXT), 'Please write the full workflow.'),
  (s, r) => sentence('After sequencing', opt(sample(s) || null, (v) => `${v} samples`), opt(s.layout, (v) => `(${v})`), 'we want to proceed with', s.analysis, '.', opt(s.comparison, (v) => `The groups are ${v}.`), opt(s.tools, (v) => `Use ${v}.`), opt(s.constraints, (v) => `Must run ${v}.`), r.pick(EXTRA_CONTEXT), 'Can you design the Nextflow workflow and explain the tool choices?'),
  (s, r) => sentence('I am new to', s.analysisShort, 'and have', s.organism, s.tissue, s.cellType, 'data', opt(s.layout, (v) => `(${v})`), '.', opt(s.comparison, (v) => `I want to find differences between ${v}.`), opt(s.tools, (v) => `A colleague suggested ${v}.`), opt(s.constraints, (v) => `We can only run ${v}.`), r.pick(EXTRA_CONTEXT), 'Could you set up the whole', s.analysis, 'pipeline for me?'),
];

const edgeCase: Frame[] = [
  (s) => sentence(s.analysisShort, s.organism, s.tissue, s.cellType, s.comparison, s.tools).toLowerCase(),
  (s) => sentence('need', s.analysisShort, 'for', s.organism, s.tissue, s.cellType, '...', s.comparison, s.tools, 'thx'),
  (s) => sentence(s.organism, s.tissue, s.cellType, '->', s.analysisShort, '??', s.tools),
  (s) => sentence('uh', s.analysis, 'i think?', s.organism, s.tissue, s.cellType, s.layout, s.comparison),
  (s) => sentence(s.analysisShort.toUpperCase(), s.organism?.toUpperCase(), s.tissue, s.cellType, s.comparison, s.tools),
  (s) => sentence('pls', s.analysisShort, s.organism, s.tissue, s.cellType, 'thx', s.tools, s.constraints),
  (s) => sentence('how do i', s.analysisShort, s.organism, s.tissue, s.cellType, s.comparison, s.tools).toLowerCase(),
  (s) => sentence(s.analysis, '/', s.organism, '/', s.tissue, s.cellType, '/', s.layout, '/', s.comparison, s.tools),
  (s) => sentence('workflow', s.analysisShort, s.organism, s.tissue, s.cellType, 'w/', s.tools, s.comparison, s.constraints),
  (s) => sentence(s.organism, s.analysis, 'data', s.tissue, s.cellType, 'do the thing', s.comparison, s.tools),
  (s) => sentence('is it possible to do', s.analysisShort, 'on', s.organism, s.tissue, s.cellType, s.comparison, s.tools, s.constraints, 'or not'),
  (s) => sentence('#', s.analysisShort, s.organism, s.tissue, s.cellType, s.layout, s.tools, s.constraints),
];

export const FRAMES: Record<VariationStyle, Frame[]> = {
  formal,
  casual,
  minimal,
  detailed,
  edge_case: edgeCase,
};
