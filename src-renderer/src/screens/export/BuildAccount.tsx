import type { BuildReport } from '../../../../src-preload/contract/dataset';
import { EXCLUSION_REASONS } from '../../../../src-preload/schemas/build';
import { DataTable } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { KIND_LABELS, TASK_LABELS } from '../../components/format';
import { TargetProgress } from '../../components/TargetProgress';
import { useApi } from '../../hooks/useApi';
import { useNav } from '../../state/nav';

type Task = BuildReport['perTask'][number];
type Dropped = BuildReport['dropped']['items'][number];

/**
 * What one build kept and left out, and why: per task against its target, exclusions per reason and per
 * validation rule (each a link to those examples in Review), near-duplicates, and the examples a reviewer
 * accepted or edited that the build still dropped.
 */
export function BuildAccount({ buildId }: { buildId: string }) {
  const go = useNav((s) => s.go);
  const report = useApi('builds.report', { id: buildId }, ['builds']);
  const r = report.data;
  if (report.error) return <ErrorBanner error={`Could not load the build's account: ${report.error}`} />;
  if (!r) return report.loading ? <p className="muted">Loading the build's account…</p> : null;
  const totals = r.perTask.reduce((a, t) => ({ total: a.total + t.total, train: a.train + t.train, val: a.val + t.val, test: a.test + t.test, excluded: a.excluded + t.excluded }), {
    total: 0,
    train: 0,
    val: 0,
    test: 0,
    excluded: 0,
  });
  const showExcluded = (filter: { reason?: keyof typeof EXCLUSION_REASONS; rule?: string }) => go('review', null, { excludedFrom: { buildId, ...filter } });
  const n = (v: number) => v.toLocaleString();
  return (
    <div className="stack" data-testid="build-account">
      <h3>Per task</h3>
      <DataTable<Task>
        label="Examples per task"
        rows={r.perTask}
        rowKey={(t) => t.task}
        rowData={(t) => ['task', t.task]}
        columns={[
          { header: 'Task', cell: (t) => TASK_LABELS[t.task] ?? t.task },
          { header: 'Examples', num: true, cell: (t) => n(t.total) },
          { header: 'Train', num: true, cell: (t) => n(t.train) },
          { header: 'Val', num: true, cell: (t) => n(t.val) },
          { header: 'Test', num: true, cell: (t) => n(t.test) },
          { header: 'Excluded', num: true, cell: (t) => n(t.excluded) },
          { header: 'Target', num: true, cell: (t) => (t.target === null ? '–' : n(t.target)) },
          { header: 'Kept vs target', cell: (t) => (t.target === null ? <span className="muted">no target</span> : <TargetProgress count={t.train + t.val + t.test} target={t.target} />) },
        ]}
        foot={
          <tr className="total-row">
            <td>All tasks</td>
            <td className="num">{n(totals.total)}</td>
            <td className="num">{n(totals.train)}</td>
            <td className="num">{n(totals.val)}</td>
            <td className="num">{n(totals.test)}</td>
            <td className="num">{n(totals.excluded)}</td>
            <td />
            <td />
          </tr>
        }
      />
      <div className="dash-cols">
        <div className="stack">
          <h3>Left out, by reason</h3>
          <DataTable
            label="Exclusions by reason"
            rows={r.excluded}
            rowKey={(e) => e.reason}
            rowData={(e) => ['reason', e.reason]}
            columns={[
              { header: 'Reason', cell: (e) => EXCLUSION_REASONS[e.reason] },
              { header: 'Examples', num: true, cell: (e) => n(e.count) },
              {
                header: '',
                className: 'nowrap',
                cell: (e) =>
                  e.count > 0 ? (
                    <button type="button" className="link" onClick={() => showExcluded({ reason: e.reason })}>
                      show in Review
                    </button>
                  ) : null,
              },
            ]}
          />
        </div>
        <div className="stack">
          <h3>Validation rule findings</h3>
          {r.ruleFailures.length === 0 ? (
            <p className="muted">No rule found anything.</p>
          ) : (
            <DataTable
              label="Rule findings"
              rows={r.ruleFailures}
              rowKey={(f) => f.rule}
              rowData={(f) => ['rule', f.rule]}
              columns={[
                { header: 'Rule', cell: (f) => <code>{f.rule}</code> },
                { header: 'Findings', num: true, cell: (f) => n(f.count) },
                {
                  header: '',
                  className: 'nowrap',
                  cell: (f) => (
                    <button type="button" className="link" onClick={() => showExcluded({ rule: f.rule })}>
                      show in Review
                    </button>
                  ),
                },
              ]}
            />
          )}
          {r.nearDuplicates ? (
            <p className="muted small" data-testid="near-duplicates">
              Near-duplicates (Jaccard ≥ {r.nearDuplicates.threshold}): {n(r.nearDuplicates.clusters)} clusters, {n(r.nearDuplicates.pairs)} pairs; val/test ones are kept out
              of train.
            </p>
          ) : null}
        </div>
      </div>
      <h3>Reviewed examples this build dropped ({n(r.dropped.total)})</h3>
      {r.dropped.total === 0 ? (
        <p className="muted" data-testid="dropped-none">
          Every example a reviewer accepted or edited before this build is in it.
        </p>
      ) : (
        <>
          <p className="muted small">Accepted or edited in Review before the build started, yet left out: fix them in Review and build again.</p>
          <DataTable<Dropped>
            label="Dropped reviewed examples"
            rows={r.dropped.items}
            rowKey={(d) => d.id}
            columns={[
              {
                header: 'Example',
                cell: (d) => (
                  <button type="button" className="link" onClick={() => go('review', d.id)}>
                    {d.id}
                  </button>
                ),
              },
              { header: 'Kind', cell: (d) => KIND_LABELS[d.kind] ?? d.kind },
              { header: 'Decision', cell: (d) => (d.decision === 'edit' ? 'edited and accepted' : 'accepted') },
              { header: 'Why it was left out', cell: (d) => [EXCLUSION_REASONS[d.reason], ...d.rules].join('; ') },
              { header: 'Request', className: 'clip', cell: (d) => d.input },
            ]}
          />
          {r.dropped.total > r.dropped.items.length ? <p className="muted small">The newest {r.dropped.items.length} of {n(r.dropped.total)} are listed.</p> : null}
        </>
      )}
    </div>
  );
}
