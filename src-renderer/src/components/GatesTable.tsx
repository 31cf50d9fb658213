import type { ReactNode } from 'react';
import type { Gate } from '../../../src-preload/schemas/build';
import { pct } from './format';

const tone = (result: Gate['result']) => (result === 'pass' ? 'ok' : result === 'fail' ? 'bad' : 'warn');

/** The plan's quality gates (3.3) with value, minimum and pass/fail; extra rows (e.g. leakage) may follow. */
export function GatesTable({ gates, label, children }: { gates: readonly Gate[]; label: string; children?: ReactNode }) {
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
        {children}
      </tbody>
    </table>
  );
}
