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

export type FitSource = 'labelled' | 'generated' | 'first_parse';
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
 * misses were looked at), fitted on whole whatever their split says. resources/eval/user-requests-heldout6.jsonl, the
 * set that measures the parser on requests it was not written for, is never read here.
 */
export const SEEN_SETS = [
  'user-requests.jsonl',
  'user-requests-heldout.jsonl',
  'user-requests-heldout2.jsonl',
  'user-requests-heldout3.jsonl',
  'user-requests-heldout4.jsonl',
  'user-requests-heldout5.jsonl',
] as const;

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

/**
 * What the first parses of the once-unseen sets (FIRST_PARSE_SETS) weigh in the fit, as a share of the labelled
 * requests' weight. The seen sets are parsed right 98-99 times in 100 once the parser has been changed for them, a
 * request nobody has written a rule for 83-85 times (heldout3 and heldout4 when first parsed), and the evidence cannot
 * tell the two apart: fitted on the seen sets alone, the confidence reads 0.9+ where an unseen set is one in ten
 * wrong. Tried at prs18 (shares 0.15, 0.3, 0.5, 1): fitting on the first parses lowered their out-of-fold ECE (0.085
 * at 0 to 0.061 at 1) but took the seen sets' ECE over 0.05 (0.056 at 1) and the kind model's rival and tie weights
 * above -2 (the first parses' rival cues were mostly right). Left at 0, so the first parses still only choose the
 * regularisation (their rows weigh nothing), until the evidence can tell a request like the seen ones from a new one.
 */
export const FIRST_PARSE_SHARE = 0;

/** Rows weighted so that the generated variations weigh GENERATED_SHARE, the first parses FIRST_PARSE_SHARE of the labelled requests, however many rows each has. */
function weighted(rows: readonly SourcedRow[]): SourcedRow[] {
  const n = (s: FitSource) => rows.filter((r) => r.source === s).length;
  const labelled = n('labelled');
  const scaleOf = (s: FitSource, share: number) => (labelled > 0 && n(s) > 0 ? (share * labelled) / n(s) : 1);
  const scale = { labelled: 1, generated: scaleOf('generated', GENERATED_SHARE), first_parse: scaleOf('first_parse', FIRST_PARSE_SHARE) };
  return rows.map((r) => ({ ...r, weight: scale[r.source] }));
}

const rightOf = (r: FitRow) => r.kindRight !== false && r.typeRight !== false;

export interface CrossValidation {
  l2: number;
  /** out-of-fold calibration per source: each row scored by a model fitted without its fold (first_parse: the first parses given, else none) */
  bySource: Record<FitSource, Calibration>;
}

/**
 * What the parser saw, and whether it was right, when it first parsed a labelled set it had not been written for
 * (resources/eval/first-parse/<set>, written once by the parser of the commit each row names, before any change
 * was made for that set): the only evidence of how parses of unseen requests fare. Weighed by FIRST_PARSE_SHARE in
 * the fit (nothing now, see there); its out-of-fold ECE helps choose the regularisation. A row whose evidence names differ
 * from today's is refused (rewrite the file from that commit, or drop it). Evidence added after a file was written is
 * derived from what the row recorded: `narrowed` (added with heldout5's fixes) is the row's own multiAssay and
 * ASSAY_NARROWING on its request's text, normalised by the parser of that change (7 rows: heldout3 1, heldout4 2,
 * heldout5 4, all wrong when first parsed).
 */
export const FIRST_PARSE_SETS = ['user-requests-heldout3.jsonl', 'user-requests-heldout4.jsonl', 'user-requests-heldout5.jsonl'] as const;

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
export function firstParseRows(dir: string): SourcedRow[] {
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
        return { source: 'first_parse' as const, features, ...(kindRight === undefined ? {} : { kindRight }), ...(typeRight === undefined ? {} : { typeRight }) };
      });
  });
}

/** K-fold cross-validation (row i in fold i mod k): every row's confidence from a model that never saw it. */
export function crossValidate(rows: readonly SourcedRow[], l2: number, folds: number = FOLDS): CrossValidation {
  const scored: Record<FitSource, { confidence: number; right: boolean }[]> = { labelled: [], generated: [], first_parse: [] };
  for (let k = 0; k < folds; k++) {
    const model = fitConfidenceModel(
      weighted(rows.filter((_, i) => i % folds !== k)),
      l2,
    );
    rows.forEach((r, i) => {
      if (i % folds === k) scored[r.source].push({ confidence: confidenceFrom(r.features, model), right: rightOf(r) });
    });
  }
  return { l2, bySource: { labelled: calibrationOf(scored.labelled), generated: calibrationOf(scored.generated), first_parse: calibrationOf(scored.first_parse) } };
}

export interface ConfidenceFit {
  model: ConfidenceModel;
  /** the cross-validation of each regularisation strength tried; the chosen one has the least cost (see fitConfidence) */
  cv: CrossValidation[];
  l2: number;
}

/**
 * Fits the rule parser's confidence models on labelled requests, generated variations and the first parses of the
 * once-unseen sets together (weighted: GENERATED_SHARE, FIRST_PARSE_SHARE), the regularisation chosen by
 * cross-validation: the request-kind model on the rows that label the kind, the analysis-type model on those that
 * label the type.
 */
export function fitConfidence(
  requests: readonly LabelledRequest[],
  kb: Knowledge,
  generated: readonly SourcedRow[] = generatedFitRows(kb),
  firstParse: readonly SourcedRow[] = [],
): ConfidenceFit {
  const rows = [...labelledFitRows(requests, kb), ...generated, ...firstParse];
  const cv = L2_GRID.map((l2) => crossValidate(rows, l2));
  // real requests first: the labelled out-of-fold ECE counts four times the generated one; the first parses (how the
  // parser fares on requests it was not yet written for) count as much as the labelled requests
  const cost = (c: CrossValidation) => c.bySource.labelled.ece + GENERATED_SHARE * c.bySource.generated.ece + c.bySource.first_parse.ece;
  const best = cv.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  return { model: fitConfidenceModel(weighted(rows), best.l2), cv, l2: best.l2 };
}

/** The model fitted at the regularisation the cross-validation chose (CONFIDENCE_L2): what CONFIDENCE_MODEL must equal. */
export function fitConfidenceOn(requests: readonly LabelledRequest[], kb: Knowledge, firstParse: readonly SourcedRow[], l2: number = CONFIDENCE_L2): ConfidenceModel {
  return fitConfidenceModel(weighted([...labelledFitRows(requests, kb), ...generatedFitRows(kb), ...firstParse]), l2);
}
