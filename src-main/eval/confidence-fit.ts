import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { makeExample } from '../generators/example-factory';
import { planTemplateItems } from '../generators/template-engine';
import { CONFIDENCE_L2, type ConfidenceModel, type FitRow, KIND_EVIDENCE, TYPE_EVIDENCE, confidenceFrom, fitConfidenceModel } from '../intent-parser/confidence';
import { parseIntentWithRulesDetailed } from '../intent-parser/rule-parser';
import type { Knowledge } from '../knowledge/schemas';
import { type Calibration, calibrationOf } from './calibration';
import { type LabelledRequest, loadLabelledRequests } from './labelled-requests';

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

/**
 * The labelled sets the parser has been changed for (all of them now: each held-out set became a tune set once its
 * misses were looked at), fitted on whole whatever their split says. resources/eval/user-requests-heldout4.jsonl, the
 * set that measures the parser on requests it was not written for, is never read here.
 */
export const SEEN_SETS = ['user-requests.jsonl', 'user-requests-heldout.jsonl', 'user-requests-heldout2.jsonl', 'user-requests-heldout3.jsonl'] as const;

/** Every request of the seen sets (SEEN_SETS) under `dir`. */
export function seenRequests(dir: string): LabelledRequest[] {
  return SEEN_SETS.flatMap((f) => loadLabelledRequests(path.join(dir, f)).requests);
}

/**
 * What the generated variations weigh together, as a share of the labelled requests' weight: the parser round-trips
 * its own generator's sentences almost always, so at equal weight they teach the model the confidence of clean
 * paraphrases (0.99) for requests written by people; a quarter keeps them calibrated without dominating.
 */
export const GENERATED_SHARE = 0.25;

/** Rows weighted so that the generated variations weigh GENERATED_SHARE of the labelled requests, however many rows each has. */
function weighted(rows: readonly SourcedRow[]): SourcedRow[] {
  const n = (s: FitSource) => rows.filter((r) => r.source === s).length;
  const labelled = n('labelled');
  const generated = n('generated');
  const scale = labelled > 0 && generated > 0 ? (GENERATED_SHARE * labelled) / generated : 1;
  return rows.map((r) => ({ ...r, weight: r.source === 'generated' ? scale : 1 }));
}

const rightOf = (r: FitRow) => r.kindRight !== false && r.typeRight !== false;

export interface CrossValidation {
  l2: number;
  /** out-of-fold calibration per source: each row scored by a model fitted without its fold */
  bySource: Record<FitSource, Calibration>;
  /** calibration on the first-parse evidence (FIRST_PARSE_SETS) of the model fitted on all rows: never fitted on */
  firstParse?: Calibration;
}

/**
 * What the parser saw, and whether it was right, when it first parsed a labelled set it had not been written for
 * (resources/eval/first-parse/<set>, written once by the parser of the commit each row names, before any change
 * was made for that set): the only evidence of how parses of unseen requests fare. Never fitted on; it chooses the
 * regularisation with the out-of-fold ECE. A row whose evidence names differ from today's is refused (rewrite the
 * file from that commit, or drop it).
 */
export const FIRST_PARSE_SETS = ['user-requests-heldout3.jsonl'] as const;

const FirstParseRow = z.object({
  id: z.string(),
  parser: z.string(),
  kindRight: z.boolean().optional(),
  typeRight: z.boolean().optional(),
  features: z.object({
    kind: z.strictObject(Object.fromEntries(KIND_EVIDENCE.map((k) => [k, z.number()])) as Record<(typeof KIND_EVIDENCE)[number], z.ZodNumber>),
    type: z.strictObject(Object.fromEntries(TYPE_EVIDENCE.map((k) => [k, z.number()])) as Record<(typeof TYPE_EVIDENCE)[number], z.ZodNumber>),
  }),
});

/** The first-parse evidence of FIRST_PARSE_SETS under `dir` (resources/eval). */
export function firstParseRows(dir: string): FitRow[] {
  return FIRST_PARSE_SETS.flatMap((f) => {
    const file = path.join(dir, 'first-parse', f);
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l, i) => {
        const r = FirstParseRow.safeParse(JSON.parse(l));
        if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
        const { features, kindRight, typeRight } = r.data;
        return { features, ...(kindRight === undefined ? {} : { kindRight }), ...(typeRight === undefined ? {} : { typeRight }) };
      });
  });
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
  /** the cross-validation of each regularisation strength tried; the chosen one has the least cost (see fitConfidence) */
  cv: CrossValidation[];
  l2: number;
}

/**
 * Fits the rule parser's confidence models on labelled requests and generated variations together (each source
 * weighing the same), the regularisation chosen by cross-validation: the request-kind model on the rows that label
 * the kind, the analysis-type model on those that label the type.
 */
export function fitConfidence(
  requests: readonly LabelledRequest[],
  kb: Knowledge,
  generated: readonly SourcedRow[] = generatedFitRows(kb),
  firstParse: readonly FitRow[] = [],
): ConfidenceFit {
  const rows = [...labelledFitRows(requests, kb), ...generated];
  const cv = L2_GRID.map((l2) => {
    const c = crossValidate(rows, l2);
    if (firstParse.length === 0) return c;
    const model = fitConfidenceModel(weighted(rows), l2);
    return { ...c, firstParse: calibrationOf(firstParse.map((r) => ({ confidence: confidenceFrom(r.features, model), right: rightOf(r) }))) };
  });
  // real requests first: the labelled out-of-fold ECE counts four times the generated one; the first parses of a set
  // (requests the parser was not yet written for, never fitted on) count as much as the labelled requests
  const cost = (c: CrossValidation) => c.bySource.labelled.ece + GENERATED_SHARE * c.bySource.generated.ece + (c.firstParse?.ece ?? 0);
  const best = cv.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  return { model: fitConfidenceModel(weighted(rows), best.l2), cv, l2: best.l2 };
}

/** The model fitted at the regularisation the cross-validation chose (CONFIDENCE_L2): what CONFIDENCE_MODEL must equal. */
export function fitConfidenceOn(requests: readonly LabelledRequest[], kb: Knowledge, l2: number = CONFIDENCE_L2): ConfidenceModel {
  return fitConfidenceModel(weighted([...labelledFitRows(requests, kb), ...generatedFitRows(kb)]), l2);
}
