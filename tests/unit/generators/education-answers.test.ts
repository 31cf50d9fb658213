import { describe, expect, it } from 'vitest';
import { educationSeed } from '../../../src-main/generators/education';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();
const toolAnswer = (id: string, question: number) => educationSeed(kb, 42, { kind: 'tool', tool: kb.toolById.get(id)!, question }).output.explanation!;

describe('education answers of issue 16 leftover 4', () => {
  it("QIIME 2's inputs: the ASV sequences and a classifier are required; the ASV table, metadata and a manifest optional, with when", () => {
    const a = toolAnswer('qiime2', 2);
    const required = a.match(/\*\*Inputs\*\*: ([^\n]*)/)?.[1] ?? '';
    const optional = a.match(/\*\*Optional inputs\*\*: ([^\n]*)/)?.[1] ?? '';
    expect(required).toMatch(/representative sequences/);
    expect(required).toMatch(/classifier/);
    for (const o of ['ASV table', 'sample metadata', 'manifest']) {
      expect(required).not.toContain(o);
      expect(optional).toContain(o);
    }
  });

  it('a typical command shows the tool, not the shell loop that gathers its files (MAGeCK: no set --, while, shift, done)', () => {
    const loops: string[] = [];
    for (const t of kb.tools) for (const l of t.typical_command.split('\n')) if (/^(?:set --|while |until |do\b|done\b|shift\b|fi\b|then\b|else\b)/.test(l.trim())) loops.push(`${t.id}: ${l}`);
    expect(loops).toEqual([]);
    const how = toolAnswer('mageck', 3);
    expect(how).toContain('mageck count -l {sgrna_library}');
    expect(how).toContain('mageck test -k {prefix}.count.txt');
    // each line of the command appears once
    const block = how.split('```bash\n')[1]!.split('\n```')[0]!.split('\n');
    expect(new Set(block).size).toBe(block.length);
  });
});
