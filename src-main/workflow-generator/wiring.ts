import type { ResolvedProcess } from '../knowledge/process-schema';

/** A channel in the generated workflow: `[meta, file]` tuples per sample (or pair), or plain files. */
export interface Channel {
  expr: string;
  perSample: boolean;
}

/** The channels produced so far, by data kind (the latest producer of a kind wins), and MultiQC's inputs. */
export class Channels {
  private readonly byKind = new Map<string, Channel & { order: number }>();
  private readonly reports: Channel[] = [];
  private counter = 0;

  set(kind: string, channel: Channel, report = false): void {
    this.byKind.set(kind, { ...channel, order: this.counter++ });
    if (report) this.reports.push(channel);
  }

  /** The latest channel of any of these kinds. */
  find(kinds: string[]): Channel | undefined {
    return kinds
      .map((k) => this.byKind.get(k))
      .filter((c) => c !== undefined)
      .sort((a, b) => b.order - a.order)[0];
  }

  entries(): [string, Channel][] {
    return [...this.byKind.entries()];
  }

  reportChannels(): Channel[] {
    return this.reports;
  }
}

const filesOf = (c: Channel) => (c.perSample ? `${c.expr}.map { meta, f -> f }` : c.expr);

/**
 * The process's further items (`input.also`): each set of kinds made upstream, joined on meta like the main
 * slots, with `_<suffix>` on the meta id, mixed into the main items. A set some kind of which nothing made is left out.
 */
function mixAlso(main: string, p: ResolvedProcess, channels: Channels): string {
  const vars = p.input.files.map((s) => s.name);
  const extra = p.input.also.flatMap((a) => {
    const found = a.kinds.map((k) => channels.find([k]));
    if (found.some((c) => !c?.perSample)) return [];
    const joined = (found as Channel[]).map((c) => c.expr).reduce((x, y) => `${x}.join(${y})`);
    return [`${joined}.map { meta, ${vars.join(', ')} -> [meta + [id: "\${meta.id}_${a.suffix}"], ${vars.join(', ')}] }`];
  });
  return extra.length ? `${main}.mix(${extra.join(', ')})` : main;
}

export interface WiredInput {
  /** statements to place before the call (pairing tumour with normal, ChIP with input) */
  before: string[];
  /** the call's first arguments: the data inputs */
  args: string[];
  /** kinds nothing upstream produced */
  missing: string[];
}

/**
 * The data arguments a process call takes: per-sample slots joined on meta, pairs matched on the sample
 * name's stem (`P1_tumor` with `P1_normal`), collected slots gathered from every sample. `allSamplesMeta` is the
 * meta map given to the output of a step over all samples when a per-sample step reads it.
 */
export function wireInputs(name: string, p: ResolvedProcess, channels: Channels, allSamplesMeta: string): WiredInput {
  const missing: string[] = [];
  if (p.input.mode === 'collect') {
    const args = p.input.files.map((slot) => {
      if (slot.kinds.includes('reports')) {
        const reports = channels.reportChannels();
        if (!reports.length) missing.push('reports');
        const [first, ...rest] = reports.map(filesOf);
        return first ? `${first}${rest.length ? `.mix(${rest.join(', ')})` : ''}.collect()` : '';
      }
      const c = channels.find(slot.kinds);
      if (!c) missing.push(slot.kinds.join(' or '));
      return c ? `${filesOf(c)}.collect()` : '';
    });
    return { before: [], args, missing };
  }
  const found = p.input.files.map((slot) => {
    const c = channels.find(slot.kinds);
    if (!c) missing.push(slot.kinds.join(' or '));
    return c;
  });
  if (missing.length) return { before: [], args: [], missing };
  // per-sample slots join on meta; a file made once for all samples (an assembly) is combined with each sample,
  // or, when nothing is per sample, goes on as one item whose meta names the whole analysis
  const channelsFound = found as Channel[];
  const perSample = channelsFound.filter((c) => c.perSample).map((c) => c.expr);
  const shared = channelsFound.filter((c) => !c.perSample).map((c) => c.expr);
  const first = perSample.length ? perSample.reduce((a, b) => `${a}.join(${b})`) : `${shared.shift()}.map { f -> [${allSamplesMeta}, f] }`;
  const joined = shared.reduce((a, b) => `${a}.combine(${b})`, first);
  if (p.input.mode === 'sample') return { before: [], args: [mixAlso(joined, p, channels)], missing };
  const [a, b] = p.input.roles;
  const vars = p.input.files.map((s) => s.name);
  const params = `meta, ${vars.join(', ')}`;
  const keyed = `[meta.pair, meta, ${vars.join(', ')}]`;
  const second = vars.map((v) => `${b}_${v}`);
  const ch = `ch_${name.toLowerCase()}_pairs`;
  const perPair = p.input.pair_files.map((slot) => {
    const c = channels.find(slot.kinds);
    if (!c) missing.push(slot.kinds.join(' or '));
    return c?.expr;
  });
  if (missing.length) return { before: [], args: [], missing };
  const before = [
    `ch_${name.toLowerCase()}_${a} = ${joined}.filter { ${params} -> meta.role == '${a}' }.map { ${params} -> ${keyed} }`,
    `ch_${name.toLowerCase()}_${b} = ${joined}.filter { ${params} -> meta.role == '${b}' }.map { ${params} -> ${keyed} }`,
    `${ch} = ch_${name.toLowerCase()}_${a}.join(ch_${name.toLowerCase()}_${b})`,
    `        .map { pair, meta, ${vars.join(', ')}, ${b}_meta, ${second.join(', ')} -> [meta + [id: pair, ${b}_id: ${b}_meta.id], ${vars.join(', ')}, ${second.join(', ')}] }`,
  ];
  // a per-pair file carries the same meta map (made by a pair step of the same pairing), so it joins on it
  if (perPair.length) before.push(`${ch} = ${ch}${perPair.map((e) => `.join(${e})`).join('')}`);
  return { before, args: [ch], missing };
}
