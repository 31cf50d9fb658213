import fs from 'node:fs';
import path from 'node:path';
import YAML, { LineCounter } from 'yaml';
import type { z } from 'zod';
import { CONSTRAINTS, checkCompatibility, type CompatibilityTables, CompatibilitySchema, resolveCompatibility } from './compatibility';
import { checkComparisonTests, ComparisonTestsSchema } from './comparison-tests';
import { checkDeliverables, DeliverablesSchema } from './deliverables';
import { checkStudyDetails, type StudyDetails, StudyDetailsSchema } from './study-details';
import { checkRequestWording, type RequestWording, RequestWordingSchema } from './request-wording';
import { checkProcess } from './process-check';
import { ORGANISM_FACT_KEYS, type Reference, ReferenceSchema } from './process-schema';
import { resourcesDir } from './resources-dir';
import { loadToolFacts } from './tool-facts';
import { checkWorkflowNeeds, type WorkflowNeedsTables, WorkflowNeedsSchema } from './workflow-needs';
import type { SelectionRules } from './selection';
import { loadContractTables, loadSelectionRules } from './selection-load';
import {
  type AnalysisType,
  AnalysisTypeSchema,
  type CellLine,
  CellLineSchema,
  type Category,
  CategorySchema,
  type ErrorPattern,
  ErrorPatternSchema,
  type GoldenQuery,
  GoldenQuerySchema,
  type Knowledge,
  type OrganismEntry,
  OrganismEntrySchema,
  type Tool,
  ToolSchema,
} from './schemas';

/** Every problem found in a knowledge base, one line each, naming file, entry and field. */
export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`knowledge base has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'KnowledgeError';
  }
}

/** resources/knowledge (see resourcesDir for how it is found; env BIOTRAIN_RESOURCES overrides). */
export function defaultKnowledgeDir(): string {
  return path.join(resourcesDir(), 'knowledge');
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'Required';
  return issue.message;
}

export const NOT_READ = Symbol('not read');

/**
 * The data of one YAML text, or NOT_READ with the problem recorded: syntax errors name file and line, and
 * an alias bomb (yaml refuses one when expanding aliases: 'Excessive alias count ...') names the file.
 */
export function yamlData(text: string, file: string, problems: string[]): unknown {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      problems.push(`${file}:${pos.line}:${pos.col}: YAML syntax error: ${e.message.split('\n')[0]}`);
    }
    return NOT_READ;
  }
  try {
    return doc.toJS() as unknown;
  } catch (err) {
    problems.push(`${file}: cannot read its YAML: ${(err as Error).message}`);
    return NOT_READ;
  }
}

/** The data of one YAML file of `dir`, or NOT_READ with the problem recorded. */
function readYaml(dir: string, file: string, problems: string[]): unknown {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    problems.push(`${file}: missing (expected in ${dir})`);
    return NOT_READ;
  }
  return yamlData(fs.readFileSync(full, 'utf8'), file, problems);
}

/** Parses one YAML list file; syntax errors name file and line, entry errors name file, entry and field. */
export function readList<T>(dir: string, file: string, schema: z.ZodType<T>, problems: string[]): T[] {
  const data = readYaml(dir, file, problems);
  if (data === NOT_READ) return [];
  if (!Array.isArray(data)) {
    problems.push(`${file}: expected a list of entries at the top level`);
    return [];
  }
  const out: T[] = [];
  data.forEach((entry: unknown, index) => {
    const id = (entry as { id?: unknown } | null)?.id;
    const label = typeof id === 'string' ? `entry '${id}' (index ${index})` : `entry ${index}`;
    const parsed = schema.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push(`${file}: ${label}: field '${issue.path.join('.') || '(entry)'}': ${issueMessage(issue)}`);
  });
  return out;
}

/** Parses one YAML file holding a single object; errors name file and field path. */
function readObject<T>(dir: string, file: string, schema: z.ZodType<T>, problems: string[]): T | null {
  const data = readYaml(dir, file, problems);
  if (data === NOT_READ) return null;
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.push(`${file}: field '${issue.path.join('.') || '(document)'}': ${issueMessage(issue)}`);
  return null;
}

function duplicates(file: string, ids: string[], problems: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${file}: duplicate id '${id}'`);
    seen.add(id);
  }
}

type Indexed = Omit<Knowledge, 'goldenQueries' | 'selection' | 'compatibility' | 'studyDetails' | 'requestWording' | 'errorSituations' | 'libraryUsage' | 'workflowNeeds' | 'toolMemory' | 'variantCallers' | 'organismResources' | 'comparisonTests' | 'deliverables'>;

/**
 * Shipped scripts: resources/templates beside the knowledge folder, else the real resources folder's. A line
 * `# @include _part.R` is replaced by that part's text (parts start with `_` and are not scripts themselves).
 */
function readTemplates(knowledgeDir: string, problems: string[]): Map<string, string> {
  const beside = path.join(knowledgeDir, '..', 'templates');
  const dir = fs.existsSync(beside) ? beside : path.join(resourcesDir(), 'templates');
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.startsWith('_')) continue;
    const text = read(f).replace(/^# @include (\S+)\n/gm, (_m, part: string) => {
      if (fs.existsSync(path.join(dir, part))) return read(part);
      problems.push(`templates/${f}: includes ${part}, which is not shipped`);
      return '';
    });
    out.set(f, text);
  }
  return out;
}

function checkProcesses(k: Indexed, selection: SelectionRules, problems: string[]): void {
  const known = {
    references: new Set(k.referenceById.keys()),
    conditional: new Set([...k.referenceById.values()].filter((r) => r.organism_fact !== undefined).map((r) => r.id)),
    templates: k.templates,
    analysisTypes: new Set(k.analysisTypeById.keys()),
    focus: new Map(selection.focus.map((f) => [f.id, f.analysis_type])),
  };
  for (const r of k.referenceById.values())
    if (r.organism_fact !== undefined && !(ORGANISM_FACT_KEYS as string[]).includes(r.organism_fact))
      problems.push(`references.yaml: entry '${r.id}': field 'organism_fact': '${r.organism_fact}' is no organism fact`);
  for (const f of selection.focus)
    if (f.organism_fact !== undefined && !(ORGANISM_FACT_KEYS as string[]).includes(f.organism_fact))
      problems.push(`request_focus.yaml: entry '${f.id}': field 'organism_fact': '${f.organism_fact}' is no organism fact`);
  for (const t of k.tools) for (const p of checkProcess(t.process, known)) problems.push(`tools.yaml: entry '${t.id}': ${p}`);
  for (const t of k.tools) problems.push(...checkTemplatePackages(t, k.templates));
}

/**
 * The R packages a container image holds by its name: a biocontainer's own package (bioconductor-edger: edgeR,
 * r-seurat: Seurat; compared without case) or each package of a wave image's name (library/a_b_c), lowercase.
 */
function imagePackages(container: string): string[] {
  const name = /\/([^/:]+):[^/]*$/.exec(container)?.[1] ?? '';
  const parts = container.includes('community.wave.seqera.io/library/') ? name.split('_') : [name];
  return parts.map((p) => p.replace(/^(bioconductor|r)-/, '').toLowerCase());
}

/** Every library() a tool's shipped R scripts call is a package its container holds (limma_voom.R needs edgeR too). */
function checkTemplatePackages(t: Knowledge['tools'][number], templates: Map<string, string>): string[] {
  const held = new Set([...imagePackages(t.container), ...t.image_packages.map((p) => p.toLowerCase())]);
  const scripts = [t.process.template, ...Object.values(t.process.overrides).map((o) => o.template)].filter((s): s is string => s?.endsWith('.R') === true);
  const problems: string[] = [];
  for (const script of [...new Set(scripts)])
    for (const m of (templates.get(script) ?? '').matchAll(/\blibrary\(([A-Za-z][A-Za-z0-9.]*)\)/g))
      if (!held.has(m[1]!.toLowerCase()))
        problems.push(`tools.yaml: entry '${t.id}': templates/${script} loads the R package ${m[1]}, which the container ${t.container} does not hold (its own package, a wave image's packages, or image_packages)`);
  return [...new Set(problems)];
}

/**
 * A reference published in one contig naming (the UCSC-named ENCODE blacklist) must fit the genome of every
 * build that has it: the build states its naming, and where the two differ a conversion is given
 * (ucsc_to_ensembl), or its filter would silently match no read.
 */
function checkContigNaming(k: Indexed, problems: string[]): void {
  for (const r of k.referenceById.values()) {
    if (!r.organism_fact || !r.contig_naming) continue;
    for (const o of k.organisms) {
      const perBuild = (o.facts as Record<string, unknown>)[r.organism_fact];
      if (typeof perBuild !== 'object' || perBuild === null || Array.isArray(perBuild)) continue;
      for (const [build, file] of Object.entries(perBuild)) {
        const where = `organisms.yaml: entry '${o.id}': ${r.organism_fact} '${String(file)}' of ${build}`;
        const genome = o.facts.contig_naming?.[build];
        if (!genome) problems.push(`${where}: no contig_naming for ${build}, so whether its ${r.contig_naming} contig names match the genome is unknown`);
        else if (genome !== r.contig_naming && !(r.contig_naming === 'ucsc' && genome === 'ensembl' && o.facts.ucsc_to_ensembl))
          problems.push(`${where}: names contigs the ${r.contig_naming} way (references.yaml ${r.id}) but the ${build} genome the ${genome} way, and no conversion (ucsc_to_ensembl) is given`);
      }
    }
  }
}

function checkAnalysisTypes(k: Indexed, tool: (where: string, id: string) => void, problems: string[]): void {
  for (const t of k.analysisTypes) {
    const where = `analysis_types.yaml: entry '${t.id}'`;
    for (const id of [...t.required_tools, ...t.comparison_tools, ...t.recommended_tools, ...t.optional_tools]) tool(where, id);
    t.steps.forEach((s, i) => {
      for (const id of s.tools) tool(`${where}: field 'steps.${i}.tools'`, id);
    });
    for (const id of t.required_tools)
      if (!t.steps.some((s) => s.tools.includes(id))) problems.push(`${where}: required tool '${id}' belongs to no step`);
    for (const o of t.typical_organisms)
      if (!k.organismById.has(o)) problems.push(`${where}: organism '${o}' is not in organisms.yaml`);
  }
  for (const t of k.tools)
    for (const a of t.analysis_types)
      if (!k.analysisTypeById.has(a)) problems.push(`tools.yaml: entry '${t.id}': analysis type '${a}' is not in analysis_types.yaml`);
}

function checkErrorPatterns(k: Indexed, tool: (where: string, id: string) => void, problems: string[]): void {
  for (const e of k.errorPatterns) {
    const where = `error_patterns.yaml: entry '${e.id}'`;
    tool(where, e.tool);
    try {
      if (!new RegExp(e.symptom_regex, 'im').test(e.example_log))
        problems.push(`${where}: field 'symptom_regex' does not match its example_log`);
    } catch (err) {
      problems.push(`${where}: field 'symptom_regex': invalid regex (${(err as Error).message})`);
    }
  }
}

function checkGolden(k: Indexed, golden: GoldenQuery[], tool: (where: string, id: string) => void, problems: string[]): void {
  const categories = new Set(k.categories.map((c) => c.id));
  for (const g of golden) {
    const where = `golden_queries.yaml: entry '${g.id}'`;
    const i = g.expected_intent;
    if (!categories.has(g.category)) problems.push(`${where}: field 'category': unknown category '${g.category}'`);
    if (i.analysis_type !== 'unknown' && !k.analysisTypeById.has(i.analysis_type))
      problems.push(`${where}: field 'expected_intent.analysis_type': unknown analysis type '${i.analysis_type}'`);
    if (i.organism) {
      const o = k.organismById.get(i.organism.id);
      if (!o) problems.push(`${where}: field 'expected_intent.organism.id': unknown organism '${i.organism.id}'`);
      else if (o.scientific_name !== i.organism.scientific_name)
        problems.push(`${where}: field 'expected_intent.organism.scientific_name': expected '${o.scientific_name}'`);
    }
    for (const id of i.requested_tools) tool(`${where}: field 'expected_intent.requested_tools'`, id);
    for (const id of g.expected_tools) tool(`${where}: field 'expected_tools'`, id);
  }
}

function crossCheck(k: Indexed, golden: GoldenQuery[], problems: string[]): void {
  const tool = (where: string, id: string) => {
    if (!k.toolById.has(id)) problems.push(`${where}: tool '${id}' is not in tools.yaml`);
  };
  checkAnalysisTypes(k, tool, problems);
  checkErrorPatterns(k, tool, problems);
  checkGolden(k, golden, tool, problems);
}

const cache = new Map<string, Knowledge>();

/** Loads and validates the knowledge base (cached per folder); throws KnowledgeError listing every problem. */
export function loadKnowledge(dir: string = defaultKnowledgeDir()): Knowledge {
  const key = path.resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const problems: string[] = [];
  const analysisTypes: AnalysisType[] = readList(key, 'analysis_types.yaml', AnalysisTypeSchema, problems);
  const tools: Tool[] = readList(key, 'tools.yaml', ToolSchema, problems);
  const errorPatterns: ErrorPattern[] = readList(key, 'error_patterns.yaml', ErrorPatternSchema, problems);
  const organisms: OrganismEntry[] = readList(key, 'organisms.yaml', OrganismEntrySchema, problems);
  const categories: Category[] = readList(key, 'categories.yaml', CategorySchema, problems);
  const goldenQueries: GoldenQuery[] = readList(key, 'golden_queries.yaml', GoldenQuerySchema, problems);
  const references: Reference[] = readList(key, 'references.yaml', ReferenceSchema, problems);
  const cellLines: CellLine[] = readList(key, 'cell_lines.yaml', CellLineSchema, problems);
  duplicates('analysis_types.yaml', analysisTypes.map((x) => x.id), problems);
  duplicates('tools.yaml', tools.map((x) => x.id), problems);
  duplicates('error_patterns.yaml', errorPatterns.map((x) => x.id), problems);
  duplicates('organisms.yaml', organisms.map((x) => x.id), problems);
  duplicates('categories.yaml', categories.map((x) => x.id), problems);
  duplicates('golden_queries.yaml', goldenQueries.map((x) => x.id), problems);
  duplicates('references.yaml', references.map((x) => x.id), problems);
  duplicates('cell_lines.yaml', cellLines.map((x) => x.id), problems);
  duplicates('cell_lines.yaml names', cellLines.flatMap((x) => [x.name, ...x.aliases].map((n) => n.toLowerCase())), problems);
  // single-cell QC finds mitochondrial genes by the prefix, or skips its filter for the reason given: never silently
  for (const o of organisms)
    if ((o.facts.mito_gene_prefix === undefined) === (o.facts.mito_genes_unnamed === undefined))
      problems.push(`organisms.yaml: entry '${o.id}': facts: give exactly one of mito_gene_prefix and mito_genes_unnamed (why no prefix finds its mitochondrial genes)`);
  for (const c of cellLines)
    if (!organisms.some((o) => o.id === c.organism)) problems.push(`cell_lines.yaml: entry '${c.id}': organism '${c.organism}' is not in organisms.yaml`);
  const indexed: Indexed = {
    analysisTypes,
    tools,
    errorPatterns,
    organisms,
    categories,
    analysisTypeById: new Map(analysisTypes.map((t) => [t.id, t])),
    toolById: new Map(tools.map((t) => [t.id, t])),
    organismById: new Map(organisms.map((o) => [o.id, o])),
    cellLines,
    referenceById: new Map(references.map((r) => [r.id, r])),
    templates: readTemplates(key, problems),
  };
  crossCheck(indexed, goldenQueries, problems);
  const selection = loadSelectionRules(key, indexed, problems);
  checkProcesses(indexed, selection, problems);
  checkContigNaming(indexed, problems);
  const tables: CompatibilityTables | null = readObject(key, 'compatibility.yaml', CompatibilitySchema, problems);
  if (tables)
    checkCompatibility(
      tables,
      { organisms: new Set(organisms.map((o) => o.id)), analysisTypes: new Set(analysisTypes.map((t) => t.id)), goldenIds: new Set(goldenQueries.map((g) => g.id)) },
      problems,
    );
  const studyDetails: StudyDetails | null = readObject(key, 'study_details.yaml', StudyDetailsSchema, problems);
  if (studyDetails && tables) checkStudyDetails(studyDetails, tables, new Set(organisms.map((o) => o.id)), problems);
  const requestWording: RequestWording | null = readObject(key, 'request_wording.yaml', RequestWordingSchema, problems);
  if (requestWording) checkRequestWording(requestWording, indexed.organismById, new Set(CONSTRAINTS), problems);
  const contract = loadContractTables(key, indexed, problems);
  const toolFacts = loadToolFacts(key, indexed, problems);
  const comparisonTests = checkComparisonTests(readList(key, 'comparison_tests.yaml', ComparisonTestsSchema, problems), indexed.analysisTypeById, indexed.toolById, problems);
  const deliverables = checkDeliverables(readList(key, 'deliverables.yaml', DeliverablesSchema, problems), indexed.analysisTypeById, indexed.toolById, studyDetails, problems);
  const needsTables: WorkflowNeedsTables | null = readObject(key, 'workflow_needs.yaml', WorkflowNeedsSchema, problems);
  const workflowNeeds = needsTables
    ? checkWorkflowNeeds(
        needsTables,
        indexed.analysisTypeById,
        { focus: selection.focus, platforms: selection.platforms.map((p) => p.id), regionTypes: new Set(selection.ampliconRegions.map((r) => r.analysis_type)) },
        problems,
        ORGANISM_FACT_KEYS,
      )
    : null;
  if (problems.length > 0 || !tables || !workflowNeeds || !studyDetails || !requestWording) throw new KnowledgeError(problems);
  const kb: Knowledge = { ...indexed, goldenQueries, selection, compatibility: resolveCompatibility(tables), studyDetails, requestWording, ...contract, ...toolFacts, workflowNeeds, comparisonTests, deliverables };
  cache.set(key, kb);
  return kb;
}
