// The formats one build writes (src-main/export/layout.ts has the exact paths), shown by the Export screen.
// One list for both sides; tests/unit/export/export-formats-list.test.ts checks it covers every exported path.

export interface ExportFormatInfo {
  id: string;
  /** the files or folders, as the user sees them in the output folder */
  files: string;
  description: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { id: 'processed', files: 'processed/{train,val,test}.jsonl', description: 'full records with metadata' },
  { id: 'openai', files: 'openai/{train,val,test}.jsonl', description: 'OpenAI chat fine-tuning messages' },
  { id: 'hf', files: 'hf/', description: 'Hugging Face datasets (Arrow, load_from_disk)' },
  { id: 'hub', files: 'hub/', description: 'Hub-ready Parquet with a dataset card' },
  { id: 'alpaca', files: 'alpaca_format.json, alpaca_format_val.json', description: 'Alpaca instruction/input/output' },
  { id: 'sharegpt', files: 'sharegpt_format.json, sharegpt_format_val.json', description: 'ShareGPT conversations' },
  { id: 'llama-factory', files: 'dataset_info.json', description: 'LLaMA-Factory dataset registry' },
  { id: 'metadata', files: 'metadata/quality_report.json, metadata/manifest.json, metadata/review_log.jsonl', description: 'quality report, manifest with sha256, review log (every decision in effect with its comment, flag and reject reason)' },
];
