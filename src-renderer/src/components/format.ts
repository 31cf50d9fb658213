/** Short, locale-independent formatting helpers shared by the dataset screens. */
export const pct = (v: number, digits = 1) => `${(100 * v).toFixed(digits)}%`;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** "2024-05-01 12:34:56" from an ISO timestamp. */
export const formatTime = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : '–');

export const KIND_LABELS: Record<string, string> = {
  query_variation: 'Query variations',
  tool_selection: 'Tool selection',
  workflow: 'Workflows',
  education: 'Education',
  error_diagnosis: 'Error diagnosis',
  interaction: 'Interactions',
};

/** The tasks of src-main/task-contract/tasks.ts (one system prompt each), as the screens name them. */
export const TASK_LABELS: Record<string, string> = {
  intent_parsing: 'Intent parsing',
  tool_selection: 'Tool selection',
  workflow_generation: 'Workflow generation',
  education: 'Education',
  error_diagnosis: 'Error diagnosis',
};
