import { makeExample } from '../generators/example-factory';
import { planTemplateItems } from '../generators/template-engine';
import { CONFIDENCE_L2, type ConfidenceModel, type FitRow, confidenceFrom, fitConfidenceModel } from '../intent-parser/confidence';
import { parseIntentWithRulesDetailed } from '../intent-parser/rule-parser';
import type { Knowledge } from '../knowledge/schemas';
import { type Calibration, calibrationOf } from './calibration';
import type { LabelledRequest } from './labelled-requests';

/**
 * Generated query variations the confidence is fitted on besides the labelled requests: a seed of their own, so the
 * calibration test's variations (seed 42) are never fitted on.
 */
export const FIT_GENERATED = { count: 2000, seed: 7 } as const;
/** Regularisation strengths the cross-validation chooses from. */
export const L2_GRID = [0.25, 1, 4] as const;
export const FOLDS = 5;

export type FitSource = 'labelled' | 'generated';
export interface SourcedRow extends FitRow {
  source: FitSource;
}

/** The rule parser's evidence on each labelled request, with which of its decisions the labels call right. */
export function labelledFitRows(requests: readonly LabelledRequest[], kb: Knowledge): SourcedRow[] {
  return requests.map((r) => {
    const { intent, features } = parseIntentWithRulesDetailed(r.query, kb);
    const { request_kind: kind, analysis_type: type } = r.expected;
    return {
      source: 'labelled',
      features,
      ...(kind === undefined ? {} : { kindRight: kind === intent.request_kind }),
      ...(type === undefined ? {} : { typeRight: type === intent.analysis_type }),
    };
  });
}

/** The same for generated query variations, right meaning as their base query's intent says. */
export function generatedFitRows(kb: Knowledge, count: number = FIT_GENERATED.count, seed: number = FIT_GENERATED.seed): SourcedRow[] {
  const plan = planTemplateItems(kb, 'query_variation', count, seed);
  return plan.specs.map((_, i) => {
    const e = makeExample(plan.render(i));
    const { intent, features } = parseIntentWithRulesDetailed(e.input, kb);
    const truth = e.output.intent!;
    return { source: 'generated', features, kindRight: truth.request_kind === intent.request_kind, typeRight: truth.analysis_type === intent.analysis_type };
  });
}

/** Each source weighs as much as the other in the fit, however many rows it has: real requests are not outvoted. */
function weighted(rows: readonly SourcedRow[]): SourcedRow[] {
  const n = (s: FitSource) => rows.filter((r) => r.source === s).length;
  const labelled = n('labelled');
  const generated = n('generated');
  const scale = labelled > 0 && generated > 0 ? labelled / generated : 1;
  return rows.map((r) => ({ ...r, weight: r.source === 'generated' ? scale : 1 }));
}

const rightOf = (r: FitRow) => r.kindRight !== false && r.typeRight !== false;

export interface CrossValidation {
  l2: number;
  /** out-of-fold calibration per source: each row scored by a model fitted without its fold */
  bySource: Record<FitSource, Calibration>;
}

/** K-fold cross-validation (row i in fold i mod k): every row's confidence from a model that never saw it. */
export function crossValidate(rows: readonly SourcedRow[], l2: number, folds: number = FOLDS): CrossValidation {
  const scored: Record<FitSource, { confidence: number; right: boolean }[]> = { labelled: [], generated: [] };
  for (let k = 0; k < folds; k++) {
    const model = fitConfidenceModel(
      weighted(rows.filter((_, i) => i % folds !== k)),
      l2,
    );
    rows.forEach((r, i) => {
      if (i % folds === k) scored[r.source].push({ confidence: confidenceFrom(r.features, model), right: rightOf(r) });
    });
  }
  return { l2, bySource: { labelled: calibrationOf(scored.labelled), generated: calibrationOf(scored.generated) } };
}

export interface ConfidenceFit {
  model: ConfidenceModel;
  /** the cross-validation of each regularisation strength tried; the chosen one has the least ECE summed over sources */
  cv: CrossValidation[];
  l2: number;
}

/**
 * Fits the rule parser's confidence models on labelled requests and generated variations together (each source
 * weighing the same), the regularisation chosen by cross-validation: the request-kind model on the rows that label
 * the kind, the analysis-type model on those that label the type.
 */
export function fitConfidence(requests: readonly LabelledRequest[], kb: Knowledge, generated: readonly SourcedRow[] = generatedFitRows(kb)): ConfidenceFit {
  const rows = [...labelledFitRows(requests, kb), ...generated];
  const cv = L2_GRID.map((l2) => crossValidate(rows, l2));
  const cost = (c: CrossValidation) => c.bySource.labelled.ece + c.bySource.generated.ece;
  const best = cv.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  return { model: fitConfidenceModel(weighted(rows), best.l2), cv, l2: best.l2 };
}

/** The model fitted at the regularisation the cross-validation chose (CONFIDENCE_L2): what CONFIDENCE_MODEL must equal. */
export function fitConfidenceOn(requests: readonly LabelledRequest[], kb: Knowledge, l2: number = CONFIDENCE_L2): ConfidenceModel {
  return fitConfidenceModel(weighted([...labelledFitRows(requests, kb), ...generatedFitRows(kb)]), l2);
}
