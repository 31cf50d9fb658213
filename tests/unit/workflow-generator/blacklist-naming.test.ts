import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { intentOf } from '../../support/intents';
import { tempDir } from '../../support/serve';
import { projectFor, scriptOf, workflowAnswerFor } from '../../support/workflows';

const kb = loadKnowledge();
const on = (type: string, id: string, build?: string): Intent => {
  const o = kb.organismById.get(id)!;
  return intentOf(kb, type, { organism: { id, scientific_name: o.scientific_name, genome_build: build ?? o.genome_build } });
};
const samtools = (i: Intent) => scriptOf(projectFor(kb, i)['modules/samtools/main.nf']!);
/** The generated blacklist line as bash runs it (Groovy's \\ and \$ escapes undone), the BAM header read from a file. */
const blacklistLine = (script: string) =>
  script
    .split('\n')
    .find((l) => l.includes('.blacklist.bed') && l.includes('samtools view -H'))!
    .trim()
    .replace('samtools view -H ${bam}', 'cat header.sam')
    .replace('${blacklist}', 'list.bed')
    .replace('${meta.id}', 'S1')
    .replace(/\\\\/g, '\\')
    .replace(/\\\$/g, '$');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
/** Runs the line on a BAM header naming these contigs and a BED; the renamed BED, or the error. */
function run(line: string, contigs: string[], bed: string): { out: string; status: number; stderr: string } {
  const dir = tempDir('biotrain-bl-');
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'header.sam'), `${['@HD\tVN:1.6', ...contigs.map((c) => `@SQ\tSN:${c}\tLN:1000000`)].join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'list.bed'), bed);
  try {
    execFileSync('bash', ['-c', line], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    return { out: fs.readFileSync(path.join(dir, 'S1.blacklist.bed'), 'utf8'), status: 0, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stderr: Buffer };
    return { out: '', status: e.status, stderr: String(e.stderr) };
  }
}

const DM6 = 'chr2L\t154500\t167500\tHigh Signal Region\nchrX\t100\t200\tLow Mappability\nchrM\t1\t50\tHigh Signal Region\n';

describe('the UCSC-named ENCODE blacklist is renamed to the genome build\'s contig names before it filters', () => {
  it('a fly ATAC-seq on Ensembl BDGP6: chr2L -> 2L, chrM -> mitochondrion_genome; the filter reads the renamed list', () => {
    const script = samtools(on('atac_seq', 'fly'));
    expect(script).toContain('if (\\$1 == "chrM") \\$1 = "mitochondrion_genome"; else sub(/^chr/, "", \\$1); ');
    expect(script).toContain('samtools view -@ ${task.cpus} -b -L ${meta.id}.blacklist.bed -U ${meta.id}.clean.bam');
    expect(script).not.toContain('-L ${blacklist}');
    const r = run(blacklistLine(script), ['2L', 'X', 'mitochondrion_genome'], DM6);
    expect(r).toEqual({ out: '2L\t154500\t167500\tHigh Signal Region\nX\t100\t200\tLow Mappability\nmitochondrion_genome\t1\t50\tHigh Signal Region\n', status: 0, stderr: '' });
    expect(projectFor(kb, on('atac_seq', 'fly'))['main.nf']).toContain(
      "params.blacklist = 'references/BDGP6.blacklist.bed' // dm6-blacklist.v2.bed.gz, unzipped (UCSC contig names, renamed to the Ensembl names of the BDGP6 genome before filtering)\n",
    );
  });

  it('a worm on WBcel235 gets MtDNA, a GRCm38 mouse MT; human GRCh38 (UCSC-named, as GENCODE and the GATK bundle) keeps the names', () => {
    expect(samtools(on('chip_seq', 'worm'))).toContain('if (\\$1 == "chrM") \\$1 = "MtDNA"; else sub(/^chr/, "", \\$1); ');
    expect(samtools(on('cut_and_run', 'mouse', 'GRCm38'))).toContain('if (\\$1 == "chrM") \\$1 = "MT"; else sub(/^chr/, "", \\$1); ');
    const human = samtools(on('chip_seq', 'human'));
    expect(human).not.toContain('sub(/^chr/');
    expect(run(blacklistLine(human), ['chr1', 'chrX', 'chrM'], 'chr1\t10\t20\tx\n').out).toBe('chr1\t10\t20\tx\n');
  });

  it('a list whose names match no contig of the BAM stops the task instead of removing nothing', () => {
    const human = samtools(on('chip_seq', 'human'));
    const r = run(blacklistLine(human), ['1', 'X', 'MT'], 'chr1\t10\t20\tx\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no contig of the blacklist is in the BAM header');
  });
});

describe('a build without a published blacklist filters none and says so', () => {
  it("main.nf says it above the filter, and the answer once, in the filter's rationale (references.yaml absent)", () => {
    const answer = workflowAnswerFor(kb, on('atac_seq', 'mouse'), 'ATAC-seq of mouse T cells, paired-end', 'chromatin');
    expect(answer).toContain('No ENCODE blacklist v2 is published for Mus musculus GRCm39, so alignments are not filtered against one.');
    expect(answer).toContain('    // No ENCODE blacklist v2 is published for Mus musculus GRCm39, so alignments are not filtered against one\n    SAMTOOLS(');
    expect(answer.match(/no ENCODE blacklist/gi)).toHaveLength(2);
    expect(workflowAnswerFor(kb, on('atac_seq', 'fly'), 'ATAC-seq of fly wing discs, paired-end', 'chromatin')).not.toMatch(/no ENCODE blacklist/i);
  });
});
