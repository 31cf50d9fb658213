import type { Example } from '../../../../src-preload/schemas/example';
import type { Intent } from '../../../../src-preload/schemas/intent';
import { WorkflowViewer } from '../../components/WorkflowViewer';

function IntentSummary({ intent }: { intent: Intent }) {
  const rows: [string, string][] = [
    ['Request kind', intent.request_kind.replace('_', ' ')],
    ['Analysis', intent.analysis_type],
    ['Organism', intent.organism ? `${intent.organism.scientific_name} (${intent.organism.genome_build})` : '—'],
    ['Tissue / cells', [intent.tissue, intent.cell_type].filter(Boolean).join(', ') || '—'],
    ['Data', `${intent.data_type ?? '—'} · ${intent.read_layout} · ${intent.strandedness}`],
    ['Comparison', intent.comparison ? intent.comparison.groups.join(' vs ') : '—'],
    ['Tools named', intent.requested_tools.join(', ') || '—'],
    ['Constraints', intent.constraints.join(', ') || '—'],
    ['Missing', intent.missing_information.join(', ') || '—'],
    ['Confidence', intent.confidence.toFixed(2)],
  ];
  return (
    <table aria-label="target intent">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th style={{ width: 140 }}>{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The target output of an example, by kind; all dataset text is rendered as text. */
export function ItemView({ example }: { example: Example }) {
  const o = example.output;
  return (
    <div className="stack">
      {o.intent ? (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>Target intent</h2>
          <IntentSummary intent={o.intent} />
        </div>
      ) : null}
      {o.tools && o.tools.length > 0 ? (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>Tools</h2>
          <ol>
            {o.tools.map((t) => (
              <li key={t.tool}>
                <b>{t.tool}</b> <span className="muted">— {t.rationale}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {o.workflow ? (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>Workflow</h2>
          <WorkflowViewer files={o.workflow.files} />
        </div>
      ) : null}
      {o.diagnosis ? (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>Diagnosis</h2>
          <p>{o.diagnosis}</p>
          <ol>
            {(o.fix_steps ?? []).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </div>
      ) : null}
      {o.explanation ? (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>Explanation</h2>
          <pre className="answer">{o.explanation}</pre>
        </div>
      ) : null}
    </div>
  );
}
