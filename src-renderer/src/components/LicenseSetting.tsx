import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { useApi } from '../hooks/useApi';

/** The dataset licence the export's card and dataset_info.json carry ('unknown' until chosen). */
export function LicenseSetting() {
  const current = useApi('exportSettings.get', {}, ['settings']);
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const value = draft ?? current.data?.license ?? '';
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await call('exportSettings.set', { license: value.trim() });
      setDraft(null);
      setMessage({ ok: true, text: `Saved: the next export carries license ${r.license}.` });
      current.reload();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  return (
    <form className="card stack settings-form" noValidate onSubmit={(e) => void save(e)} aria-label="Dataset licence">
      <h2 style={{ margin: 0 }}>Dataset licence</h2>
      <label className="field">
        Licence id (Hugging Face Hub), e.g. apache-2.0, mit, cc-by-4.0, other
        <input aria-label="dataset licence" value={value} onChange={(e) => setDraft(e.target.value)} spellCheck={false} />
      </label>
      <div className="muted small">Written into the dataset card (hub/README.md) and every hf/*/dataset_info.json; “unknown” until you choose one.</div>
      <div className="row">
        <button type="submit" className="primary">
          Save licence
        </button>
        {message ? (
          <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'fail'}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
