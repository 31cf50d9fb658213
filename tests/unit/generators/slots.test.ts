import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();

describe('analysis slot phrases in compatibility.yaml', () => {
  it('each read alone back as their analysis type and nothing else', () => {
    const problems: string[] = [];
    for (const [type, a] of Object.entries(kb.compatibility.tables.analyses))
      for (const phrase of [...a.phrases, ...a.short]) {
        const i = parseIntent(phrase, kb);
        const extra = [i.requested_tools.length > 0 && 'tools', i.organism && 'organism', i.tissue && 'tissue', i.cell_type && 'cell type', i.comparison && 'comparison', i.constraints.length > 0 && 'constraints'].filter(Boolean);
        if (i.analysis_type !== type || extra.length > 0) problems.push(`${type}: '${phrase}' -> ${i.analysis_type} ${extra.join(' ')}`);
      }
    expect(problems).toEqual([]);
  });
});
