import type { BamState } from '../knowledge/bam-state';
import type { ResolvedProcess } from '../knowledge/process-schema';

/** A channel in the generated workflow: `[meta, file]` tuples per sample (or pair), or plain files. */
export interface Channel {
  expr: string;
  perSample: boolean;
  /** the tool id of the step that made it */
  producer?: string;
  /** for a BAM: how its records are ordered and whether duplicates are flagged (tools.yaml order, duplicates) */
  bam?: BamState;
}

type Head = Channel & { order: number };

/**
 * The channels produced so far, by data kind, and MultiQC's inputs. A kind can have several standing producers
 * (two callers' VCFs); `find` gives the latest, `heads` all of them. A step that read a kind's channel and writes
 * that kind stands for the channel it read (a filter after its caller), which then no longer stands.
 */
export class Channels {
  private readonly byKind = new Map<string, Head[]>();
  private readonly reports: Channel[] = [];
  private counter = 0;

  set(kind: string, channel: Channel, report = false, read: ReadonlySet<string> = new Set()): void {
    const standing = (this.byKind.get(kind) ?? []).filter((c) => !read.has(c.expr) && c.producer !== channel.producer);
    this.byKind.set(kind, [...standing, { ...channel, order: this.counter++ }]);
    if (report) this.reports.push(channel);
  }

  /** The latest channel of any of these kinds. */
  find(kinds: string[]): Channel | undefined {
    return this.heads(kinds).at(-1);
  }

  /** Every standing channel of these kinds, oldest first. */
  heads(kinds: string[]): Channel[] {
    return kinds.flatMap((k) => this.byKind.get(k) ?? []).sort((a, b) => a.order - b.order);
  }

  /** Each kind with its standing channels, in the order the kinds were first made. */
  entries(): [string, Channel[]][] {
    return [...this.byKind.entries()];
  }

  reportChannels(): Channel[] {
    return this.reports;
  }
}

/** A channel's files without their meta maps; `role`: only the items of samples in that role. */
const filesOf = (c: Channel, role?: string) =>
  c.perSample ? `${c.expr}${role ? `.filter { meta, f -> meta.role == '${role}' }` : ''}.map { meta, f -> f }` : c.expr;

/** The producer's channel of a kind, when it made one; any producer's latest when no producer is named. */
const madeBy = (channels: Channels, kind: string, producer: string | undefined): Channel | undefined =>
  producer === undefined ? channels.find([kind]) : channels.heads([kind]).find((c) => c.producer === producer);

/** `main` with its meta id suffixed (and the producer under `key`), as a map over the slots' variables; `main` itself when nothing changes. */
function relabel(main: string, vars: string[], suffix: string[], key?: [string, string]): string {
  if (!suffix.length && !key) return main;
  const id = suffix.length ? `id: "\${meta.id}_${suffix.join('_')}"` : '';
  const fields = [id, key ? `${key[0]}: '${key[1]}'` : ''].filter(Boolean).join(', ');
  return `${main}.map { meta, ${vars.join(', ')} -> [meta + [${fields}], ${vars.join(', ')}] }`;
}

/**
 * One producer's items: its main slots joined on meta, then the process's further items (`input.also`) that the
 * same producer made (or, with no producer named, the latest of each kind), each with `_<suffix>` on the meta id.
 * A set some kind of which nothing made is left out.
 */
function itemsOf(main: string, p: ResolvedProcess, channels: Channels, producer?: { tool: string; key: string }): string[] {
  const vars = p.input.files.map((s) => s.name);
  const tag = producer ? [producer.tool] : [];
  const key: [string, string] | undefined = producer ? [producer.key, producer.tool] : undefined;
  const extra = p.input.also.flatMap((a) => {
    const found = a.kinds.map((k) => madeBy(channels, k, producer?.tool));
    if (found.some((c) => !c?.perSample)) return [];
    const joined = (found as Channel[]).map((c) => c.expr).reduce((x, y) => `${x}.join(${y})`);
    return [relabel(joined, vars, [...tag, a.suffix], key)];
  });
  return [relabel(main, vars, tag, key), ...extra];
}

const mixed = (items: string[]): string => (items.length > 1 ? `${items[0]}.mix(${items.slice(1).join(', ')})` : items[0]!);

/**
 * `input.each_producer`: every standing producer of the first slot's kinds, each with its own files of every slot;
 * one producer reads as before, more carry their tool id. Undefined when the process does not ask for it.
 */
function producerSets(p: ResolvedProcess, channels: Channels, allSamplesMeta = '[id: null]'): { tool: string | undefined; main: string }[] {
  const producers = [...new Set(channels.heads(p.input.files[0]!.kinds).map((c) => c.producer))];
  return producers.flatMap((tool) => {
    const found = p.input.files.map((slot) => slot.kinds.map((k) => madeBy(channels, k, tool)).find((c) => c !== undefined));
    if (found.some((c) => c === undefined)) return [];
    const all = found as Channel[];
    // per-sample slots join on meta; a producer's files made once over all samples (a cohort's jointly genotyped VCF)
    // go on as one item whose meta names the analysis, as wireInputs gives them
    const perSample = all.filter((c) => c.perSample).map((c) => c.expr);
    const shared = all.filter((c) => !c.perSample).map((c) => c.expr);
    const first = perSample.length ? perSample.reduce((x, y) => `${x}.join(${y})`) : `${shared.shift()}.map { f -> [${allSamplesMeta}, f] }`;
    return [{ tool, main: shared.reduce((x, y) => `${x}.combine(${y})`, first) }];
  });
}

/**
 * The tools whose items an `each_producer` process reads (every standing producer with all its slots), or the
 * latest producer of the first slot's kinds for another process; with more than one, each item carries its
 * tool under the `each_producer` meta key.
 */
export function inputProducers(p: ResolvedProcess, channels: Channels): (string | undefined)[] {
  if (p.input.each_producer === undefined) return [channels.find(p.input.files[0]!.kinds)?.producer];
  const sets = producerSets(p, channels);
  return sets.length ? sets.map((s) => s.tool) : [channels.find(p.input.files[0]!.kinds)?.producer];
}

function everyProducer(p: ResolvedProcess, channels: Channels, allSamplesMeta: string): string | undefined {
  const key = p.input.each_producer;
  if (key === undefined) return undefined;
  const sets = producerSets(p, channels, allSamplesMeta);
  if (sets.length < 2) return undefined;
  return mixed(sets.flatMap((s) => itemsOf(s.main, p, channels, s.tool === undefined ? undefined : { tool: s.tool, key })));
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
 * meta map given to the output of a step over all samples when a per-sample step reads it; `roles`: the samples
 * carry roles (an earlier step paired them), so a collecting step takes only its own role's files.
 */
export function wireInputs(name: string, p: ResolvedProcess, channels: Channels, allSamplesMeta: string, roles = false): WiredInput {
  const missing: string[] = [];
  if (p.input.mode === 'collect') {
    const role = roles ? p.input.role : undefined;
    const args = p.input.files.map((slot) => {
      if (slot.kinds.includes('reports')) {
        const reports = channels.reportChannels();
        if (!reports.length) missing.push('reports');
        const [first, ...rest] = reports.map((c) => filesOf(c));
        return first ? `${first}${rest.length ? `.mix(${rest.join(', ')})` : ''}.collect()` : '';
      }
      const c = channels.find(slot.kinds);
      if (!c) missing.push(slot.kinds.join(' or '));
      return c ? `${filesOf(c, role)}.collect()` : '';
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
  if (p.input.mode === 'sample') return { before: [], args: [everyProducer(p, channels, allSamplesMeta) ?? mixed(itemsOf(joined, p, channels))], missing };
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
