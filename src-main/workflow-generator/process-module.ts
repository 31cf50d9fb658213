import { inputVariables, patternRegex } from '../knowledge/process-check';
import { conditionalLines, type ProcessOutput, type ResolvedProcess, type VariantKey } from '../knowledge/process-schema';
import type { Tool } from '../knowledge/schemas';
import { type DataContext, organismFact, primerValue } from './context';

export interface ModuleSpec {
  name: string;
  tool: Tool;
  process: ResolvedProcess;
  variant: VariantKey;
  ctx: DataContext;
  /** what `{caller_filter}` becomes: the filters of the callers whose VCFs this step reads */
  callerFilter?: string;
}

export interface RenderedModule {
  /** modules/<id>/main.nf and, for scripted steps, modules/<id>/templates/<script> */
  files: Record<string, string>;
  /** organism facts the knowledge base lacks for this organism, primers of an unnamed amplicon region: `val` inputs given from params */
  valueInputs: string[];
}

const indent = (text: string, pad: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');

/** The sample-unique name stem: the sample (or pair) id, or the analysis for a step over all samples. */
function prefixFor(spec: ModuleSpec): string {
  return spec.process.input.mode === 'collect' ? spec.ctx.analysisType : '${meta.id}';
}

/** Fills the entry's placeholders: prefix, organism facts, amplicon primers, contig renames, read length, strandedness, comparison groups, layout. */
function fill(text: string, spec: ModuleSpec, missing: Set<string>): string {
  const prefix = prefixFor(spec);
  // groups the request does not name are value inputs (--case_group, --control_group), never invented
  const group = (key: 'case_group' | 'control_group') => () => {
    const value = key === 'case_group' ? spec.ctx.caseGroup : spec.ctx.controlGroup;
    if (value !== undefined) return value;
    missing.add(key);
    return `\${${key}}`;
  };
  return text
    .replace(/\$\{prefix\}/g, prefix)
    .replace(/\{org\.([a-z0-9_]+)\}/g, (_m, key: string) => {
      const value = organismFact(key, spec.ctx);
      if (value !== undefined) return value;
      missing.add(key);
      return `\${${key}}`;
    })
    .replace(/\{primer\.([a-z_]+)\}/g, (_m, key: string) => {
      const value = primerValue(key, spec.ctx);
      if (value !== undefined) return value;
      missing.add(`primer_${key}`);
      return `\${primer_${key}}`;
    })
    .replace(/\{rename\.([a-z0-9_]+)\}/g, (_m, ref: string) => spec.ctx.contigRenames[ref] ?? '')
    .replace(/\{read_length\}/g, () => {
      // the request's read length, else a value input the user gives (--read_length), never a guess
      if (spec.ctx.readLength !== null) return String(spec.ctx.readLength);
      missing.add('read_length');
      return '${read_length}';
    })
    .replace(/\{strand\}/g, () => spec.process.strand?.[spec.ctx.strandedness] ?? '')
    .replace(/\{caller_filter\}/g, () => spec.callerFilter ?? '')
    .replace(/\{group1\}/g, group('case_group'))
    .replace(/\$\{case_group\}/g, group('case_group'))
    .replace(/\$\{control_group\}/g, group('control_group'))
    .replace(/\$\{single_end\}/g, String(!spec.ctx.paired));
}

/**
 * File names the stub creates for an output: the names the tool writes under this variant (`writes`), else the
 * names the command writes, else the pattern without `*`.
 */
function stubNames(output: ProcessOutput, pattern: string, command: string, written: string[] | undefined): string[] {
  if (written) return written;
  const re = new RegExp(patternRegex(pattern).source, 'g');
  const found = [...command.matchAll(re)].map((m) => m[0].replace(/^[\s'"=/>(]/, '').replace(/[\s'";)|<>/]$/, ''));
  const names = output.named_by === undefined && found.length ? [...new Set(found)] : [pattern.replace(/\*/g, '')];
  return names;
}

function stubLine(name: string, dir: boolean): string[] {
  const parent = name.includes('/') ? [`mkdir -p ${name.slice(0, name.lastIndexOf('/'))}`] : [];
  if (dir) return [`mkdir -p ${name}`];
  return [...parent, name.endsWith('.gz') ? `echo "" | gzip > ${name}` : `touch ${name}`];
}

function inputLines(p: ResolvedProcess, valueInputs: string[]): string[] {
  const names = p.input.files.map((s) => s.name);
  let files: string[];
  if (p.input.mode === 'collect') files = names.map((n) => `path ${n}`);
  else {
    const vars = p.input.mode === 'pair' ? inputVariables(p).slice(0, names.length * 2) : names;
    const ordered = p.input.mode === 'pair' ? [...vars.filter((_, i) => i % 2 === 0), ...vars.filter((_, i) => i % 2 === 1)] : vars;
    const perPair = p.input.pair_files.map((s) => s.name);
    files = [`tuple val(meta), ${[...ordered, ...perPair].map((v) => `path(${v})`).join(', ')}`];
  }
  return [...files, ...p.input.references.map((r) => `path ${r}`), ...valueInputs.map((v) => `val ${v}`)];
}

function versionsBlock(tool: Tool, p: ResolvedProcess): string[] {
  return ['cat <<-END_VERSIONS > versions.yml', '"${task.process}":', `    ${tool.id}: \\$(${p.version})`, 'END_VERSIONS'];
}

/** One module: a process with meta-map tuples, task.ext.args, the entry's command, versions.yml and a stub. */
/** Where the module of a process (a tool's id, or the id of one of its stages) lives in a generated project. */
export const moduleFile = (moduleId: string): string => `modules/${moduleId}/main.nf`;

export function renderModule(spec: ModuleSpec, templates: Map<string, string>): RenderedModule {
  const { tool, process: p } = spec;
  const missing = new Set<string>();
  // the process's references are those this workflow stages: `{with REF}` lines run only for those
  // (dropped before filling: an organism fact used only on a dropped line is not asked for)
  const command = fill(conditionalLines(p.command[spec.variant]!, (r) => p.input.references.includes(r)), spec, missing);
  const templateText = p.template ? fill(templates.get(p.template) ?? '', spec, missing) : undefined;
  const valueInputs = [...missing].sort();
  const perTask = p.input.mode === 'collect' ? '' : 'tuple val(meta), ';
  const outputs = p.outputs.map((o) => {
    const pattern = fill(o.pattern, spec, missing);
    return { o, pattern, line: `${perTask}path("${pattern}"), emit: ${o.emit ?? o.kind}` };
  });
  const stub = outputs.flatMap(({ o, pattern }) => {
    const written = (o.writes?.[spec.variant] ?? o.writes?.default)?.map((n) => fill(n, spec, missing));
    return stubNames(o, pattern, templateText ?? command, written).flatMap((n) => stubLine(n, o.dir));
  });
  const defs = ['def args = task.ext.args ?: \'\'', ...Object.entries(p.script_defs).map(([k, v]) => `def ${k} = ${v}`)];
  const body = p.template ? [...defs, `template '${p.template}'`] : [...defs, '"""', command.trimEnd(), '', ...versionsBlock(tool, p), '"""'];
  const lines = [
    `// ${tool.name}: ${tool.purpose}`,
    `process ${spec.name} {`,
    p.input.mode === 'collect' ? `    tag '${spec.ctx.analysisType}'` : '    tag "${meta.id}"',
    `    label '${p.label}'`,
    p.conda.length > 0 ? `    conda '${p.conda.join(' ')}'` : `    // no conda directive: ${tool.name} has no Conda package (its licence allows none); it runs in its container`,
    `    container '${tool.container}'`,
    '',
    '    input:',
    ...inputLines(p, valueInputs).map((l) => `    ${l}`),
    '',
    '    output:',
    ...outputs.map((x) => `    ${x.line}`),
    '    path "versions.yml", emit: versions',
    '',
    '    script:',
    ...body.map((l) => (l === '"""' || l.startsWith('def ') || l.startsWith('template ') ? `    ${l}` : indent(l, '    '))),
    '',
    '    stub:',
    '    """',
    ...stub.map((l) => `    ${l}`),
    '',
    ...versionsBlock(tool, p).map((l) => `    ${l}`),
    '    """',
    '}',
    '',
  ];
  const files: Record<string, string> = { [moduleFile(tool.id)]: lines.join('\n') };
  if (p.template && templateText !== undefined) files[`modules/${tool.id}/templates/${p.template}`] = templateText;
  return { files, valueInputs };
}
