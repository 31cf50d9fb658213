import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { settleIntent } from '../../../src-main/knowledge/settle-intent';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { selectTools } from '../../../src-main/tool-selector/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const cow = { id: 'cow', scientific_name: 'Bos taurus', genome_build: 'ARS-UCD1.2' };

function bullets(type: string, tissue: string | null) {
  const intent = settleIntent(intentOf(kb, type, { organism: cow, tissue }), kb, '');
  const tools = selectTools(intent, kb, '');
  const a = renderTaskAnswer(makeExample({ id: 'ts-1', kind: 'tool_selection', groupId: 'g', baseId: null, engine: 't', category: 'x', analysisType: type, difficulty: 2, input: '', output: { intent, tools } }), kb);
  return { intent, head: a.split('## Recommended Tools')[0]! };
}

describe('a host is said as the host, not as a tissue (issue 16 leftover 5)', () => {
  it("the intent carries the host in front of the sample source (schema convention); the answer says Host and Sample", () => {
    for (const type of ['amplicon_16s', 'metagenomics_taxonomic', 'metagenomics_functional']) {
      const alone = bullets(type, null);
      expect(alone.intent.organism).toBeNull();
      expect(alone.intent.tissue).toBe('cow');
      expect(alone.head).not.toMatch(/\*\*Tissue\*\*/);
      expect(alone.head).toMatch(/\*\*Host\*\*: Bos taurus/);
      const gut = bullets(type, 'stool');
      expect(gut.intent.tissue).toBe('cow stool');
      expect(gut.head).toMatch(/\*\*Host\*\*: Bos taurus/);
      expect(gut.head).toMatch(/\*\*Sample\*\*: stool/);
      expect(gut.head).not.toMatch(/Tissue/);
    }
    // a studied organism keeps its tissue
    expect(bullets('rna_seq_de', 'liver').head).toMatch(/\*\*Tissue\*\*: liver/);
  });
});
