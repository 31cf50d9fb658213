import type { LiveProgress } from '../hooks/useJobProgress';
import { formatEta, formatRate } from '../hooks/useJobProgress';
import { Bar } from './Bar';

/**
 * A running job's progress: bar, message, done / total, throughput and ETA. With `phases` (a job that reports
 * "phase: detail" messages, e.g. the build) it also says which step of how many is running, and the rate and
 * ETA are those of the step, since each step counts its own units.
 */
export function JobProgressView({ progress, phases }: { progress: LiveProgress | undefined; phases?: readonly string[] }) {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const rate = progress?.rate ?? 0;
  const message = progress?.message ?? 'starting…';
  const phase = message.split(':')[0]!;
  const step = phases ? phases.indexOf(phase) : -1;
  return (
    <div className="stack job-progress" aria-live="polite" data-testid="job-progress">
      {phases && step >= 0 ? (
        <div className="row small">
          <strong data-testid="job-step">
            step {step + 1} of {phases.length}: {phase}
          </strong>
          <span className="spacer" />
          <span className="muted">{phases.map((_, i) => (i < step ? '●' : i === step ? '◉' : '○')).join(' ')}</span>
        </div>
      ) : null}
      <Bar value={done} max={Math.max(1, total)} />
      <div className="row muted small">
        <span data-testid="job-message">{message}</span>
        <span className="spacer" />
        <span className="num">
          {done.toLocaleString()} / {total.toLocaleString()}
        </span>
        <span>{formatRate(rate)}</span>
        <span>
          ETA {phases && step >= 0 ? 'of this step ' : ''}
          {formatEta(done, total, rate)}
        </span>
      </div>
    </div>
  );
}
