import type { ReactNode } from 'react';
import type { Gate, LeakageReport } from '../../../src-preload/schemas/build';
import { pct } from './format';

const tone = (result: Gate['result']) => (result === 'pass' ? 'ok' : result === 'fail' ? 'bad' : 'warn');

/** The plan's quality gates (3.3) with value, minimum and pass/fail, then the leakage check when given; extra rows may follow. */
export function GatesTable({ gates, label, leakage, children }: { gates: readonly Gate[]; label: string; leakage?: LeakageReport; children?: ReactNode }) {
  const leaks = leakage ? leakage.sharedGroups + leakage.crossSplitNearDuplicates : 0;
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th>Gate</th>
          <th className="num">Value</th>
          <th className="num">Minimum</th>
          <th>Result</th>
        </tr>
      </thead>
      <tbody>
        {gates.map((g) => (
          <tr key={g.name}>
            <td>{g.name}</td>
            <td className="num">{g.display}</td>
            <td className="num">{pct(g.threshold, 0)}</td>
            <td>
              <span className={`pill ${tone(g.result)}`}>{g.result}</span>
            </td>
          </tr>
        ))}
        {leakage ? (
          <tr>
            <td>leakage</td>
            <td className="num">
              {leakage.sharedGroups} groups, {leakage.crossSplitNearDuplicates} near-dups
            </td>
            <td className="num">0</td>
            <td>
              <span className={`pill ${leaks === 0 ? 'ok' : 'bad'}`}>{leaks === 0 ? 'pass' : 'fail'}</span>
            </td>
          </tr>
        ) : null}
        {children}
      </tbody>
    </table>
  );
}
