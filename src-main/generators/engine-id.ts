/**
 * The id of an item an engine other than the template engine writes: the template plan's id with the
 * engine appended (`qv-42-gq_001-b00-formal-00.llm-gpt-4o-mini`). Ids carry the engine so an LLM run over a
 * store the template engine filled adds its own items instead of skipping every id as already stored,
 * while a resumed or repeated run of the same engine and model still skips what it stored.
 */
export function engineItemId(templateId: string, engine: string): string {
  if (engine === 'template') return templateId;
  const slug = engine
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${templateId}.${slug || 'engine'}`;
}
