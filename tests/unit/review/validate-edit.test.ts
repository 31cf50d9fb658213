import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { validateEdit } from '../../../src-main/review/validate-edit';

const kb = loadKnowledge();

describe('validateEdit on query-variation targets', () => {
  it("accepts the 'unknown' analysis of an off-topic request and refuses an analysis type the knowledge base lacks", () => {
    const offTopic = parseIntent('translate good morning into Italian', kb);
    expect(offTopic.analysis_type).toBe('unknown');
    expect(validateEdit('query_variation', { intent: offTopic }, kb)).toEqual([]);
    expect(validateEdit('query_variation', { intent: { ...offTopic, analysis_type: 'banana_seq' } }, kb)).toEqual([
      { path: 'intent.analysis_type', message: "unknown analysis type 'banana_seq'" },
    ]);
  });
});
