import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { resolveProcess } from '../../../src-main/knowledge/process-schema';
import { inEntry, knowledgeCopyWith, loadProblemsOf } from '../../support/knowledge-copy';

const kb = loadKnowledge();
const toolsWith = (edit: (text: string) => string): string => knowledgeCopyWith('tools.yaml', edit);

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

describe('what SV callers need of their BAM, as their own documentation says', () => {
  it('Manta needs a coordinate-sorted, indexed BAM and no duplicate marking (its user guide asks none); DELLY both, and its exclude list where the build has one', () => {
    const needs = (id: string, key = '') => resolveProcess(kb.toolById.get(id)!.process, key).input.bam_needs;
    for (const key of ['', 'somatic_variants', 'tumor_only']) expect(needs('manta', key), key).toEqual({ order: 'coordinate' });
    expect(resolveProcess(kb.toolById.get('delly')!.process, 'structural_variants').input.references).toContain('delly_exclude');
    expect(kb.organismById.get('human')!.facts.delly_exclude).toEqual({ GRCh38: 'human.hg38.excl.tsv', GRCh37: 'human.hg19.excl.tsv' });
    expect(kb.organismById.get('mouse')!.facts.delly_exclude).toEqual({ GRCm38: 'mouse.mm10.excl.tsv' });
  });
});
