import type { Decl, Expr, Pos, Script, Section, Stmt } from './ast';
import { BUILTIN_CONSTANTS, BUILTIN_NAMES, DIRECTIVES, FEATURE_FLAGS, INPUT_OPTIONS, INPUT_QUALIFIERS, OUTPUT_OPTIONS, OUTPUT_QUALIFIERS, PROCESS_SECTION_ORDERS, PROCESS_SECTIONS, WORKFLOW_SECTIONS, CHANNEL_OPERATORS } from './builtins';
import { type Diagnostic, type Severity, SyntaxFailure } from './diagnostics';
import type { Interpolation } from './lexer';
import { Parser } from './parser';

/** What a file declares, for include resolution and call arity in other files. */
export interface Callable {
  kind: 'process' | 'workflow' | 'function';
  arity: number | null;
}
export type Exports = Map<string, Callable>;

export interface ResolvedInclude {
  /** null: the file could not be found */
  exports: Exports | null;
}

class Scope {
  readonly names = new Map<string, { pos: Pos; used: boolean; implicit: boolean }>();
  constructor(readonly parent: Scope | null, readonly kind: 'global' | 'workflow' | 'process' | 'function' | 'closure' | 'block') {}
  lookup(name: string): Scope | null {
    return this.names.has(name) ? this : (this.parent?.lookup(name) ?? null);
  }
}

export function exportsOf(script: Script): Exports {
  const out: Exports = new Map();
  for (const d of script.decls) {
    if (d.kind === 'process') out.set(d.name, { kind: 'process', arity: processArity(d.sections) });
    else if (d.kind === 'workflow' && d.name) out.set(d.name, { kind: 'workflow', arity: workflowArity(d.sections) });
    else if (d.kind === 'function') out.set(d.name, { kind: 'function', arity: null });
  }
  return out;
}

function processArity(sections: Section[]): number {
  return sections.filter((s) => s.label === 'input').reduce((n, s) => n + s.body.length, 0);
}
function workflowArity(sections: Section[]): number {
  return sections.filter((s) => s.label === 'take').reduce((n, s) => n + s.body.length, 0);
}

function isStringStatement(st: Stmt): boolean {
  return st.kind === 'expr' && (st.expr.kind === 'literal' || st.expr.kind === 'gstring');
}

function calleeName(e: Expr): string | null {
  return e.kind === 'ident' ? e.name : null;
}

/** Resolution and rule checks over one parsed file. */
export class Checker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly global = new Scope(null, 'global');
  private readonly callables = new Map<string, Callable>();
  private inWorkflow = false;
  /** the kind of definition being checked: assignments without `def` declare variables only in processes and workflows */
  private definition: 'process' | 'workflow' | 'function' | 'other' = 'other';
  private closureDepth = 0;

  constructor(
    private readonly file: string,
    private readonly script: Script,
    private readonly resolveInclude: (path: string) => ResolvedInclude | 'unchecked',
  ) {}

  private report(severity: Severity, rule: string, message: string, pos: Pos): void {
    this.diagnostics.push({ file: this.file, line: pos.line, column: pos.column, severity, rule, message });
  }

  /** Implicit declarations (assignment without def, .set { x }) belong to the enclosing workflow/function/closure. */
  private owner(scope: Scope): Scope {
    let s = scope;
    while (s.kind === 'block' && s.parent && s.parent.kind !== 'global') s = s.parent;
    return s;
  }

  /**
   * Declares `name` in `scope`. An explicit declaration (def, parameter, input) may not redeclare a name that any
   * enclosing scope of the same definition declares (nf-lang's VariableScopeChecker.declare walks all parents),
   * so a closure parameter cannot shadow a workflow variable and a `def` in stub: cannot redeclare a variable
   * that script: assigned without def.
   */
  private declare(scope: Scope, name: string, pos: Pos, implicit = false): void {
    if (implicit) scope = this.owner(scope);
    if (!implicit) {
      // the scope itself, then its parents up to (not including) the script's global scope
      for (let s: Scope | null = scope; s; s = s.parent?.kind === 'global' ? null : s.parent) {
        const existing = s.names.get(name);
        if (existing) {
          this.report('error', 'duplicate-declaration', `'${name}' is already declared (line ${existing.pos.line})`, pos);
          return;
        }
      }
    }
    if (!scope.names.has(name)) scope.names.set(name, { pos, used: false, implicit });
  }

  /** `name = value` where `name` is not declared: an implicit declaration in processes and workflows, an error elsewhere. */
  private assignName(name: string, pos: Pos, scope: Scope): void {
    if (BUILTIN_CONSTANTS.has(name) && !scope.lookup(name)) {
      this.report('error', 'builtin-assignment', `'${name}' is a built-in constant or namespace and cannot be re-assigned`, pos);
      return;
    }
    if (scope.lookup(name) || BUILTIN_NAMES.has(name)) return;
    // in a workflow nf-lang resolves operator names as variables (for pipes), so `count = ...` there is no declaration
    if (this.definition === 'workflow' && CHANNEL_OPERATORS.has(name)) return;
    if (this.definition === 'process' || this.definition === 'workflow') {
      if (this.closureDepth > 0) this.report('error', 'undeclared-assignment', `variables in a closure must be declared with def: 'def ${name} = ...'`, pos);
      this.declare(scope, name, pos, true);
      return;
    }
    if (this.definition === 'function') {
      this.report('error', 'undeclared-assignment', `'${name}' was assigned but not declared: write 'def ${name} = ...'`, pos);
      this.declare(scope, name, pos, true);
      return;
    }
    this.declare(scope, name, pos, true);
  }

  run(): Diagnostic[] {
    this.declareTopLevel();
    let entryWorkflows = 0;
    for (const d of this.script.decls) {
      if (d.kind === 'statement') {
        if (!d.allowed) {
          const declsAfterOrBefore = this.script.decls.some((x) => x.kind !== 'statement');
          if (declsAfterOrBefore) this.report('error', 'mixed-statements-declarations', 'statements cannot be mixed with script declarations (processes, workflows, functions, includes); move this statement into a workflow or function', d);
          else this.checkStatements([d.stmt], new Scope(this.global, 'block'));
        } else if (!this.checkFeatureFlag(d.stmt)) this.checkStatements([d.stmt], new Scope(this.global, 'block'));
        continue;
      }
      if (d.kind === 'include' && d.legacyParams) {
        this.report('error', 'include-add-params', `'${d.legacyParams.name}(...)' after an include is not supported by the strict syntax: pass the values as workflow inputs or process inputs`, d.legacyParams);
      }
      if (d.kind === 'workflow') {
        if (!d.name) entryWorkflows++;
        if (!d.name && entryWorkflows > 1) this.report('error', 'duplicate-declaration', 'more than one entry workflow', d);
        this.checkWorkflow(d);
      } else if (d.kind === 'process') this.checkProcess(d);
      else if (d.kind === 'function') {
        const scope = new Scope(this.global, 'function');
        for (const p of d.params) this.declare(scope, p.name, p.pos);
        this.definition = 'function';
        this.checkStatements(d.body, scope);
        this.definition = 'other';
      } else if (d.kind === 'block') this.checkStatements(d.body, new Scope(this.global, 'block'));
    }
    this.warnLaterVersionErrors(entryWorkflows > 0);
    return this.diagnostics;
  }

  /** Errors that nf-lang 26.x adds over 25.10 (the version we follow): reported as warnings. */
  private warnLaterVersionErrors(hasEntry: boolean): void {
    for (const d of this.script.decls) {
      if (d.kind === 'block' && !hasEntry) {
        this.report('warning', 'block-without-entry', `a ${d.name} block without an entry workflow is an error from Nextflow 26.04 on`, d);
      }
    }
  }

  /** `nextflow.enable.x = literal`: a known flag and a literal value. Returns false for other statements. */
  private checkFeatureFlag(st: Stmt): boolean {
    if (st.kind !== 'expr' || st.expr.kind !== 'assign') return false;
    const parts: string[] = [];
    let t = st.expr.target;
    while (t.kind === 'prop') {
      parts.unshift(t.name);
      t = t.object;
    }
    if (t.kind !== 'ident' || t.name !== 'nextflow') return false;
    const name = ['nextflow', ...parts].join('.');
    if (!FEATURE_FLAGS.has(name)) {
      const hint = name === 'nextflow.enable.types' ? ' (it is Nextflow 26.04\'s name for nextflow.preview.types)' : '';
      this.report('error', 'unknown-feature-flag', `unrecognized feature flag '${name}'${hint} (known in 25.10: ${[...FEATURE_FLAGS].join(', ')})`, st.expr.target);
    } else if (name === 'nextflow.preview.types') {
      this.report('warning', 'renamed-feature-flag', "'nextflow.preview.types' is renamed 'nextflow.enable.types' in Nextflow 26.04, which rejects the old name", st.expr.target);
    }
    const v = st.expr.value;
    const literal = v.kind === 'literal' || (v.kind === 'ident' && ['true', 'false', 'null'].includes(v.name)) || (v.kind === 'unary' && v.op === '-' && v.operand.kind === 'literal');
    if (!literal) this.report('error', 'feature-flag-value', 'a feature flag value must be a literal (number, string, true or false)', v);
    return true;
  }

  private declareTopLevel(): void {
    for (const d of this.script.decls) {
      if (d.kind === 'include') {
        const resolved = this.resolveInclude(d.path);
        if (resolved !== 'unchecked' && resolved.exports === null) {
          this.report('error', 'include-not-found', `cannot find the module '${d.path}' (tried '${d.path}.nf' and '${d.path}/main.nf')`, d);
        }
        for (const n of d.names) {
          if (resolved !== 'unchecked' && resolved.exports && !resolved.exports.has(n.name)) {
            this.report('error', 'include-name-not-found', `'${n.name}' is not defined in '${d.path}'`, n.pos);
          }
          this.declare(this.global, n.alias, n.pos);
          const target = resolved !== 'unchecked' ? resolved.exports?.get(n.name) : undefined;
          this.callables.set(n.alias, target ?? { kind: 'function', arity: null });
        }
      } else if (d.kind === 'process' || d.kind === 'function' || (d.kind === 'workflow' && d.name)) {
        const name = (d as { name: string }).name;
        this.declare(this.global, name, d);
        if (d.kind === 'process') this.callables.set(name, { kind: 'process', arity: processArity(d.sections) });
        else if (d.kind === 'workflow') this.callables.set(name, { kind: 'workflow', arity: workflowArity(d.sections) });
        else this.callables.set(name, { kind: 'function', arity: null });
      }
    }
  }

  private checkWorkflow(d: Extract<Decl, { kind: 'workflow' }>): void {
    const scope = new Scope(this.global, 'workflow');
    const order = WORKFLOW_SECTIONS as readonly string[];
    let last = -1;
    this.inWorkflow = true;
    this.definition = 'workflow';
    // a body nf-lang's grammar cannot read as a workflow is reported where the workflow starts, as nf-lang does
    // ("Invalid workflow definition -- check for missing or out-of-order section labels")
    let structureReported = false;
    const invalidStructure = (rule: string, message: string): void => {
      if (structureReported) return;
      structureReported = true;
      this.report('error', rule, `invalid workflow definition: ${message}`, d);
    };
    for (const s of d.sections) {
      if (s.label === '') {
        if (s.body.length && d.sections.length > 1) invalidStructure('section-order', `statements (line ${s.body[0]!.line}) before the first section label`);
        if (s.body.length) this.checkStatements(s.body, scope);
        continue;
      }
      const idx = order.indexOf(s.label);
      if (idx < 0) {
        invalidStructure('unknown-section', `unknown section '${s.label}:' at line ${s.pos.line} (expected take:, main:, emit:, publish:, onComplete: or onError:)`);
        continue;
      }
      if (idx <= last) invalidStructure('section-order', `'${s.label}:' (line ${s.pos.line}) must come before '${order[last]}:'`);
      last = Math.max(last, idx);
      if (!d.name && (s.label === 'take' || s.label === 'emit')) {
        this.report('error', s.label === 'take' ? 'entry-workflow-take' : 'entry-workflow-emit', `the entry workflow cannot have a '${s.label}:' section`, s.pos);
      }
      if (d.name && (s.label === 'publish' || s.label === 'onComplete' || s.label === 'onError')) {
        this.report('error', 'named-workflow-section', `a named workflow cannot have a '${s.label}:' section (only the entry workflow can)`, s.pos);
      }
      if (s.label === 'take') {
        for (const st of s.body) {
          if (st.kind === 'expr' && st.expr.kind === 'ident') this.declare(scope, st.expr.name, st);
          else this.report('error', 'syntax', 'take: declares one input name per line', st);
        }
      } else if (s.label === 'emit' || s.label === 'publish') this.checkEmits(s, scope);
      else this.checkStatements(s.body, scope);
    }
    this.inWorkflow = false;
    this.definition = 'other';
    this.warnUnused(scope);
  }

  /** emit: / publish: entries: `name = channel` or, when it is the only one, a bare channel expression; names unique. */
  private checkEmits(s: Section, scope: Scope): void {
    const names = new Map<string, Pos>();
    const unnamed: Stmt[] = [];
    for (const st of s.body) {
      if (st.kind === 'expr' && st.expr.kind === 'assign' && st.expr.target.kind === 'ident') {
        this.checkExpr(st.expr.value, scope);
        const name = st.expr.target.name;
        const first = names.get(name);
        if (first) this.report('error', 'duplicate-emit', `'${name}' is already declared in ${s.label}: (line ${first.line})`, st.expr.target);
        else names.set(name, st.expr.target);
      } else if (st.kind === 'expr') {
        this.checkExpr(st.expr, scope);
        // a bare name emits that variable under its own name; any other expression is unnamed
        if (st.expr.kind !== 'ident') unnamed.push(st);
        else if (names.has(st.expr.name)) this.report('error', 'duplicate-emit', `'${st.expr.name}' is already declared in ${s.label}: (line ${names.get(st.expr.name)!.line})`, st.expr);
        else names.set(st.expr.name, st.expr);
      } else this.report('error', 'syntax', `${s.label}: expects \`name = channel\` or a channel expression`, st);
    }
    if (unnamed.length && s.body.length > 1) {
      // nf-lang reports it at the start of the entries
      this.report('error', 'unnamed-emit', `every ${s.label}: entry must be assigned to a name when there are several (line ${unnamed[0]!.line}: e.g. \`bam = ...\`)`, s.body[0]!);
    }
  }

  private checkProcess(d: Extract<Decl, { kind: 'process' }>): void {
    const scope = new Scope(this.global, 'process');
    const bodies = new Set(['script', 'shell', 'exec']);
    const labelled = d.sections.filter((s) => s.label !== '');
    const directives = d.sections[0]!;
    this.checkProcessStructure(d, labelled);
    const bodyCount = labelled.filter((s) => bodies.has(s.label)).length;
    // without script:/exec:, trailing strings are the implicit script: legal only when nothing else is declared
    let implicitScript: Stmt[] = [];
    const lastSection = d.sections[d.sections.length - 1]!;
    if (bodyCount === 0 && labelled.some((s) => s.label === 'stub')) {
      this.report('error', 'missing-script', `invalid process definition: process '${d.name}' has a stub: but no script: (or exec:) section`, d);
    } else if (bodyCount === 0) {
      // nf-lang reads the statements after a when: expression, or trailing strings, as an implicit script body
      let k = lastSection.label === 'when' ? Math.min(1, lastSection.body.length) : lastSection.body.length;
      if (lastSection.label !== 'when') while (k > 0 && isStringStatement(lastSection.body[k - 1]!)) k--;
      implicitScript = lastSection.body.slice(k);
      const other = labelled.length > 0 || directives.body.length > 0;
      const empty = d.sections.length === 1 && directives.body.length === 0;
      if (!implicitScript.length && !empty) this.report('error', 'missing-script', `process '${d.name}' has no script: (or exec:) section`, d);
      else if (other) this.report('error', 'missing-script-label', 'the script: (or exec:) label is required when a process has other sections or directives', implicitScript[0]!);
    }
    // inputs are visible everywhere in the process (directives use e.g. meta.id)
    for (const s of d.sections.filter((x) => x.label === 'input')) for (const st of s.body) this.declareInput(st, scope);
    // nf-lang's order: when, script, stub, directives, inputs, outputs, so that outputs see what script: assigned without def
    this.definition = 'process';
    const rank = (label: string): number => ['when', 'script', 'shell', 'exec', 'stub', '', 'input', 'output', 'topic'].indexOf(label);
    const checkOrder = [...d.sections].filter((s) => rank(s.label) >= 0).sort((a, b) => rank(a.label) - rank(b.label));
    if (implicitScript.length) this.checkStatements(implicitScript, new Scope(scope, 'block'));
    for (const section of checkOrder) {
      const s = section === lastSection && implicitScript.length ? { ...section, body: section.body.slice(0, section.body.length - implicitScript.length) } : section;
      if (s.label === 'shell') this.report('warning', 'shell-deprecated', 'the shell: section is deprecated; use script: with escaped \\$ variables', s.pos);
      if (s.label === '') for (const st of s.body) this.checkDirective(st, scope);
      else if (s.label === 'input') for (const st of s.body) this.checkDeclarationCall(st, 'input', scope);
      else if (s.label === 'output') for (const st of s.body) this.checkDeclarationCall(st, 'output', scope);
      else this.checkStatements(s.body, new Scope(scope, 'block'));
    }
    this.definition = 'other';
    if (bodyCount > 1) this.report('error', 'duplicate-declaration', 'a process can have only one of script:, shell: or exec:', d);
  }

  /**
   * Section labels in one of the two orders nf-lang's grammar accepts: input:, output:, topic:, when:, script:, stub:,
   * or input:, when:, script:, stub:, output:, topic:. A body it cannot read as a process is reported where the
   * process starts, as nf-lang does ("Invalid process definition -- check for missing or out-of-order section labels").
   */
  private checkProcessStructure(d: Extract<Decl, { kind: 'process' }>, labelled: Section[]): void {
    if (d.sections.length === 1 && d.sections[0]!.body.length === 0) {
      this.report('error', 'missing-script', `process '${d.name}' has an empty body: it needs at least a script: (or exec:) section`, d);
      return;
    }
    const known = PROCESS_SECTIONS as readonly string[];
    const unknown = labelled.find((s) => !known.includes(s.label));
    if (unknown) {
      this.report('error', 'unknown-section', `invalid process definition: unknown section '${unknown.label}:' at line ${unknown.pos.line} (expected input:, output:, when:, script:, exec:, stub:)`, d);
      return;
    }
    const labels = labelled.map((s) => (s.label === 'shell' || s.label === 'exec' ? 'script' : s.label));
    // index of the first label that does not come after the one before it in `order`, or -1
    const outOfOrder = (order: readonly string[]) => labels.findIndex((l, k) => k > 0 && order.indexOf(l) <= order.indexOf(labels[k - 1]!));
    const [usual, outputsLast] = PROCESS_SECTION_ORDERS;
    const i = outOfOrder(usual);
    if (i < 0 || outOfOrder(outputsLast) < 0) return;
    const at = labelled[i]!;
    this.report('error', 'section-order', `invalid process definition: '${at.label}:' (line ${at.pos.line}) is out of order; sections go input:, output:, when:, script:, stub: (output: may also follow script:/stub:)`, d);
  }

  private declareInput(st: Stmt, scope: Scope): void {
    if (st.kind !== 'expr' || st.expr.kind !== 'call') return;
    const visit = (call: Extract<Expr, { kind: 'call' }>) => {
      const q = calleeName(call.callee);
      if (q === 'tuple') {
        for (const a of call.args) if (a.kind === 'call') visit(a);
        return;
      }
      const first = call.args[0];
      if (first?.kind === 'ident' && q !== 'env') this.declare(scope, first.name, first, true);
    };
    visit(st.expr);
  }

  /** A directive is a call (`label 'x'`, `cpus 4`), a bare name (`debug`) or `name -value`; an assignment is not. */
  private checkDirective(st: Stmt, scope: Scope): void {
    if (st.kind === 'expr' && st.expr.kind === 'call' && st.expr.callee.kind === 'ident') {
      const name = st.expr.callee.name;
      if (!DIRECTIVES.has(name)) this.report('error', 'unknown-directive', `unknown process directive '${name}'`, st.expr.callee);
      for (const a of st.expr.args) this.checkExpr(a, scope);
      for (const n of st.expr.named) this.checkExpr(n.value, scope);
      return;
    }
    if (st.kind === 'expr' && st.expr.kind === 'ident' && DIRECTIVES.has(st.expr.name)) return;
    if (st.kind === 'expr' && st.expr.kind === 'binary' && st.expr.op === '-' && st.expr.left.kind === 'ident' && DIRECTIVES.has(st.expr.left.name)) {
      this.checkExpr(st.expr.right, scope);
      return;
    }
    if (st.kind === 'expr' && st.expr.kind === 'assign') {
      let t = st.expr.target;
      while (t.kind === 'prop') t = t.object;
      const name = t.kind === 'ident' ? t.name : '';
      this.report('error', 'invalid-directive', DIRECTIVES.has(name) ? `a directive is not an assignment: write '${name} ...' without '='` : 'only directives can appear before the first section of a process (e.g. tag, label, container)', st);
      return;
    }
    this.report('error', 'invalid-directive', 'only directives can appear before the first section of a process (e.g. tag, label, container)', st);
  }

  private checkDeclarationCall(st: Stmt, section: 'input' | 'output', scope: Scope): void {
    const qualifiers = section === 'input' ? INPUT_QUALIFIERS : OUTPUT_QUALIFIERS;
    const options = section === 'input' ? INPUT_OPTIONS : OUTPUT_OPTIONS;
    const visit = (e: Expr, nested: boolean): void => {
      if (e.kind === 'ident' && (e.name === 'stdin' || e.name === 'stdout')) return;
      if (e.kind !== 'call' || e.callee.kind !== 'ident') {
        this.report('error', 'unknown-qualifier', `expected an ${section} qualifier such as ${section === 'input' ? 'val(x), path(x) or tuple ...' : 'path(...), val(...), tuple ... or stdout'}`, e);
        return;
      }
      const q = e.callee.name;
      if (!qualifiers.has(q) || (nested && q === 'tuple')) {
        this.report('error', 'unknown-qualifier', `unknown ${section} qualifier '${q}'`, e.callee);
        return;
      }
      for (const n of e.named) {
        // nf-lang does not check option names (a misspelt one is ignored at run time), so this is a warning
        if (!options.has(n.name)) this.report('warning', section === 'output' ? 'unknown-output-option' : 'unknown-input-option', `unknown ${section} option '${n.name}:' (ignored by Nextflow)`, n.pos);
        // emit: and topic: name things; they do not reference variables
        if (!((n.name === 'emit' || n.name === 'topic') && n.value.kind === 'ident')) this.checkExpr(n.value, scope);
      }
      if (q === 'tuple') for (const a of e.args) visit(a, true);
      else if (q === 'env') {
        for (const a of e.args) {
          if (a.kind === 'ident' && (scope.lookup(a.name) ?? this.global) === this.global) this.report('error', 'undefined-name', `'${a.name}' is not defined: name the environment variable as a string, env('${a.name}')`, a);
          else this.checkExpr(a, scope);
        }
      } else if (section === 'output') for (const a of e.args) this.checkExpr(a, scope);
      else for (const a of e.args) if (a.kind !== 'ident') this.checkExpr(a, scope);
    };
    if (st.kind !== 'expr') {
      this.report('error', 'unknown-qualifier', `expected an ${section} declaration`, st);
      return;
    }
    visit(st.expr, false);
  }

  private checkStatements(stmts: Stmt[], scope: Scope): void {
    for (const st of stmts) this.checkStmt(st, scope);
  }

  private checkStmt(st: Stmt, scope: Scope): void {
    switch (st.kind) {
      case 'expr':
        if (st.expr.kind === 'assign' && st.expr.target.kind === 'ident') {
          this.checkExpr(st.expr.value, scope);
          this.assignName(st.expr.target.name, st.expr.target, scope);
          return;
        }
        this.checkExpr(st.expr, scope);
        return;
      case 'def':
        if (st.value) this.checkExpr(st.value, scope);
        for (const n of st.names) {
          if (!st.assign) this.declare(scope, n.name, n.pos);
          else if (!scope.lookup(n.name)) this.declare(scope, n.name, n.pos, true);
        }
        return;
      case 'if': {
        this.checkExpr(st.cond, scope);
        this.checkStatements(st.then, new Scope(scope, 'block'));
        if (st.otherwise) this.checkStatements(st.otherwise, new Scope(scope, 'block'));
        return;
      }
      case 'loop': {
        this.report('error', 'unsupported-syntax', `'${st.keyword}' loops are not supported by the strict syntax: iterate with a closure (e.g. list.each { x -> ... }) or a channel operator`, st);
        const inner = new Scope(scope, 'block');
        for (const h of st.head) this.checkExpr(h, inner);
        if (st.varName) this.declare(inner, st.varName, st);
        this.checkStatements(st.body, inner);
        return;
      }
      case 'return':
      case 'throw':
        if (st.value) this.checkExpr(st.value, scope);
        return;
      case 'assert':
        this.checkExpr(st.cond, scope);
        if (st.message) this.checkExpr(st.message, scope);
        return;
      case 'try':
        this.checkStatements(st.body, new Scope(scope, 'block'));
        for (const c of st.catches) {
          const inner = new Scope(scope, 'block');
          this.declare(inner, c.name, st);
          this.checkStatements(c.body, inner);
        }
        if (st.finally) this.checkStatements(st.finally, new Scope(scope, 'block'));
        return;
      case 'block':
        this.checkStatements(st.body, new Scope(scope, 'block'));
        return;
      case 'label':
        return;
    }
  }

  /** `capitalized`: check a Capitalized name too (a call or a `$NAME` in a string), which elsewhere may be a class. */
  private use(name: string, pos: Pos, scope: Scope, capitalized = false): void {
    const found = scope.lookup(name);
    if (found) {
      found.names.get(name)!.used = true;
      return;
    }
    if (BUILTIN_NAMES.has(name) || (!capitalized && /^[A-Z]/.test(name))) return;
    if (this.definition === 'workflow' && CHANNEL_OPERATORS.has(name)) return; // an operator read as a variable, as nf-lang allows
    this.report('error', 'undefined-name', `'${name}' is not defined`, pos);
  }

  private checkCall(e: Extract<Expr, { kind: 'call' }>, scope: Scope): void {
    const name = calleeName(e.callee);
    const callable = name ? this.callables.get(name) : undefined;
    if (name && callable && (callable.kind === 'process' || callable.kind === 'workflow') && this.global.lookup(name) === this.global && !this.shadowed(name, scope)) {
      if (!this.inWorkflow) this.report('error', 'process-call-outside-workflow', `${callable.kind} '${name}' can only be called from a workflow`, e);
      else if (this.closureDepth > 0) this.report('error', 'process-call-in-closure', `${callable.kind} '${name}' cannot be called inside a closure`, e);
      if (callable.arity !== null && e.args.length !== callable.arity && e.named.length === 0) {
        this.report('error', 'call-arity', `${callable.kind} '${name}' takes ${callable.arity} input${callable.arity === 1 ? '' : 's'} but was called with ${e.args.length}`, e);
      }
    }
    if (e.callee.kind === 'ident') this.use(e.callee.name, e.callee, scope, true);
    else this.checkExpr(e.callee, scope);
    // `.set { name }` and `.tap { name }` declare a channel variable
    const only = e.args[0];
    if (e.callee.kind === 'prop' && (e.callee.name === 'set' || e.callee.name === 'tap') && only?.kind === 'closure' && only.body.length === 1) {
      const b = only.body[0]!;
      if (b.kind === 'expr' && b.expr.kind === 'ident') {
        this.declare(scope, b.expr.name, b.expr, true);
        return;
      }
    }
    for (const a of e.args) this.checkExpr(a, scope);
    for (const n of e.named) this.checkExpr(n.value, scope);
  }

  private shadowed(name: string, scope: Scope): boolean {
    const s = scope.lookup(name);
    return s !== null && s !== this.global;
  }

  private checkExpr(e: Expr, scope: Scope): void {
    switch (e.kind) {
      case 'ident':
        if (e.name === 'it' && !scope.lookup('it')) {
          let s: Scope | null = scope;
          while (s && s.kind === 'block') s = s.parent;
          if (s?.kind === 'closure') this.report('warning', 'implicit-it', "implicit closure parameter 'it' is deprecated; name the parameter (e.g. { x -> ... })", e);
        }
        this.use(e.name, e, scope);
        return;
      case 'literal':
        return;
      case 'gstring':
        for (const part of e.parts) this.checkInterpolation(part, scope);
        return;
      case 'list':
        for (const i of e.items) this.checkExpr(i, scope);
        return;
      case 'map':
        for (const en of e.entries) {
          if (en.key && en.key.kind !== 'ident') this.checkExpr(en.key, scope);
          this.checkExpr(en.value, scope);
        }
        return;
      case 'call':
        this.checkCall(e, scope);
        return;
      case 'prop':
        if (e.object.kind === 'ident' && e.object.name === 'Channel') this.report('warning', 'channel-capitalized', "use 'channel' instead of 'Channel'", e.object);
        this.checkExpr(e.object, scope);
        return;
      case 'index':
        this.checkExpr(e.object, scope);
        for (const i of e.index) this.checkExpr(i, scope);
        return;
      case 'closure': {
        const inner = new Scope(scope, 'closure');
        for (const p of e.params) this.declare(inner, p.name, p.pos);
        this.closureDepth++;
        this.checkStatements(e.body, inner);
        this.closureDepth--;
        return;
      }
      case 'unary':
        this.checkExpr(e.operand, scope);
        return;
      case 'binary': {
        // a long `a + b + c ...` is a left-deep tree: walk its left spine in a loop, not by recursion
        const spine: Extract<Expr, { kind: 'binary' }>[] = [];
        let left: Expr = e;
        while (left.kind === 'binary') {
          spine.push(left);
          left = left.left;
        }
        this.checkExpr(left, scope);
        for (let k = spine.length - 1; k >= 0; k--) this.checkBinaryRight(spine[k]!, scope);
        return;
      }
      case 'ternary':
        this.checkExpr(e.cond, scope);
        if (e.then) this.checkExpr(e.then, scope);
        this.checkExpr(e.otherwise, scope);
        return;
      case 'assign':
        this.checkExpr(e.value, scope);
        if (e.target.kind !== 'ident') this.checkExpr(e.target, scope);
        else this.assignName(e.target.name, e.target, scope);
        return;
    }
  }

  /** The right side of `left op right`; after a pipe, an operator name is the operator, not a variable. */
  private checkBinaryRight(e: Extract<Expr, { kind: 'binary' }>, scope: Scope): void {
    const right = e.right;
    const callee = right.kind === 'call' ? right.callee : right;
    if ((e.op === '|' || e.op === '&') && callee.kind === 'ident' && CHANNEL_OPERATORS.has(callee.name) && !scope.lookup(callee.name)) {
      if (right.kind === 'call') {
        for (const a of right.args) this.checkExpr(a, scope);
        for (const n of right.named) this.checkExpr(n.value, scope);
      }
      return;
    }
    this.checkExpr(right, scope);
  }

  private checkInterpolation(part: Interpolation, scope: Scope): void {
    const trimmed = part.code.trim();
    if (!trimmed) return;
    if (/^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/.test(trimmed)) {
      const head = trimmed.split('.')[0]!;
      // `$INDEX` in a script is Groovy's, not the shell's: an all-caps name is checked like any other (write \$INDEX)
      this.use(head, part, scope, /^[A-Z][A-Z0-9_]*$/.test(head));
      return;
    }
    let expr: Expr;
    try {
      expr = new Parser(part.code, part.codeLine, part.codeColumn).parseInterpolation();
    } catch (err) {
      const at = err instanceof SyntaxFailure ? { line: err.line, column: err.column } : part;
      this.report('error', 'syntax', `invalid expression in string interpolation: \${${trimmed.slice(0, 40)}}${/^[A-Z_][A-Z0-9_]*:[-=?+]/.test(trimmed) ? ' (a shell default needs escaping: \\${VAR:-x})' : ''}`, at);
      return;
    }
    this.checkExpr(expr, new Scope(scope, 'block'));
  }

  private warnUnused(scope: Scope): void {
    for (const [name, v] of scope.names) if (!v.used && !v.implicit) this.report('warning', 'unused-variable', `variable '${name}' is declared but never used`, v.pos);
  }
}
