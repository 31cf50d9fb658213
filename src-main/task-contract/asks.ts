import type { Task } from './tasks';

/** Words with which a user turn asks for a workflow. */
const WORKFLOW_WORD = /\b(?:workflows?|pipelines?)\b/i;

/** Words with which a request asks for Nextflow code without saying 'workflow': "write it in Nextflow", "structure this in DSL2". */
const IN_NEXTFLOW = /\b(?:in|with|using)\s+(?:a\s+)?(?:nextflow|dsl2)\b/i;

export function mentionsWorkflow(text: string): boolean {
  return WORKFLOW_WORD.test(text);
}

/**
 * Whether a user turn asks for a workflow: its own words, not a pasted log (fenced blocks of the
 * error-diagnosis task) nor the quoted request the parse task's frame hands over.
 */
export function asksForWorkflow(turn: string, task: Task): boolean {
  const own = task === 'intent_parsing' ? (turn.split('\n\n')[0] ?? '') : turn.replace(/```[\s\S]*?```/g, '');
  return mentionsWorkflow(own) || IN_NEXTFLOW.test(own);
}

const ASKS = ['Please write the Nextflow workflow.', 'Can you write the Nextflow pipeline for it?', 'I need the full Nextflow DSL2 workflow.'];

/** A workflow-task request that does not say it wants a workflow gets a closing sentence that does. */
export function askForWorkflow(text: string, pick: number): string {
  if (mentionsWorkflow(text) || IN_NEXTFLOW.test(text)) return text;
  const t = text.trim();
  const end = /[.?!]$/.test(t) ? '' : '.';
  return `${t}${end} ${ASKS[pick % ASKS.length]}`;
}
