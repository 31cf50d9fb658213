import path from 'node:path';
import type { Pos } from '../../ast';
import type { Diagnostic } from '../../diagnostics';
import { type DataflowRule, diag } from '../context';
import { type Platform, pairedOnlyFlags, platformPresets } from '../facts';
import type { ProcessModel } from '../model';
import { readData } from '../read-data';
import { programIndex } from '../shell';
import { commandsOf } from '../written-files';

interface Found extends Pos {
  file: string;
  process: string;
  what: string;
}
interface Preset extends Found {
  platform: Platform;
  genomicOnRna: boolean;
}

const LONG = new Set<string>(['ont', 'pacbio_hifi', 'pacbio_clr', 'long']);
const NAMES: Record<string, string> = { illumina: 'Illumina short reads', ont: 'Oxford Nanopore reads', pacbio_hifi: 'PacBio HiFi reads', pacbio_clr: 'PacBio CLR reads', long: 'long reads' };

/** `-x`, `-ax` (a bundle of short options ending in the option's letter), `--platform=ont`. */
function optionValue(words: string[], i: number, option: string): string | null {
  const w = words[i]!;
  if (w.startsWith(`${option}=`)) return w.slice(option.length + 1);
  const short = /^-([A-Za-z])$/.exec(option);
  if (w === option || (short && new RegExp(`^-[A-Za-z]*${short[1]}$`).test(w))) return words[i + 1] ?? null;
  return null;
}

/** The platform presets and the paired-only options each process's command uses. */
function usages(p: ProcessModel): { presets: Preset[]; paired: Found[] } {
  const presets: Preset[] = [];
  const paired: Found[] = [];
  if (!p.script || p.script.template) return { presets, paired };
  const pairedInputs = new Set(p.inputs.flatMap((d) => d.elements.filter((e) => e.qualifier === 'path' && e.name).map((e) => e.name!)));
  // a command chosen by an `if` (meta.single_end ? ... : ...) is run only for the data it was chosen for
  for (const cmd of commandsOf(p.script, true)) {
    const k = programIndex(cmd);
    const program = cmd.words[k] ? path.posix.basename(cmd.words[k]!.text) : '';
    const words = cmd.words.map((w) => w.text);
    const at = (i: number, what: string): Found => ({ file: p.file, process: p.name, what, line: cmd.words[i]!.line, column: cmd.words[i]!.column });
    for (const fact of platformPresets()) {
      if (fact.program !== program) continue;
      if (fact.platform) presets.push({ ...at(k, program), platform: fact.platform, genomicOnRna: false });
      for (let i = k + 1; i < words.length; i++) {
        const flag = fact.flags?.[words[i]!];
        if (flag) presets.push({ ...at(i, `${program} ${words[i]}`), platform: flag, genomicOnRna: false });
        if (fact.option && fact.values) {
          const v = optionValue(words, i, fact.option);
          const platform = v !== null ? fact.values[v] : undefined;
          if (v !== null && platform) {
            const transcriptome = words.some((x) => /transcript/i.test(x));
            presets.push({ ...at(i, `${program} ${fact.option} ${v}`), platform, genomicOnRna: (fact.genomic_values ?? []).includes(v) && !transcriptome });
          }
        }
      }
    }
    for (const fact of pairedOnlyFlags()) {
      if (fact.program !== program) continue;
      for (let i = k + 1; i < words.length; i++) {
        if (!fact.flags.includes(words[i]!)) continue;
        if (fact.value && words[i + 1] !== fact.value) continue;
        paired.push(at(i, `${program} ${words[i]}${fact.value ? ` ${fact.value}` : ''}`));
      }
    }
    // the second file of a read pair: `${reads[1]}`
    cmd.words.forEach((w, i) => {
      const m = /\$\{\s*([A-Za-z_]\w*)\s*\[\s*1\s*\]\s*\}/.exec(w.text);
      if (m && pairedInputs.has(m[1]!)) paired.push(at(i, `${m[0]} (the second read of a pair)`));
    });
  }
  return { presets, paired };
}

/**
 * `read-layout-mismatch`: reads wired for pairs although the data are single-end or long reads:
 * `channel.fromFilePairs` (which needs two files per sample), paired-only options (facts in
 * resources/knowledge/nextflow_dataflow.yaml: fastp -I, featureCounts -p, macs2 -f BAMPE, ...) and
 * `${reads[1]}`. `platform-preset-mismatch`: a preset for one sequencing platform (minimap2 -x map-ont,
 * flye --pacbio-hifi, clair3 --platform, ...) on data of another, or a genomic minimap2 preset on RNA.
 *
 * What the data are comes from the project's declarations (see read-data.ts: params.single_end,
 * params.platform, header comments, `single_end:` in meta maps). With no declared platform, the presets
 * speak for the data: when they are all long-read presets and no paired-only option is used, the data are
 * long reads (fromFilePairs is then reported); presets that disagree with the others are reported.
 */
export const readLayout: DataflowRule = {
  ids: ['read-layout-mismatch', 'platform-preset-mismatch'],
  check(ctx) {
    const data = readData(ctx.files);
    const presets: Preset[] = [];
    const paired: Found[] = [];
    for (const f of ctx.files)
      for (const p of f.processes) {
        const u = usages(p);
        presets.push(...u.presets);
        paired.push(...u.paired);
      }
    const out: Diagnostic[] = [];
    const declared = data.platform;
    const inferredLong = !declared && presets.length > 0 && presets.every((p) => LONG.has(p.platform)) && paired.length === 0;
    const longWhy = declared && LONG.has(declared.value) ? declared.why : inferredLong ? `its presets: ${presets.map((p) => p.what).join(', ')}` : null;
    const single = data.layout?.value === 'single' ? data.layout.why : null;

    for (const f of data.pairFactories) {
      const why = single ? `single-end reads (${single})` : longWhy ? `${declared && LONG.has(declared.value) ? NAMES[declared.value] : 'long reads'} (${longWhy})` : null;
      if (why) out.push(diag(f.file, f, 'read-layout-mismatch', `channel.fromFilePairs groups reads in pairs, but the data are ${why}: read one file per sample with channel.fromPath(...).map { f -> [[id: f.simpleName, single_end: true], f] }`));
    }
    const pairedWhy = single ? `single-end (${single})` : declared && LONG.has(declared.value) ? `${NAMES[declared.value]} (${declared.why})` : null;
    if (pairedWhy) for (const u of paired) out.push(diag(u.file, u, 'read-layout-mismatch', `process ${u.process} uses ${u.what}, which needs paired-end reads, but the data are ${pairedWhy}`));

    // platform presets
    let expected: { value: string; why: string } | null = declared;
    if (!expected && presets.length > 1) {
      const counts = new Map<string, number>();
      for (const p of presets) counts.set(p.platform, (counts.get(p.platform) ?? 0) + 1);
      const [top] = [...counts].sort((a, b) => b[1] - a[1]);
      if (counts.size > 1 && top) expected = { value: top[0], why: `the workflow's other presets (${presets.filter((p) => p.platform === top[0]).map((p) => p.what).join(', ')})` };
    }
    for (const p of presets) {
      if (expected) {
        const ok = expected.value === p.platform || (expected.value === 'long' && LONG.has(p.platform));
        if (!ok) out.push(diag(p.file, p, 'platform-preset-mismatch', `process ${p.process} uses ${p.what}, a preset for ${NAMES[p.platform]}, but the data are ${NAMES[expected.value] ?? expected.value} (${expected.why})`));
      }
      if (p.genomicOnRna && data.rna)
        out.push(diag(p.file, p, 'platform-preset-mismatch', `process ${p.process} uses ${p.what}, a preset for genomic DNA, but the data are RNA (${data.rna.why}): spliced reads against a genome need -x splice (or splice:hq for HiFi)`));
    }
    return out;
  },
};
