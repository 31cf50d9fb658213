/**
 * The rule parser's confidence: the chance that both decisions it makes are right, the request kind and the
 * analysis type, as the product of one probability per decision from the evidence that decision saw
 * (confidence-evidence.ts). A question no cue gives a kind to is a guess (KIND_GUESS); otherwise each is a small
 * logistic model fitted on every labelled set the parser has been changed for (SEEN_SETS of
 * src-main/eval/confidence-fit.ts: user-requests.jsonl and held-out sets 1-5, whole) together with generated query
 * variations of their own seed weighing a quarter of them (the parser round-trips its generator's sentences almost
 * always: at equal weight they taught the model 0.99 for requests people write, which an unseen set then read wrong
 * one time in ten), weights pulled towards PRIOR with the strength chosen by 5-fold cross-validation and by the
 * first-parse evidence of heldout3, heldout4 and heldout5 (resources/eval/first-parse: never fitted on; see CONFIDENCE_L2) (`biotrain eval-intents --file resources/eval/user-requests.jsonl --fit-confidence` prints the
 * refit, which CONFIDENCE_MODEL must equal, the cross-validation and the out-of-fold reliability table). The unseen
 * set resources/eval/user-requests-heldout6.jsonl and the calibration test's variations (seed 42) never enter the fit.
 */

/** Evidence about the request kind, each scaled to [0, 1]. */
export interface KindEvidence {
  /** the chosen kind's lead over the next kind, capped at 4, / 4 */
  lead: number;
  /** no cue phrase of any kind matched: the kind is the default (workflow, or off topic without domain words) */
  cueless: number;
  /** worded as a question: a question mark, or a question word first */
  asked: number;
  /** cueless and asked: a question read as a pipeline request for want of a cue */
  cuelessQuestion: number;
  /** another kind's cues matched too */
  rival: number;
  /** two kinds score the same */
  tie: number;
  /** read as off topic */
  offTopic: number;
  /** tool output (a log line, an error) is pasted in */
  log: number;
}

/** Evidence about the analysis type, each scaled to [0, 1]. */
export interface TypeEvidence {
  /** an analysis type scored above the acceptance threshold (or two assays made it an integration) */
  known: number;
  /** top analysis score, saturating at 2.5 */
  strength: number;
  /** (top - second) / top of the analysis votes */
  margin: number;
  /** the two best analyses score within 10% of each other (an integration of two assays aside) */
  tie: number;
  /** the runner-up analysis has a specific keyword of its own: the request names two assays that disagree */
  rivalAssay: number;
  /** the analysis type came from named tools alone */
  toolOnly: number;
  /** every analysis keyword matched is a generic one ('amplicon', 'assembly', 'tumor') */
  genericOnly: number;
  /** two assays named: read as an integration */
  multiAssay: number;
  /** misspelled words corrected, capped at 3, / 3 */
  corrections: number;
  /** content words of the request that nothing in the knowledge base matched, capped at 8, / 8 */
  unknownWords: number;
  /** a named tool specific to a few analyses serves none of the one chosen */
  toolDisagrees: number;
  /** no analysis type found, yet the request is on topic (a pipeline asked for, a question about the data) */
  unknownOnTopic: number;
  /** no analysis type found on an on-topic request that has words nothing accounts for (unknownWords then, else 0): what names the analysis may be what the parser does not know */
  unexplained: number;
  /** the analysis words only describe the data ('long reads rice'): the analysis type is left open on purpose */
  dataOnly: number;
  /** every analysis keyword matched is a word of another language ('Einzelzell', 'metagenómica') */
  foreignOnly: number;
  /** several assays named, the analysis read from the one the request says it needs now ('only need the expression part') */
  focused: number;
  /**
   * several assays named and read as their integration, though the request narrows itself ('only', 'just', 'for now',
   * ASSAY_NARROWING): one assay was probably asked for in words the parser could not place
   */
  narrowed: number;
}

export const KIND_EVIDENCE = ['lead', 'cueless', 'asked', 'cuelessQuestion', 'rival', 'tie', 'offTopic', 'log'] as const satisfies readonly (keyof KindEvidence)[];
export const TYPE_EVIDENCE = [
  'known',
  'strength',
  'margin',
  'tie',
  'rivalAssay',
  'toolOnly',
  'genericOnly',
  'multiAssay',
  'corrections',
  'unknownWords',
  'toolDisagrees',
  'unknownOnTopic',
  'unexplained',
  'dataOnly',
  'foreignOnly',
  'focused',
  'narrowed',
] as const satisfies readonly (keyof TypeEvidence)[];

export interface ConfidenceFeatures {
  kind: KindEvidence;
  type: TypeEvidence;
}

/** One logistic model: p = 1 / (1 + exp(-(bias + sum of weight * evidence))). */
export interface Logistic<K extends string> {
  bias: number;
  weights: Record<K, number>;
}

export interface ConfidenceModel {
  kind: Logistic<keyof KindEvidence>;
  type: Logistic<keyof TypeEvidence>;
}

/** Evidence that can only add doubt: its weight is kept at or below zero by the fit. */
export const DOUBT_ONLY: readonly string[] = ['cuelessQuestion', 'rival', 'tie', 'rivalAssay', 'toolOnly', 'corrections', 'unknownWords', 'toolDisagrees', 'unknownOnTopic', 'unexplained', 'foreignOnly', 'focused'];

/**
 * What each piece of evidence is worth before any data, in logit units against a parse that otherwise reads right
 * about 99 times in 100 (a bias near 5). The fit's regularisation pulls each weight towards these rather than
 * towards 0, so evidence the labelled requests show rarely keeps the doubt it stands for (a question whose kind is
 * only the default is a guess, scored by KIND_GUESS and not by the model): two kinds scoring the same are right at most half the time (-6), two analyses too (-5),
 * another kind's cues weaken the lead (-2); a runner-up analysis backed by its own words for other data is a real
 * alternative (-5), words the knowledge base does not account for are doubt (-3 at the cap of 8), more so when no
 * analysis was found (unexplained: -4 at the cap), a type read from named tools alone or from words of other
 * languages alone less so (-1), a corrected misspelling a little (-0.5), a type read from the one assay a mixed-assay
 * request says it needs now a little more (focused: -1). An integration read from a request that narrows itself
 * (narrowed) is scored by NARROWED_GUESS, not by the model (its weight stays 0).
 */
export const PRIOR: ConfidenceModel = {
  kind: { bias: 8.978, weights: { lead: 0.561, cueless: 0.08, asked: -0.103, cuelessQuestion: 0, rival: -2.143, tie: -5.149, offTopic: 0.007, log: 0.002 } },
  type: {
    bias: 0,
    weights: { known: 0, strength: 0, margin: 1, tie: -5, rivalAssay: -5, toolOnly: -1, genericOnly: 0, multiAssay: 0, corrections: -0.5, unknownWords: -3, toolDisagrees: -2, unknownOnTopic: -1, unexplained: -4, dataOnly: 0, foreignOnly: -1, focused: -1, narrowed: 0 },
  },
};

/**
 * The regularisation strength `eval-intents --fit-confidence` chose: the least out-of-fold ECE on the seen sets (and a
 * quarter of the generated variations') plus the ECE on the first parses of a set the parser was not yet written for.
 */
export const CONFIDENCE_L2 = 0.25;

/** Fitted on the seen labelled sets (SEEN_SETS of src-main/eval/confidence-fit.ts) and generated variations (see the module comment). */
export const CONFIDENCE_MODEL: ConfidenceModel = {
  kind: { bias: 7.965, weights: { lead: -1.296, cueless: 0.928, asked: 0.307, cuelessQuestion: 0, rival: -3.53, tie: -3.475, offTopic: 0.07, log: -1.977 } },
  type: { bias: 6.476, weights: { known: 0.987, strength: 1.944, margin: -1.16, tie: -3.324, rivalAssay: -3.955, toolOnly: -1.285, genericOnly: -2.487, multiAssay: 0.195, corrections: 0, unknownWords: 0, toolDisagrees: -1.701, unknownOnTopic: -2.64, unexplained: -1.35, dataOnly: -0.518, foreignOnly: -0.809, focused: -0.393, narrowed: 0 } },
};

export { LOW_CONFIDENCE } from '../../src-preload/schemas/intent';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probability<K extends string>(x: Record<K, number>, model: Logistic<K>): number {
  let z = model.bias;
  for (const k of Object.keys(model.weights) as K[]) z += model.weights[k] * x[k];
  return sigmoid(z);
}

/**
 * A question no cue phrase gives a kind to is read as a workflow request by default: a guess, right as often as
 * such guesses were on requests the cues had not yet been written for (counted when each labelled set was first
 * parsed: 3 of 6 in the first 428 requests, 2 of 6 in the next 107, 1 of 9 in user-requests-heldout3.jsonl at
 * 9a5049d, 12 of 33 in user-requests-heldout4.jsonl at 792e5ab, 18 of 27 in user-requests-heldout5.jsonl at f9bd48e),
 * with a uniform prior: (36 + 1) / (81 + 2). The logistic kind model covers every other request and is fitted without these.
 */
export const KIND_GUESS = { right: 36, seen: 81 } as const;
export const KIND_GUESS_P = (KIND_GUESS.right + 1) / (KIND_GUESS.seen + 2);

export function kindProbability(x: KindEvidence, model: Logistic<keyof KindEvidence>): number {
  return x.cuelessQuestion ? KIND_GUESS_P : probability(x, model);
}

/**
 * Several assays read as their integration in a request that narrows itself ('only the Hi-C is needed for now',
 * narrowed): a guess too, the integration right as often as it was on such requests when each once-unseen set was
 * first parsed (1 of 7: heldout3 0 of 1, heldout4 1 of 2 (h4_259, 'only 40 samples', no narrowing), heldout5 0 of 4),
 * with a uniform prior: (1 + 1) / (7 + 2). The logistic type model covers every other request and is fitted without these.
 */
export const NARROWED_GUESS = { right: 1, seen: 7 } as const;
export const NARROWED_GUESS_P = (NARROWED_GUESS.right + 1) / (NARROWED_GUESS.seen + 2);

export function typeProbability(x: TypeEvidence, model: Logistic<keyof TypeEvidence>): number {
  return x.narrowed ? NARROWED_GUESS_P : probability(x, model);
}

/** The confidence: P(kind right) x P(type right), rounded to 3 decimals and kept inside [0.01, 0.99]. */
export function confidenceFrom(f: ConfidenceFeatures, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  const p = kindProbability(f.kind, model.kind) * typeProbability(f.type, model.type);
  return Math.round(Math.min(0.99, Math.max(0.01, p)) * 1000) / 1000;
}

/**
 * Fits one logistic model by regularised (row-weighted) maximum likelihood: a penalty l2 * (w - prior)^2 / 2 per weight (the bias
 * is free), cyclic coordinate Newton steps (a fixed number of sweeps in a fixed order, so the fit is deterministic),
 * DOUBT_ONLY weights kept at or below zero.
 */
export function fitLogistic<K extends string>(
  names: readonly K[],
  rows: readonly { x: Record<K, number>; right: boolean; weight?: number }[],
  prior: Logistic<K>,
  l2 = 1,
  sweeps = 300,
): Logistic<K> {
  const w = Object.fromEntries(names.map((k) => [k, prior.weights[k]])) as Record<K, number>;
  let b = 0;
  const z = rows.map((r) => names.reduce((sum, k) => sum + w[k] * r.x[k], 0));
  const step = (value: (i: number) => number, offset: number, penalty: number): number => {
    let g = penalty * offset;
    let h = penalty;
    rows.forEach((r, i) => {
      const x = value(i);
      if (x === 0) return;
      const p = sigmoid(z[i]!);
      const w = r.weight ?? 1;
      g += w * (p - (r.right ? 1 : 0)) * x;
      h += w * p * (1 - p) * x * x;
    });
    return h > 1e-12 ? -g / h : 0;
  };
  for (let s = 0; s < sweeps; s++) {
    const db = step(() => 1, 0, 0);
    b += db;
    rows.forEach((_, i) => {
      z[i] = z[i]! + db;
    });
    for (const k of names) {
      let next = w[k] + step((i) => rows[i]!.x[k], w[k] - prior.weights[k], l2);
      if (DOUBT_ONLY.includes(k)) next = Math.min(0, next);
      const d = next - w[k];
      w[k] = next;
      if (d !== 0)
        rows.forEach((r, i) => {
          z[i] = z[i]! + d * r.x[k];
        });
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { bias: round(b), weights: Object.fromEntries(names.map((k) => [k, round(w[k])])) as Record<K, number> };
}

/** A parse's evidence with which of its two decisions were right (undefined: that field is not labelled). */
export interface FitRow {
  features: ConfidenceFeatures;
  kindRight?: boolean;
  typeRight?: boolean;
  /** how much the row counts in the likelihood (1 unless told) */
  weight?: number;
}

/** Fits both models, each on the rows that label its decision. */
export function fitConfidenceModel(rows: readonly FitRow[], l2 = 1, prior: ConfidenceModel = PRIOR): ConfidenceModel {
  const w = (r: FitRow) => (r.weight === undefined ? {} : { weight: r.weight });
  // guessed kinds are scored by KIND_GUESS, not by the model
  const kindRows = rows
    .filter((r) => r.kindRight !== undefined && !r.features.kind.cuelessQuestion)
    .map((r) => ({ x: r.features.kind, right: r.kindRight!, ...w(r) }));
  // narrowed integrations are scored by NARROWED_GUESS, not by the model
  const typeRows = rows.filter((r) => r.typeRight !== undefined && !r.features.type.narrowed).map((r) => ({ x: r.features.type, right: r.typeRight!, ...w(r) }));
  return { kind: fitLogistic(KIND_EVIDENCE, kindRows, prior.kind, l2), type: fitLogistic(TYPE_EVIDENCE, typeRows, prior.type, l2) };
}
