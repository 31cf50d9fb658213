import type { Intent } from '../../src-preload/schemas/intent';
import type { SampleSource } from '../knowledge/compatibility';
import { parseIntent } from '../intent-parser';
import { missingInformation } from '../knowledge/missing-information';
import { settleIntent } from '../knowledge/settle-intent';
import type { GoldenQuery, Knowledge } from '../knowledge/schemas';
import { Rng } from './rng';

/** Paraphrase groups each analysis type gets at least (its golden queries share them out). */
export const GROUPS_PER_TYPE = 24;

/** Tools every pipeline of a type runs anyway: naming them says nothing about a choice. */
const NOT_REQUESTED = new Set(['fastqc', 'multiqc', 'samtools']);

/**
 * A base intent: one distinct experiment a request can be about, derived from a golden query (its seed)
 * by drawing organism, sample source, design, layout, strandedness, tools and constraints from the
 * compatibility tables. All examples of a base intent form one split group.
 */
export interface BaseIntent {
  /** group id, e.g. 'gq_001-b03' */
  id: string;
  golden: GoldenQuery;
  index: number;
  intent: Intent;
  /** for requests outside the supported analyses: the request to rephrase */
  request?: string;
}

const cache = new WeakMap<Knowledge, { all: BaseIntent[]; byGolden: Map<string, BaseIntent[]> }>();

/** The stated fields of an intent, as a key: two base intents with the same key are the same experiment. */
export function intentKey(i: Intent): string {
  return JSON.stringify([
    i.analysis_type,
    i.organism?.id ?? null,
    i.tissue,
    i.cell_type,
    i.read_layout,
    i.strandedness,
    i.comparison?.groups ?? null,
    [...i.requested_tools].sort(),
    [...i.constraints].sort(),
  ]);
}

function organismOf(kb: Knowledge, id: string): Intent['organism'] {
  const o = id === 'none' ? undefined : kb.organismById.get(id);
  return o ? { id: o.id, scientific_name: o.scientific_name, genome_build: o.genome_build } : null;
}

function requestableTools(kb: Knowledge, type: string): string[] {
  const t = kb.analysisTypeById.get(type);
  if (!t) return [];
  // a tool that turns the request into another analysis ("SV calling with Sniffles2" reads as long-read
  // variant calling) is not requested: the query would no longer state its intent
  const fits = (id: string) => parseIntent(`${t.name} with ${kb.toolById.get(id)?.name ?? id}`, kb).analysis_type === type;
  return [...new Set([...t.required_tools, ...t.recommended_tools, ...t.optional_tools])].filter((id) => kb.toolById.has(id) && !NOT_REQUESTED.has(id) && fits(id));
}

function derive(kb: Knowledge, golden: GoldenQuery, v: number, attempt: number): Intent {
  const g = golden.expected_intent;
  const type = g.analysis_type;
  const c = kb.compatibility;
  const entry = c.tables.analyses[type]!;
  const rng = Rng.of('base-intent', golden.id, v, attempt);
  // organisms rotate, so the base intents of one golden query cover the organisms before repeating one
  const organisms = Rng.of('base-organisms', golden.id).shuffle(c.organismsOf(type));
  const organism = organisms[(v + attempt * 7) % organisms.length]!;
  const keep = (stated: boolean, had: number, hadNot: number) => rng.chance(stated ? had : hadNot);

  const samples = c.samplesFor(type, organism);
  const wantSample = keep(g.tissue !== null || g.cell_type !== null, 0.85, 0.35) || (organism === 'none' && samples.length > 0 && rng.chance(0.7));
  const sample: SampleSource | null = wantSample && samples.length > 0 ? rng.pick(samples) : null;
  const designs = c.designsFor(type, organism, sample);
  const needsComparison = type === 'rna_seq_de' || type === 'alternative_splicing';
  const design = designs.length > 0 && keep(g.comparison !== null, 0.85, needsComparison ? 0.6 : 0.3) ? rng.pick(designs) : null;
  const layout = entry.layouts.length > 0 && keep(g.read_layout !== 'unknown', 0.85, 0.35) ? rng.pick(entry.layouts) : 'unknown';
  const strand = entry.strandedness && keep(g.strandedness !== 'unknown', 0.85, 0.25) ? rng.pick(['reverse', 'forward', 'unstranded'] as const) : 'unknown';
  const tools = requestableTools(kb, type);
  const nTools = keep(g.requested_tools.length > 0, 0.8, 0.25) ? Math.min(tools.length, g.requested_tools.length > 1 && rng.chance(0.6) ? 2 : 1) : 0;
  const requested = rng.shuffle(tools).slice(0, nTools);
  const constraints = keep(g.constraints.length > 0, 0.8, 0.2) ? [rng.pick(entry.constraints)] : [];

  const value = sample ? (sample.value ?? sample.id) : null;
  const intent: Intent = {
    request_kind: 'workflow',
    analysis_type: type,
    organism: organismOf(kb, organism),
    tissue: sample?.field === 'tissue' ? value : null,
    cell_type: sample?.field === 'cell_type' ? value : null,
    data_type: g.data_type,
    read_layout: layout,
    strandedness: strand,
    comparison: design ? { groups: [...design.groups], description: `${design.groups[0]} vs ${design.groups[1]}` } : null,
    requested_tools: requested,
    constraints: constraints.sort(),
    missing_information: [],
    confidence: 1,
  };
  return settleIntent(intent, kb);
}

/** The organism an off-topic request names ("my rat samples"), if any. */
function organismNamed(kb: Knowledge, text: string): Intent['organism'] {
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9. -]/g, ' ')} `;
  const hit = kb.organisms.find((o) => o.common_names.some((n) => words.includes(` ${n} `)));
  return hit ? organismOf(kb, hit.id) : null;
}

function offTopicBases(kb: Knowledge, golden: GoldenQuery): BaseIntent[] {
  const requests = kb.compatibility.tables.off_topic.filter((o) => o.seed === golden.id).map((o) => o.request);
  return requests.map((request, index) => {
    const intent: Intent = { ...structuredClone(golden.expected_intent), organism: organismNamed(kb, request), confidence: 1 };
    intent.missing_information = missingInformation(intent, kb, request);
    return { id: baseId(golden, index), golden, index, intent, request };
  });
}

const baseId = (golden: GoldenQuery, index: number) => `${golden.id}-b${String(index).padStart(2, '0')}`;

function build(kb: Knowledge): { all: BaseIntent[]; byGolden: Map<string, BaseIntent[]> } {
  const byGolden = new Map<string, BaseIntent[]>();
  // a golden query's own intent is the expert test item: no training group restates it
  const taken = new Set(kb.goldenQueries.map((g) => intentKey(g.expected_intent)));
  const perType = new Map<string, number>();
  for (const g of kb.goldenQueries) perType.set(g.expected_intent.analysis_type, (perType.get(g.expected_intent.analysis_type) ?? 0) + 1);
  for (const golden of kb.goldenQueries) {
    const type = golden.expected_intent.analysis_type;
    if (type === 'unknown' || !kb.compatibility.tables.analyses[type]) {
      byGolden.set(golden.id, offTopicBases(kb, golden));
      continue;
    }
    const count = Math.ceil(GROUPS_PER_TYPE / perType.get(type)!);
    const list: BaseIntent[] = [];
    for (let v = 0; list.length < count && v < count * 4; v++) {
      for (let attempt = 0; attempt < 12; attempt++) {
        const intent = derive(kb, golden, v, attempt);
        const key = intentKey(intent);
        if (taken.has(key)) continue;
        taken.add(key);
        list.push({ id: baseId(golden, list.length), golden, index: list.length, intent });
        break;
      }
    }
    byGolden.set(golden.id, list);
  }
  // canonical order: index-major, so a partial plan covers every golden query's first base intents
  const all = [...byGolden.values()].flat().sort((a, b) => a.index - b.index || kb.goldenQueries.indexOf(a.golden) - kb.goldenQueries.indexOf(b.golden));
  return { all, byGolden };
}

function tablesOf(kb: Knowledge) {
  let hit = cache.get(kb);
  if (!hit) {
    hit = build(kb);
    cache.set(kb, hit);
  }
  return hit;
}

/** Every base intent, index-major (the first of every golden query, then the second, ...). */
export function baseIntents(kb: Knowledge): BaseIntent[] {
  return tablesOf(kb).all;
}

export function baseIntentsOf(kb: Knowledge, golden: GoldenQuery): BaseIntent[] {
  return tablesOf(kb).byGolden.get(golden.id) ?? [];
}

/** The base intent that variant `variant` of a golden query's per-golden examples is about. */
export function baseIntentFor(kb: Knowledge, golden: GoldenQuery, variant: number): BaseIntent {
  const list = baseIntentsOf(kb, golden);
  if (list.length === 0) throw new Error(`golden query ${golden.id} has no base intents`);
  return list[variant % list.length]!;
}

/** The intent of a tool-selection or workflow example: the base intent its variant maps to. */
export function varyIntent(golden: GoldenQuery, kb: Knowledge, _rng: Rng, variant: number): Intent {
  return structuredClone(baseIntentFor(kb, golden, variant).intent);
}
