import { z } from 'zod';
import type { BuildReport } from '../../src-preload/contract/dataset';
import { EXCLUSION_REASONS, type ExclusionReason } from '../../src-preload/schemas/build';
import type { Example, Split } from '../../src-preload/schemas/example';
import { TARGETS } from '../../src-preload/schemas/plan-targets';
import type { Db } from '../store/db';
import { TASKS, type Task, taskOf } from '../task-contract/tasks';
import { buildsRepo } from './builds-repo';

/** The parts of a stored quality report this account reads (older builds may lack some). */
const StoredReportSchema = z.object({
  excluded: z.record(z.string(), z.number()).optional(),
  rule_failures: z.record(z.string(), z.number()).optional(),
  near_duplicates: z.object({ clusters: z.number(), pairs: z.number(), threshold: z.number() }).optional(),
});

const isReason = (r: string | null): r is ExclusionReason => r !== null && Object.hasOwn(EXCLUSION_REASONS, r);

/** The kind whose examples teach a task (interactions teach any task, by what their answer holds). */
const KIND_OF_TASK = new Map<Task, keyof typeof TARGETS>(
  (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((kind) => [taskOf({ kind, output: {} } as Pick<Example, 'kind' | 'output'>), kind]),
);

/**
 * What one finished build kept and left out, and why: per task, per exclusion reason and rule, and the
 * examples a reviewer accepted or edited (before the build started) that it still dropped. Null for an
 * unknown build or one that did not get to its report.
 */
export function buildReport(db: Db, buildId: string, limit = 200): BuildReport | null {
  const stored = buildsRepo(db).storedReport(buildId);
  if (!stored) return null;
  const report = StoredReportSchema.safeParse(stored.report);
  if (!report.success || !report.data.excluded) return null;

  const tally = new Map<Task, { total: number; train: number; val: number; test: number; excluded: number }>();
  const count = (task: Task, split: Split | null, n: number) => {
    const t = tally.get(task) ?? { total: 0, train: 0, val: 0, test: 0, excluded: 0 };
    tally.set(task, t);
    t.total += n;
    if (split) t[split] += n;
    else t.excluded += n;
  };
  const byKind = db
    .prepare(
      `SELECT x.kind, b.split, COUNT(*) AS n FROM build_items b JOIN examples x ON x.id = b.example_id
       WHERE b.build_id = ? AND x.kind != 'interaction' GROUP BY x.kind, b.split`,
    )
    .all(buildId) as { kind: Example['kind']; split: Split | null; n: number }[];
  for (const r of byKind) count(taskOf({ kind: r.kind, output: {} } as Pick<Example, 'kind' | 'output'>), r.split, r.n);
  const interactions = db
    .prepare(
      `SELECT x.output, b.split FROM build_items b JOIN examples x ON x.id = b.example_id
       WHERE b.build_id = ? AND x.kind = 'interaction'`,
    )
    .all(buildId) as { output: string; split: Split | null }[];
  for (const r of interactions) count(taskOf({ kind: 'interaction', output: JSON.parse(r.output) as Example['output'] }), r.split, 1);

  const perTask = TASKS.filter((t) => tally.has(t)).map((task) => {
    const kind = KIND_OF_TASK.get(task) ?? null;
    return { task, kind, target: kind ? TARGETS[kind] : null, ...tally.get(task)! };
  });
  const excluded = (Object.keys(EXCLUSION_REASONS) as ExclusionReason[]).map((reason) => ({ reason, count: report.data.excluded?.[reason] ?? 0 }));
  const ruleFailures = Object.entries(report.data.rule_failures ?? {})
    .map(([rule, n]) => ({ rule, count: n }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  return { buildId, perTask, excluded, ruleFailures, nearDuplicates: report.data.near_duplicates ?? null, dropped: droppedDecisions(db, buildId, stored.createdAt, limit) };
}

/** Examples whose decision in effect (made before `startedAt`) is accept or edit, left out of the build; newest decision first. */
function droppedDecisions(db: Db, buildId: string, startedAt: string, limit: number): BuildReport['dropped'] {
  const rows = db
    .prepare(
      `WITH d AS (
         SELECT e.seq, e.example_id, e.action, e.created_at, ROW_NUMBER() OVER (PARTITION BY e.example_id ORDER BY e.seq DESC) AS rn
         FROM review_events e
         WHERE e.action != 'undo' AND e.created_at <= @at AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq)
       )
       SELECT x.id, x.kind, x.input, d.action, d.created_at, b.excluded, b.reasons
       FROM build_items b JOIN d ON d.example_id = b.example_id AND d.rn = 1 JOIN examples x ON x.id = b.example_id
       WHERE b.build_id = @build AND b.excluded IS NOT NULL AND d.action IN ('accept', 'edit')
       ORDER BY d.seq DESC`,
    )
    .all({ at: startedAt, build: buildId }) as { id: string; kind: string; input: string; action: 'accept' | 'edit'; created_at: string; excluded: string | null; reasons: string | null }[];
  const items = rows.slice(0, limit).flatMap((r) =>
    isReason(r.excluded)
      ? [{ id: r.id, kind: r.kind, input: r.input.slice(0, 300), decision: r.action, decidedAt: r.created_at, reason: r.excluded, rules: r.reasons ? (JSON.parse(r.reasons) as string[]) : [] }]
      : [],
  );
  return { total: rows.length, items };
}
