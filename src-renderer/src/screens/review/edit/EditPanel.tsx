import { useEffect, useRef, useState } from 'react';
import { type ExampleOutput, ExampleOutputSchema } from '../../../../../src-preload/schemas/example';
import { useApi } from '../../../hooks/useApi';
import type { Item } from '../useReviewFlow';
import { IntentForm } from './IntentForm';
import { ToolsPicker } from './ToolsPicker';
import { WorkflowEditor } from './WorkflowEditor';

type Tab = 'intent' | 'tools' | 'workflow' | 'text' | 'json';

function tabsFor(o: ExampleOutput): Tab[] {
  const tabs: Tab[] = [];
  if (o.intent) tabs.push('intent');
  if (o.tools) tabs.push('tools');
  if (o.workflow) tabs.push('workflow');
  if (o.explanation !== undefined || o.diagnosis !== undefined) tabs.push('text');
  tabs.push('json');
  return tabs;
}

const TAB_LABEL: Record<Tab, string> = { intent: 'Intent', tools: 'Tools', workflow: 'Workflow', text: 'Text', json: 'Advanced: JSON' };

/**
 * Edits an item's target output through a form per part (intent slots with knowledge-base pickers, the tool
 * choice, the workflow with live diagnostics; free JSON as the advanced tab). Main checks the draft as it
 * changes (review.checkEdit, the same check review.decide applies): while it has problems it cannot be saved.
 */
export function EditPanel({ item, draft, onDraft, onSave, onCancel }: { item: Item; draft: ExampleOutput; onDraft(d: ExampleOutput): void; onSave(): void; onCancel(): void }) {
  const catalog = useApi('knowledge.catalog', {});
  const tabs = tabsFor(item.output);
  const [tab, setTab] = useState<Tab>(tabs[0]!);
  const [jsonText, setJsonText] = useState(() => JSON.stringify(draft, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const check = useApi('review.checkEdit', { id: item.id, output: draft }, [], { debounceMs: 200 });
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // `e` lands in the editor: its first field gets the focus
    first.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  }, [tab, catalog.data]);
  useEffect(() => {
    if (tab !== 'json') setJsonText(JSON.stringify(draft, null, 2));
  }, [draft, tab]);

  const problems = check.data?.problems ?? [];
  const blocked = jsonError !== null || check.loading || problems.length > 0 || check.error !== null;
  const why = jsonError ?? (check.error ? `cannot check the edit: ${check.error}` : null);

  return (
    <form
      className="card stack"
      data-testid="edit-panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked) onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          if (!blocked) onSave();
        }
      }}
    >
      <div className="row">
        <h2 style={{ margin: 0 }}>Edit the target output</h2>
        <span className="spacer" />
        <div className="row" role="tablist" style={{ gap: 4 }}>
          {tabs.map((t) => (
            <button key={t} type="button" role="tab" aria-selected={t === tab} className={t === tab ? 'tab active' : 'tab'} onClick={() => setTab(t)}>
              {TAB_LABEL[t]}
            </button>
          ))}
        </div>
      </div>
      <div ref={first}>
        {tab === 'intent' && draft.intent && catalog.data ? <IntentForm intent={draft.intent} catalog={catalog.data} onChange={(intent) => onDraft({ ...draft, intent })} /> : null}
        {tab === 'tools' && catalog.data ? <ToolsPicker tools={draft.tools ?? []} catalog={catalog.data} onChange={(tools) => onDraft({ ...draft, tools })} /> : null}
        {tab === 'workflow' && draft.workflow ? <WorkflowEditor files={draft.workflow.files} onChange={(files) => onDraft({ ...draft, workflow: { files } })} /> : null}
        {tab === 'text' ? (
          <div className="stack">
            {draft.explanation !== undefined ? (
              <label className="field wide">
                Explanation
                <textarea aria-label="explanation" className="editor" value={draft.explanation} onChange={(e) => onDraft({ ...draft, explanation: e.target.value })} />
              </label>
            ) : null}
            {draft.diagnosis !== undefined ? (
              <>
                <label className="field wide">
                  Diagnosis
                  <textarea aria-label="diagnosis" className="editor short" value={draft.diagnosis} onChange={(e) => onDraft({ ...draft, diagnosis: e.target.value })} />
                </label>
                <label className="field wide">
                  Fix steps (one per line)
                  <textarea aria-label="fix steps" className="editor short" value={(draft.fix_steps ?? []).join('\n')} onChange={(e) => onDraft({ ...draft, fix_steps: e.target.value.split('\n') })} />
                </label>
              </>
            ) : null}
          </div>
        ) : null}
        {tab === 'json' ? (
          <textarea
            aria-label="edited output"
            className="editor code"
            spellCheck={false}
            value={jsonText}
            onChange={(e) => {
              setJsonText(e.target.value);
              let parsed: unknown;
              try {
                parsed = JSON.parse(e.target.value);
              } catch (err) {
                setJsonError(`not valid JSON: ${(err as Error).message}`);
                return;
              }
              const out = ExampleOutputSchema.safeParse(parsed);
              if (!out.success) {
                const issue = out.error.issues[0]!;
                setJsonError(`invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
                return;
              }
              setJsonError(null);
              onDraft(out.data);
            }}
          />
        ) : null}
      </div>
      {check.loading && !why ? (
        <div className="muted">checking the edit…</div>
      ) : problems.length > 0 || why ? (
        <div className="banner error" role="alert" data-testid="edit-problems">
          {why ? <div>Cannot accept this edit: {why}</div> : <div>Cannot accept this edit until these are fixed:</div>}
          {!jsonError && problems.length > 0 ? (
            <ul className="plain-list">
              {problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <code>{p.path}</code> {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <div className="ok" data-testid="edit-valid">The edit passes the knowledge-base and Nextflow checks.</div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={blocked}>
          Save and accept (ctrl+enter)
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel (esc)
        </button>
      </div>
    </form>
  );
}
