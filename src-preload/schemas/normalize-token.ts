/** Spellings and abbreviations that name the same thing (after case and separators are removed). */
const SYNONYMS: Record<string, string> = {
  tumour: 'tumor',
  tumours: 'tumor',
  tumors: 'tumor',
  wt: 'wildtype',
  ko: 'knockout',
  ctrl: 'control',
  controls: 'control',
  pe: 'paired',
  pairedend: 'paired',
  se: 'single',
  singleend: 'single',
  haematopoietic: 'hematopoietic',
  oesophagus: 'esophagus',
  foetal: 'fetal',
  pbmcs: 'pbmc',
};

/**
 * Case, hyphen, underscore and whitespace differences are cosmetic ('Wild-type' equals 'wildtype'), and so are
 * British spellings and common abbreviations ('tumour' equals 'tumor', 'KO' equals 'knockout').
 */
export function normalizeToken(value: string): string {
  const flat = value.trim().toLowerCase().replace(/[\s_-]+/g, '');
  return SYNONYMS[flat] ?? flat;
}
