import { describe, expect, it } from 'vitest';
import { askForWorkflow, asksForWorkflow } from '../../../src-main/task-contract/asks';

describe('a workflow request that does not say it wants one', () => {
  it('gets one closing sentence asking for the workflow', () => {
    expect(askForWorkflow('hey gotta do de novo transcriptome assembly for some limb tissue, SE50 single-end reads btw', 0)).toBe(
      'hey gotta do de novo transcriptome assembly for some limb tissue, SE50 single-end reads btw. Please write the Nextflow workflow.',
    );
  });

  it('is left alone when it already asks for a workflow or for Nextflow code', () => {
    for (const text of [
      'Our goal is transcriptome assembly of limb samples. Please write it in Nextflow.',
      'ChIP-seq of mouse liver. How would you structure this in DSL2?',
      'Can you put together a ChIP-seq pipeline for mouse liver?',
    ])
      expect(askForWorkflow(text, 0)).toBe(text);
  });
});

describe('asksForWorkflow', () => {
  it('counts a request for Nextflow code as asking for a workflow, not a pasted log or the quoted request', () => {
    expect(asksForWorkflow('ChIP-seq of mouse liver. How would you structure this in DSL2?', 'workflow_generation')).toBe(true);
    expect(asksForWorkflow('My Nextflow run failed with this error:\n\n```\nERROR ~ in nextflow pipeline\n```', 'error_diagnosis')).toBe(false);
    expect(asksForWorkflow('Parse this request into an analysis intent:\n\nwrite it in Nextflow', 'intent_parsing')).toBe(false);
  });
});
