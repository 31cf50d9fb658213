import { ErrorBanner } from '../components/ErrorBanner';
import { formatTime, KIND_LABELS } from '../components/format';
import { GatesTable } from '../components/GatesTable';
import { TargetProgress } from '../components/TargetProgress';
import { BuildTargets, QueryQualityTable } from '../components/BuildQueryQuality';
import { HBarChart } from '../components/HBarChart';
import { LatestEvalRuns } from '../components/LatestEvalRuns';
import { useApi } from '../hooks/useApi';
import { useNav } from '../state/nav';

const DIFFICULTY = [
  ['1', 'Beginner (1)'],
  ['2', 'Intermediate (2)'],
  ['3', 'Advanced (3)'],
] as const;

const STATUS_TONE: Record<string, string> = { accepted: 'ok', auto_validated: 'ok', needs_review: 'warn', pending: 'warn', rejected: 'bad' };

/** Counts against the plan targets, the latest build's quality gates and coverage charts. */
export function Dashboard() {
  const go = useNav((s) => s.go);
  const { data, error } = useApi('dashboard.summary', {}, ['examples', 'builds', 'review', 'interactions', 'jobs']);
  if (!data) {
    return (
      <section>
        <h1>Dashboard</h1>
        {/* plain text, not a second banner: when the API is unreachable the shell already shows one */}
        {error ? <p className="fail">Could not load the summary: {error}</p> : <p className="muted">Loading…</p>}
      </section>
    );
  }
  const latest = data.latestBuild;
  const report = latest?.report ?? null;
  const metrics = report?.metrics ?? null;
  const categories = data.categories
    .map((c) => ({ key: c.id, label: c.name, value: metrics?.category_distribution[c.id] ?? 0, title: c.id }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const tools = data.tools
    .map((t) => ({ key: t.id, label: t.name, value: metrics?.tool_distribution[t.id] ?? 0, title: t.id }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const difficulty = DIFFICULTY.map(([k, label]) => ({ key: k, label, value: metrics?.difficulty_distribution[k] ?? 0 }));
  const included = (data.statuses.auto_validated ?? 0) + (data.statuses.accepted ?? 0);

  return (
    <section className="stack">
      <h1>Dashboard</h1>
      <ErrorBanner error={error} />
      <div className="grid">
        <div className="card">
          <div className="muted">Examples in the store</div>
          <div className="big num-left" data-testid="total-examples">
            {data.total.toLocaleString()}
          </div>
        </div>
        <div className="card">
          <div className="muted">Included (auto-validated or accepted)</div>
          <div className="big num-left">{included.toLocaleString()}</div>
        </div>
        <div className="card">
          <div className="muted">Latest build</div>
          {latest ? (
            <div className="row">
              <span className={`pill ${latest.build.status === 'passed' ? 'ok' : 'bad'}`}>{latest.build.status}</span>
              <span className="muted">{formatTime(latest.build.finished_at ?? latest.build.created_at)}</span>
            </div>
          ) : (
            <div className="muted">none yet</div>
          )}
        </div>
        <div className="card">
          <div className="muted">Expert-verified test items (latest build)</div>
          {report?.expert_verification ? (
            <>
              <div className="big num-left" data-testid="expert-verified">
                {report.expert_verification.verified.toLocaleString()} / {report.expert_verification.total.toLocaleString()}
              </div>
              <div className="muted small">only these are exported as expert ground truth; the others are flagged test items</div>
            </>
          ) : (
            <div className="muted">no build yet</div>
          )}
        </div>
      </div>

      <div className="dash-cols">
        <div className="card">
          <h2>Examples per kind</h2>
          <table aria-label="Examples per kind">
            <thead>
              <tr>
                <th>Kind</th>
                <th className="num">Count</th>
                <th className="num">Target</th>
                <th style={{ width: '40%' }}>Progress</th>
              </tr>
            </thead>
            <tbody>
              {data.kinds.map((k) => (
                <tr key={k.kind} data-kind={k.kind}>
                  <td>{KIND_LABELS[k.kind] ?? k.kind}</td>
                  <td className="num kind-count">{k.count.toLocaleString()}</td>
                  <td className="num">{k.target === null ? '–' : k.target.toLocaleString()}</td>
                  <td>
                    {k.target === null ? (
                      <span className="muted">no target</span>
                    ) : (
                      <TargetProgress count={k.count} target={k.target} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row" style={{ marginTop: 10 }}>
            {Object.entries(data.statuses)
              .sort((a, b) => b[1] - a[1])
              .map(([s, n]) => (
                <span key={s} className={`pill ${STATUS_TONE[s] ?? ''}`}>
                  {s.replace(/_/g, ' ')}: {n.toLocaleString()}
                </span>
              ))}
          </div>
        </div>

        <div className="card">
          <h2>Quality gates</h2>
          {report ? (
            <>
              <GatesTable gates={report.gates} label="Quality gates" leakage={report.leakage} />
              <p className="muted small">
                Build of {formatTime(latest?.build.created_at ?? null)}: {report.counts.kept.toLocaleString()} of {report.counts.total.toLocaleString()} examples
                kept (train {report.counts.splits.train.toLocaleString()}, val {report.counts.splits.val.toLocaleString()}, test{' '}
                {report.counts.splits.test.toLocaleString()}).
              </p>
              {report.token_budget ? (
                <>
                  <h3>Tokens per task</h3>
                  <table aria-label="Tokens per task">
                    <thead>
                      <tr>
                        <th>task</th>
                        <th className="num">rows</th>
                        <th className="num">p50</th>
                        <th className="num">p95</th>
                        <th className="num">max</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.entries(report.token_budget.per_task).map(([task, t]) => (
                        <tr key={task}>
                          <td>{task.replace(/_/g, ' ')}</td>
                          <td className="num">{t.n.toLocaleString()}</td>
                          <td className="num">{t.p50.toLocaleString()}</td>
                          <td className="num">{t.p95.toLocaleString()}</td>
                          <td className="num">{t.max.toLocaleString()}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="muted small">
                    Counted with {report.token_budget.tokenizer}. No example is cut at Axolotl sequence_len{' '}
                    {report.token_budget.recommended.axolotl_sequence_len} / LLaMA-Factory cutoff_len {report.token_budget.recommended.llamafactory_cutoff_len}.
                  </p>
                </>
              ) : null}
            </>
          ) : (
            <div className="empty-state">
              <p>No build yet. Quality gates and coverage come from a build of the dataset.</p>
              <button type="button" className="primary" onClick={() => go('export')}>
                Go to Export to build
              </button>
            </div>
          )}
        </div>
      </div>

      {report?.targets || report?.query_quality ? (
        <div className="dash-cols">
          {report.targets ? (
            <div className="card">
              <h2>Targets vs kept</h2>
              <BuildTargets targets={report.targets} />
              <p className="muted small">Kept: what the latest build exported after dedup, rules and review; a short kind says why.</p>
            </div>
          ) : null}
          {report.query_quality ? (
            <div className="card">
              <h2>Query quality</h2>
              <QueryQualityTable quality={report.query_quality} />
            </div>
          ) : null}
        </div>
      ) : null}

      {metrics ? (
        <>
          <div className="dash-cols">
            <div className="card">
              <h2>
                Category coverage{' '}
                <span className="muted small">
                  {metrics.categories_covered} / {metrics.categories_total} categories
                </span>
              </h2>
              <HBarChart items={categories} label="Category coverage" />
            </div>
            <div className="card">
              <h2>Difficulty distribution</h2>
              <HBarChart items={difficulty} label="Difficulty distribution" />
              <p className="muted small">Examples in train, val and test of the latest build, by difficulty level.</p>
            </div>
          </div>
          <div className="card">
            <h2>
              Tool coverage{' '}
              <span className="muted small">
                {metrics.tools_covered} / {metrics.tools_in_catalog} tools, most used first; uncovered tools are dimmed
              </span>
            </h2>
            <HBarChart items={tools} label="Tool coverage" columns={3} />
          </div>
        </>
      ) : null}
      <LatestEvalRuns />
    </section>
  );
}
