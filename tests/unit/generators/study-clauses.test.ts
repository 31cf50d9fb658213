import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import type { ClauseKind } from '../../../src-main/knowledge/study-details';
import { findArtefacts } from '../../../src-main/generators/artefacts';
import { knownNames } from '../../../src-main/generators/query-quality';
import { article } from '../../../src-main/generators/articles';
import { eachAlternative } from '../../../src-main/generators/study-clauses';

const kb = loadKnowledge();
const d = kb.studyDetails;
/** A background sentence names a strain, which may imply its own organism (organisms.yaml implied_by: BALB/c -> mouse): the only organism it may state. */
const strainOf = new Map<string, string>();
const fill = (t: string, v: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? `{${k}}`);

/** Every sentence a clause kind gives for an analysis type, each placeholder taking each of its values once. */
function expansions(type: string): string[] {
  const a = d.assays[type]!;
  const c = kb.compatibility.tables.analyses[type]!;
  const out: string[] = [];
  const each = (kind: ClauseKind, values: Record<string, string>[]) => {
    for (const t of d.clauses[kind].flatMap(eachAlternative)) for (const v of values) out.push(fill(t, v));
  };
  each('cohort', a.units.flatMap((unit) => d.sample_counts.slice(0, 3).map((n) => ({ n: String(n), unit }))));
  each('groups', a.units.flatMap((unit) => d.replicates.map((reps, i) => ({ n: String(2 * (i + 2)), unit, reps }))));
  for (const p of c.platforms) {
    // every wording of every depth value once, with 'read pairs' (paired layouts) and 'reads' (the others) in turn
    const depths = eachAlternative(a.depth.template).flatMap((t) => a.depth.values.map((m, i) => fill(t, { m: String(m), reads: i % 2 === 0 ? 'read pairs' : 'reads' })));
    const seqs = d.sequencers[p] ?? [];
    const lens = d.read_lengths[p];
    // every instrument and every wording of every depth once in each template alternative (not their cross product)
    const pairs = Array.from({ length: Math.max(seqs.length, depths.length) }, (_, i) => [seqs[i % seqs.length]!, depths[i % depths.length]!] as const);
    each(lens ? 'sequencing' : 'sequencing_long', pairs.map(([seq, depth], i) => ({ seq, a_seq: `${article(seq)} ${seq}`, depth, len: String(lens?.[i % lens.length] ?? '') })));
  }
  for (const t of a.library) for (const m of a.library_values ?? [0]) out.push(fill(t, { m: String(m) }));
  // each output once in each slot of a pair
  each('outputs', a.outputs.map((out, i) => ({ out, out2: a.outputs[(i + 1) % a.outputs.length]! })));
  for (const kind of ['location', 'practical'] as const) out.push(...d.clauses[kind].flatMap(eachAlternative));
  for (const kind of ['background', 'background_plant', 'background_microbe'] as const)
    for (const [organism, strains] of Object.entries(d.backgrounds))
      for (const strain of strains) {
        const before = out.length;
        each(kind, [{ strain, a_strain: `${article(strain)} ${strain}` }]);
        for (const text of out.slice(before)) strainOf.set(text, organism);
      }
  const pool = a.interest;
  if (pool)
    for (const items of Object.values(d.interests[pool]))
      for (const t of d.interest_sentences[pool].flatMap(eachAlternative))
        for (let i = 0; i + 1 < items.length; i++) out.push(fill(t, { genes: `${items[i]!} and ${items[i + 1]!}` }));
  for (const t of d.time_sentences.flatMap(eachAlternative)) for (const times of d.time_courses) out.push(fill(t, { times }));
  out.push(...d.sexes.flatMap(eachAlternative));
  return [...new Set(out)];
}

describe('study_details.yaml clauses', () => {
  const names = knownNames(kb);
  it('state no intent field alone, keep the analysis and the workflow request next to it, and hold no detector artefact', () => {
    const problems: string[] = [];
    // what a sentence states alone does not depend on the analysis it is checked next to: read each once
    const aloneProblems = new Map<string, string[]>();
    const readAlone = (text: string): string[] => {
      const hit = aloneProblems.get(text);
      if (hit) return hit;
      const alone = parseIntent(text, kb);
      const fields = [alone.requested_tools.length > 0 && 'tools', alone.constraints.length > 0 && 'constraints', alone.organism && alone.organism.id !== strainOf.get(text) && 'organism', alone.tissue && 'tissue', alone.cell_type && 'cell type', alone.comparison && 'comparison', alone.read_layout !== 'unknown' && !kb.analysisTypeById.get(alone.analysis_type)?.input?.always && 'layout', alone.strandedness !== 'unknown' && 'strand'].filter((f): f is string => typeof f === 'string');
      const artefacts = findArtefacts(text, names);
      if (artefacts.length > 0) fields.push(`artefacts ${artefacts.map((x) => x.match).join(', ')}`);
      aloneProblems.set(text, fields);
      return fields;
    };
    for (const [type, c] of Object.entries(kb.compatibility.tables.analyses))
      for (const text of expansions(type)) {
        const fields = [...readAlone(text)];
        const withAnalysis = parseIntent(`Please write a Nextflow pipeline for ${c.phrases[0]}. ${text}`, kb);
        if (withAnalysis.analysis_type !== type) fields.push(`analysis ${withAnalysis.analysis_type}`);
        if (withAnalysis.request_kind !== 'workflow') fields.push(`kind ${withAnalysis.request_kind}`);
        if (fields.length > 0) problems.push(`${type}: '${text}': ${fields.join(', ')}`);
      }
    expect(problems).toEqual([]);
  }, 300_000);
});
