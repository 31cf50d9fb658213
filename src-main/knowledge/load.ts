import fs from 'node:fs';
import path from 'node:path';
import YAML, { LineCounter } from 'yaml';
import type { z } from 'zod';
import { expandGoldenQuery, GoldenQueryEntrySchema } from './golden-file';
import { resourcesDir } from './resources-dir';
import {
  type AnalysisType,
  AnalysisTypeSchema,
  type Category,
  CategorySchema,
  type ErrorPattern,
  ErrorPatternSchema,
  type GoldenQuery,
  type Knowledge,
  type OrganismEntry,
  OrganismEntrySchema,
  type Tool,
  ToolSchema,
} from './schemas';

export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`knowledge base has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

export function defaultKnowledgeDir(): string {
  return path.join(resourcesDir(), 'knowledge');
}

/** Parses one YAML list file; syntax errors name file and line, entry errors name file, entry and field. */
function readList<T>(dir: string, file: string, schema: z.ZodType<T>, problems: string[]): T[] {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    problems.push(`${file}: missing (expected in ${dir})`);
    return [];
  }
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(fs.readFileSync(full, 'utf8'), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      problems.push(`${file}:${pos.line}:${pos.col}: YAML syntax error: ${e.message.split('\n')[0]}`);
    }
    return [];
  }
  const data = doc.toJS() as unknown;
  if (!Array.isArray(data)) {
    problems.push(`${file}: expected a list of entries at the top level`);
    return [];
  }
  const out: T[] = [];
  data.forEach((entry, index) => {
    const parsed = schema.safeParse(entry);
    const label = typeof (entry as { id?: unknown })?.id === 'string' ? `entry '${(entry as { id: string }).id}' (index ${index})` : `entry ${index}`;
    if (parsed.success) out.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push(`${file}: ${label}: field '${issue.path.join('.') || '(entry)'}': ${issue.message}`);
  });
  return out;
}

function duplicates(file: string, ids: string[], problems: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${file}: duplicate id '${id}'`);
    seen.add(id);
  }
}

function crossCheck(k: Omit<Knowledge, 'goldenQueries'>, golden: GoldenQuery[], problems: string[]): void {
  const tool = (where: string, id: string) => {
    if (!k.toolById.has(id)) problems.push(`${where}: tool '${id}' is not in tools.yaml`);
  };
  for (const t of k.analysisTypes) {
    for (const id of [...t.required_tools, ...t.recommended_tools, ...t.optional_tools]) tool(`analysis_types.yaml: entry '${t.id}'`, id);
    t.steps.forEach((s, i) => s.tools.forEach((id) => tool(`analysis_types.yaml: entry '${t.id}': steps.${i}`, id)));
    for (const o of t.typical_organisms) if (!k.organismById.has(o)) problems.push(`analysis_types.yaml: entry '${t.id}': organism '${o}' is not in organisms.yaml`);
  }
  for (const t of k.tools) for (const a of t.analysis_types) if (!k.analysisTypeById.has(a)) problems.push(`tools.yaml: entry '${t.id}': analysis type '${a}' is not in analysis_types.yaml`);
  for (const e of k.errorPatterns) {
    tool(`error_patterns.yaml: entry '${e.id}'`, e.tool);
    try {
      if (!new RegExp(e.symptom_regex, 'im').test(e.example_log)) problems.push(`error_patterns.yaml: entry '${e.id}': field 'symptom_regex' does not match its example_log`);
    } catch (err) {
      problems.push(`error_patterns.yaml: entry '${e.id}': field 'symptom_regex': invalid regex (${(err as Error).message})`);
    }
  }
  const categories = new Set(k.categories.map((c) => c.id));
  for (const g of golden) {
    if (!categories.has(g.category)) problems.push(`golden_queries.yaml: entry '${g.id}': field 'category': unknown category '${g.category}'`);
    for (const id of [...g.expected_tools, ...g.expected_intent.requested_tools]) tool(`golden_queries.yaml: entry '${g.id}'`, id);
  }
}

const cache = new Map<string, Knowledge>();

/** Loads and validates the knowledge base; throws KnowledgeError listing every problem found. */
export function loadKnowledge(dir: string = defaultKnowledgeDir()): Knowledge {
  const cached = cache.get(dir);
  if (cached) return cached;
  const problems: string[] = [];
  const analysisTypes: AnalysisType[] = readList(dir, 'analysis_types.yaml', AnalysisTypeSchema, problems);
  const tools: Tool[] = readList(dir, 'tools.yaml', ToolSchema, problems);
  const errorPatterns: ErrorPattern[] = readList(dir, 'error_patterns.yaml', ErrorPatternSchema, problems);
  const organisms: OrganismEntry[] = readList(dir, 'organisms.yaml', OrganismEntrySchema, problems);
  const categories: Category[] = readList(dir, 'categories.yaml', CategorySchema, problems);
  const entries = readList(dir, 'golden_queries.yaml', GoldenQueryEntrySchema, problems);
  duplicates('analysis_types.yaml', analysisTypes.map((x) => x.id), problems);
  duplicates('tools.yaml', tools.map((x) => x.id), problems);
  duplicates('error_patterns.yaml', errorPatterns.map((x) => x.id), problems);
  duplicates('organisms.yaml', organisms.map((x) => x.id), problems);
  duplicates('categories.yaml', categories.map((x) => x.id), problems);
  duplicates('golden_queries.yaml', entries.map((x) => x.id), problems);
  const base = {
    analysisTypes,
    tools,
    errorPatterns,
    organisms,
    categories,
    analysisTypeById: new Map(analysisTypes.map((t) => [t.id, t])),
    toolById: new Map(tools.map((t) => [t.id, t])),
    organismById: new Map(organisms.map((o) => [o.id, o])),
  };
  const goldenQueries: GoldenQuery[] = [];
  for (const e of entries) {
    const r = expandGoldenQuery(e, base.analysisTypeById, base.organismById);
    if (r.golden) goldenQueries.push(r.golden);
    else problems.push(`golden_queries.yaml: entry '${e.id}': ${r.problem}`);
  }
  crossCheck(base, goldenQueries, problems);
  if (problems.length > 0) throw new KnowledgeError(problems);
  const kb: Knowledge = { ...base, goldenQueries };
  cache.set(dir, kb);
  return kb;
}
