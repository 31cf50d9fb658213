import fs from 'node:fs';
import path from 'node:path';
import { DataType, tableFromIPC, Vector } from 'apache-arrow';
import type { Split } from '../../../src-preload/schemas/example';
import { ArrowStreamSink } from '../arrow-sink';
import { HF_FEATURES } from '../features';
import { HF_SPLIT, PATHS } from '../layout';
import { describeFile, type ManifestFile } from '../manifest';
import type { TrainingRecord } from '../record';
import { type Checker, compareCount, compareRecords, isObj, kindOf, type Obj, SPLITS, stringProblem } from './check-context';
import { DATASET_DESCRIPTION, type ExportFormat, type ExportMeta, writeJsonFile } from './format';

const HF_DATA_FILE = 'data-00000-of-00001.arrow';
/** records per Arrow record batch */
const BATCH = 2000;
/** files `datasets` itself writes into a split folder (its map/filter caches); never part of the export */
export const HF_CACHE_FILE = /^hf\/[^/]+\/cache-[^/]+\.arrow$/;

export function hfDatasetInfo(split: Split, rows: number, bytes: number, license: string) {
  return {
    citation: '',
    description: DATASET_DESCRIPTION,
    features: HF_FEATURES,
    homepage: '',
    license,
    splits: { [HF_SPLIT[split]]: { name: HF_SPLIT[split], num_bytes: bytes, num_examples: rows, dataset_name: null } },
  };
}

/** state.json as `save_to_disk` writes it; the fingerprint is derived from the data file's hash. */
export function hfState(split: Split, arrowSha256: string) {
  return {
    _data_files: [{ filename: HF_DATA_FILE }],
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

/** hf/: the `datasets.save_to_disk` layout (per split an Arrow IPC stream, dataset_info.json and state.json). */
export const hfFormat: ExportFormat = {
  id: 'hf',
  readme: '`hf/`: `datasets.save_to_disk` layout (`dataset_dict.json`, per split an Arrow IPC stream, `dataset_info.json`, `state.json`); `datasets.load_from_disk("hf")` gives a DatasetDict with train, validation and test',
  dirs: SPLITS.map((s) => path.dirname(PATHS.hfArrow(s))),
  writer(work: string, meta: ExportMeta) {
    let sink: ArrowStreamSink | null = null;
    let batch: TrainingRecord[] = [];
    const files: ManifestFile[] = [];
    return {
      async push(record: TrainingRecord, split: Split) {
        sink ??= new ArrowStreamSink(path.join(work, PATHS.hfArrow(split)));
        batch.push(record);
        if (batch.length >= BATCH) {
          await sink.push(batch);
          batch = [];
        }
      },
      async endSplit(split, rows) {
        const s = sink ?? new ArrowStreamSink(path.join(work, PATHS.hfArrow(split)));
        await s.push(batch);
        await s.close();
        sink = null;
        batch = [];
        const arrow = describeFile(work, PATHS.hfArrow(split), rows);
        files.push(
          arrow,
          writeJsonFile(work, PATHS.hfInfo(split), hfDatasetInfo(split, rows, arrow.bytes, meta.license)),
          writeJsonFile(work, PATHS.hfState(split), hfState(split, arrow.sha256)),
        );
      },
      finish: () => [...files, writeJsonFile(work, PATHS.hfDict, hfDatasetDict(SPLITS))],
    };
  },
  check: checkHf,
};

function checkHf(c: Checker): void {
  const dict = c.readJson(PATHS.hfDict);
  if (dict.ok) {
    const splits = isObj(dict.value) ? dict.value.splits : undefined;
    if (!Array.isArray(splits)) c.add(PATHS.hfDict, `splits: ${splits === undefined ? 'missing' : `expected array, got ${kindOf(splits)}`}`);
    else {
      for (const s of SPLITS) if (!splits.includes(HF_SPLIT[s])) c.add(PATHS.hfDict, `splits: ${HF_SPLIT[s]} is not listed`);
      for (const s of splits)
        if (typeof s !== 'string' || !fs.existsSync(c.abs(`hf/${s}`))) c.add(PATHS.hfDict, `splits: ${JSON.stringify(s)} has no folder hf/${s}`);
    }
  }
  for (const split of SPLITS) checkHfSplit(c, split);
}

function checkHfSplit(c: Checker, split: Split): void {
  const hfName = HF_SPLIT[split];
  const arrowRel = PATHS.hfArrow(split);
  const infoRel = PATHS.hfInfo(split);
  const stateRel = PATHS.hfState(split);

  const state = c.readJson(stateRel);
  if (state.ok) {
    const s = isObj(state.value) ? state.value : {};
    const files = s._data_files;
    if (!Array.isArray(files) || files.length === 0) c.add(stateRel, '_data_files: expected a non-empty list of {filename}');
    else {
      const names = files.map((f) => (isObj(f) ? f.filename : undefined));
      if (!names.includes(HF_DATA_FILE)) c.add(stateRel, `_data_files: does not name ${HF_DATA_FILE}`);
      for (const n of names)
        if (typeof n !== 'string' || !fs.existsSync(path.join(path.dirname(c.abs(stateRel)), n)))
          c.add(stateRel, `_data_files: ${JSON.stringify(n)} is not a file in hf/${hfName}`);
    }
    if (s._split !== hfName) c.add(stateRel, `_split: expected ${hfName}, got ${JSON.stringify(s._split)}`);
  }

  const info = c.readJson(infoRel);
  let features: Obj | undefined;
  if (info.ok) {
    const v = isObj(info.value) ? info.value : {};
    if (isObj(v.features)) features = v.features;
    else c.add(infoRel, 'features: missing');
    const lp = stringProblem(v.license);
    if (lp) c.add(infoRel, `license: ${lp} (write 'unknown' until a licence is chosen)`);
  }

  const buf = c.read(arrowRel);
  if (!buf) return;
  if (buf.subarray(0, 6).toString('latin1') === 'ARROW1') {
    c.add(arrowRel, 'Arrow IPC file format; datasets load_from_disk expects the IPC stream format');
    return;
  }
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(buf);
  } catch (e) {
    c.add(arrowRel, `not a readable Arrow IPC stream: ${(e as Error).message}`);
    return;
  }
  c.rows[arrowRel] = table.numRows;
  if (features) {
    const out: string[] = [];
    matchStruct(features, table.schema.fields, '', out);
    for (const m of out) c.add(arrowRel, `schema: ${m} (${infoRel})`);
    const meta = table.schema.metadata.get('huggingface');
    if (meta !== undefined) {
      let hf: unknown;
      try {
        hf = JSON.parse(meta);
      } catch {
        hf = undefined;
      }
      const metaFeatures = isObj(hf) && isObj(hf.info) ? hf.info.features : undefined;
      if (JSON.stringify(metaFeatures) !== JSON.stringify(features))
        c.add(arrowRel, `schema metadata: huggingface features differ from ${infoRel}`);
    }
  }
  compareCount(c, arrowRel, table.numRows, split);
  if (info.ok && isObj(info.value)) {
    const splitInfo = isObj(info.value.splits) ? info.value.splits[hfName] : undefined;
    const n = isObj(splitInfo) ? splitInfo.num_examples : undefined;
    if (n !== table.numRows) c.add(infoRel, `splits.${hfName}.num_examples: ${JSON.stringify(n)}, ${arrowRel} has ${table.numRows} rows`);
  }
  compareRecords(c, arrowRel, table.toArray().map(plain), split);
}

/** An Arrow value as plain JSON: vectors as arrays, struct rows as objects, 64-bit integers as numbers. */
function plain(v: unknown): unknown {
  if (v === null || v === undefined) return v ?? null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Vector) return [...v].map(plain);
  if (typeof v === 'object') {
    const o = typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v;
    if (Array.isArray(o)) return o.map(plain);
    return Object.fromEntries(Object.entries(o as Obj).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

const VALUE_TYPES: Record<string, (t: DataType) => boolean> = {
  string: (t) => DataType.isUtf8(t) || DataType.isLargeUtf8(t),
  large_string: (t) => DataType.isLargeUtf8(t),
  bool: (t) => DataType.isBool(t),
  float16: (t) => DataType.isFloat(t) && t.precision === 0,
  float32: (t) => DataType.isFloat(t) && t.precision === 1,
  float64: (t) => DataType.isFloat(t) && t.precision === 2,
};
for (const bits of [8, 16, 32, 64]) {
  VALUE_TYPES[`int${bits}`] = (t) => DataType.isInt(t) && t.bitWidth === bits && t.isSigned;
  VALUE_TYPES[`uint${bits}`] = (t) => DataType.isInt(t) && t.bitWidth === bits && !t.isSigned;
}

/** Checks Arrow fields against a `features` dict: the same names in the same order, each of the matching type. */
function matchStruct(features: Obj, fields: readonly { name: string; type: DataType }[], at: string, out: string[]): void {
  const want = Object.keys(features);
  const got = fields.map((f) => f.name);
  if (want.join(',') !== got.join(',')) out.push(`${at || 'columns'}: fields [${got.join(', ')}], features name [${want.join(', ')}]`);
  for (const f of fields) if (f.name in features) matchFeature(features[f.name], f.type, at ? `${at}.${f.name}` : f.name, out);
}

function matchFeature(feature: unknown, type: DataType, at: string, out: string[]): void {
  const listOf = (inner: unknown) => {
    if (!(DataType.isList(type) || DataType.isLargeList(type))) out.push(`${at}: expected a list, got ${type}`);
    else matchFeature(inner, type.children[0]!.type, `${at}[]`, out);
  };
  if (Array.isArray(feature)) {
    if (feature.length !== 1) out.push(`${at}: a list feature has exactly one element`);
    else listOf(feature[0]);
    return;
  }
  if (!isObj(feature)) {
    out.push(`${at}: not a feature: ${JSON.stringify(feature)}`);
    return;
  }
  switch (feature._type) {
    case 'Value': {
      const dtype = String(feature.dtype);
      const ok = VALUE_TYPES[dtype];
      if (!ok) out.push(`${at}: unsupported dtype ${dtype}`);
      else if (!ok(type)) out.push(`${at}: expected ${dtype}, got ${type}`);
      return;
    }
    case 'Sequence':
      // datasets stores Sequence({...}) as a struct of lists, so a list of structs does not load under it
      if (isObj(feature.feature) && feature.feature._type === undefined) {
        out.push(`${at}: Sequence({${Object.keys(feature.feature).join(', ')}}) is a dict of lists to datasets, not a list of {${Object.keys(feature.feature).join(', ')}}; write the feature as [{...}] or List`);
        return;
      }
      listOf(feature.feature);
      return;
    case 'List':
    case 'LargeList':
      listOf(feature.feature);
      return;
    case undefined:
      if (!DataType.isStruct(type)) out.push(`${at}: expected a struct, got ${type}`);
      else matchStruct(feature, type.children, at, out);
      return;
    default:
      out.push(`${at}: unsupported feature type ${String(feature._type)}`);
  }
}
