import { useEffect, useMemo, useState } from 'react';
import type { DiagnosticView } from '../../../src-preload/contract/review';
import { call } from '../api/client';

const KEYWORDS = new Set([
  'process', 'workflow', 'include', 'from', 'input', 'output', 'script', 'shell', 'exec', 'stub', 'when', 'take', 'main', 'emit',
  'publish', 'def', 'if', 'else', 'return', 'params', 'tuple', 'val', 'path', 'file', 'env', 'stdin', 'stdout', 'each', 'channel',
  'Channel', 'true', 'false', 'null', 'nextflow', 'enable', 'dsl',
]);
const TOKEN = /(\/\/.*$)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\b[A-Za-z_][A-Za-z0-9_]*\b)|(\b\d+(?:\.\d+)?\b)/gm;

/** Splits one line into highlighted spans; text is always rendered as text, never as HTML. */
function highlight(line: string) {
  const out: { text: string; cls?: string }[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    if (m.index > last) out.push({ text: line.slice(last, m.index) });
    const cls = m[1] ? 'tok-comment' : m[2] ? 'tok-string' : m[3] ? (KEYWORDS.has(m[3]) ? 'tok-keyword' : /^[A-Z][A-Z0-9_]+$/.test(m[3]) ? 'tok-process' : undefined) : 'tok-number';
    out.push({ text: m[0], cls });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

/** A Nextflow project: file tabs, highlighted source with line numbers, validator diagnostics at their lines. */
export function WorkflowViewer({ files }: { files: Record<string, string> }) {
  const paths = useMemo(() => Object.keys(files).sort((a, b) => (a === 'main.nf' ? -1 : b === 'main.nf' ? 1 : a.localeCompare(b))), [files]);
  const [active, setActive] = useState(paths[0] ?? 'main.nf');
  const [diagnostics, setDiagnostics] = useState<DiagnosticView[]>([]);
  const [lintError, setLintError] = useState<string | null>(null);
  useEffect(() => {
    setActive(paths[0] ?? 'main.nf');
    call('workflow.lint', { files }).then(
      (r) => {
        setDiagnostics(r.diagnostics);
        setLintError(null);
      },
      (e: Error) => setLintError(e.message),
    );
  }, [files, paths]);
  const source = files[active] ?? '';
  const byLine = new Map<number, DiagnosticView[]>();
  for (const d of diagnostics) if (d.file === active) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <div className="workflow">
      <div className="row tabs" role="tablist">
        {paths.map((p) => {
          const n = diagnostics.filter((d) => d.file === p).length;
          return (
            <button key={p} type="button" role="tab" aria-selected={p === active} className={p === active ? 'tab active' : 'tab'} onClick={() => setActive(p)}>
              {p}
              {n > 0 ? <span className="pill warn">{n}</span> : null}
            </button>
          );
        })}
        <span className="spacer" />
        <span className={errors > 0 ? 'pill bad' : 'pill ok'} data-testid="lint-summary">
          {lintError ? `lint failed: ${lintError}` : `${errors} errors, ${diagnostics.length - errors} warnings`}
        </span>
      </div>
      <pre className="code" title={`source of ${active}`} data-file={active}>
        {source.split('\n').map((line, i) => {
          const ds = byLine.get(i + 1);
          return (
            <div key={i} className={ds ? 'code-line has-diag' : 'code-line'}>
              <span className="ln">{i + 1}</span>
              <span>
                {highlight(line).map((t, j) => (
                  <span key={j} className={t.cls}>
                    {t.text}
                  </span>
                ))}
              </span>
              {ds?.map((d) => (
                <div key={`${d.rule}-${d.column}`} className={`diag ${d.severity}`}>
                  {d.severity} [{d.rule}] {d.message} (col {d.column})
                </div>
              ))}
            </div>
          );
        })}
      </pre>
    </div>
  );
}
