import { describe, expect, it } from 'vitest';
import { findArtefacts } from '../../../src-main/generators/artefacts';
import { article } from '../../../src-main/generators/articles';
import { contract } from '../../../src-main/generators/contractions';
import { knownNames } from '../../../src-main/generators/query-quality';
import { eachAlternative } from '../../../src-main/generators/study-clauses';
import { planVariations, renderVariation } from '../../../src-main/generators/variations';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();
const w = kb.requestWording;
const names = knownNames(kb);
const BASE = 'Please write a Nextflow pipeline for ChIP-seq analysis of mouse liver samples.';
const fill = (t: string, v: string) => t.replaceAll('{a_v}', `${article(v)} ${v}`).replaceAll('{v}', v);

describe('request_wording.yaml slot phrasings', () => {
  it('read back as the value they stand for', () => {
    const bad: string[] = [];
    for (const [strand, phrases] of Object.entries(w.strandedness))
      for (const p of phrases) if (parseIntent(`RNA-seq of mouse liver, ${p} library`, kb).strandedness !== strand) bad.push(`strand ${p}`);
    for (const [id, c] of Object.entries(w.constraints))
      for (const p of c.phrases) {
        const got = parseIntent(`${BASE} It must run ${p}.`, kb).constraints;
        if (got.length !== 1 || got[0] !== id) bad.push(`constraint ${p} -> ${got.join(',')}`);
      }
    for (const j of w.comparison_joiners)
      if (parseIntent(`${BASE} Comparison: treated ${j} control.`, kb).comparison?.groups.join('|') !== 'treated|control') bad.push(`joiner ${j}`);
    for (const [id, plural] of Object.entries(w.plurals)) if (parseIntent(`ATAC-seq of liver samples from ${plural}`, kb).organism?.id !== id) bad.push(`plural ${plural}`);
    expect(bad).toEqual([]);
  });
});

describe('request_wording.yaml detail sentences and closing asks', () => {
  const values = { layout: 'paired-end', strand: 'reverse-stranded', comparison: 'treated vs control', tools: 'MACS2 and Bowtie2', constraint: 'without Docker', constraint_limit: 'without Docker' } as const;
  it('state their slot and nothing else, keep the request a workflow request, and hold no detector artefact', () => {
    const bad: string[] = [];
    for (const [kind, templates] of Object.entries(w.detail_sentences) as [keyof typeof values, string[]][])
      for (const t of templates.flatMap(eachAlternative)) {
        const text = fill(t, values[kind]);
        const i = parseIntent(`${BASE} ${text}`, kb);
        const fields = [
          i.request_kind !== 'workflow' && `kind ${i.request_kind}`,
          (kind === 'layout') !== (i.read_layout === 'paired') && `layout ${i.read_layout}`,
          (kind === 'strand') !== (i.strandedness === 'reverse') && `strand ${i.strandedness}`,
          (kind === 'comparison') !== (i.comparison?.groups.join('|') === 'treated|control') && `comparison ${i.comparison?.groups.join('|')}`,
          (kind === 'tools') !== (i.requested_tools.length === 2) && `tools ${i.requested_tools.join(',')}`,
          kind.startsWith('constraint') !== (i.constraints.join() === 'no_docker') && `constraints ${i.constraints.join(',')}`,
          i.organism?.id !== 'mouse' && 'organism',
          i.tissue !== 'liver' && 'tissue',
          ...findArtefacts(text, names).map((a) => `${a.kind} '${a.match}'`),
        ].filter(Boolean);
        if (fields.length > 0) bad.push(`${kind}: '${text}': ${fields.join(', ')}`);
      }
    for (const t of w.closing_asks.flatMap(eachAlternative)) {
      const i = parseIntent(`${BASE} ${t}`, kb);
      const fields = [i.request_kind !== 'workflow' && `kind ${i.request_kind}`, i.requested_tools.length > 0 && 'tools', i.constraints.length > 0 && 'constraints', i.comparison && 'comparison', i.read_layout !== 'unknown' && 'layout', ...findArtefacts(t, names).map((a) => a.kind)].filter(Boolean);
      if (fields.length > 0) bad.push(`ask: '${t}': ${fields.join(', ')}`);
    }
    expect(bad).toEqual([]);
  }, 60_000);
});

describe('contractions', () => {
  it('contract whole words and keep the case of the first letter', () => {
    expect(contract('I am new to this. It is paired-end and we are not sure; we cannot use Docker.', w)).toBe("I'm new to this. It's paired-end and we're not sure; we can't use Docker.");
    expect(contract('This is a kidney sample, whatisit', w)).toBe('This is a kidney sample, whatisit');
  });
});

describe('plural organism names', () => {
  it('name the organism after its samples ("liver samples from mice") and never stand as a modifier ("dogs kidney"), in every style', () => {
    const plurals = Object.values(w.plurals);
    // a plural before a sample word: 'dogs kidney', 'mice samples', 'patients PBMCs'
    const sampleWords = [...new Set(kb.compatibility.tables.sample_sources.flatMap((x) => [x.id, x.phrase ?? x.id]).concat(['samples', 'sample', 'tissue', 'specimens', 'data', 'cells']))];
    const modifier = new RegExp(`\\b(${plurals.join('|')})\\s+(${sampleWords.join('|')})\\b`, 'i');
    const bad: string[] = [];
    let fromPlural = 0;
    for (const spec of planVariations(kb, 3000)) {
      const text = renderVariation(kb, 42, spec).text;
      if (new RegExp(`\\bfrom (${plurals.join('|')})\\b`).test(text)) fromPlural++;
      const m = modifier.exec(text);
      if (m) bad.push(`${m[0]}: ${text}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(fromPlural).toBeGreaterThan(100);
  }, 60_000);
});
