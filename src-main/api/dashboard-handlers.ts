import { ExampleKindSchema } from '../../src-preload/schemas/example';
import { buildsRepo } from '../build/builds-repo';
import { TARGETS } from '../generators/targets';
import { loadKnowledge } from '../knowledge/load';
import type { PartHandlers } from './types';

export const dashboardHandlers = {
  'dashboard.summary': (_req, ctx) => {
    const perKind = new Map(
      (ctx.db.prepare('SELECT kind, COUNT(*) AS n FROM examples GROUP BY kind').all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]),
    );
    const statuses: Record<string, number> = {};
    for (const r of ctx.db.prepare('SELECT status, COUNT(*) AS n FROM examples GROUP BY status').all() as { status: string; n: number }[])
      statuses[r.status] = r.n;
    const targets = TARGETS as Record<string, number>;
    const latestBuild = buildsRepo(ctx.db).latestFinished();
    // the catalog names are only charted next to a build's metrics; the first knowledge load takes ~1 s
    const kb = latestBuild?.report ? loadKnowledge() : null;
    return {
      total: [...perKind.values()].reduce((a, b) => a + b, 0),
      kinds: ExampleKindSchema.options.map((kind) => ({ kind, count: perKind.get(kind) ?? 0, target: targets[kind] ?? null })),
      statuses,
      categories: kb?.categories.map((c) => ({ id: c.id, name: c.name })) ?? [],
      tools: kb?.tools.map((t) => ({ id: t.id, name: t.name })) ?? [],
      latestBuild,
    };
  },
} satisfies PartHandlers;
