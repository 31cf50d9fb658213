import { checkWorkflow } from '../nextflow-validator/workflow-check';
import { diffIntents } from '../review/intent-diff';
import type { ReviewRepo } from '../review/review-repo';
import type { AppContext } from '../app/context';
import type { ExampleOutput } from '../../src-preload/schemas/example';
import { loadGuidelines } from '../bundle/create';
import { loadKnowledge } from '../knowledge/load';
import { describeProblems, validateEdit } from '../review/validate-edit';
import { ApiError } from './api-error';
import type { PartHandlers } from './types';

const repoOf = (ctx: AppContext): ReviewRepo => ctx.review;
const reviewerOf = (ctx: AppContext): string => ctx.reviewer;

function editProblems(ctx: AppContext, id: string, output: ExampleOutput) {
  const ex = ctx.examples.get(id);
  if (!ex) throw new ApiError(404, `no example with id ${id}`);
  return validateEdit(ex.kind, output, loadKnowledge());
}

export const reviewHandlers = {
  'review.next': (req, ctx) => ({ item: repoOf(ctx).next(req.filter, req.afterSeq) }),
  'review.item': (req, ctx) => ({ item: repoOf(ctx).item(req.id) }),
  'knowledge.catalog': () => {
    const kb = loadKnowledge();
    return {
      analysisTypes: kb.analysisTypes.map((t) => ({ id: t.id, name: t.name, dataType: t.data_type })),
      organisms: kb.organisms.map((o) => ({ id: o.id, scientific_name: o.scientific_name, genome_builds: [o.genome_build, ...o.alternative_builds] })),
      tools: kb.tools.map((t) => ({ id: t.id, name: t.name, purpose: t.purpose })),
    };
  },
  'review.guidelines': (_req, ctx) => ({ markdown: ctx.reviewSession?.bundle.guidelines ?? loadGuidelines() }),
  'review.checkEdit': (req, ctx) => ({ problems: editProblems(ctx, req.id, req.output) }),
  'review.decide': (req, ctx) => {
    if (req.action === 'edit') {
      if (!req.output) throw new ApiError(400, 'an edit needs the edited output');
      const problems = editProblems(ctx, req.id, req.output);
      if (problems.length > 0) throw new ApiError(400, `edit not accepted: ${describeProblems(problems)}`);
    }
    const r = repoOf(ctx).decide(req.id, req.action, reviewerOf(ctx), req.output, req.note);
    ctx.events.emit('event', { type: 'data-changed', what: 'review' });
    return r;
  },
  'review.decideMany': (req, ctx) => {
    const r = repoOf(ctx).decideMany(req.ids, req.action, reviewerOf(ctx), req.note);
    ctx.events.emit('event', { type: 'data-changed', what: 'review' });
    return r;
  },
  'review.undo': (_req, ctx) => {
    const r = repoOf(ctx).undo(reviewerOf(ctx));
    ctx.events.emit('event', { type: 'data-changed', what: 'review' });
    return r;
  },
  'review.history': (req, ctx) => ({ entries: repoOf(ctx).history(req.limit) }),
  'review.note': (req, ctx) => ({ note: repoOf(ctx).noteOf(req.id) }),
  'review.stats': (req, ctx) => repoOf(ctx).stats(req.filter),
  'review.diff': (req, ctx) => {
    const ex = ctx.examples.get(req.id);
    if (!ex) return { groundTruth: null, parsed: null, roundTrip: null, original: null, edit: null };
    const original = repoOf(ctx).originalOutput(req.id)?.intent ?? null;
    const current = ex.output.intent ?? null;
    return {
      groundTruth: ex.ground_truth_intent,
      parsed: ex.parsed_intent,
      roundTrip: ex.intent_diff ?? (ex.ground_truth_intent && ex.parsed_intent ? diffIntents(ex.ground_truth_intent, ex.parsed_intent) : null),
      original,
      edit: original && current ? diffIntents(original, current) : null,
    };
  },
  'workflow.lint': (req) => checkWorkflow(req.files),
} satisfies PartHandlers;
