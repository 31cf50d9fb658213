/**
 * The rule parser's confidence: a logistic model over what the parse saw, fitted so that a confidence of p means
 * the request kind and analysis type are both right about p of the time (on the tune portion of the labelled
 * requests, resources/eval/user-requests.jsonl; `biotrain eval-intents --file ... --fit-confidence` refits it).
 */

/** What the parse saw, each scaled to about [0, 1]. */
export interface ConfidenceFeatures {
  /** an analysis type scored above the acceptance threshold */
  known: number;
  /** top analysis score, saturating at 2.5 */
  strength: number;
  /** (top - second) / top of the analysis scores */
  margin: number;
  /** misspelled words corrected, capped at 3, / 3 */
  corrections: number;
  /** the request kind's lead over the next kind, capped at 4, / 4 */
  kindMargin: number;
  /** the request was read as a workflow request */
  workflow: number;
  /** the request was read as off topic */
  offTopic: number;
  /** the analysis type came from named tools alone */
  toolOnly: number;
  /** two assays named: read as an integration */
  multiAssay: number;
  /** words in the request, log-scaled: log(1 + words) / log(101) */
  length: number;
  /** every analysis keyword matched is a generic one ('amplicon', 'assembly', 'tumor') */
  genericOnly: number;
  /** the two best analyses score within 10% of each other */
  tie: number;
  /** two request kinds score the same */
  kindTie: number;
}

export const FEATURE_NAMES = [
  'known',
  'strength',
  'margin',
  'corrections',
  'kindMargin',
  'workflow',
  'offTopic',
  'toolOnly',
  'multiAssay',
  'length',
  'genericOnly',
  'tie',
  'kindTie',
] as const satisfies readonly (keyof ConfidenceFeatures)[];

export interface ConfidenceModel {
  bias: number;
  weights: Record<keyof ConfidenceFeatures, number>;
}

/** Fitted on the tune portion of resources/eval/user-requests.jsonl (see the module comment). */
export const CONFIDENCE_MODEL: ConfidenceModel = {
  bias: 3.336,
  weights: { known: 0.259, strength: 0.085, margin: 0.655, corrections: 0, kindMargin: 0.019, workflow: 0.188, offTopic: 0.176, toolOnly: 0.149, multiAssay: 0.042, length: -0.11, genericOnly: 0.14, tie: 0.047, kindTie: -0.291 },
};

export { LOW_CONFIDENCE } from '../../src-preload/schemas/intent';

export function logit(f: ConfidenceFeatures, model: ConfidenceModel): number {
  let z = model.bias;
  for (const k of FEATURE_NAMES) z += model.weights[k] * f[k];
  return z;
}

/** The calibrated confidence, rounded to 3 decimals and kept inside [0.01, 0.99]. */
export function confidenceFrom(f: ConfidenceFeatures, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  const p = 1 / (1 + Math.exp(-logit(f, model)));
  return Math.round(Math.min(0.99, Math.max(0.01, p)) * 1000) / 1000;
}

/**
 * Fits the model by L2-regularised logistic regression (batch gradient descent, fixed iterations, so the fit is
 * deterministic) to parses labelled right or wrong. The corrections weight is kept at or below zero.
 */
export function fitConfidenceModel(rows: readonly { features: ConfidenceFeatures; right: boolean }[], l2 = 0.01, iterations = 4000, rate = 0.5): ConfidenceModel {
  const w = Object.fromEntries(FEATURE_NAMES.map((k) => [k, 0])) as Record<keyof ConfidenceFeatures, number>;
  let b = 0;
  const n = rows.length || 1;
  for (let it = 0; it < iterations; it++) {
    const g = Object.fromEntries(FEATURE_NAMES.map((k) => [k, 0])) as Record<keyof ConfidenceFeatures, number>;
    let gb = 0;
    for (const r of rows) {
      const p = 1 / (1 + Math.exp(-logit(r.features, { bias: b, weights: w })));
      const e = p - (r.right ? 1 : 0);
      gb += e;
      for (const k of FEATURE_NAMES) g[k] += e * r.features[k];
    }
    b -= (rate * gb) / n;
    for (const k of FEATURE_NAMES) w[k] -= rate * (g[k] / n + l2 * w[k]);
    // a corrected misspelling can only add doubt
    w.corrections = Math.min(0, w.corrections);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { bias: round(b), weights: Object.fromEntries(FEATURE_NAMES.map((k) => [k, round(w[k])])) as Record<keyof ConfidenceFeatures, number> };
}
