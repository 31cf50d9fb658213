import { type FormEvent, useEffect, useState } from 'react';
import { EXPORT_FORMATS } from '../../../src-preload/schemas/export-formats';
import { call } from '../api/client';
import { BUILD_PHASES } from '../../../src-preload/schemas/build';
import { DataTable } from '../components/DataTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatBytes, formatTime } from '../components/format';
import { GatesTable } from '../components/GatesTable';
import { useApi } from '../hooks/useApi';
import { JobProgressView } from '../components/JobProgressView';
import { useJobProgress } from '../hooks/useJobProgress';
import { useBuildConfig } from '../state/buildConfig';
import { useNav } from '../state/nav';
import { BuildAccount } from './export/BuildAccount';

const BUILD_TONE: Record<string, string> = { passed: 'ok', failed: 'bad', error: 'bad', running: 'warn' };

/** Run the dataset build and export as a job; show its manifest and gates, and earlier builds. */
export function Export() {
  const splitConfig = useBuildConfig((s) => s.splitConfig);
  const go = useNav((s) => s.go);
  const [outDir, setOutDir] = useState('data/training');
  const [seed, setSeed] = useState(String(splitConfig.seed));
  const [jobId, setJobId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const live = useJobProgress();
  const jobs = useApi('jobs.list', {}, ['jobs']);
  const builds = useApi('builds.list', { limit: 50 }, ['builds', 'jobs']);

  // follow a build job that is already running (e.g. started before this screen was opened)
  const runningBuild = (jobs.data ?? []).filter((j) => j.kind === 'build' && j.status === 'running').sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  const trackedId = jobId ?? runningBuild?.id ?? null;
  const tracked = trackedId ? (jobs.data ?? []).find((j) => j.id === trackedId) : undefined;
  const progress = trackedId ? live[trackedId] : undefined;
  const status = progress?.status ?? tracked?.status ?? (jobId ? 'queued' : null);
  const running = starting || status === 'running' || status === 'queued';

  useEffect(() => {
    if (status && !running) setSelected(null);
  }, [status, running]);

  const shownId = selected ?? builds.data?.[0]?.id ?? null;
  const detail = useApi('builds.get', { id: shownId ?? '-' }, ['builds']);
  const shown = shownId && detail.data?.build.id === shownId ? detail.data : null;

  const start = async (e: FormEvent) => {
    e.preventDefault();
    const s = Number(seed);
    if (outDir.trim() === '') return setError('Choose an output folder.');
    if (!Number.isInteger(s) || s < 0) return setError('The seed must be a whole number ≥ 0.');
    setError(null);
    setStarting(true);
    try {
      const job = await call('build.start', { outDir: outDir.trim(), seed: s, splitConfig: { ...splitConfig, seed: s } });
      setJobId(job.id);
      jobs.reload();
    } catch (err) {
      setError(`Could not start the build: ${(err as Error).message}`);
    } finally {
      setStarting(false);
    }
  };

  const failedMessage = status === 'failed' || status === 'cancelled' ? (progress?.message ?? tracked?.error ?? tracked?.message ?? status) : null;

  return (
    <section className="stack">
      <h1>Export</h1>
      <ErrorBanner error={error} />
      <div className="dash-cols">
        <form className="card stack" noValidate onSubmit={(e) => void start(e)} aria-label="Build and export">
          <label className="field">
            Output folder
            <input aria-label="output folder" value={outDir} onChange={(e) => setOutDir(e.target.value)} spellCheck={false} />
          </label>
          <label className="field">
            Seed
            <input aria-label="build seed" type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
          <div className="muted small">
            Splits: train {splitConfig.ratios.train} / val {splitConfig.ratios.val} / test {splitConfig.ratios.test}, stratify by {splitConfig.stratifyBy},
            group by {splitConfig.groupBy}, near-duplicate threshold {splitConfig.nearDupThreshold}.{' '}
            <button type="button" className="link" onClick={() => go('splits')}>
              Change on Splits
            </button>
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={running}>
              {running ? 'Building…' : 'Run build & export'}
            </button>
            {running && trackedId ? (
              <button type="button" className="secondary" onClick={() => void call('jobs.cancel', { id: trackedId })}>
                Cancel
              </button>
            ) : null}
          </div>
          {running ? <JobProgressView progress={progress} phases={BUILD_PHASES} /> : null}
          {failedMessage ? (
            <div className="banner error" role="alert">
              Build {status}: {failedMessage}
            </div>
          ) : null}
        </form>
        <div className="card">
          <h2 style={{ marginTop: 0 }}>Formats written</h2>
          <ul className="plain-list formats">
            {EXPORT_FORMATS.map((f) => (
              <li key={f.id}>
                <code>{f.files}</code> <span className="muted">— {f.description}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>

      {shown ? (
        <div className="card stack" data-testid="build-detail">
          <div className="row">
            <h2 style={{ margin: 0 }}>Build {shown.build.id.slice(0, 8)}</h2>
            <span className={`pill ${BUILD_TONE[shown.build.status] ?? ''}`}>{shown.build.status}</span>
            <span className="muted">{formatTime(shown.build.finished_at ?? shown.build.created_at)}</span>
            <span className="spacer" />
            <code className="muted">{shown.build.output_dir}</code>
          </div>
          {shown.build.error ? (
            <div className="banner error" role="alert">
              {shown.build.error}
            </div>
          ) : null}
          {shown.build.failures.length > 0 ? (
            <ul className="fail plain-list">
              {shown.build.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          ) : null}
          {shown.qualityReport ? (
            <GatesTable gates={shown.qualityReport.gates} label="Gate results" leakage={shown.qualityReport.leakage} />
          ) : null}
          {shown.qualityReport ? <BuildAccount buildId={shown.build.id} /> : null}
          {shown.manifest ? (
            <>
              <h3>Files</h3>
              <div className="muted">
                Manifest: seed {shown.manifest.seed}, app v{shown.manifest.app_version}, engines {shown.manifest.engines.join(', ') || '–'}; train{' '}
                {shown.manifest.counts.train.toLocaleString()}, val {shown.manifest.counts.val.toLocaleString()}, test{' '}
                {shown.manifest.counts.test.toLocaleString()} rows; {shown.manifest.files.length} files.
              </div>
              <DataTable
                label="Manifest files"
                rows={shown.manifest.files}
                rowKey={(f) => f.path}
                columns={[
                  { header: 'File', cell: (f) => <code>{f.path}</code> },
                  { header: 'Rows', num: true, cell: (f) => (f.rows === null ? '–' : f.rows.toLocaleString()) },
                  { header: 'Size', num: true, cell: (f) => formatBytes(f.bytes) },
                  { header: 'sha256', cell: (f) => <code title={f.sha256}>{f.sha256.slice(0, 12)}</code> },
                ]}
              />
            </>
          ) : null}
        </div>
      ) : null}

      <div className="card">
        <h2 style={{ marginTop: 0 }}>Previous builds</h2>
        <ErrorBanner error={builds.error} />
        {builds.data && builds.data.length === 0 ? (
          <p className="muted">No builds yet.</p>
        ) : (
          <DataTable
            label="Previous builds"
            compact={false}
            rows={builds.data ?? []}
            rowKey={(b) => b.id}
            rowClass={(b) => (b.id === shownId ? 'selected' : undefined)}
            columns={[
              { header: 'Started', className: 'nowrap', cell: (b) => formatTime(b.created_at) },
              { header: 'Status', cell: (b) => <span className={`pill ${BUILD_TONE[b.status] ?? ''}`}>{b.status}</span> },
              { header: 'Seed', num: true, cell: (b) => b.seed },
              { header: 'train / val / test', num: true, cell: (b) => (b.counts ? `${b.counts.train} / ${b.counts.val} / ${b.counts.test}` : '–') },
              { header: 'Output folder', cell: (b) => <code>{b.output_dir ?? '–'}</code> },
              {
                header: '',
                cell: (b) => (
                  <button type="button" className="secondary" onClick={() => setSelected(b.id)} disabled={b.id === shownId}>
                    {b.id === shownId ? 'Shown' : 'Show'}
                  </button>
                ),
              },
            ]}
          />
        )}
      </div>
    </section>
  );
}
