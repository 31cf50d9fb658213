import type { Split } from '../../src-preload/schemas/example';

/** Hugging Face split names: `val` is published as `validation`, the name the Hub and `datasets` expect. */
export const HF_SPLIT: Record<Split, string> = { train: 'train', val: 'validation', test: 'test' };

export const PATHS = {
  processed: (s: Split) => `processed/${s}.jsonl`,
  openai: (s: Split) => `openai/${s}.jsonl`,
  hfArrow: (s: Split) => `hf/${HF_SPLIT[s]}/data-00000-of-00001.arrow`,
  hfInfo: (s: Split) => `hf/${HF_SPLIT[s]}/dataset_info.json`,
  hfState: (s: Split) => `hf/${HF_SPLIT[s]}/state.json`,
  hfDict: 'hf/dataset_dict.json',
  hubParquet: (s: Split) => `hub/data/${HF_SPLIT[s]}-00000-of-00001.parquet`,
  hubReadme: 'hub/README.md',
  alpaca: 'alpaca_format.json',
  alpacaVal: 'alpaca_format_val.json',
  sharegpt: 'sharegpt_format.json',
  sharegptVal: 'sharegpt_format_val.json',
  llamaFactoryInfo: 'dataset_info.json',
  qualityReport: 'metadata/quality_report.json',
  reviewLog: 'metadata/review_log.jsonl',
  manifest: 'metadata/manifest.json',
} as const;

/** Where an export keeps the copy of a task's prompt file (listed in the manifest under task_prompts). */
export const taskPromptPath = (task: string) => `metadata/prompts/${task}.md`;
