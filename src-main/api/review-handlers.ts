import { checkWorkflow } from '../nextflow-validator/workflow-check';
import { diffIntents } from '../review/intent-diff';
import type { ReviewRepo } from '../review/review-repo';
import type { AppContext } from '../app/context';
import type { PartHandlers } from './types';

const repoOf = (ctx: AppContext): ReviewRepo => ctx.review;
const reviewerOf = (ctx: AppContext): string => ctx.reviewer;

export const reviewHandlers = {
  'review.next': (req, ctx) => ({ item: repoOf(ctx).next(req.filter, req.afterSeq) }),
  'review.item': (req, ctx) => ({ item: repoOf(ctx).item(req.id) }),
  'review.decide': (req, ctx) => {
    const r = repoOf(ctx).decide(req.id, req.action, reviewerOf(ctx), req.output);
    ctx.events.emit('event', { type: 'data-changed', what: 'review' });
    return r;
  },
  'review.undo': (_req, ctx) => {
    const r = repoOf(ctx).undo(reviewerOf(ctx));
    ctx.events.emit('event', { type: 'data-changed', what: 'review' });
    return r;
  },
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
