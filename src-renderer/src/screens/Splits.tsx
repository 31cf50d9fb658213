import { type FormEvent, useEffect, useState } from 'react';
import type { SplitConfig } from '../../../src-preload/schemas/build';
import { ErrorBanner } from '../components/ErrorBanner';
import { pct } from '../components/format';
import { useApi } from '../hooks/useApi';
import { useBuildConfig } from '../state/buildConfig';
import { useNav } from '../state/nav';

interface Form {
  train: string;
  val: string;
  test: string;
  seed: string;
  stratifyBy: SplitConfig['stratifyBy'];
  groupBy: SplitConfig['groupBy'];
  nearDupThreshold: string;
}

const SPLIT_NAMES = ['train', 'val', 'test'] as const;

const toForm = (c: SplitConfig): Form => ({
  train: String(c.ratios.train),
  val: String(c.ratios.val),
  test: String(c.ratios.test),
  seed: String(c.seed),
  stratifyBy: c.stratifyBy,
  groupBy: c.groupBy,
  nearDupThreshold: String(c.nearDupThreshold),
});

/** The form as a split config, or the first problem with it in words. */
function validateSplitForm(f: Form, base: SplitConfig): { config: SplitConfig } | { problem: string } {
  const ratios = { train: Number(f.train), val: Number(f.val), test: Number(f.test) };
  for (const s of SPLIT_NAMES) {
    const v = ratios[s];
    if (f[s].trim() === '' || !Number.isFinite(v) || v < 0 || v > 1) return { problem: `The ${s} ratio must be a number from 0 to 1.` };
  }
  const sum = ratios.train + ratios.val + ratios.test;
  if (Math.abs(sum - 1) > 1e-6)
    return { problem: `Ratios must add up to 1: train + val + test is ${Number(sum.toFixed(6))}, ${sum > 1 ? 'over' : 'under'} by ${Number(Math.abs(sum - 1).toFixed(6))}.` };
  if (ratios.train <= 0) return { problem: 'The train ratio must be above 0.' };
  const seed = Number(f.seed);
  if (f.seed.trim() === '' || !Number.isInteger(seed) || seed < 0) return { problem: 'The seed must be a whole number ≥ 0.' };
  const t = Number(f.nearDupThreshold);
  if (f.nearDupThreshold.trim() === '' || !(t >= 0.3 && t <= 1)) return { problem: 'The near-duplicate threshold must be from 0.3 to 1.' };
  return { config: { ...base, ratios, seed, stratifyBy: f.stratifyBy, groupBy: f.groupBy, nearDupThreshold: t } };
}

/** Split settings with a live preview of the assignment over the current store (nothing is exported). */
export function Splits() {
  const { splitConfig, setSplitConfig } = useBuildConfig();
  const go = useNav((s) => s.go);
  const [form, setForm] = useState<Form>(() => toForm(splitConfig));

  const checked = validateSplitForm(form, splitConfig);
  const problem = 'problem' in checked ? checked.problem : null;
  const config = 'config' in checked ? checked.config : null;
  const configKey = config ? JSON.stringify(config) : null;
  useEffect(() => {
    if (configKey) setSplitConfig(JSON.parse(configKey) as SplitConfig);
  }, [configKey, setSplitConfig]);
  // previews follow the form 300 ms after the last change; "Preview now" asks at once
  const { data: preview, error, loading, reload } = useApi('splits.preview', { config: config ?? splitConfig }, [], { debounceMs: 300, skip: !config });

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (config) reload();
  };

  const total = preview ? preview.splits.train + preview.splits.val + preview.splits.test : 0;
  const leak = preview?.leakage;
  const nd = preview?.nearDuplicates;

  return (
    <section className="stack">
      <h1>Splits</h1>
      <form className="card split-form" noValidate onSubmit={submit} aria-label="Split settings">
        <div className="row align-end">
          {SPLIT_NAMES.map((s) => (
            <label key={s} className="field">
              {s} ratio
              <input
                aria-label={`${s} ratio`}
                type="number"
                step={0.05}
                min={0}
                max={1}
                value={form[s]}
                aria-invalid={problem?.includes('ratio') || problem?.startsWith('Ratios') ? true : undefined}
                onChange={(e) => set({ [s]: e.target.value } as Partial<Form>)}
              />
            </label>
          ))}
          <label className="field">
            seed
            <input aria-label="seed" type="number" min={0} value={form.seed} onChange={(e) => set({ seed: e.target.value })} />
          </label>
          <label className="field">
            stratify by
            <select aria-label="stratify by" value={form.stratifyBy} onChange={(e) => set({ stratifyBy: e.target.value as Form['stratifyBy'] })}>
              <option value="analysis_type">analysis_type</option>
              <option value="category">category</option>
              <option value="kind">kind</option>
              <option value="none">none</option>
            </select>
          </label>
          <label className="field">
            group by
            <select aria-label="group by" value={form.groupBy} onChange={(e) => set({ groupBy: e.target.value as Form['groupBy'] })}>
              <option value="group_id">group_id</option>
              <option value="base_id">base_id</option>
              <option value="none">none</option>
            </select>
          </label>
          <label className="field">
            near-dup threshold
            <input
              aria-label="near-duplicate threshold"
              type="number"
              step={0.05}
              min={0.3}
              max={1}
              value={form.nearDupThreshold}
              onChange={(e) => set({ nearDupThreshold: e.target.value })}
            />
          </label>
          <button type="submit" className="secondary">
            Preview now
          </button>
        </div>
        {problem ? (
          <div className="banner error split-problem" role="alert">
            {problem}
          </div>
        ) : (
          <p className="muted small">
            These settings are used by the next build on the{' '}
            <button type="button" className="link" onClick={() => go('export')}>
              Export
            </button>{' '}
            screen.
          </p>
        )}
      </form>
      <ErrorBanner error={error} />

      {preview ? (
        <div className={loading || problem ? 'stale' : ''} aria-busy={loading}>
          <div className="grid">
            {SPLIT_NAMES.map((s) => (
              <div key={s} className="card">
                <div className="muted">{s}</div>
                <div className="big" data-testid={`split-${s}`}>
                  {preview.splits[s].toLocaleString()}
                </div>
                <div className="muted small">{total > 0 ? pct(preview.splits[s] / total) : '–'} of previewed examples</div>
              </div>
            ))}
            <div className="card">
              <div className="muted">Expert test items</div>
              <div className="big" data-testid="expert-test">
                {preview.expertTest.verified.toLocaleString()} / {preview.expertTest.total.toLocaleString()}
              </div>
              <div className="muted small">expert-verified (test only); unverified ones are exported as flagged test items</div>
            </div>
            <div className="card">
              <div className="muted">Leakage check</div>
              <div className="row" style={{ marginTop: 6 }} data-testid="leakage">
                <span className={`pill ${leak!.sharedGroups === 0 ? 'ok' : 'bad'}`}>{leak!.sharedGroups} shared groups</span>
                <span className={`pill ${leak!.crossSplitNearDuplicates === 0 ? 'ok' : 'warn'}`}>{leak!.crossSplitNearDuplicates} cross-split near-dups</span>
              </div>
            </div>
          </div>

          <div className="card" style={{ marginTop: 14 }}>
            <h2 style={{ marginTop: 0 }}>Per analysis type</h2>
            <table aria-label="Split preview by analysis type">
              <thead>
                <tr>
                  <th>Analysis type</th>
                  <th className="num">train</th>
                  <th className="num">val</th>
                  <th className="num">test</th>
                  <th className="num">total</th>
                  <th>val / test share</th>
                </tr>
              </thead>
              <tbody>
                {preview.byAnalysisType.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="muted">
                      No included examples yet: generate some on the Generate screen, or accept examples in Review.
                    </td>
                  </tr>
                ) : null}
                {preview.byAnalysisType.map((t) => (
                  <tr key={t.analysisType}>
                    <td>{t.analysisType}</td>
                    <td className="num">{t.train.toLocaleString()}</td>
                    <td className="num">{t.val.toLocaleString()}</td>
                    <td className="num">{t.test.toLocaleString()}</td>
                    <td className="num">{(t.train + t.val + t.test).toLocaleString()}</td>
                    <td data-testid={`band-${t.analysisType}`}>
                      {t.band === 'small' ? (
                        <span className="muted">under 50</span>
                      ) : (
                        <span className={`pill ${t.band === 'ok' ? 'ok' : 'warn'}`}>{t.band === 'ok' ? '5-15%' : 'outside 5-15%'}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="total-row">
                  <td>Total</td>
                  <td className="num">{preview.splits.train.toLocaleString()}</td>
                  <td className="num">{preview.splits.val.toLocaleString()}</td>
                  <td className="num">{preview.splits.test.toLocaleString()}</td>
                  <td className="num">{total.toLocaleString()}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>

          {leak && leak.examples.length > 0 ? (
            <div className="card" style={{ marginTop: 14 }}>
              <h2 style={{ marginTop: 0 }}>Leakage examples</h2>
              <ul className="plain-list">
                {leak.examples.map((x) => (
                  <li key={x}>
                    <code>{x}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          <p className="muted small" style={{ marginTop: 14 }}>
            Preview of {preview.included.toLocaleString()} included examples (auto-validated or accepted; {preview.notIncluded.toLocaleString()} pending,
            awaiting review or rejected are left out), computed in {preview.ms} ms. It is an approximation of the build: the build also drops rule
            failures and exact duplicates before splitting, and moves the train/val member of each cross-split near-duplicate pair out. Shared groups
            count paraphrase groups (group_id) found in more than one split.{' '}
            {nd?.buildId
              ? `Near-duplicate pairs (${nd.pairs.toLocaleString()} in ${nd.clusters.toLocaleString()} clusters) come from the latest build's clusters at threshold ${nd.threshold ?? '?'}; the threshold set here applies at the next build.`
              : 'No build yet, so near-duplicates are not checked; run a build on the Export screen to find them.'}
          </p>
        </div>
      ) : loading ? (
        <p className="muted">Computing preview…</p>
      ) : null}
    </section>
  );
}
