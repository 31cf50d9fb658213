import { stringify } from 'yaml';
import type { Split } from '../../src-preload/schemas/example';
import { HF_FEATURES } from './features';
import { HF_SPLIT } from './layout';

const DESCRIPTION =
  'Biotrain: bioinformatics requests paired with parsed intents, tool choices, Nextflow DSL2 workflows, tool explanations and error diagnoses, for fine-tuning a workflow assistant.';

export function hfDatasetInfo(split: Split, rows: number, bytes: number) {
  return {
    citation: '',
    description: DESCRIPTION,
    features: HF_FEATURES,
    homepage: '',
    license: '',
    splits: { [HF_SPLIT[split]]: { name: HF_SPLIT[split], num_bytes: bytes, num_examples: rows, dataset_name: null } },
  };
}

/** state.json as `save_to_disk` writes it; the fingerprint is derived from the data file's hash. */
export function hfState(split: Split, arrowSha256: string) {
  return {
    _data_files: [{ filename: 'data-00000-of-00001.arrow' }],
    _fingerprint: arrowSha256.slice(0, 16),
    _format_columns: null,
    _format_kwargs: {},
    _format_type: null,
    _output_all_columns: false,
    _split: HF_SPLIT[split],
  };
}

export function hfDatasetDict(splits: readonly Split[]) {
  return { splits: splits.map((s) => HF_SPLIT[s]) };
}

/** Hub dataset card: YAML `configs` naming the parquet files per split, then a short description. */
export function hubReadme(counts: Record<Split, number>, splits: readonly Split[]): string {
  const front = {
    configs: [{ config_name: 'default', data_files: splits.map((s) => ({ split: HF_SPLIT[s], path: `data/${HF_SPLIT[s]}-*` })) }],
    language: ['en'],
    task_categories: ['text-generation'],
    tags: ['bioinformatics', 'nextflow', 'workflow-generation'],
  };
  const rows = splits.map((s) => `| ${HF_SPLIT[s]} | ${counts[s]} |`).join('\n');
  return `---\n${stringify(front)}---\n\n# Biotrain training data\n\n${DESCRIPTION}\n\nEach row has an \`id\`, chat \`messages\` (system, user, assistant) and \`metadata\` (source, category, analysis type, tools, difficulty, validated).\n\n| split | rows |\n|---|---|\n${rows}\n`;
}
