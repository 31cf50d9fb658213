import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { finish, sentence } from '../../../src-main/generators/slots';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { makeExample } from '../../../src-main/generators/example-factory';
import { planTemplateItems } from '../../../src-main/generators/template-engine';

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

describe('read layout phrases', () => {
  it('read back as their layout, and 16S amplicon requests quote only read lengths whose pairs overlap (2x250, 2x300)', () => {
    const t = kb.compatibility.tables;
    for (const phrases of [t.layout_phrases, ...Object.values(t.analyses).flatMap((a) => (a.layout_phrases ? [a.layout_phrases] : []))])
      for (const layout of ['paired', 'single'] as const)
        for (const p of phrases[layout]) expect(parseIntent(`RNA-seq of mouse liver, ${p} reads`, kb).read_layout, p).toBe(layout);
    const amplicon = new Set<string>();
    for (const kind of ['query_variation', 'workflow'] as const) {
      const plan = planTemplateItems(kb, kind, kind === 'workflow' ? 1000 : 5000, 42);
      for (let i = 0; i < plan.specs.length; i++) {
        const e = makeExample(plan.render(i));
        if (e.output.intent?.analysis_type === 'amplicon_16s') for (const m of e.input.matchAll(/\b(\d)x(\d{2,3})\b/g)) amplicon.add(m[0]);
      }
    }
    expect([...amplicon].sort()).toEqual(['1x250', '2x250', '2x300']);
  });
});

describe('sentence()', () => {
  it('leaves no separator around a missing part', () => {
    expect(sentence('need ChIP-seq', '- comparing treated vs control -', '- has to run without Docker', '- thoughts?')).toBe('need ChIP-seq - comparing treated vs control - has to run without Docker - thoughts?');
    expect(finish(sentence('could you whip up a 16S pipeline', ', want to compare treated vs control,', ''))).toBe('could you whip up a 16S pipeline, want to compare treated vs control');
    expect(sentence('a 16S pipeline', sentence(', comparing treated vs control,'), 'cheers')).toBe('a 16S pipeline, comparing treated vs control, cheers');
    expect(sentence('compare treated vs control,', ':)')).toBe('compare treated vs control :)');
    expect(sentence('a 16S pipeline for cattle gut samples', ':)')).toBe('a 16S pipeline for cattle gut samples :)');
    expect(sentence('Request', ': a 16S pipeline')).toBe('Request: a 16S pipeline');
    expect(sentence('my PI wants Hi-C', '- comparing knockout vs wildtype -', ', can you help?')).toBe('my PI wants Hi-C - comparing knockout vs wildtype, can you help?');
  });
});

describe('context sentences in compatibility.yaml', () => {
  // (a layout every library of the assay has, such as 10x read pairs, is the analysis's, not the sentence's)
  it('state nothing the parser reads as a tool, constraint, organism, sample, comparison or layout', () => {
    const problems: string[] = [];
    for (const [platform, list] of Object.entries(kb.compatibility.tables.platforms))
      for (const text of list) {
        const i = parseIntent(text, kb);
        if (i.requested_tools.length > 0 || i.constraints.length > 0 || i.organism || i.tissue || i.cell_type || i.comparison || (i.read_layout !== 'unknown' && !kb.analysisTypeById.get(i.analysis_type)?.input?.always)) problems.push(`${platform}: ${text}`);
      }
    expect(problems).toEqual([]);
  });
});
