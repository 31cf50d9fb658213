import { Bool, Field, Int32, List, Schema, Struct, Utf8 } from 'apache-arrow';

/** Hugging Face `features` of a training record, in the dataset_info.json notation (lists as [feature]). */
export const HF_FEATURES = {
  id: { dtype: 'string', _type: 'Value' },
  messages: [{ role: { dtype: 'string', _type: 'Value' }, content: { dtype: 'string', _type: 'Value' } }],
  metadata: {
    example_id: { dtype: 'string', _type: 'Value' },
    kind: { dtype: 'string', _type: 'Value' },
    task: { dtype: 'string', _type: 'Value' },
    source: { dtype: 'string', _type: 'Value' },
    category: { dtype: 'string', _type: 'Value' },
    analysis_type: { dtype: 'string', _type: 'Value' },
    tools: [{ dtype: 'string', _type: 'Value' }],
    difficulty: { dtype: 'int32', _type: 'Value' },
    validated: { dtype: 'bool', _type: 'Value' },
    group_id: { dtype: 'string', _type: 'Value' },
    golden_id: { dtype: 'string', _type: 'Value' },
    style: { dtype: 'string', _type: 'Value' },
    engine: { dtype: 'string', _type: 'Value' },
    template_id: { dtype: 'string', _type: 'Value' },
  },
} as const;

const str = (name: string) => new Field(name, new Utf8(), true);

export const MESSAGE_TYPE = new Struct([str('role'), str('content')]);
export const METADATA_TYPE = new Struct([
  str('example_id'),
  str('kind'),
  str('task'),
  str('source'),
  str('category'),
  str('analysis_type'),
  new Field('tools', new List(new Field('item', new Utf8(), true)), true),
  new Field('difficulty', new Int32(), true),
  new Field('validated', new Bool(), true),
  str('group_id'),
  str('golden_id'),
  str('style'),
  str('engine'),
  str('template_id'),
]);

/** The Arrow schema matching HF_FEATURES, with the features in the schema metadata as `datasets` writes them. */
export function arrowSchema(): Schema {
  return new Schema(
    [str('id'), new Field('messages', new List(new Field('item', MESSAGE_TYPE, true)), true), new Field('metadata', METADATA_TYPE, true)],
    new Map([['huggingface', JSON.stringify({ info: { features: HF_FEATURES } })]]),
  );
}

/** Parquet schema elements for the same record (LIST of STRUCT, nested STRUCT). */
export const PARQUET_SCHEMA = [
  { name: 'root', num_children: 3 },
  { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'messages', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
  { name: 'role', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'content', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'metadata', repetition_type: 'OPTIONAL', num_children: 14 },
  { name: 'example_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'kind', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'task', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'source', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'category', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'analysis_type', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'tools', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'difficulty', type: 'INT32', repetition_type: 'OPTIONAL' },
  { name: 'validated', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  ...(['group_id', 'golden_id', 'style', 'engine', 'template_id'] as const).map((name) => ({
    name,
    type: 'BYTE_ARRAY' as const,
    converted_type: 'UTF8' as const,
    repetition_type: 'OPTIONAL' as const,
  })),
] as const;
