import type { Decl, Expr, Pos, Script, Section, Stmt } from './ast';
import { BUILTIN_NAMES, DIRECTIVES, INPUT_OPTIONS, INPUT_QUALIFIERS, OUTPUT_OPTIONS, OUTPUT_QUALIFIERS, PROCESS_SECTIONS, WORKFLOW_SECTIONS, CHANNEL_OPERATORS } from './builtins';
import type { Diagnostic, Severity } from './diagnostics';
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

function calleeName(e: Expr): string | null {
  return e.kind === 'ident' ? e.name : null;
}

/** Resolution and rule checks over one parsed file. */
export class Checker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly global = new Scope(null, 'global');
  private readonly callables = new Map<string, Callable>();
  private inWorkflow = false;
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

  private declare(scope: Scope, name: string, pos: Pos, implicit = false): void {
    if (implicit) scope = this.owner(scope);
    const existing = scope.names.get(name);
    if (existing && !implicit && !existing.implicit) {
      this.report('error', 'duplicate-declaration', `'${name}' is already declared in this scope (line ${existing.pos.line})`, pos);
      return;
    }
    if (!existing) scope.names.set(name, { pos, used: false, implicit });
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
        } else this.checkStatements([d.stmt], new Scope(this.global, 'block'));
        continue;
      }
      if (d.kind === 'workflow') {
        if (!d.name) entryWorkflows++;
        if (!d.name && entryWorkflows > 1) this.report('error', 'duplicate-declaration', 'more than one entry workflow', d);
        this.checkWorkflow(d);
      } else if (d.kind === 'process') this.checkProcess(d);
      else if (d.kind === 'function') {
        const scope = new Scope(this.global, 'function');
        for (const p of d.params) this.declare(scope, p.name, p.pos);
        this.checkStatements(d.body, scope);
      } else if (d.kind === 'block') this.checkStatements(d.body, new Scope(this.global, 'block'), true);
    }
    return this.diagnostics;
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
    for (const s of d.sections) {
      if (s.label === '') {
        if (s.body.length && d.sections.length > 1) this.report('error', 'section-order', 'statements before the first section label of a workflow', s.body[0]!);
        if (s.body.length) this.checkStatements(s.body, scope);
        continue;
      }
      const idx = order.indexOf(s.label);
      if (idx < 0) {
        this.report('error', 'unknown-section', `unknown workflow section '${s.label}:' (expected take:, main:, emit: or publish:)`, s.pos);
        continue;
      }
      if (idx <= last) this.report('error', 'section-order', `'${s.label}:' must come before '${order[last]}:' in a workflow`, s.pos);
      last = Math.max(last, idx);
      if (!d.name && (s.label === 'take' || s.label === 'emit')) {
        this.report('error', s.label === 'take' ? 'entry-workflow-take' : 'entry-workflow-emit', `the entry workflow cannot have a '${s.label}:' section`, s.pos);
      }
      if (s.label === 'take') {
        for (const st of s.body) {
          if (st.kind === 'expr' && st.expr.kind === 'ident') this.declare(scope, st.expr.name, st);
          else this.report('error', 'syntax', 'take: declares one input name per line', st);
        }
      } else if (s.label === 'emit') {
        for (const st of s.body) {
          if (st.kind === 'expr' && st.expr.kind === 'assign' && st.expr.target.kind === 'ident') this.checkExpr(st.expr.value, scope);
          else if (st.kind === 'expr') this.checkExpr(st.expr, scope);
          else this.report('error', 'syntax', 'emit: expects `name = channel` or a channel expression', st);
        }
      } else this.checkStatements(s.body, scope);
    }
    this.inWorkflow = false;
    this.warnUnused(scope);
  }

  private checkProcess(d: Extract<Decl, { kind: 'process' }>): void {
    const scope = new Scope(this.global, 'process');
    const order = PROCESS_SECTIONS as readonly string[];
    let last = 0;
    const bodies = new Set(['script', 'shell', 'exec']);
    let bodyCount = 0;
    // inputs are visible everywhere in the process (directives use e.g. meta.id)
    for (const s of d.sections.filter((x) => x.label === 'input')) for (const st of s.body) this.declareInput(st, scope);
    // process-scope rule: variables assigned without def in script are visible in output
    const declareAssigned = (stmts: Stmt[]): void => {
      for (const st of stmts) {
        if (st.kind === 'expr' && st.expr.kind === 'assign' && st.expr.target.kind === 'ident') this.declare(scope, st.expr.target.name, st, true);
        else if (st.kind === 'if') {
          declareAssigned(st.then);
          if (st.otherwise) declareAssigned(st.otherwise);
        } else if (st.kind === 'block') declareAssigned(st.body);
      }
    };
    for (const s of d.sections.filter((x) => bodies.has(x.label) || x.label === 'stub')) declareAssigned(s.body);
    for (const s of d.sections) {
      const idx = order.indexOf(s.label);
      if (idx < 0) {
        this.report('error', 'unknown-section', `unknown process section '${s.label}:'`, s.pos);
        continue;
      }
      const effective = bodies.has(s.label) ? order.indexOf('script') : idx;
      if (effective < last) this.report('error', 'section-order', `'${s.label}:' is out of order: a process declares directives, input:, output:, when:, script: and stub: in that order`, s.pos);
      last = Math.max(last, effective);
      if (bodies.has(s.label)) bodyCount++;
      if (s.label === 'shell') this.report('warning', 'shell-deprecated', 'the shell: section is deprecated; use script: with escaped \\$ variables', s.pos);
      if (s.label === '') for (const st of s.body) this.checkDirective(st, scope, d.sections.length === 1);
      else if (s.label === 'input') for (const st of s.body) this.checkDeclarationCall(st, 'input', scope);
      else if (s.label === 'output') for (const st of s.body) this.checkDeclarationCall(st, 'output', scope);
      else if (s.label === 'when' || s.label === 'topic') this.checkStatements(s.body, new Scope(scope, 'block'));
      else this.checkStatements(s.body, new Scope(scope, 'block'));
    }
    if (bodyCount > 1) this.report('error', 'duplicate-declaration', 'a process can have only one of script:, shell: or exec:', d);
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

  private checkDirective(st: Stmt, scope: Scope, implicitScript: boolean): void {
    if (implicitScript && st.kind === 'expr' && (st.expr.kind === 'literal' || st.expr.kind === 'gstring')) {
      this.checkExpr(st.expr, scope);
      return;
    }
    if (st.kind === 'expr' && st.expr.kind === 'call' && st.expr.callee.kind === 'ident') {
      const name = st.expr.callee.name;
      if (!DIRECTIVES.has(name)) this.report('error', 'unknown-directive', `unknown process directive '${name}'`, st.expr.callee);
      for (const a of st.expr.args) this.checkExpr(a, scope);
      for (const n of st.expr.named) this.checkExpr(n.value, scope);
      return;
    }
    if (st.kind === 'expr' && st.expr.kind === 'assign') {
      let t = st.expr.target;
      while (t.kind === 'prop') t = t.object;
      if (t.kind === 'ident' && DIRECTIVES.has(t.name)) {
        this.checkExpr(st.expr.value, scope);
        return;
      }
    }
    if (st.kind === 'expr' && st.expr.kind === 'ident' && DIRECTIVES.has(st.expr.name)) return;
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
        if (!options.has(n.name)) this.report('error', section === 'output' ? 'unknown-output-option' : 'unknown-input-option', `unknown ${section} option '${n.name}:'`, n.pos);
        // emit: and topic: name things; they do not reference variables
        if (!((n.name === 'emit' || n.name === 'topic') && n.value.kind === 'ident')) this.checkExpr(n.value, scope);
      }
      if (q === 'tuple') for (const a of e.args) visit(a, true);
      else if (section === 'output') for (const a of e.args) this.checkExpr(a, scope);
      else for (const a of e.args) if (a.kind !== 'ident') this.checkExpr(a, scope);
    };
    if (st.kind !== 'expr') {
      this.report('error', 'unknown-qualifier', `expected an ${section} declaration`, st);
      return;
    }
    visit(st.expr, false);
  }

  private checkStatements(stmts: Stmt[], scope: Scope, blockDecl = false): void {
    for (const st of stmts) this.checkStmt(st, scope, blockDecl);
  }

  private checkStmt(st: Stmt, scope: Scope, blockDecl: boolean): void {
    switch (st.kind) {
      case 'expr':
        if (st.expr.kind === 'assign' && st.expr.target.kind === 'ident') {
          this.checkExpr(st.expr.value, scope);
          const name = st.expr.target.name;
          if (!scope.lookup(name) && !BUILTIN_NAMES.has(name)) {
            // an assignment without def declares the variable (workflow/process/script scope)
            this.declare(scope, name, st.expr.target, true);
          } else if (blockDecl && !scope.lookup(name)) this.declare(scope, name, st.expr.target, true);
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

  private use(name: string, pos: Pos, scope: Scope): void {
    const found = scope.lookup(name);
    if (found) {
      found.names.get(name)!.used = true;
      return;
    }
    if (BUILTIN_NAMES.has(name) || /^[A-Z]/.test(name)) return;
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
    if (e.callee.kind === 'ident') this.use(e.callee.name, e.callee, scope);
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
        for (const part of e.parts) this.checkInterpolation(part.code, part, scope);
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
        this.checkExpr(e.left, scope);
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
        else if (!scope.lookup(e.target.name)) this.declare(scope, e.target.name, e.target, true);
        return;
    }
  }

  private checkInterpolation(code: string, pos: Pos, scope: Scope): void {
    const trimmed = code.trim();
    if (!trimmed) return;
    if (/^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/.test(trimmed)) {
      this.use(trimmed.split('.')[0]!, pos, scope);
      return;
    }
    try {
      const expr = new Parser(trimmed).expression(true);
      this.checkExpr(expr, new Scope(scope, 'block'));
    } catch {
      this.report('error', 'syntax', `invalid expression in string interpolation: \${${trimmed.slice(0, 40)}}`, pos);
    }
  }

  private warnUnused(scope: Scope): void {
    for (const [name, v] of scope.names) if (!v.used && !v.implicit) this.report('warning', 'unused-variable', `variable '${name}' is declared but never used`, v.pos);
  }
}
