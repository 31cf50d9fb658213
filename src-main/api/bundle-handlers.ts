import { sessionOf } from '../bundle/reviewer';
import { ApiError } from './api-error';
import type { PartHandlers } from './types';

export const bundleHandlers = {
  'bundle.info': (_req, ctx) => {
    const s = sessionOf(ctx);
    if (!s) {
      return { bundleId: null, reviewer: null, itemCount: 0, guidelines: null, decided: 0, decisionsPath: null, createdBy: null, createdAt: null };
    }
    return {
      bundleId: s.bundle.manifest.bundle_id,
      reviewer: s.reviewer,
      itemCount: s.bundle.manifest.item_count,
      guidelines: s.bundle.guidelines,
      decided: s.decisions().decisions.length,
      decisionsPath: s.decisionsPath,
      createdBy: s.bundle.manifest.created_by,
      createdAt: s.bundle.manifest.created_at,
    };
  },
  'bundle.exportDecisions': (_req, ctx) => {
    const s = sessionOf(ctx);
    if (!s) throw new ApiError(409, 'no review bundle is open (start the app with --review <file.btbundle>)');
    const file = s.writeDecisions();
    return { path: s.decisionsPath, count: file.decisions.length, file };
  },
} satisfies PartHandlers;
