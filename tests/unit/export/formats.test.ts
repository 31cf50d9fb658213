import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../src-preload/schemas/export-formats';
import { FORMATS } from '../../../src-main/export/formats';
import { hubReadme, sizeCategory } from '../../../src-main/export/formats/hub';
import { RecordMetadataSchema } from '../../../src-main/export/record';
import { PATHS } from '../../../src-main/export/layout';
import { assertReplaceable } from '../../../src-main/export/replace-dir';
import { DEFAULT_SPLIT_CONFIG } from '../../../src-preload/schemas/build';
import { tempDir } from '../../support/serve';
import { REPO } from '../../support/serve';

describe('export formats: one file each, one list', () => {
  it('every format module has an entry in the Export screen list, and every entry but metadata a module', () => {
    expect(FORMATS.map((f) => f.id)).toEqual(EXPORT_FORMATS.map((f) => f.id).filter((id) => id !== 'metadata'));
  });

  it("README.md lists every format with its module's line", () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    for (const f of FORMATS) expect(readme, f.id).toContain(`\n- ${f.readme}\n`);
  });

  it('the dataset card lists every metadata field of RecordMetadataSchema, in schema order, with its description', () => {
    const card = hubReadme({ train: 8, val: 1, test: 1 }, ['train', 'val', 'test'], 'unknown');
    const rows = [...card.matchAll(/^\| `([a-z_]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows.map(([name]) => name)).toEqual([
      'example_id',
      'kind',
      'task',
      'source',
      'category',
      'analysis_type',
      'tools',
      'difficulty',
      'validated',
      'group_id',
      'golden_id',
      'style',
      'engine',
      'template_id',
    ]);
    // generated from the schema: a field added there is listed here, with the description it carries
    expect(rows).toEqual(Object.entries(RecordMetadataSchema.shape).map(([name, field]) => [name, field.description]));
    expect(rows.every(([, d]) => (d ?? '').length >= 10)).toBe(true);
    expect(card).toContain('| `source` | where it came from: synthetic, interaction, import, expert, or expert_unverified (an expert item whose answer no expert has approved yet) |');
  });

  it('size categories follow the Hub buckets', () => {
    expect([0, 999, 1000, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 2e12].map(sizeCategory)).toEqual([
      'n<1K',
      'n<1K',
      '1K<n<10K',
      '1K<n<10K',
      '10K<n<100K',
      '10K<n<100K',
      '100K<n<1M',
      '100K<n<1M',
      '1M<n<10M',
      'n>1T',
    ]);
  });

  it("an earlier export with datasets' cache-*.arrow files beside a split is still replaceable; other added files are not", () => {
    const dir = tempDir('biotrain-replace-');
    fs.mkdirSync(path.join(dir, 'metadata'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'hf', 'train'), { recursive: true });
    const manifest = { format_version: 1, app_version: 'x', schema_version: 1, seed: 42, split_config: DEFAULT_SPLIT_CONFIG, engines: [], counts: { train: 0, val: 0, test: 0 }, files: [], task_prompts: [] };
    fs.writeFileSync(path.join(dir, PATHS.manifest), JSON.stringify(manifest));
    fs.writeFileSync(path.join(dir, 'hf', 'train', 'cache-8f0e1d2c3b4a5968.arrow'), 'cache');
    expect(() => assertReplaceable(dir, null)).not.toThrow();
    fs.writeFileSync(path.join(dir, 'hf', 'train', 'mine.txt'), 'x');
    expect(() => assertReplaceable(dir, null)).toThrow(/holds 1 file\(s\) the export did not write \(hf\/train\/mine\.txt\)/);
  });
});
