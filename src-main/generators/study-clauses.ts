import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import { type ClauseKind, type InterestPool, ORGANISM_POOLS } from '../knowledge/study-details';
import type { Rng } from './rng';
import { article } from './articles';

/**
 * Sentences about the study a request comes from (study_details.yaml), one per kind, each true to the
 * query's assay, organism and platform and stating no intent field: how many samples and replicates, the
 * genetic background, the instrument and depth, how the libraries were made, where the files are, what the
 * user wants to see at the end, and a practical remark (deadline, earlier attempt). null: nothing fits.
 */
export interface StudyClauses {
  cohort: string | null;
  background: string | null;
  sequencing: string | null;
  library: string | null;
  location: string;
  outputs: string | null;
  practical: string;
  /** the genes, miRNAs, fusions, taxa, pathways or lineages the request is most interested in */
  interest: string | null;
  /** the time points of a treatment or infection design */
  timeCourse: string | null;
  /** the sexes of the animals */
  sex: string | null;
  /** the same facts as bare values, for requests written as labelled lists or typed in chat */
  facts: StudyFacts;
}

/** Values of the clauses above (the one study they describe): what a labelled list or a chat line names. */
export interface StudyFacts {
  /** "12 samples" */
  total: string;
  /** "six per group"; null: no groups */
  perGroup: string | null;
  instrument: string | null;
  depth: string | null;
  /** "150 bp" */
  readLength: string | null;
  strain: string | null;
  /** "IL6, TNF and CXCL10" */
  interest: string | null;
  times: string | null;
  /** "a volcano plot and an MA plot" */
  outputs: string | null;
}

const PLANT = new Set(['plant']);
const MICROBE = new Set(['microbe', 'bacterium']);

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

const GROUP = /\[([^[\]]*)\]/g;

/** A template with one alternative taken from each [a|b|c] group. */
export function chooseAlternatives(template: string, rng: Rng): string {
  return template.replace(GROUP, (_, body: string) => rng.pick(body.split('|'))).replace(/ +([,.])/g, '$1').replace(/ {2,}/g, ' ');
}

/** Each alternative of each group once, the other groups at their first alternative (for tests). */
export function eachAlternative(template: string): string[] {
  const groups = [...template.matchAll(GROUP)].map((m) => m[1]!.split('|'));
  const at = (choice: number[]) => {
    let i = 0;
    return template.replace(GROUP, () => groups[i]![choice[i++]!]!).replace(/ +([,.])/g, '$1').replace(/ {2,}/g, ' ');
  };
  const out = new Set([at(groups.map(() => 0))]);
  for (const [gi, g] of groups.entries()) for (const oi of g.keys()) out.add(at(groups.map((_, k) => (k === gi ? oi : 0))));
  return [...out];
}

/** The background clause kind for an organism: animals, plants or microbes. */
function backgroundKind(kb: Knowledge, organism: string): ClauseKind {
  const classes = kb.compatibility.tables.organism_classes;
  const inClass = (names: Set<string>) => Object.entries(classes).some(([c, list]) => names.has(c) && list.includes(organism));
  return inClass(PLANT) ? 'background_plant' : inClass(MICROBE) ? 'background_microbe' : 'background';
}

const ENVIRONMENTS = new Set(['soil', 'ocean water', 'wastewater', 'root']);
/** designs whose first group is a treatment or an exposure, which real studies follow over time */
const TIMED = /^(treated|infected|stimulated|heat shock|drought)$/;

/** The items of a pool that fit the query's organism or sample, or none. */
export function interestItems(kb: Knowledge, pool: InterestPool, intent: Intent): string[] {
  const items = kb.studyDetails.interests[pool];
  const org = intent.organism?.id;
  if (ORGANISM_POOLS.includes(pool)) return org ? (items[org] ?? []) : [];
  const plant = org !== undefined && kb.compatibility.organismIn(['plant'], org);
  if (pool === 'mirnas') return org ? (items[plant ? 'plant' : 'animal'] ?? []) : [];
  if (pool === 'taxa') return items[!org || ENVIRONMENTS.has(intent.tissue ?? '') ? 'environment' : 'host'] ?? [];
  if (pool === 'lineages') return org === 'sars_cov_2' ? (items.any ?? []) : [];
  return items.any ?? [];
}

/** "A and B" or "A, B and C". */
const and = (xs: string[]) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

export function studyClauses(intent: Intent, kb: Knowledge, rng: Rng, platform: string | undefined, groups: boolean, statedLength: string | null = null): StudyClauses {
  const d = kb.studyDetails;
  const assay = d.assays[intent.analysis_type];
  const pick = (kind: ClauseKind) => chooseAlternatives(rng.pick(d.clauses[kind]), rng);
  const unit = assay ? rng.pick(assay.units) : 'samples';
  const reps = rng.int(d.replicates.length);
  // two groups of `reps` replicates each, or any total
  const n = groups ? String(2 * (reps + 2)) : String(rng.pick(d.sample_counts));
  const repsWord = groups ? d.replicates[Math.min(reps, d.replicates.length - 1)]! : '';
  const cohort = fill(groups && rng.chance(0.7) ? pick('groups') : pick('cohort'), { n, unit, reps: repsWord });

  const strains = intent.organism ? d.backgrounds[intent.organism.id] : undefined;
  const strain = strains ? rng.pick(strains) : null;
  const background = strain && intent.organism ? fill(pick(backgroundKind(kb, intent.organism.id)), { strain, a_strain: `${article(strain)} ${strain}` }) : null;

  const seqs = platform ? d.sequencers[platform] : undefined;
  const lengths = platform ? d.read_lengths[platform] : undefined;
  const depth = assay ? fill(chooseAlternatives(assay.depth.template, rng), { m: String(rng.pick(assay.depth.values)), reads: intent.read_layout === 'paired' ? 'read pairs' : 'reads' }) : null;
  let sequencing: string | null = null;
  let instrument: string | null = null;
  let readLength: string | null = null;
  if (seqs && depth) {
    const seq = rng.pick(seqs);
    const template = lengths ? pick('sequencing') : pick('sequencing_long');
    // the length the layout phrase states, else one of the platform's (drawn either way, so the other remarks stay)
    const drawn = lengths ? String(rng.pick(lengths)) : '';
    const len = lengths && statedLength ? statedLength : drawn;
    instrument = seq;
    readLength = len ? `${len} bp` : null;
    sequencing = fill(template, { seq, a_seq: `${article(seq)} ${seq}`, depth, len });
  } else if (depth) sequencing = `We have ${depth}.`;

  const library = assay ? fill(chooseAlternatives(rng.pick(assay.library), rng), { m: String(rng.pick(assay.library_values ?? [0])) }) : null;
  const outs = assay ? rng.shuffle(assay.outputs) : [];
  const outputs = outs.length >= 2 ? fill(pick('outputs'), { out: outs[0]!, out2: outs[1]! }) : null;
  const pool = assay?.interest;
  const items = pool ? rng.shuffle(interestItems(kb, pool, intent)) : [];
  const sentenceOf = pool && items.length >= 2 ? chooseAlternatives(rng.pick(d.interest_sentences[pool]), rng) : null;
  const genes = sentenceOf ? and(items.slice(0, 2 + rng.int(2))) : null;
  const interest = sentenceOf && genes ? fill(sentenceOf, { genes }) : null;
  const timed = intent.comparison !== null && TIMED.test(intent.comparison.groups[0] ?? '');
  const timeSentence = timed ? chooseAlternatives(rng.pick(d.time_sentences), rng) : null;
  const times = timeSentence ? rng.pick(d.time_courses) : null;
  const timeCourse = timeSentence && times ? fill(timeSentence, { times }) : null;
  const source = kb.compatibility.sourceById.get(intent.cell_type ?? intent.tissue ?? '');
  const mammal = intent.organism !== null && kb.compatibility.organismIn(['mammal'], intent.organism.id) && source?.kind !== 'cell_line' && source?.kind !== 'environment';
  const sex = mammal ? chooseAlternatives(rng.pick(d.sexes), rng) : null;
  const facts: StudyFacts = {
    total: `${n} ${unit}`,
    perGroup: groups ? `${repsWord} per group` : null,
    instrument,
    depth,
    readLength,
    strain,
    interest: genes,
    times,
    outputs: outs.length >= 2 ? `${outs[0]!} and ${outs[1]!}` : null,
  };
  return { cohort, background, sequencing, library, location: pick('location'), outputs, practical: pick('practical'), interest, timeCourse, sex, facts };
}
