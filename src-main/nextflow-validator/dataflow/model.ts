import type { Decl, Expr, Pos, Script, Section, Stmt, StringText } from '../ast';
import { walkStmts } from './walk';

/** One declared input or output value: `path(reads)`, `val(meta)`, `path("*.bam")`. */
export interface DeclElement extends Pos {
  qualifier: string;
  /** the variable, when declared by name: `path(reads)` */
  name: string | null;
  /** the file pattern, when declared by a string: `path("*.bam")` */
  pattern: StringText | null;
  /** `stageAs:` of an input */
  stageAs: StringText | null;
}

/** An input or output line: a tuple of elements or one element (then `elements` holds it alone). */
export interface Declaration extends Pos {
  qualifier: string;
  elements: DeclElement[];
  emit: string | null;
  optional: boolean;
}

export interface ScriptBody extends Pos {
  label: string;
  body: Stmt[];
  /** the strings that are the section's value: the command text Nextflow runs (several under if/else) */
  commands: StringText[];
  /** those of `commands` chosen by an `if` (e.g. per meta.single_end): not run for every task */
  conditional: Set<StringText>;
  /** every quoted string of the section, commands and Groovy code alike */
  strings: StringText[];
  /** `template 'name'` as the section's value */
  template: ({ name: string | null } & Pos) | null;
  /** `def x = ...` and `x = ...` in the section, by name */
  defs: Map<string, Expr[]>;
}

export interface ProcessModel extends Pos {
  file: string;
  name: string;
  inputs: Declaration[];
  outputs: Declaration[];
  script: ScriptBody | null;
}

export interface WorkflowModel extends Pos {
  file: string;
  name: string | null;
  takes: ({ name: string } & Pos)[];
  emits: ({ name: string } & Pos)[];
  /** take:, main: and emit: statements in order (emit assignments included) */
  body: Stmt[];
}

export interface IncludeModel extends Pos {
  name: string;
  alias: string;
  path: string;
}

export interface FileModel {
  file: string;
  script: Script;
  /** the comment lines the file starts with, without their `//` (a pipeline's description of its data) */
  header: string[];
  processes: ProcessModel[];
  workflows: WorkflowModel[];
  includes: IncludeModel[];
}

function stringOf(e: Expr | undefined): StringText | null {
  if (!e) return null;
  if (e.kind === 'gstring') return e.text;
  if (e.kind === 'literal' && e.text) return e.text;
  return null;
}

function element(e: Expr): DeclElement | null {
  if (e.kind === 'ident') return { qualifier: e.name, name: null, pattern: null, stageAs: null, line: e.line, column: e.column };
  if (e.kind !== 'call' || e.callee.kind !== 'ident') return null;
  const first = e.args[0];
  const stageAs = e.named.find((n) => n.name === 'stageAs' || n.name === 'name');
  return {
    qualifier: e.callee.name,
    name: first?.kind === 'ident' ? first.name : null,
    pattern: stringOf(first),
    stageAs: stringOf(stageAs?.value),
    line: e.callee.line,
    column: e.callee.column,
  };
}

function declaration(st: Stmt): Declaration | null {
  if (st.kind !== 'expr') return null;
  const e = st.expr;
  if (e.kind === 'ident') return { qualifier: e.name, elements: [], emit: null, optional: false, line: e.line, column: e.column };
  if (e.kind !== 'call' || e.callee.kind !== 'ident') return null;
  const emit = e.named.find((n) => n.name === 'emit');
  const optional = e.named.find((n) => n.name === 'optional');
  const q = e.callee.name;
  const elements = q === 'tuple' ? e.args.map(element).filter((x): x is DeclElement => x !== null) : [element(e)].filter((x): x is DeclElement => x !== null);
  return {
    qualifier: q,
    elements,
    emit: emit?.value.kind === 'ident' ? emit.value.name : null,
    optional: optional !== undefined && !(optional.value.kind === 'ident' && optional.value.name === 'false'),
    line: e.line,
    column: e.column,
  };
}

function sectionDecls(sections: Section[], label: string): Declaration[] {
  return sections.filter((s) => s.label === label).flatMap((s) => s.body.map(declaration).filter((d): d is Declaration => d !== null));
}

/** Strings and `template` calls that stand as statements: the value of the script section. */
function commandValues(stmts: Stmt[], into: CommandValues, conditional = false): void {
  for (const st of stmts) {
    if (st.kind === 'expr' || st.kind === 'return') {
      const e = st.kind === 'expr' ? st.expr : st.value;
      if (!e) continue;
      const s = stringOf(e);
      if (s) {
        into.commands.push(s);
        if (conditional) into.conditional.add(s);
      }
      else if (e.kind === 'call' && e.callee.kind === 'ident' && e.callee.name === 'template') into.template = { name: stringOf(e.args[0])?.raw ?? null, line: e.line, column: e.column };
    } else if (st.kind === 'if') {
      commandValues(st.then, into, true);
      if (st.otherwise) commandValues(st.otherwise, into, true);
    } else if (st.kind === 'block') commandValues(st.body, into, conditional);
  }
}

type CommandValues = Pick<ScriptBody, 'commands' | 'conditional' | 'template'>;

function scriptBody(sections: Section[]): ScriptBody | null {
  let s = sections.find((x) => x.label === 'script' || x.label === 'shell');
  // a process with no section labels has an implicit script: its last statement
  if (!s && sections.length === 1 && sections[0]!.label === '') s = sections[0];
  if (!s) return null;
  const into: CommandValues = { commands: [], conditional: new Set(), template: null };
  commandValues(s.body, into);
  const strings: StringText[] = [];
  walkStmts(s.body, (e) => {
    const t = stringOf(e);
    if (t) strings.push(t);
  });
  const defs = new Map<string, Expr[]>();
  const addDef = (name: string, value: Expr) => defs.set(name, [...(defs.get(name) ?? []), value]);
  const visitDefs = (stmts: Stmt[]) => {
    for (const st of stmts) {
      if (st.kind === 'def' && st.value && st.names.length === 1) addDef(st.names[0]!.name, st.value);
      else if (st.kind === 'expr' && st.expr.kind === 'assign' && st.expr.target.kind === 'ident') addDef(st.expr.target.name, st.expr.value);
      else if (st.kind === 'if') {
        visitDefs(st.then);
        if (st.otherwise) visitDefs(st.otherwise);
      } else if (st.kind === 'block') visitDefs(st.body);
    }
  };
  visitDefs(s.body);
  return { label: s.label || 'script', body: s.body, commands: into.commands, conditional: into.conditional, strings, template: into.template, defs, line: s.pos.line, column: s.pos.column };
}

function processModel(file: string, d: Extract<Decl, { kind: 'process' }>): ProcessModel {
  return {
    file,
    name: d.name,
    inputs: sectionDecls(d.sections, 'input'),
    outputs: sectionDecls(d.sections, 'output'),
    script: scriptBody(d.sections),
    line: d.line,
    column: d.column,
  };
}

function workflowModel(file: string, d: Extract<Decl, { kind: 'workflow' }>): WorkflowModel {
  const takes: WorkflowModel['takes'] = [];
  const emits: WorkflowModel['emits'] = [];
  const body: Stmt[] = [];
  for (const s of d.sections) {
    body.push(...s.body);
    if (s.label === 'take') for (const st of s.body) if (st.kind === 'expr' && st.expr.kind === 'ident') takes.push({ name: st.expr.name, line: st.line, column: st.column });
    if (s.label === 'emit')
      for (const st of s.body) {
        if (st.kind !== 'expr') continue;
        const e = st.expr;
        if (e.kind === 'assign' && e.target.kind === 'ident') emits.push({ name: e.target.name, line: e.line, column: e.column });
        else if (e.kind === 'ident') emits.push({ name: e.name, line: e.line, column: e.column });
      }
  }
  return { file, name: d.name, takes, emits, body, line: d.line, column: d.column };
}

/** The `//` and `/* *\/` comment lines before the first line of code. */
function headerComments(text: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (inBlock) {
      out.push(line.replace(/\*\/.*$/, '').replace(/^\*\s?/, ''));
      if (line.includes('*/')) inBlock = false;
    } else if (line.startsWith('//') || line.startsWith('#!')) out.push(line.replace(/^\/\/\s?/, ''));
    else if (line.startsWith('/*')) {
      out.push(line.replace(/^\/\*+\s?/, '').replace(/\*\/.*$/, ''));
      inBlock = !line.includes('*/');
    } else if (line !== '') break;
  }
  return out;
}

/** The dataflow view of one parsed file: its processes, workflows and includes. */
export function fileModel(file: string, script: Script, text = ''): FileModel {
  const model: FileModel = { file, script, header: headerComments(text), processes: [], workflows: [], includes: [] };
  for (const d of script.decls) {
    if (d.kind === 'process') model.processes.push(processModel(file, d));
    else if (d.kind === 'workflow') model.workflows.push(workflowModel(file, d));
    else if (d.kind === 'include') for (const n of d.names) model.includes.push({ name: n.name, alias: n.alias, path: d.path, ...n.pos });
  }
  return model;
}
