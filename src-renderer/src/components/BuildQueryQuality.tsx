import type { KindTargetView, QueryQualityView } from '../../../src-preload/contract/dataset';
import { KIND_LABELS, pct } from './format';

/** Each generated kind's kept count (after dedup, rules and review) against its plan target, and why a short kind fell short. */
export function BuildTargets({ targets }: { targets: KindTargetView[] }) {
  return (
    <table aria-label="Targets vs kept">
      <thead>
        <tr>
          <th>Kind</th>
          <th className="num">Target</th>
          <th className="num">Generated</th>
          <th className="num">Kept</th>
          <th>Result</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.kind} data-kind={t.kind}>
            <td>{KIND_LABELS[t.kind] ?? t.kind}</td>
            <td className="num">{t.target.toLocaleString()}</td>
            <td className="num">{t.generated.toLocaleString()}</td>
            <td className="num kept">{t.kept.toLocaleString()}</td>
            <td>
              {t.met ? <span className="pill ok">met</span> : <span className="pill bad">short</span>}
              {t.reason ? <span className="muted small"> {t.reason}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Naturalness of the kept query variations per style against the targets, and each target missed. */
export function QueryQualityTable({ quality }: { quality: QueryQualityView }) {
  const t = quality.targets;
  return (
    <>
      <table aria-label="Query quality">
        <thead>
          <tr>
            <th>Style</th>
            <th className="num">n</th>
            <th className="num">distinct-2</th>
            <th className="num">distinct-3</th>
            <th className="num">top-12 openers</th>
            <th className="num">artefacts</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(quality.styles).map(([style, s]) => (
            <tr key={style} data-style={style}>
              <td>{style.replace(/_/g, ' ')}</td>
              <td className="num">{s.count.toLocaleString()}</td>
              <td className="num">{s.distinct2.toFixed(3)}</td>
              <td className="num">{s.distinct3.toFixed(3)}</td>
              <td className={`num ${s.top12OpenerShare >= t.maxTop12OpenerShare ? 'fail' : ''}`}>{pct(s.top12OpenerShare)}</td>
              <td className={`num ${s.artefacts > t.maxArtefacts ? 'fail' : ''}`} title={s.artefactExamples.join('\n')}>
                {s.artefacts.toLocaleString()}
              </td>
            </tr>
          ))}
          <tr data-style="all">
            <td>all styles</td>
            <td className="num">{quality.overall.count.toLocaleString()}</td>
            <td className="num">{quality.overall.distinct2.toFixed(3)}</td>
            <td className={`num ${quality.overall.distinct3 < t.minDistinct3 ? 'fail' : ''}`} data-testid="distinct3-all">
              {quality.overall.distinct3.toFixed(3)}
            </td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        Targets: distinct-3 ≥ {t.minDistinct3} over all variations, top-12 openers under {pct(t.maxTop12OpenerShare, 0)} and at most {t.maxArtefacts}{' '}
        detected artefacts in every style.
      </p>
      {quality.misses.length > 0 ? (
        <ul className="query-misses" aria-label="Query targets missed">
          {quality.misses.map((m) => (
            <li key={m} className="fail">
              {m}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ok small">Every query target met.</p>
      )}
    </>
  );
}
