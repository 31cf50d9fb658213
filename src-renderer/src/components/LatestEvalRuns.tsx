import { useApi } from '../hooks/useApi';
import { useNav } from '../state/nav';
import { EvalRunsTable } from './EvalRunsTable';

/** The Dashboard's card of the latest model evaluation runs, linking to the Evaluate screen. */
export function LatestEvalRuns() {
  const go = useNav((s) => s.go);
  const runs = useApi('evalModel.runs', { limit: 5 }, ['eval-runs', 'jobs']);
  return (
    <div className="card" data-testid="latest-eval-runs">
      <div className="row">
        <h2 style={{ margin: 0 }}>Latest model evaluations</h2>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => go('evaluate')}>
          Evaluate a model
        </button>
      </div>
      {runs.error ? <p className="fail">Could not load the runs: {runs.error}</p> : <EvalRunsTable runs={runs.data ?? []} />}
    </div>
  );
}
