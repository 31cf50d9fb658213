import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { constraintNotes, planSelection } from '../../../src-main/tool-selector/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const note = (constraints: string[]) => {
  const intent = intentOf(kb, 'metagenomics_taxonomic', { organism: null, tissue: 'mouse gut', constraints, comparison: { groups: ['disease', 'healthy'], description: 'disease vs healthy' } });
  const sel = planSelection(intent, kb, 'shotgun taxonomy of mouse gut, disease vs healthy')!;
  return { tools: sel.choices.map((c) => c.id), text: constraintNotes(intent, sel, kb).find((n) => n.constraint === 'comparison')!.text };
};

describe('the comparison gap names what this chain profiles (issue 16 leftover 6)', () => {
  it('Kraken2 and Bracken: the Bracken counts; MetaPhlAn under low memory: its relative abundances, no Bracken', () => {
    const bracken = note([]);
    expect(bracken.tools).toContain('bracken');
    expect(bracken.text).toMatch(/Bracken species counts/);
    const metaphlan = note(['low_memory']);
    expect(metaphlan.tools).toContain('metaphlan');
    expect(metaphlan.tools).not.toContain('bracken');
    expect(metaphlan.text).not.toMatch(/Bracken/);
    expect(metaphlan.text).toMatch(/MetaPhlAn relative abundances/);
  });
});
