import fs from 'node:fs';
import path from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { parse as parseYaml, stringify } from 'yaml';
import type { Split } from '../../../src-preload/schemas/example';
import { HF_SPLIT, PATHS } from '../layout';
import { describeFile, type ManifestFile } from '../manifest';
import { ParquetSink } from '../parquet-sink';
import type { TokenBudget } from '../../metrics/token-budget';
import { recordMetadataFields, type TrainingRecord } from '../record';
import { filesBelow } from '../../util/files-below';
import { type Checker, compareCount, compareRecords, isObj, kindOf, SPLITS, stringProblem } from './check-context';
import { DATASET_DESCRIPTION, type ExportFormat, type ExportMeta } from './format';

const RECORD_COLUMNS = ['id', 'messages', 'metadata'];
/** records per parquet row group */
const BATCH = 2000;
export const PRETTY_NAME = 'Biotrain bioinformatics workflow assistant';

/** The Hub's size category of a dataset of `n` rows (n<1K, 1K<n<10K, ... n>1T). */
export function sizeCategory(n: number): string {
  const steps = ['1K', '10K', '100K', '1M', '10M', '100M', '1B', '10B', '100B', '1T'];
  const values = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];
  const i = values.findIndex((v) => n < v);
  if (i === 0) return 'n<1K';
  if (i < 0) return 'n>1T';
  return `${steps[i - 1]}<n<${steps[i]}`;
}

/** Hub dataset card: YAML metadata (licence, size category, pretty name, `configs` naming the parquet files per split), then a short description. */
export function hubReadme(counts: Record<Split, number>, splits: readonly Split[], license: string, budget?: TokenBudget): string {
  const total = splits.reduce((n, s) => n + counts[s], 0);
  const front = {
    pretty_name: PRETTY_NAME,
    license,
    language: ['en'],
    size_categories: [sizeCategory(total)],
    task_categories: ['text-generation'],
    tags: ['bioinformatics', 'nextflow', 'workflow-generation'],
    configs: [{ config_name: 'default', data_files: splits.map((s) => ({ split: HF_SPLIT[s], path: `data/${HF_SPLIT[s]}-*` })) }],
  };
  const rows = splits.map((s) => `| ${HF_SPLIT[s]} | ${counts[s]} |`).join('\n');
  return `---\n${stringify(front)}---\n\n# ${PRETTY_NAME}\n\n${DATASET_DESCRIPTION}\n\nEach row has an \`id\`, chat \`messages\` (system, user, assistant) and \`metadata\` with these fields:\n\n${metadataTable()}\n\n| split | rows |\n|---|---|\n${rows}\n${budget ? tokenSection(budget) : ''}`;
}

/** The card's table of metadata fields, generated from RecordMetadataSchema so the two cannot disagree. */
function metadataTable(): string {
  const rows = recordMetadataFields().map((f) => `| \`${f.name}\` | ${f.description.replace(/\|/g, '\\|')} |`);
  return ['| field | meaning |', '|---|---|', ...rows].join('\n');
}

/** The token budget of the card: tokens per task and the sequence length at which no example is cut or dropped. */
function tokenSection(b: TokenBudget): string {
  const rows = Object.entries(b.per_task)
    .map(([task, s]) => `| ${task} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`)
    .join('\n');
  const len = b.recommended.axolotl_sequence_len;
  return `\n## Sequence length\n\nTokens per conversation (system + user + assistant with the Llama 3 chat template), counted with ${b.tokenizer}:\n\n| task | rows | p50 | p95 | max |\n|---|---|---|---|---|\n${rows}\n| all | ${b.all.n} | ${b.all.p50} | ${b.all.p95} | ${b.all.max} |\n\nNo example is cut or dropped with Axolotl \`sequence_len: ${len}\` or LLaMA-Factory \`cutoff_len: ${b.recommended.llamafactory_cutoff_len}\`. Other tokenizers count differently; recount for another base model.\n`;
}

/** hub/: parquet files per split and a dataset card whose `configs` name them (`load_dataset` or push as is). */
export const hubFormat: ExportFormat = {
  id: 'hub',
  readme: '`hub/`: `README.md` card with YAML `configs` and `data/{split}-00000-of-00001.parquet`; `datasets.load_dataset("hub")` reads the card\'s `configs` and the parquet files; push the folder to the Hub as is',
  dirs: ['hub/data'],
  writer(work: string, meta: ExportMeta) {
    let sink: ParquetSink | null = null;
    let batch: TrainingRecord[] = [];
    const files: ManifestFile[] = [];
    return {
      push(record: TrainingRecord, split: Split) {
        sink ??= new ParquetSink(path.join(work, PATHS.hubParquet(split)));
        batch.push(record);
        if (batch.length >= BATCH) {
          sink.push(batch);
          batch = [];
        }
      },
      endSplit(split, rows) {
        const s = sink ?? new ParquetSink(path.join(work, PATHS.hubParquet(split)));
        s.push(batch);
        s.close();
        sink = null;
        batch = [];
        files.push(describeFile(work, PATHS.hubParquet(split), rows));
      },
      finish(counts) {
        fs.writeFileSync(path.join(work, PATHS.hubReadme), hubReadme(counts, SPLITS, meta.license, meta.tokenBudget?.()));
        return [...files, describeFile(work, PATHS.hubReadme, null)];
      },
    };
  },
  check: checkHub,
};

/** The card's own metadata: a licence (or 'unknown'), a pretty name, and the size category of the rows it holds. */
function checkCardMetadata(c: Checker, front: unknown): void {
  const rel = PATHS.hubReadme;
  const f = isObj(front) ? front : {};
  const lp = stringProblem(f.license);
  if (lp) c.add(rel, `front matter: license: ${lp} (write 'unknown' until a licence is chosen)`);
  const np = stringProblem(f.pretty_name);
  if (np) c.add(rel, `front matter: pretty_name: ${np}`);
  const sizes = f.size_categories;
  const total = SPLITS.reduce((n, s) => n + (c.processed[s]?.records.length ?? 0), 0);
  if (!Array.isArray(sizes) || sizes.length !== 1) c.add(rel, `front matter: size_categories: expected one category, got ${JSON.stringify(sizes)}`);
  else if (sizes[0] !== sizeCategory(total)) c.add(rel, `front matter: size_categories: ${JSON.stringify(sizes[0])}, the export has ${total} rows (${sizeCategory(total)})`);
  for (const split of SPLITS) {
    const info = c.readJsonQuiet(PATHS.hfInfo(split));
    if (isObj(info) && typeof info.license === 'string' && info.license.trim() !== '' && typeof f.license === 'string' && info.license !== f.license)
      c.add(PATHS.hfInfo(split), `license: ${JSON.stringify(info.license)}, the dataset card says ${JSON.stringify(f.license)}`);
  }
}

function globRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function checkHub(c: Checker): Promise<void> {
  const readmeRel = PATHS.hubReadme;
  const hubDir = c.abs('hub');
  const parquetFiles = fs.existsSync(hubDir) ? filesBelow(hubDir).filter((f) => f.endsWith('.parquet')) : [];
  const buf = c.read(readmeRel);
  if (buf) checkHubReadme(c, buf.toString('utf8'), parquetFiles);
  for (const split of SPLITS) await checkParquet(c, split);
}

function checkHubReadme(c: Checker, text: string, parquetFiles: string[]): void {
  const rel = PATHS.hubReadme;
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) {
    c.add(rel, 'no YAML front matter (--- ... ---) at the top');
    return;
  }
  let front: unknown;
  try {
    front = parseYaml(m[1]!);
  } catch (e) {
    c.add(rel, `front matter is not valid YAML: ${(e as Error).message}`);
    return;
  }
  checkCardMetadata(c, front);
  const configs = isObj(front) ? front.configs : undefined;
  if (!Array.isArray(configs) || configs.length === 0) {
    c.add(rel, 'front matter: configs missing');
    return;
  }
  const covered = new Set<string>();
  configs.forEach((config, ci) => {
    const at = `configs.${ci}`;
    const dataFiles = isObj(config) ? config.data_files : undefined;
    if (!Array.isArray(dataFiles)) {
      c.add(rel, `${at}.data_files: expected a list of {split, path}`);
      return;
    }
    const splitsHere = new Set<string>();
    dataFiles.forEach((entry, di) => {
      const eat = `${at}.data_files.${di}`;
      if (!isObj(entry) || typeof entry.split !== 'string') {
        c.add(rel, `${eat}: expected {split, path}`);
        return;
      }
      splitsHere.add(entry.split);
      const patterns = Array.isArray(entry.path) ? entry.path : [entry.path];
      for (const p of patterns) {
        if (typeof p !== 'string') {
          c.add(rel, `${eat}.path: expected string, got ${kindOf(p)}`);
          continue;
        }
        const re = globRegex(p);
        const matched = parquetFiles.filter((f) => re.test(f));
        if (matched.length === 0) c.add(rel, `${eat}.path: ${p} matches no parquet file in hub/`);
        for (const f of matched) {
          covered.add(f);
          const fileSplit = path.basename(f).split('-')[0];
          if (fileSplit !== entry.split) c.add(rel, `${eat}.path: ${p} (split ${entry.split}) matches hub/${f}`);
        }
      }
    });
    if (ci === 0) for (const s of SPLITS) if (!splitsHere.has(HF_SPLIT[s])) c.add(rel, `${at}.data_files: no entry for split ${HF_SPLIT[s]}`);
  });
  for (const f of parquetFiles) if (!covered.has(f)) c.add(`hub/${f}`, `not named by the data_files of ${rel}`);
}

async function checkParquet(c: Checker, split: Split): Promise<void> {
  const rel = PATHS.hubParquet(split);
  const buf = c.read(rel);
  if (!buf) return;
  if (buf.length < 12 || buf.subarray(0, 4).toString('latin1') !== 'PAR1' || buf.subarray(buf.length - 4).toString('latin1') !== 'PAR1') {
    c.add(rel, 'not a parquet file (does not start and end with PAR1)');
    return;
  }
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  let rows: number;
  try {
    const meta = parquetMetadata(ab);
    rows = Number(meta.num_rows);
    const columns = parquetSchema(meta).children.map((ch) => ch.element.name);
    if (columns.join(',') !== RECORD_COLUMNS.join(',')) c.add(rel, `columns [${columns.join(', ')}], expected [${RECORD_COLUMNS.join(', ')}]`);
    c.rows[rel] = rows;
    compareCount(c, rel, rows, split);
    compareRecords(c, rel, await parquetReadObjects({ file: ab }), split);
  } catch (e) {
    c.add(rel, `unreadable parquet: ${(e as Error).message}`);
  }
}
