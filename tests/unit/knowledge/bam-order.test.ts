import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { resolveProcess } from '../../../src-main/knowledge/process-schema';
import { knowledgeCopyWith, loadProblemsOf } from '../../support/knowledge-copy';

const kb = loadKnowledge();
const toolsWith = (edit: (text: string) => string): string => knowledgeCopyWith('tools.yaml', edit);
const inEntry = (tool: string, from: string, to: string) => (t: string) => {
  const at = t.indexOf(`- id: ${tool}\n`);
  const i = t.indexOf(from, at);
  return i < 0 || at < 0 ? t : t.slice(0, i) + to + t.slice(i + from.length);
};

describe('what order a BAM has and what its reader needs are knowledge-base facts, checked at load', () => {
  it('every BAM a process writes says its order (coordinate, name, or the order of the BAM it read)', () => {
    for (const t of kb.tools)
      for (const key of ['', ...Object.keys(t.process.overrides)]) {
        const p = resolveProcess(t.process, key);
        for (const o of p.outputs.filter((x) => x.kind === 'bam')) expect(o.order, `${t.id} ${key}`).toBeDefined();
      }
  });

  it('refuses a BAM declared coordinate-sorted whose command never sorts it (Bismark\'s own BAM is in read order)', () => {
    const dir = toolsWith(inEntry('bismark', 'samtools sort -@ ${task.cpus} -o ${prefix}.sorted.bam ${prefix}_pe.deduplicated.bam', 'mv ${prefix}_pe.deduplicated.bam ${prefix}.sorted.bam'));
    expect(loadProblemsOf(dir)).toEqual([
      "tools.yaml: entry 'bismark': field 'process.command.paired': output 0 '${prefix}.sorted.bam' is declared order: coordinate, but the command sorts no BAM by coordinate (samtools sort without -n, STAR --outSAMtype BAM SortedByCoordinate)",
    ]);
  });

  it('refuses a BAM declared in its input\'s order by a process that reads no BAM', () => {
    const dir = toolsWith(inEntry('minimap2', '- { kind: bam, pattern: "${prefix}.bam", order: coordinate }', '- { kind: bam, pattern: "${prefix}.bam", order: input }'));
    expect(loadProblemsOf(dir)[0]).toBe("tools.yaml: entry 'minimap2': field 'process.outputs.0': order: input, but the process reads no BAM");
  });

  it('readers state what they need: MethylDackel, DELLY, IsoQuant and the GATK callers a coordinate-sorted BAM; DELLY duplicates marked (its README); pairtools reads in read-name order', () => {
    const needs = (id: string, key = '') => resolveProcess(kb.toolById.get(id)!.process, key).input.bam_needs;
    expect(needs('methyldackel')).toEqual({ order: 'coordinate' });
    expect(needs('delly')).toEqual({ order: 'coordinate', duplicates: 'marked' });
    expect(needs('isoquant')).toEqual({ order: 'coordinate' });
    expect(needs('gatk_haplotypecaller')).toEqual({ order: 'coordinate' });
    expect(needs('pairtools')).toEqual({ order: 'name' });
  });
});
