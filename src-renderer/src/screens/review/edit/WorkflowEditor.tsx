import { useMemo, useRef, useState } from 'react';
import { useApi } from '../../../hooks/useApi';

/** The workflow's files, editable, with the validator's diagnostics (syntax and dataflow) as you type. */
export function WorkflowEditor({ files, onChange }: { files: Record<string, string>; onChange(next: Record<string, string>): void }) {
  const paths = useMemo(() => Object.keys(files).sort((a, b) => (a === 'main.nf' ? -1 : b === 'main.nf' ? 1 : a.localeCompare(b))), [files]);
  const [active, setActive] = useState(paths[0] ?? 'main.nf');
  const lint = useApi('workflow.lint', { files }, [], { debounceMs: 300 });
  const current = files[active] ?? '';
  const diags = lint.data?.diagnostics ?? [];
  const area = useRef<HTMLTextAreaElement>(null);
  /** opens a diagnostic's file with the caret on its line and column, scrolled into view */
  const jump = (file: string, line: number, column: number) => {
    setActive(file);
    requestAnimationFrame(() => {
      const el = area.current;
      if (!el) return;
      const lines = el.value.split('\n');
      const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, column - 1);
      el.focus();
      el.setSelectionRange(at, at);
      // the rendered height of one line (no wrapping in the code editor), two lines of context above
      el.scrollTop = Math.max(0, (line - 3) * (el.scrollHeight / Math.max(1, lines.length)));
    });
  };
  return (
    <div className="stack" data-testid="workflow-editor">
      <div className="row" style={{ flexWrap: 'wrap', gap: 4 }}>
        {paths.map((p) => {
          const errors = diags.filter((d) => d.file === p && d.severity === 'error').length;
          return (
            <button key={p} type="button" className={p === active ? 'tab active' : 'tab'} onClick={() => setActive(p)}>
              {p}
              {errors ? <span className="bad"> · {errors}</span> : null}
            </button>
          );
        })}
      </div>
      <textarea ref={area} aria-label={`edit ${active}`} className="editor code" spellCheck={false} value={current} onChange={(e) => onChange({ ...files, [active]: e.target.value })} />
      <div data-testid="workflow-diagnostics" aria-live="polite">
        {lint.loading ? <span className="muted">checking…</span> : null}
        {lint.data && lint.data.errorCount === 0 && lint.data.warningCount === 0 ? <span className="ok">no Nextflow errors or warnings</span> : null}
        <ul className="plain-list">
          {diags.map((d) => (
            <li key={`${d.file}:${d.line}:${d.column}:${d.rule}`} className={d.severity === 'error' ? 'bad' : 'warn'}>
              <button type="button" className="link" onClick={() => jump(d.file, d.line, d.column)} title="go to this line">
                {d.file}:{d.line}:{d.column}
              </button>{' '}
              {d.severity}: {d.message} <span className="muted">({d.rule})</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
