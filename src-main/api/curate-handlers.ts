import type { AppContext } from '../app/context';
import { renderAnswer } from '../export/answer';
import { loadKnowledge } from '../knowledge/load';
import { ExpertVerifications } from '../review/expert-verification';
import { describeProblems, validateEdit } from '../review/validate-edit';
import { ApiError } from './api-error';
import type { PartHandlers } from './types';

const verificationsOf = (ctx: AppContext) => new ExpertVerifications(ctx.db);

function changed(ctx: AppContext, v: ExpertVerifications) {
  ctx.events.emit('event', { type: 'data-changed', what: 'review' });
  return v.counts();
}

/** The "Curate test set" queue: the expert approves each golden query's answer as ground truth. */
export const curateHandlers = {
  'curate.list': (_req, ctx) => {
    const items = verificationsOf(ctx).list();
    return { items, verified: items.filter((i) => i.verified).length, total: items.length };
  },
  'curate.item': (req, ctx) => {
    const item = verificationsOf(ctx).item(req.id);
    const example = ctx.review.item(req.id);
    if (!item || !example) throw new ApiError(404, `no expert item with id ${req.id}`);
    return { item, example, answer: renderAnswer(example, loadKnowledge()) };
  },
  'curate.approve': (req, ctx) => {
    // ground truth is the studio expert's call, not a collaborator's with a review bundle
    if (ctx.mode === 'review') throw new ApiError(403, 'the expert test set is approved in the studio, not in reviewer mode');
    const v = verificationsOf(ctx);
    const example = ctx.examples.get(req.id);
    if (example?.source !== 'expert') throw new ApiError(404, `no expert item with id ${req.id}`);
    if (req.output) {
      const problems = validateEdit(example.kind, req.output, loadKnowledge());
      if (problems.length > 0) throw new ApiError(400, `edit not accepted: ${describeProblems(problems)}`);
    }
    const item = v.approve(req.id, ctx.review, ctx.reviewer, req.output);
    return { ...changed(ctx, v), item };
  },
  'curate.revoke': (req, ctx) => {
    if (ctx.mode === 'review') throw new ApiError(403, 'the expert test set is approved in the studio, not in reviewer mode');
    const v = verificationsOf(ctx);
    const item = v.revoke(req.id);
    return { ...changed(ctx, v), item };
  },
} satisfies PartHandlers;
