import { type FormEvent, useEffect, useState } from 'react';
import type { LlmConnectionTest } from '../../../src-preload/contract/core';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApi } from '../hooks/useApi';
import { LicenseSetting } from '../components/LicenseSetting';

interface Form {
  baseURL: string;
  model: string;
  concurrency: string;
  timeoutSec: string;
  apiKey: string;
}

function validate(f: Form): string | null {
  try {
    const u = new URL(f.baseURL);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'The base URL must start with http:// or https://.';
  } catch {
    return 'The base URL is not a valid URL (e.g. http://127.0.0.1:8000/v1).';
  }
  if (f.model.trim() === '') return 'Enter a model name.';
  const c = Number(f.concurrency);
  if (!Number.isInteger(c) || c < 1 || c > 64) return 'Concurrency must be a whole number from 1 to 64.';
  const t = Number(f.timeoutSec);
  if (!Number.isFinite(t) || t < 1 || t > 600) return 'The timeout must be from 1 to 600 seconds.';
  return null;
}

/** LLM endpoint settings for the 'llm' generation engine; the API key never reaches SQLite or logs. */
export function Settings() {
  const settings = useApi('settings.get', {});
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<LlmConnectionTest | null>(null);
  const [testing, setTesting] = useState(false);
  const desktop = typeof window.api !== 'undefined';

  useEffect(() => {
    const llm = settings.data?.llm;
    if (llm)
      setForm((f) => f ?? { baseURL: llm.baseURL, model: llm.model, concurrency: String(llm.concurrency), timeoutSec: String(llm.timeoutMs / 1000), apiKey: '' });
  }, [settings.data]);

  const set = (patch: Partial<Form>) => {
    setSaved(null);
    if ('baseURL' in patch || 'apiKey' in patch) setTest(null);
    setForm((f) => (f ? { ...f, ...patch } : f));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const problem = validate(form);
    if (problem) return setError(problem);
    setError(null);
    setSaving(true);
    try {
      await call('settings.setLlm', {
        baseURL: form.baseURL.trim(),
        model: form.model.trim(),
        concurrency: Number(form.concurrency),
        timeoutMs: Math.round(Number(form.timeoutSec) * 1000),
        ...(form.apiKey ? { apiKey: form.apiKey } : {}),
      });
      const keyNote = form.apiKey ? ' The API key was stored.' : '';
      setForm({ ...form, apiKey: '' });
      setSaved(`Settings saved at ${new Date().toLocaleTimeString()}.${keyNote}`);
      settings.reload();
    } catch (err) {
      setError(`Could not save: ${(err as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  /** asks the endpoint in the form (saved or not) for its model list */
  const testConnection = async () => {
    if (!form) return;
    const problem = validate(form);
    if (problem) return setError(problem);
    setError(null);
    setTest(null);
    setTesting(true);
    try {
      setTest(
        await call('settings.testLlm', {
          baseURL: form.baseURL.trim(),
          model: form.model.trim(),
          timeoutMs: Math.round(Number(form.timeoutSec) * 1000),
          ...(form.apiKey ? { apiKey: form.apiKey } : {}),
        }),
      );
    } catch (err) {
      setError(`Could not test the connection: ${(err as Error).message}`);
    } finally {
      setTesting(false);
    }
  };

  const keySet = settings.data?.llm.apiKeySet ?? false;

  return (
    <section className="stack">
      <h1>Settings</h1>
      <ErrorBanner error={error ?? settings.error} />
      {form ? (
        <form className="card stack settings-form" noValidate onSubmit={(e) => void save(e)} aria-label="LLM settings">
          <h2 style={{ marginTop: 0 }}>LLM endpoint</h2>
          <p className="muted small">Any OpenAI-compatible chat completions endpoint, used by the “llm” engine on the Generate screen.</p>
          <label className="field">
            Base URL
            <input aria-label="base URL" value={form.baseURL} onChange={(e) => set({ baseURL: e.target.value })} spellCheck={false} />
          </label>
          <label className="field">
            Model
            <input aria-label="model" value={form.model} onChange={(e) => set({ model: e.target.value })} spellCheck={false} />
          </label>
          <div className="row">
            <label className="field">
              Concurrency (parallel requests)
              <input aria-label="concurrency" type="number" min={1} max={64} value={form.concurrency} onChange={(e) => set({ concurrency: e.target.value })} />
            </label>
            <label className="field">
              Timeout (seconds per request)
              <input aria-label="timeout seconds" type="number" min={1} max={600} value={form.timeoutSec} onChange={(e) => set({ timeoutSec: e.target.value })} />
            </label>
          </div>
          <label className="field">
            <span className="row">
              API key
              <span className={`pill ${keySet ? 'ok' : 'warn'}`} data-testid="api-key-state">
                {keySet ? 'set' : 'not set'}
              </span>
            </span>
            <input
              aria-label="API key"
              type="password"
              autoComplete="off"
              value={form.apiKey}
              placeholder={keySet ? 'leave empty to keep the current key' : 'sk-…'}
              onChange={(e) => set({ apiKey: e.target.value })}
            />
          </label>
          <div className="key-note small">
            <strong>Where the key is stored.</strong>{' '}
            <span className={desktop ? '' : 'muted'}>Desktop app: in the OS keychain, encrypted with Electron safeStorage.</span>{' '}
            <span className={desktop ? 'muted' : ''}>Browser mode (biotrain serve): in the server's memory only, lost when it stops.</span> Never in the
            SQLite store, never in logs or exports. {desktop ? 'You are in the desktop app.' : 'You are in browser mode.'}
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="secondary" disabled={testing} onClick={() => void testConnection()}>
              {testing ? 'Testing…' : 'Test connection'}
            </button>
            {saved ? (
              <span className="pill ok" role="status">
                {saved}
              </span>
            ) : null}
          </div>
          {test ? <ConnectionResult test={test} model={form.model.trim()} onPick={(model) => set({ model })} /> : null}
        </form>
      ) : settings.error ? null : (
        <p className="muted">Loading…</p>
      )}
      <LicenseSetting />
    </section>
  );
}

/** The outcome of "Test connection": status, latency and the models served (a click picks one). */
function ConnectionResult({ test, model, onPick }: { test: LlmConnectionTest; model: string; onPick(model: string): void }) {
  const served = test.models.includes(model);
  return (
    <div className={`banner ${test.ok ? 'result-ok' : 'error'} stack`} role="status" data-testid="connection-result">
      <div className="row">
        <span className={`pill ${test.ok ? 'ok' : 'bad'}`}>{test.ok ? 'connected' : 'failed'}</span>
        <span data-testid="connection-status">
          {test.status === null ? 'no answer' : `HTTP ${test.status}`} in {test.latencyMs} ms
        </span>
        <code className="muted">GET {test.url}</code>
      </div>
      {test.error ? <div data-testid="connection-error">{test.error}</div> : null}
      {test.ok ? (
        <>
          <div className={served ? 'ok' : 'warn'} data-testid="connection-model">
            {test.models.length === 0
              ? 'The endpoint serves no model.'
              : served
                ? `“${model}” is served.`
                : `“${model}” is not among the ${test.models.length} model${test.models.length === 1 ? '' : 's'} served: pick one below or check the name.`}
          </div>
          <ul className="plain-list model-list" aria-label="Models served">
            {test.models.map((m) => (
              <li key={m}>
                <button type="button" className="link" onClick={() => onPick(m)} aria-current={m === model ? 'true' : undefined}>
                  {m}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
