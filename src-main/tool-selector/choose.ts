import type { Intent } from '../../src-preload/schemas/intent';
import type { AnalysisType, Knowledge } from '../knowledge/schemas';
import { type BamState, bamGap, bamGapWords, marksDuplicates, orderWords } from '../knowledge/bam-state';
import { resolveProcess, variantFor } from '../knowledge/process-schema';
import type { Platform, RequestFocus } from '../knowledge/selection';
import { chainBamGaps } from './bam-needs';
import { readInput } from './context';

/** Why a tool is in the chain; notes say what a swap or a constraint did. */
export type Reason = 'default' | 'requested' | 'low_memory' | 'platform' | 'layout' | 'comparison' | 'gpu' | 'conda' | 'focus' | 'predecessor' | 'bam_needs';
export interface Choice {
  id: string;
  reason: Reason;
  /** the tool this one took the place of */
  replaced?: string;
  /** for a predecessor, or a step that prepares a reader's BAM (bam_needs): the tool that reads its output */
  feeds?: string;
  /** for a focus's swap or addition: that focus's id */
  focus?: string;
}

/** A constraint and what it did to the chain: met by swaps or settings, stated when it cannot be met. */
export interface ConstraintNote {
  constraint: string;
  met: boolean;
  text: string;
}

export interface Selection {
  type: AnalysisType;
  platform: Platform;
  /** the request names its platform; otherwise it is the data type's default */
  platformStated: boolean;
  /** the first of the request's focuses (request_focus.yaml order), or null */
  focus: RequestFocus | null;
  /** every focus the request's wording gives (host-associated and MAGs in one metagenome request) */
  focuses: RequestFocus[];
  choices: Choice[];
  notes: ConstraintNote[];
  /** requested tools that could not go into the chain, with why */
  refused: { id: string; why: string }[];
}

const LONG_READ_ALIGNER = 'minimap2';
const LONG_READ_QC = 'nanoplot';

class Chain {
  readonly choices: Choice[];
  constructor(
    readonly type: AnalysisType,
    readonly kb: Knowledge,
    readonly platform: Platform,
    /** Illumina read pairs (readInput: the generator's rule) */
    readonly paired: boolean,
    readonly focuses: readonly RequestFocus[],
  ) {
    this.choices = type.required_tools.map((id) => ({ id, reason: 'default' as Reason }));
  }
  /** whether the tool's process has a command for these reads (its knowledge-base entry, as the generator renders it) */
  takesReads(id: string): boolean {
    return variantFor(resolveProcess(this.tool(id).process, this.type.id, this.focuses.map((f) => f.id)), this.platform.id, this.paired) !== undefined;
  }
  has(id: string): boolean {
    return this.choices.some((c) => c.id === id);
  }
  tool(id: string) {
    return this.kb.toolById.get(id)!;
  }
  rule(id: string) {
    return this.kb.selection.toolRules.get(id);
  }
  step(id: string): number {
    return this.type.steps.findIndex((s) => s.tools.includes(id));
  }
  /** the position a tool takes by its step, else by its category's rank */
  rank(id: string): number {
    const step = this.step(id);
    if (step >= 0) return step;
    const cat = this.kb.selection.categoryRank.get(this.tool(id).category) ?? 0;
    // place after the last step whose tools run in an earlier or the same category
    let at = -0.5;
    this.type.steps.forEach((s, i) => {
      if (s.tools.some((t) => (this.kb.selection.categoryRank.get(this.tool(t).category) ?? 0) <= cat)) at = i + 0.5;
    });
    return at;
  }
  fitsPlatform(id: string): boolean {
    const p = this.rule(id)?.platforms;
    return !p || p.includes(this.platform.id);
  }
  sameGroup(a: string, b: string): boolean {
    return this.kb.selection.alternatives.some((g) => g.tools.some((t) => t.tool === a) && g.tools.some((t) => t.tool === b));
  }
  replace(at: number, id: string, reason: Reason, focus?: string): void {
    const old = this.choices[at]!;
    this.choices[at] = { id, reason, replaced: old.replaced ?? old.id, ...(focus ? { focus } : {}) };
  }
  insert(id: string, reason: Reason, focus?: string): void {
    const r = this.rank(id);
    // after every tool of the same rank already there (a focus's tools keep their listed order)
    const at = this.choices.findIndex((c) => this.rank(c.id) > r);
    this.choices.splice(at < 0 ? this.choices.length : at, 0, { id, reason, ...(focus ? { focus } : {}) });
  }
}

/** A tool fit for the chain's platform that can do what `id` does: same step, same alternatives group, or the long-read counterpart. */
function platformReplacement(chain: Chain, id: string): string | null {
  const step = chain.step(id);
  const candidates = [
    ...(step >= 0 ? chain.type.steps[step]!.tools : []),
    ...chain.kb.selection.alternatives.filter((g) => g.tools.some((t) => t.tool === id)).flatMap((g) => g.tools.map((t) => t.tool)),
  ];
  const fit = candidates.find((t) => t !== id && chain.fitsPlatform(t) && !chain.has(t));
  if (fit) return fit;
  if (chain.platform.read_kind !== 'long') return null;
  const cat = chain.tool(id).category;
  if (cat === 'alignment' && !chain.has(LONG_READ_ALIGNER)) return LONG_READ_ALIGNER;
  if (cat === 'quality_control' && !chain.has(LONG_READ_QC)) return LONG_READ_QC;
  return null;
}

function applyPlatform(chain: Chain): void {
  for (let i = chain.choices.length - 1; i >= 0; i--) {
    const c = chain.choices[i]!;
    if (chain.fitsPlatform(c.id)) continue;
    const to = platformReplacement(chain, c.id);
    if (to) chain.replace(i, to, 'platform');
    else chain.choices.splice(i, 1);
  }
}

/** A default tool with no command for the reads (SEACR needs read pairs) gives way to another tool of its step that has one. */
function applyLayout(chain: Chain): void {
  for (let i = chain.choices.length - 1; i >= 0; i--) {
    const c = chain.choices[i]!;
    if (chain.takesReads(c.id)) continue;
    const step = chain.step(c.id);
    const to = (step >= 0 ? chain.type.steps[step]!.tools : []).find((t) => t !== c.id && !chain.has(t) && chain.fitsPlatform(t) && chain.takesReads(t));
    if (to) chain.replace(i, to, 'layout');
    else chain.choices.splice(i, 1);
  }
}

/** Tools the analysis adds when the request compares groups (DSS after methylation calls), each where its step runs. */
function addComparisonTools(chain: Chain, intent: Intent): void {
  if ((intent.comparison?.groups.length ?? 0) < 2) return;
  for (const id of chain.type.comparison_tools) if (!chain.has(id) && chain.fitsPlatform(id) && chain.takesReads(id)) chain.insert(id, 'comparison');
}

/** Each focus swaps the default tools that do not serve it and adds the steps it needs (host-read removal, binning). */
function applyFocus(chain: Chain, focuses: readonly RequestFocus[]): void {
  for (const focus of focuses) {
    for (let i = chain.choices.length - 1; i >= 0; i--) {
      const to = focus.replace[chain.choices[i]!.id];
      if (to && !chain.has(to)) chain.replace(i, to, 'focus', focus.id);
      else if (to) chain.choices.splice(i, 1);
    }
    for (const id of focus.add) if (!chain.has(id) && chain.fitsPlatform(id)) chain.insert(id, 'focus', focus.id);
  }
}

/** A named tool goes into its step (replacing that step's default), else where its category runs. */
function placeRequested(chain: Chain, id: string, refused: Selection['refused'], focus: RequestFocus | null): void {
  const existing = chain.choices.find((c) => c.id === id);
  if (existing) {
    existing.reason = 'requested';
    return;
  }
  if (!chain.fitsPlatform(id)) {
    const made = chain.rule(id)!.platforms!.map((p) => chain.kb.selection.platforms.find((x) => x.id === p)?.name ?? p);
    refused.push({ id, why: `${chain.tool(id).name} is made for ${made.join(' and ')} reads, and these are ${chain.platform.name} reads` });
    return;
  }
  if (!chain.takesReads(id)) {
    const reads = chain.platform.read_kind === 'long' ? `${chain.platform.name} reads` : chain.paired ? 'paired-end reads' : 'single-end reads';
    refused.push({ id, why: `${chain.tool(id).name} has no command for ${reads}${chain.paired || chain.platform.read_kind === 'long' ? '' : ': it needs read pairs'}` });
    return;
  }
  if (focus?.replace[id]) {
    refused.push({ id, why: `${chain.tool(id).name} does not serve this request: ${focus.note}` });
    return;
  }
  const refusal = chain.rule(id)?.refuse.find((r) => r.analysis_type === chain.type.id || (r.beside !== undefined && chain.has(r.beside)));
  if (refusal) {
    refused.push({ id, why: refusal.why });
    return;
  }
  const step = chain.step(id);
  const slot = chain.choices.findIndex(
    (c) => c.reason !== 'requested' && ((step >= 0 && chain.type.steps[step]!.tools.includes(c.id) && chain.step(c.id) === step) || chain.sameGroup(c.id, id)),
  );
  if (slot >= 0) chain.replace(slot, id, 'requested');
  else chain.insert(id, 'requested');
}

/** A named tool that reads FASTQ after the alignment step (Salmon, kallisto) makes the default aligner moot. */
function dropBypassedAligners(chain: Chain): void {
  for (const c of chain.choices.filter((x) => x.reason === 'requested')) {
    const tool = chain.tool(c.id);
    // only alignment-free quantifiers: Juicer or STAR-Fusion also read FASTQ but their neighbours need the aligner
    if (tool.category !== 'quantification' || !tool.inputs.some((i) => /fastq/i.test(i.name))) continue;
    const step = chain.step(c.id);
    for (let i = chain.choices.length - 1; i >= 0; i--) {
      const x = chain.choices[i]!;
      const other = chain.step(x.id);
      if (x.reason === 'default' && chain.tool(x.id).category === 'alignment' && other >= 0 && other < step) chain.choices.splice(i, 1);
    }
  }
}

const name = (chain: Chain, id: string) => chain.tool(id).name;

function applyGpu(chain: Chain, notes: ConstraintNote[]): void {
  chain.choices.forEach((c, i) => {
    if (c.reason !== 'default') return;
    const to = chain.rule(c.id)?.gpu_alternatives.find((t) => chain.step(t) >= 0 && chain.fitsPlatform(t) && !chain.has(t));
    if (to) chain.replace(i, to, 'gpu');
  });
  const gpu = chain.choices.filter((c) => chain.rule(c.id)?.gpu);
  if (gpu.length > 0)
    for (const c of gpu) notes.push({ constraint: 'gpu', met: true, text: `${chain.rule(c.id)!.gpu}${c.reason === 'gpu' ? `; it replaces ${name(chain, c.replaced!)}, which runs on CPUs only` : ''}.` });
  else {
    // said of the versions this workflow pins, not of the tools: a later Clair3 calls on GPUs
    const later = chain.choices.map((c) => chain.rule(c.id)?.gpu_later).filter((t): t is string => Boolean(t));
    const text = later.length
      ? `No step of this chain runs on a GPU as this workflow pins it: ${later.join('; ')}.`
      : `No step of ${chain.type.name} in this chain runs on a GPU as this workflow pins its tools, so the workflow runs on CPUs and a GPU would sit idle.`;
    notes.push({ constraint: 'gpu', met: false, text });
  }
}

function applyConda(chain: Chain, notes: ConstraintNote[], constraint: string): void {
  chain.choices.forEach((c, i) => {
    const rule = chain.rule(c.id);
    if (!rule || rule.conda) return;
    const to = rule.conda_alternatives.find((t) => !chain.has(t));
    if (to && c.reason !== 'requested') {
      chain.replace(i, to, 'conda');
      notes.push({ constraint, met: true, text: `${name(chain, c.id)} has no Bioconda package (its licence does not allow one), so ${name(chain, to)} takes its place.` });
    } else
      notes.push({ constraint, met: false, text: `${name(chain, c.id)} has no Bioconda package and the catalogue has no alternative for this step, so it cannot run from Conda; install it from its vendor or run it in its container.` });
  });
}

function applyLowMemory(chain: Chain, notes: ConstraintNote[]): void {
  const c0 = 'low_memory';
  chain.choices.forEach((c, i) => {
    const lm = chain.rule(c.id)?.low_memory;
    if (!lm) return;
    const tool = name(chain, c.id);
    const fits = lm.fits[chain.type.id];
    if (fits) {
      notes.push({ constraint: c0, met: true, text: `${tool} stays: ${fits}.` });
      return;
    }
    const needer = chain.choices.find((x) => x.reason === 'requested' && (chain.rule(x.id)?.requires ?? []).some((g) => g.includes(c.id)));
    if (c.reason === 'requested' || needer) {
      const why = c.reason === 'requested' ? `${tool} was requested, so it stays` : `${tool} stays because ${name(chain, needer!.id)}, which you asked for, reads its output`;
      notes.push({ constraint: c0, met: Boolean(lm.setting), text: `${why}, but ${lm.note}${lm.setting ? `; to lower it, ${lm.setting}` : ''}.` });
      return;
    }
    const to = lm.not_in.includes(chain.type.id) ? undefined : lm.alternatives.find((t) => !chain.has(t) && chain.fitsPlatform(t));
    if (to) {
      chain.replace(i, to, 'low_memory');
      notes.push({ constraint: c0, met: true, text: `${name(chain, to)} instead of ${tool}: ${lm.note}.` });
    } else if (lm.setting) notes.push({ constraint: c0, met: true, text: `${tool} stays because this step has no lighter alternative here; ${lm.note}, so ${lm.setting}.` });
    else notes.push({ constraint: c0, met: false, text: `Low memory cannot be met for ${tool}: ${lm.note}.` });
  });
}

/** Predecessors: a default tool whose required predecessor is gone leaves; a requested one gets it inserted. */
function repairPredecessors(chain: Chain): void {
  for (let pass = 0; pass < 12; pass++) {
    let changed = false;
    for (let i = 0; i < chain.choices.length; i++) {
      const c = chain.choices[i]!;
      for (const group of chain.rule(c.id)?.requires ?? []) {
        if (chain.choices.slice(0, i).some((x) => group.includes(x.id))) continue;
        const later = chain.choices.findIndex((x, j) => j > i && group.includes(x.id));
        if (later >= 0) {
          // the predecessor is there but after: move it just before
          const [moved] = chain.choices.splice(later, 1);
          chain.choices.splice(i, 0, moved!);
        } else if (c.reason === 'requested' || c.reason === 'focus' || c.reason === 'predecessor') {
          // a predecessor's own predecessor comes in too (CheckM2 named: MetaBAT2, then the contig mapping it reads)
          // prefer the predecessor the analysis type has a step for (Bowtie2 for piRNAs, not STAR)
          const add = group.find((t) => chain.step(t) >= 0 && chain.fitsPlatform(t)) ?? group.find((t) => chain.fitsPlatform(t)) ?? group[0]!;
          chain.choices.splice(i, 0, { id: add, reason: 'predecessor', feeds: c.id });
        } else chain.choices.splice(i, 1);
        changed = true;
        break;
      }
      if (changed) break;
    }
    if (!changed) return;
  }
}

/**
 * A step of this analysis (its required tools, steps, recommended and optional tools), else of the catalogue,
 * that marks duplicates in the standing BAM (`have`), can read that BAM and runs on these reads.
 */
function duplicateMarker(chain: Chain, have: BamState): string | undefined {
  const type = chain.type;
  const own = [...type.required_tools, ...type.steps.flatMap((s) => s.tools), ...type.recommended_tools, ...type.optional_tools];
  const all = chain.kb.tools.map((t) => t.id).sort();
  const focuses = chain.focuses.map((f) => f.id);
  return [...new Set([...own, ...all])].find((id) => {
    if (chain.has(id) || !chain.kb.toolById.has(id) || !chain.fitsPlatform(id) || !chain.takesReads(id)) return false;
    const p = resolveProcess(chain.tool(id).process, type.id, focuses);
    return marksDuplicates(p) && bamGap(p, have) === undefined;
  });
}

/**
 * Each BAM reader gets the BAM it needs (tools.yaml bam_needs), as the generator will wire the chain: a reader that
 * needs duplicates marked (DELLY) gets a duplicate-marking step before it, placed where its category runs but after
 * the BAM's writer; a BAM in the wrong order for its reader (a named BWA-MEM2 sorts what pairtools reads in name
 * order) refuses the named tool that broke it, else leaves the reader out.
 */
function honourBamNeeds(chain: Chain, refused: Selection['refused']): void {
  const focuses = chain.focuses.map((f) => f.id);
  const name = (id: string) => chain.tool(id).name;
  for (let pass = 0; pass < 12; pass++) {
    const g = chainBamGaps(chain.choices.map((c) => c.id), chain.type.id, focuses, chain.kb)[0];
    if (!g) return;
    const reader = chain.choices[g.at]!;
    const writer = chain.choices[g.writerAt]!;
    if (g.gap.need === 'duplicates') {
      const marker = duplicateMarker(chain, g.have);
      if (marker) {
        const rank = chain.rank(marker);
        const byRank = chain.choices.findIndex((c) => chain.rank(c.id) > rank);
        const at = Math.min(Math.max(byRank < 0 ? chain.choices.length : byRank, g.writerAt + 1), g.at);
        chain.choices.splice(at, 0, { id: marker, reason: 'bam_needs', feeds: reader.id });
        continue;
      }
    } else if (writer.reason === 'requested' && reader.reason !== 'requested') {
      // the named tool gives way to the one it replaced, whose BAM the reader can read
      refused.push({ id: writer.id, why: `${name(writer.id)} writes its BAM ${orderWords(g.gap.have)}, and ${name(reader.id)} reads a BAM ${orderWords(g.gap.order)}` });
      if (writer.replaced && !chain.has(writer.replaced)) chain.choices[g.writerAt] = { id: writer.replaced, reason: 'default' };
      else chain.choices.splice(g.writerAt, 1);
      continue;
    }
    if (reader.reason === 'requested') refused.push({ id: reader.id, why: `${name(reader.id)} ${bamGapWords(g.gap, name(g.writer), 'no step of this chain')}` });
    chain.choices.splice(g.at, 1);
  }
}

/** Ordered chain for a request: the type's default tools, fitted to platform and focus, named tools in their step, then constraints. */
export function chooseChain(intent: Intent, type: AnalysisType, kb: Knowledge, platform: Platform, focuses: readonly RequestFocus[], platformStated = true): Selection {
  // the generator's rule for the reads (readInput), so a chosen tool has a command for them
  const short = platform.id === 'ont' || platform.id === 'hifi' ? platform.id : 'illumina';
  const chain = new Chain(type, kb, platform, readInput(intent, kb, short).kind === 'paired', focuses);
  const notes: ConstraintNote[] = [];
  const refused: Selection['refused'] = [];
  const focus = focuses[0] ?? null;
  addComparisonTools(chain, intent);
  applyFocus(chain, focuses);
  applyPlatform(chain);
  applyLayout(chain);
  for (const r of intent.requested_tools) if (kb.toolById.has(r)) placeRequested(chain, r, refused, focus);
  dropBypassedAligners(chain);
  const constraints = new Set(intent.constraints);
  if (constraints.has('gpu')) applyGpu(chain, notes);
  if (constraints.has('conda')) applyConda(chain, notes, 'conda');
  if (constraints.has('low_memory')) applyLowMemory(chain, notes);
  repairPredecessors(chain);
  honourBamNeeds(chain, refused);
  return { type, platform, platformStated, focus, focuses: [...focuses], choices: chain.choices, notes, refused };
}
