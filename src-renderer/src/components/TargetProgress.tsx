import { targetStatus } from '../../../src-preload/schemas/plan-targets';
import { Bar } from './Bar';
import { pct } from './format';

const TONE = { below: 'accent', met: 'ok', over: 'warn' } as const;
const WORD = { below: 'below target', met: 'target met', over: 'over target' } as const;

/** A count against its plan target: bar and share, green only when met; far above the target is "over target". */
export function TargetProgress({ count, target }: { count: number; target: number }) {
  const status = targetStatus(count, target);
  return (
    <div className="row nowrap target-progress" data-target-status={status} title={`${count.toLocaleString()} of ${target.toLocaleString()}: ${WORD[status]}`}>
      <Bar value={count} max={target} tone={TONE[status]} />
      <span className={`num ${status === 'over' ? 'warn' : 'muted'}`}>{pct(count / target, 0)}</span>
      {status === 'over' ? <span className="pill warn">over target</span> : null}
    </div>
  );
}
