import { describe, expect, it } from 'vitest';
import { errorSeed, planErrors } from '../../../src-main/generators/error-diagnosis';
import { processNameOf } from '../../../src-main/knowledge/error-situations';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { asksForWorkflow } from '../../../src-main/task-contract/asks';

const kb = loadKnowledge();

describe('error-diagnosis examples', () => {
  const seeds = planErrors(kb, 500).map((s) => ({ spec: s, seed: errorSeed(kb, 42, s) }));

  it('cover at least 40 distinct situations across at least 21 patterns', () => {
    const situations = new Set(seeds.map((s) => s.spec.situation.id));
    const patterns = new Set(seeds.map((s) => s.spec.situation.pattern));
    expect(situations.size).toBeGreaterThanOrEqual(40);
    expect(patterns.size).toBeGreaterThanOrEqual(21);
    expect(new Set(seeds.map((s) => s.seed.output.diagnosis)).size).toBeGreaterThanOrEqual(200);
  });

  it('log, exit status and process agree with the diagnosis, and the answer names the sample', () => {
    for (const { spec, seed } of seeds) {
      const s = spec.situation;
      const pattern = kb.errorPatterns.find((p) => p.id === s.pattern)!;
      const process = processNameOf(s.process_tool ?? pattern.tool);
      const names = new Set([...seed.input.matchAll(/process > '?([A-Z0-9_]+)|Process `([A-Z0-9_]+)/g)].map((m) => m[1] ?? m[2]));
      expect([...names], seed.id).toEqual([process]);
      const exits = [...seed.input.matchAll(/exit status \((\d+)\)/g)].map((m) => Number(m[1]));
      expect(exits, seed.id).toEqual(s.exit_status === null ? [] : [s.exit_status]);
      if (exits.includes(137)) expect(s.pattern, seed.id).toBe('oom_killed_137');
      expect(new RegExp(pattern.symptom_regex, 'im').test(seed.input), seed.id).toBe(true);
      expect(seed.output.diagnosis, seed.id).toContain(`**${process}**`);
      const sample = /\(([A-Za-z0-9_]+)\)/.exec(seed.input.split('\n').find((l) => l.includes(process)) ?? '')?.[1];
      if (s.per_sample && sample) expect(seed.output.diagnosis, seed.id).toContain(sample);
    }
  });
});

describe('error situations a reviewer would accept', () => {
  const toolOf = (s: (typeof kb.errorSituations)[number]) => s.process_tool ?? kb.errorPatterns.find((p) => p.id === s.pattern)!.tool;

  it('a process that runs once over all samples (DESeq2, DADA2, MultiQC) is not tagged with one sample', () => {
    for (const s of kb.errorSituations) expect(s.per_sample, s.id).toBe(kb.toolById.get(toolOf(s))!.process.input.mode !== 'collect');
    const deseq2 = errorSeed(kb, 42, { situation: kb.errorSituations.find((s) => s.id === 'deseq2_salmon_tpm')!, variant: 0 });
    expect(deseq2.input).toContain("Error executing process > 'DESEQ2'");
    expect(deseq2.output.diagnosis).toMatch(/^\*\*DESEQ2\*\* failed with exit status 1\. DESeqDataSetFromMatrix was given non-integer values/);
  });

  it('the answer names only values the log shows', () => {
    for (const s of kb.errorSituations) {
      // the log, the command it ran and what the user checked afterwards are all shown in the question
      const shown = new Set([...[s.log, s.command ?? '', s.checks ?? ''].join('\n').matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      for (const text of [s.diagnosis, ...s.fix_steps])
        for (const m of text.matchAll(/\{(\w+)\}/g)) if (!['sample', 'process'].includes(m[1]!)) expect(shown.has(m[1]), `${s.id}: {${m[1]}}`).toBe(true);
    }
  });

  it("a log speaks of its own process's tool: no Squidpy script in a Scanpy process, no bad_alloc on a full disk", () => {
    const scanpy = kb.errorSituations.find((s) => s.id === 'python_script_not_found')!;
    expect(scanpy.vars.script!.every((x) => x.startsWith('scanpy'))).toBe(true);
    for (const id of ['spades_hammer_disk_full', 'spades_core_disk_full']) expect(kb.errorSituations.find((s) => s.id === id)!.log).not.toContain('bad_alloc');
  });
});

describe('error logs that agree with their answer', () => {
  const seedOf = (id: string, variant = 0) => errorSeed(kb, 42, { situation: kb.errorSituations.find((s) => s.id === id)!, variant });

  it('a process that exited 0 with a bad result shows as done, and the answer says it completed', () => {
    expect(kb.errorSituations.filter((s) => s.completed).map((s) => s.id)).toEqual([
      'featurecounts_chr_prefix',
      'featurecounts_wrong_build',
      'featurecounts_reverse_as_forward',
      'featurecounts_forward_as_reverse',
      'bismark_directional',
      'salmon_wrong_species',
      'dada2_primers_left',
    ]);
    const salmon = seedOf('salmon_wrong_species');
    expect(salmon.input).toMatch(/process > SALMON \([A-Za-z0-9_]+\) \[100%\] 1 of 1 ✔\n/);
    expect(salmon.input).not.toContain('failed');
    expect(salmon.output.diagnosis).toMatch(/^\*\*SALMON\*\* completed for sample [A-Za-z0-9_]+ without an error, but its output is not usable\. Salmon mapped only /);
    for (const s of kb.errorSituations.filter((x) => !x.completed)) expect(seedOf(s.id).output.diagnosis, s.id).toMatch(/^\*\*[A-Z0-9_]+\*\*( \([^)]+\))? failed/);
    // no opening asks for a workflow: these users have one and want a diagnosis
    for (const s of kb.errorSituations) for (let v = 0; v < 6; v++) expect(asksForWorkflow(seedOf(s.id, v).input, 'error_diagnosis'), s.id).toBe(false);
  });

  it("MACS2's too-few-paired-peaks log: the answer claims no layout the log does not show and gives the log's own remedy", () => {
    const macs2 = seedOf('macs2_paired_as_single');
    expect(macs2.input).toContain('so I can not build the model!');
    expect(macs2.output.diagnosis).not.toMatch(/paired-end alignments of|read the paired-end/);
    const fixes = macs2.output.fix_steps!.join('\n');
    expect(fixes).toMatch(/^If \S+ was sequenced paired-end, call peaks with -f BAMPE/);
    expect(fixes).toContain('--nomodel and --extsize');
  });

  it('featureCounts logs show what featureCounts and the user printed, and the answer reads it off them', () => {
    const build = seedOf('featurecounts_wrong_build');
    expect(build.input).toContain('#!genome-build GRCm38.p6');
    expect(build.input).toContain('@SQ\tSN:1\tLN:195154279');
    expect(build.input).not.toContain('WARNING');
    expect(build.output.diagnosis).toContain('the GTF was made for GRCm38.p6, but chromosome 1 of the BAM is 195154279 bp long, not its length in GRCm38.p6');
    expect(seedOf('featurecounts_chr_prefix').input).not.toContain('WARNING');
  });

  it("Picard's heap kill is reported by the PICARD process that runs it", () => {
    const picard = seedOf('picard_oom');
    expect(picard.input).toContain("Error executing process > 'PICARD (");
    expect(picard.input).toContain('Killed  picard -Xmx32g MarkDuplicates');
    expect(picard.output.diagnosis).toMatch(/^\*\*PICARD\*\* \(Picard MarkDuplicates\) failed for sample [A-Za-z0-9_]+ with exit status 137\./);
  });
});

describe('logs as the real tools print them', () => {
  const seedOf = (id: string, variant = 0) => errorSeed(kb, 42, { situation: kb.errorSituations.find((s) => s.id === id)!, variant });

  it("Kraken 2's classify reports a failed hash-table allocation and exits EX_OSERR (71); a memory-capped container kills it with 137", () => {
    const k2 = seedOf('kraken2_standard_db');
    expect(k2.input).toContain('Loading database information...Failed attempt to allocate 68719476736bytes;\n');
    expect(k2.input).toContain('classify: unable to allocate hash table memory');
    expect(k2.input).toContain('terminated with an error exit status (71)');
    expect(k2.input).not.toContain('Unable to allocate memory for database');
    expect(k2.output.diagnosis).toMatch(/^\*\*KRAKEN2\*\* failed for sample \S+ with exit status 71\./);
    const killed = seedOf('kraken2_oom_killed');
    expect(killed.input).toContain('terminated with an error exit status (137)');
    expect(killed.input).toMatch(/Killed +kraken2 --db k2_standard/);
  });

  it("Cell Ranger 8 refuses every chemistry below its 10% whitelist threshold; swapped reads give well under 1%", () => {
    for (const v of [0, 1]) {
      const cr = seedOf('cellranger_swapped_reads', v);
      expect(cr.input).toContain('An extremely low rate of correct barcodes was observed for all the candidate chemistry choices for the input');
      expect(cr.input).not.toContain('50%');
      const fracs = [...cr.input.matchAll(/- ([\d.]+)% for chemistry/g)].map((m) => Number(m[1]));
      expect(fracs.length).toBeGreaterThanOrEqual(2);
      for (const f of fracs) expect(f).toBeLessThan(1);
      expect(cr.input).toMatch(/Pipestance failed\. Error log at:\n +\S+\/_errors/);
      expect(cr.output.diagnosis).toContain('at least 10%');
    }
  });

  it('SPAdes: each binary reads its own stage config, inside the task work directory', () => {
    for (const [id, binary, config] of [
      ['spades_hammer_disk_full', 'spades-hammer', /\/spades_out\/corrected\/configs\/config\.info'/],
      ['spades_core_disk_full', 'spades-core', /\/spades_out\/K55\/configs\/config\.info'/],
    ] as const) {
      const s = seedOf(id);
      const work = /Work dir:\n {2}(\S+)/.exec(s.input)![1]!;
      expect(work).toMatch(/^\/data\/project\/work\/[0-9a-f]{2}\/[0-9a-f]{30}$/);
      expect(s.input).toContain(`['/usr/local/bin/${binary}', '${work}/spades_out/`);
      expect(s.input).toMatch(config);
      expect(s.input).toContain('I/O error! Incomplete write! Reason: No space left on device. Error code: 28');
      expect(s.input).toContain('terminated with an error exit status (28)');
    }
    expect(seedOf('spades_hammer_disk_full').output.diagnosis).toContain('read error correction');
    expect(seedOf('spades_core_disk_full').output.diagnosis).toContain('assembly');
  });

  it("DADA2: no read passing filterAndTrim is an R warning, then learnErrors finds no filtered files; leftover primers show as chimeras", () => {
    const trunc = seedOf('dada2_trunclen_too_long');
    expect(trunc.input).toMatch(/Warning message:\n +In filterAndTrim\(/);
    expect(trunc.input).toContain('No reads passed the filter. Please revisit your filtering parameters.');
    expect(trunc.input).toContain('Error in derepFastq(fls[[i]], qualityType = qualityType) : ');
    expect(trunc.output.diagnosis).toContain('truncLen');
    const primers = seedOf('dada2_primers_left');
    expect(primers.input).not.toContain('No reads passed the filter');
    expect(primers.input).not.toMatch(/Note: reads still start/);
    expect(primers.output.diagnosis).toContain('chimer');
    expect(primers.output.diagnosis).not.toMatch(/filter drop|ambiguous bases make/);
    expect(primers.output.fix_steps!.join('\n')).toContain('--discard-untrimmed');
  });

  it('the GATK dictionary answer claims the .dict exists only where the log shows it', () => {
    const made = seedOf('gatk_hc_dict_not_staged');
    expect(made.input).toMatch(/\$ ls references\/\n[^\n]*GRCh38\.dict/);
    const never = seedOf('gatk_bqsr_no_dict');
    expect(never.input).not.toMatch(/\.dict\n/);
    expect(never.output.diagnosis).not.toMatch(/exists/);
    expect(never.output.fix_steps![0]).toMatch(/CreateSequenceDictionary/);
    // GATK's UserException exit status, and the task's own staged paths
    expect(never.input).toContain('terminated with an error exit status (2)');
    expect(never.input).toMatch(/Fasta dict file file:\/\/\/data\/project\/work\/[0-9a-f]{2}\/[0-9a-f]{30}\/GRCh3[78]\.dict for reference/);
  });

  it('a failed process shows no shell session inside its own error output: what the user ran comes after the log', () => {
    for (const s of kb.errorSituations.filter((x) => !x.completed)) expect(/^\$ /m.test(s.log), s.id).toBe(false);
    const deseq = seedOf('deseq2_kallisto_counts');
    expect(deseq.input).not.toContain('Input: kallisto abundance.tsv');
  });
});
