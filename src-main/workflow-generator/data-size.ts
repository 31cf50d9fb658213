import type { Intent } from '../../src-preload/schemas/intent';
import type { ToolScale } from '../knowledge/tool-facts';
import type { Knowledge } from '../knowledge/schemas';

/** The number a request writes before a unit: 'about 40 million', '2 billion', '30M', '1.5 B'. */
const COUNT = String.raw`(\d+(?:[.,]\d+)?)\s*(million|billion|[MB])\b`;
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20 };

const millions = (n: string, unit: string) => Number(n.replace(',', '.')) * (/^b/i.test(unit) ? 1000 : 1);

/**
 * The samples a request counts ('20 samples', 'Cohort: 6 libraries', '96 libraries overall', 'all 72 isolates'),
 * null when it counts none.
 */
export function requestSampleCount(text = ''): number | null {
  const m = /\b(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+(?:[a-z-]+\s+)?(samples|libraries|isolates|individuals|animals|patients|donors|mice|plants|specimens)\b/i.exec(text);
  if (!m) return null;
  const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * The read pairs (or single reads) of the whole data set in millions, as the request states them: a total ('2 billion
 * read pairs'), or a depth per sample or library times the samples it counts; null when it states no depth, or a
 * depth per sample without a sample count.
 */
export function requestReadPairsMillion(text = ''): number | null {
  const m = new RegExp(`${COUNT}\\s*(?:paired-end\\s+|PE\\s+)?(?:read pairs|pairs|reads|fragments)(\\s+(?:per|each|a|for each)\\s+(?:sample|library|individual|specimen|isolate))?`, 'i').exec(text);
  if (!m) return null;
  const each = millions(m[1]!, m[2]!);
  if (!m[3]) return each;
  const samples = requestSampleCount(text);
  return samples ? each * samples : null;
}

/** A genome size the request states ('a 390 Mb genome', 'genome size is about 1.2 Gb'), in Mb; null when it states none. */
export function requestGenomeMb(text = ''): number | null {
  const m =
    /(\d+(?:\.\d+)?)\s*(Mb|Mbp|Gb|Gbp)\s+(?:\w+\s+)?genome\b/i.exec(text) ?? /genome(?: size)?\s+(?:is\s+|of\s+)?(?:about\s+|around\s+|roughly\s+|~)?(\d+(?:\.\d+)?)\s*(Mb|Mbp|Gb|Gbp)\b/i.exec(text);
  return m ? Number(m[1]) * (/^g/i.test(m[2]!) ? 1000 : 1) : null;
}

/** What a scaled tool needs for this request's data, and what the workflow gives it. */
export interface ScaledResources {
  tool: string;
  /** the data it was sized for: '2000 million read pairs', 'a 390 Mb genome' */
  data: string;
  /** what the tool's documentation gives for that data */
  needGb: number;
  cpuHours: number | null;
  /** what nextflow.config sets (memory capped at the machine's limit) */
  memoryGb: number;
  cpus: number;
  hours: number | null;
  /** memory the limit cuts: the need is above what the configuration can give */
  capped: boolean;
  source: string;
}

/** Linear between the table's points (per platform where it has some), flat below the first, proportional above the last. */
function interpolate(scale: ToolScale, x: number, platform: string, field: 'memory_gb' | 'cpu_hours'): number | null {
  const own = scale.points.filter((p) => p.platform === platform);
  const points = (own.length ? own : scale.points.filter((p) => p.platform === undefined)).filter((p) => p[field] !== undefined).sort((a, b) => a.at - b.at);
  if (!points.length) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (x <= first.at) return points.length > 1 ? first[field]! : (first[field]! * x) / first.at;
  if (x >= last.at) return (last[field]! * x) / last.at;
  const i = points.findIndex((p) => p.at >= x);
  const [a, b] = [points[i - 1]!, points[i]!];
  return a[field]! + ((b[field]! - a[field]!) * (x - a.at)) / (b.at - a.at);
}

/** The machine the configuration is written for (nextflow.config resourceLimits). */
export const LIMITS = { cpus: 16, memoryGb: 128, hours: 240 };
export const LOW_MEMORY_LIMITS = { cpus: 4, memoryGb: 16, hours: 24 };

/**
 * Resources for the chain's tools whose needs scale with the data (tool_memory.yaml scale), from what the request
 * states (read pairs, genome size) or the organism's genome size: one computation for nextflow.config and the answer.
 */
export function scaledResources(tools: readonly string[], intent: Intent, kb: Knowledge, platform: string, text = ''): ScaledResources[] {
  const limits = intent.constraints.includes('low_memory') ? LOW_MEMORY_LIMITS : LIMITS;
  const organism = intent.organism ? kb.organismById.get(intent.organism.id) : undefined;
  const statedGenome = requestGenomeMb(text);
  const factGenome = typeof organism?.facts.genome_size === 'number' ? organism.facts.genome_size / 1e6 : null;
  const out: ScaledResources[] = [];
  for (const id of tools) {
    const scale = kb.toolMemory.get(id)?.scale;
    if (!scale) continue;
    const x = scale.by === 'read_pairs' ? requestReadPairsMillion(text) : (statedGenome ?? factGenome);
    if (x === null) continue;
    const need = interpolate(scale, x, platform, 'memory_gb');
    if (need === null) continue;
    const cpuHours = interpolate(scale, x, platform, 'cpu_hours');
    const needGb = Math.ceil(need);
    const hours = cpuHours === null ? null : Math.min(limits.hours, Math.max(1, Math.ceil(cpuHours / limits.cpus)));
    const data = scale.by === 'read_pairs' ? `${fmt(x)} million read pairs` : statedGenome !== null || !organism ? `a ${fmt(x)} Mb genome` : `the ${fmt(x)} Mb genome of ${organism.scientific_name}`;
    out.push({
      tool: id,
      data,
      needGb,
      cpuHours: cpuHours === null ? null : Math.ceil(cpuHours),
      memoryGb: Math.min(needGb, limits.memoryGb),
      cpus: limits.cpus,
      hours,
      capped: needGb > limits.memoryGb,
      source: scale.source,
    });
  }
  return out;
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 }));
