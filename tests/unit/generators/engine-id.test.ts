import { describe, expect, it } from 'vitest';
import { engineItemId } from '../../../src-main/generators/engine-id';

describe('engineItemId', () => {
  it('keeps template ids and appends a slug of any other engine', () => {
    expect(engineItemId('qv-42-gq_001-b00-formal-00', 'template')).toBe('qv-42-gq_001-b00-formal-00');
    expect(engineItemId('qv-42-gq_001-b00-formal-00', 'llm:test-model')).toBe('qv-42-gq_001-b00-formal-00.llm-test-model');
    expect(engineItemId('ts-42-gq_003-01', 'llm:meta-llama/Llama-3.1-8B-Instruct')).toBe('ts-42-gq_003-01.llm-meta-llama-llama-3-1-8b-instruct');
    expect(engineItemId('edu-1-tool-fastqc-0', '::')).toBe('edu-1-tool-fastqc-0.engine');
  });
});
