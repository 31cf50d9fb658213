import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

function toolAnswer(over: Parameters<typeof intentOf>[2]) {
  const intent = intentOf(kb, 'cut_and_run', over);
  const e = makeExample({ id: 't', kind: 'tool_selection', groupId: 't', baseId: null, engine: 'template', category: 'cut_and_run', analysisType: 'cut_and_run', difficulty: 1, input: 'x', output: { intent, tools: [] }, groundTruth: intent });
  return renderTaskAnswer(e, kb).split('\n');
}

describe('the request summary of an answer', () => {
  it('writes cell types and tissues as requests write them, while the intent keeps the id', () => {
    expect(toolAnswer({ cell_type: 'pbmc' })).toContain('- **Cell type**: PBMCs');
    expect(toolAnswer({ cell_type: 't cells' })).toContain('- **Cell type**: T cells');
    expect(toolAnswer({ cell_type: 'hek293' })).toContain('- **Cell type**: HEK293 cells');
    expect(toolAnswer({ tissue: 'liver' })).toContain('- **Tissue**: liver');
    expect(toolAnswer({ tissue: 'root' })).toContain('- **Tissue**: root');
    // an environment is where the sample came from, not a tissue
    expect(toolAnswer({ tissue: 'soil' })).toContain('- **Sample**: soil');
    expect(toolAnswer({ tissue: 'soil' }).some((l) => l.startsWith('- **Tissue**'))).toBe(false);
  });
});
