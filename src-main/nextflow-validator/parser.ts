import type { Decl, Expr, Pos, Script, Section, Stmt, StringText } from './ast';
import { SyntaxFailure } from './diagnostics';
import { type Token, tokenize } from './lexer';

const BINARY: Record<string, number> = {
  '||': 3, '&&': 4, '|': 5, '^': 6, '&': 7,
  '==': 8, '!=': 8, '<=>': 8, '=~': 8, '==~': 8, '===': 8, '!==': 8,
  '<': 9, '>': 9, '<=': 9, '>=': 9, in: 9, instanceof: 9, as: 9,
  '<<': 10, '>>': 10, '..': 11, '..<': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13, '**': 14,
};
/**
 * Binary operators that may start the next line and continue the expression, as Groovy's grammar allows
 * (`left nls op nls right`). Not '+' and '-' (a line starting with them is a new, unary statement), not '**',
 * not '/' (at the start of a line it opens a slashy string), and not the word operators.
 */
const LINE_LEADING = Object.keys(BINARY).filter((op) => !['+', '-', '**', '/', 'in', 'instanceof', 'as'].includes(op));
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^=']);
const STATEMENT_KEYWORDS = new Set(['if', 'for', 'while', 'return', 'throw', 'try', 'assert', 'def', 'else', 'catch', 'finally', 'new']);

/** Where a quoted string's content starts: after its opening quote or quotes. */
function stringText(tok: Token): StringText {
  return { raw: tok.raw ?? '', line: tok.line, column: tok.column + (tok.triple ? 3 : 1) };
}

/** Recursive-descent, newline-sensitive parser for Nextflow's strict DSL2 syntax. */
export class Parser {
  private readonly t: Token[];
  private p = 0;
  private depth = 0;
  /** statement labels (`single_end: ...` branch criteria) exist only among a closure's own statements */
  private labelsAllowed = false;

  /** `startLine`/`startColumn`: where `source` begins in its file, so that positions are the file's (interpolations) */
  constructor(source: string, startLine = 1, startColumn = 1) {
    this.t = tokenize(source, startLine, startColumn);
  }

  /** The whole of a `${...}` interpolation: one expression and nothing after it. */
  parseInterpolation(): Expr {
    this.skipNl();
    const expr = this.expression(true);
    this.skipNl();
    if (this.tok.type !== 'eof') this.fail(`unexpected ${this.describe(this.tok)} in a string interpolation`);
    return expr;
  }

  private get tok(): Token {
    return this.t[this.p]!;
  }
  private peek(k = 1): Token {
    return this.t[Math.min(this.p + k, this.t.length - 1)]!;
  }
  private pos(tok = this.tok): Pos {
    return { line: tok.line, column: tok.column };
  }
  private fail(message: string, tok = this.tok, rule = 'syntax'): never {
    throw new SyntaxFailure(rule, message, tok.line, tok.column);
  }
  private is(value: string, tok = this.tok): boolean {
    return (tok.type === 'op' || tok.type === 'ident') && tok.value === value;
  }
  private expect(value: string): Token {
    if (!this.is(value)) this.fail(`expected '${value}' but found ${this.describe(this.tok)}`);
    return this.t[this.p++]!;
  }
  private describe(tok: Token): string {
    return tok.type === 'eof' ? 'end of file' : tok.type === 'nl' ? 'end of line' : `'${tok.value}'`;
  }
  private skipNl(): void {
    while (this.tok.type === 'nl' || this.is(';')) this.p++;
  }
  private identName(): string {
    if (this.tok.type !== 'ident') this.fail(`expected a name but found ${this.describe(this.tok)}`);
    return this.t[this.p++]!.value;
  }

  parseScript(): Script {
    const decls: Decl[] = [];
    this.skipNl();
    while (this.tok.type !== 'eof') {
      decls.push(this.topLevel());
      this.endOfStatement();
      this.skipNl();
    }
    return { decls };
  }

  private endOfStatement(): void {
    if (this.tok.type === 'nl' || this.tok.type === 'eof' || this.is(';') || this.is('}')) return;
    this.fail(`unexpected ${this.describe(this.tok)}: expected the end of the statement`);
  }

  private topLevel(): Decl {
    const start = this.pos();
    const v = this.tok.type === 'ident' ? this.tok.value : '';
    if (v === 'include' && this.is('{', this.peek())) return this.include();
    if (v === 'process' && this.peek().type === 'ident') {
      this.p++;
      const name = this.identName();
      return { kind: 'process', name, sections: this.sectionedBody('process'), ...start };
    }
    if (v === 'workflow' && (this.peek().type === 'ident' || this.is('{', this.peek()))) {
      this.p++;
      const name = this.tok.type === 'ident' ? this.identName() : null;
      return { kind: 'workflow', name, sections: this.sectionedBody('workflow'), ...start };
    }
    if (v === 'def' && this.peek().type === 'ident' && (this.is('(', this.peek(2)) || (this.peek(2).type === 'ident' && this.is('(', this.peek(3))))) {
      this.p++;
      if (this.peek().type === 'ident') this.p++; // return type
      const name = this.identName();
      const params = this.paramList();
      return { kind: 'function', name, params, body: this.block(), ...start };
    }
    // a function with a declared return type and no `def`: `String extension(String args) { ... }`
    if (/^[A-Z]/.test(v) && this.peek().type === 'ident' && this.is('(', this.peek(2))) {
      this.p++;
      const name = this.identName();
      const params = this.paramList();
      return { kind: 'function', name, params, body: this.block(), ...start };
    }
    if ((v === 'output' || v === 'params') && this.is('{', this.peek())) {
      this.p++;
      // params { name: Type = value } declarations read like labels
      this.skipNlInline();
      return { kind: 'block', name: v, body: this.statementsUntilClose(this.expect('{'), true), ...start };
    }
    const stmt = this.statement();
    return { kind: 'statement', stmt, allowed: this.isAllowedTopLevel(stmt), ...start };
  }

  /** Feature flags (nextflow.x = ...) and legacy parameter assignments (params.x = ...) may stand among declarations. */
  private isAllowedTopLevel(stmt: Stmt): boolean {
    if (stmt.kind !== 'expr' || stmt.expr.kind !== 'assign') return false;
    let target = stmt.expr.target;
    while (target.kind === 'prop' || target.kind === 'index') target = target.object;
    return target.kind === 'ident' && (target.name === 'params' || target.name === 'nextflow');
  }

  private include(): Decl {
    const start = this.pos();
    this.p++;
    this.expect('{');
    const names: { name: string; alias: string; pos: Pos }[] = [];
    this.skipNl();
    while (!this.is('}')) {
      const pos = this.pos();
      const name = this.identName();
      let alias = name;
      if (this.is('as')) {
        this.p++;
        alias = this.identName();
      }
      names.push({ name, alias, pos });
      this.skipNl();
      if (this.is(';')) this.p++;
      this.skipNl();
    }
    this.expect('}');
    if (!this.is('from')) this.fail(`expected 'from' after the include list`);
    this.p++;
    if (this.tok.type !== 'string') this.fail('expected the module path as a plain string');
    const path = this.t[this.p++]!.value;
    let legacyParams: ({ name: string } & Pos) | null = null;
    while (this.is('.') || this.is('params') || this.is('addParams')) {
      // legacy params(...) / addParams(...) after the path: parsed so that the checker can report them
      if (!this.is('.')) legacyParams ??= { name: this.tok.value, ...this.pos() };
      this.p++;
      if (this.is('(')) this.argumentsInParens();
    }
    return { kind: 'include', names, path, legacyParams, ...start };
  }

  private sectionedBody(kind: 'process' | 'workflow'): Section[] {
    this.skipNlInline();
    this.expect('{');
    const sections: Section[] = [{ label: '', pos: this.pos(), body: [] }];
    this.skipNl();
    while (!this.is('}')) {
      if (this.tok.type === 'eof') this.fail(`missing '}' to close the ${kind}`, this.tok, 'unbalanced-brace');
      if (this.tok.type === 'ident' && this.is(':', this.peek()) && !this.is(':', this.peek(2))) {
        const label = this.tok.value;
        const pos = this.pos();
        this.p += 2;
        sections.push({ label, pos, body: [] });
        this.skipNl();
        continue;
      }
      sections[sections.length - 1]!.body.push(this.statement());
      this.endOfStatement();
      this.skipNl();
    }
    this.expect('}');
    return sections;
  }

  private skipNlInline(): void {
    while (this.tok.type === 'nl') this.p++;
  }

  private paramList(): { name: string; pos: Pos }[] {
    this.expect('(');
    const params: { name: string; pos: Pos }[] = [];
    this.skipNl();
    while (!this.is(')')) {
      if (this.tok.type === 'ident' && this.peek().type === 'ident') this.p++; // type
      const pos = this.pos();
      params.push({ name: this.identName(), pos });
      if (this.is('=')) {
        this.p++;
        this.expression();
      }
      this.skipNl();
      if (this.is(',')) this.p++;
      else if (!this.is(')')) this.fail(`expected ',' or ')' in the parameter list`);
      this.skipNl();
    }
    this.p++;
    return params;
  }

  private block(): Stmt[] {
    this.skipNlInline();
    return this.statementsUntilClose(this.expect('{'));
  }

  /** Statements up to the '}' that closes `open`, consumed. */
  private statementsUntilClose(open: Token, labels = false): Stmt[] {
    const body: Stmt[] = [];
    this.skipNl();
    while (!this.is('}')) {
      if (this.tok.type === 'eof') this.fail(`missing '}' for the '{' at line ${open.line}`, this.tok, 'unbalanced-brace');
      const outer = this.labelsAllowed;
      this.labelsAllowed = labels;
      try {
        body.push(this.statement());
      } finally {
        this.labelsAllowed = outer;
      }
      this.endOfStatement();
      this.skipNl();
    }
    this.p++;
    return body;
  }

  private blockOrStatement(): Stmt[] {
    this.skipNlInline();
    if (this.is('{')) return this.block();
    return [this.statement()];
  }

  statement(): Stmt {
    if (++this.depth > 400) this.fail('nesting too deep');
    try {
      return this.statementInner();
    } finally {
      this.depth--;
    }
  }

  private statementInner(): Stmt {
    const start = this.pos();
    const v = this.tok.type === 'ident' ? this.tok.value : '';
    if (this.is('}') || this.is(')') || this.is(']')) this.fail(`unexpected ${this.describe(this.tok)}`, this.tok, 'unbalanced-brace');
    if (v === 'else' || v === 'catch' || v === 'finally') this.fail(`'${v}' without a matching ${v === 'else' ? "'if'" : "'try'"}`);
    if (v === 'if') {
      this.p++;
      this.expect('(');
      this.skipNl();
      const cond = this.expression(true);
      this.expect(')');
      const then = this.blockOrStatement();
      let otherwise: Stmt[] | null = null;
      const save = this.p;
      this.skipNlInline();
      if (this.is('else')) {
        this.p++;
        otherwise = this.blockOrStatement();
      } else this.p = save;
      return { kind: 'if', cond, then, otherwise, ...start };
    }
    if (v === 'for' || v === 'while') {
      this.p++;
      this.expect('(');
      this.skipNl();
      let varName: string | null = null;
      const head: Expr[] = [];
      if (v === 'for' && (this.peek().value === 'in' || this.peek(2).value === 'in' || this.peek().value === ':')) {
        if (this.is('def') || this.peek(1).value !== 'in') this.p++;
        varName = this.identName();
        this.p++; // in or :
        head.push(this.expression(true));
      } else if (v === 'for') {
        for (let k = 0; k < 3; k++) {
          if (!this.is(';') && !this.is(')')) head.push(this.is('def') ? this.defExpr() : this.expression(true));
          if (k < 2) this.expect(';');
        }
      } else head.push(this.expression(true));
      this.expect(')');
      return { kind: 'loop', keyword: v, varName, head, body: this.blockOrStatement(), ...start };
    }
    if (v === 'return' || v === 'throw') {
      this.p++;
      const value = this.tok.type === 'nl' || this.tok.type === 'eof' || this.is('}') || this.is(';') ? null : this.expression();
      return { kind: v, value, ...start };
    }
    if (v === 'assert') {
      this.p++;
      const cond = this.expression();
      let message: Expr | null = null;
      if (this.is(':') || this.is(',')) {
        this.p++;
        message = this.expression();
      }
      return { kind: 'assert', cond, message, ...start };
    }
    if (v === 'try') {
      this.p++;
      const body = this.block();
      const catches: { name: string; body: Stmt[] }[] = [];
      let fin: Stmt[] | null = null;
      for (;;) {
        const save = this.p;
        this.skipNlInline();
        if (this.is('catch')) {
          this.p++;
          this.expect('(');
          while (this.tok.type === 'ident' && (this.peek().type === 'ident' || this.is('|', this.peek()) || this.is('.', this.peek()))) this.p++;
          const name = this.identName();
          this.expect(')');
          catches.push({ name, body: this.block() });
        } else if (this.is('finally')) {
          this.p++;
          fin = this.block();
        } else {
          this.p = save;
          break;
        }
      }
      return { kind: 'try', body, catches, finally: fin, ...start };
    }
    if (v === 'def' || (this.tok.type === 'ident' && /^[A-Z]/.test(v) && this.peek().type === 'ident' && this.is('=', this.peek(2)))) {
      return this.defStatement();
    }
    if (this.is('(') && this.isMultipleAssignment()) return { ...this.defStatement(), assign: true } as Stmt;
    // nf-lang's grammar has no bare block statement: a '{' that starts a statement opens a closure
    if (this.is('{')) return { kind: 'expr', expr: this.postfix(this.closure(), false), ...start };
    // statement label, e.g. branch criteria `single_end: meta.single_end`
    if (this.tok.type === 'ident' && this.is(':', this.peek())) {
      // a section label out of its process/workflow (e.g. after a stray '}') fails here, as in nf-lang's grammar
      if (!this.labelsAllowed) this.fail(`unexpected ':' after '${this.tok.value}': a label like this belongs in a process or workflow body (is a '}' closing it too early?)`, this.peek());
      const name = this.tok.value;
      this.p += 2;
      const after = this.t[this.p]!;
      if (after.type === 'nl' || this.is('}')) return { kind: 'label', name, ...start };
      return this.statement();
    }
    const expr = this.commandOrExpression();
    if (ASSIGN.has(this.tok.value) && this.tok.type === 'op') {
      const op = this.t[this.p++]!.value;
      this.skipNlInline();
      const value = this.expression();
      if (!['ident', 'prop', 'index', 'list'].includes(expr.kind)) this.fail('invalid assignment target', this.t[this.p - 1], 'invalid-assignment');
      return { kind: 'expr', expr: { kind: 'assign', op, target: expr, value, ...start }, ...start };
    }
    return { kind: 'expr', expr, ...start };
  }

  /** `(a, b) = ...`: a parenthesized list of names followed by '='. */
  private isMultipleAssignment(): boolean {
    let k = this.p + 1;
    for (;;) {
      if (this.t[k]!.type !== 'ident') return false;
      k++;
      if (this.is(',', this.t[k]!)) k++;
      else if (this.is(')', this.t[k]!)) return this.is('=', this.t[k + 1]!);
      else return false;
    }
  }

  private defExpr(): Expr {
    const s = this.defStatement();
    return { kind: 'literal', line: s.line, column: s.column };
  }

  private defStatement(): Stmt {
    const start = this.pos();
    if (this.is('def')) this.p++;
    const names: { name: string; pos: Pos }[] = [];
    if (this.is('(')) {
      this.p++;
      while (!this.is(')')) {
        if (this.tok.type === 'ident' && this.peek().type === 'ident') this.p++;
        const pos = this.pos();
        names.push({ name: this.identName(), pos });
        if (this.is(',')) this.p++;
        else if (!this.is(')')) this.fail("expected ',' or ')' in the declaration");
      }
      this.p++;
    } else {
      while (this.tok.type === 'ident' && (this.peek().type === 'ident' || this.is('<', this.peek()))) {
        this.p++; // type name
        if (this.is('<')) this.skipGenerics();
      }
      const pos = this.pos();
      names.push({ name: this.identName(), pos });
    }
    let value: Expr | null = null;
    if (this.is('=')) {
      this.p++;
      this.skipNlInline();
      value = this.expression();
    }
    return { kind: 'def', names, value, ...start };
  }

  private skipGenerics(): void {
    let d = 0;
    do {
      if (this.is('<')) d++;
      else if (this.is('>')) d--;
      else if (this.is('>>')) d -= 2;
      this.p++;
    } while (d > 0 && this.tok.type !== 'eof');
  }

  /** `name arg, key: value` command calls at the start of a statement, else a normal expression. */
  private commandOrExpression(): Expr {
    // `a.b.c arg, ...`: a command call on a property chain (e.g. log.info 'text')
    let k = this.p;
    while (this.t[k]!.type === 'ident' && this.is('.', this.t[k + 1]!) && this.t[k + 2]!.type === 'ident') k += 2;
    if (k > this.p && this.t[k]!.type === 'ident' && this.startsCommandArg(this.t[k]!, this.t[k + 1]!)) {
      let callee: Expr = { kind: 'ident', name: this.tok.value, ...this.pos() };
      this.p++;
      while (this.p < k) {
        this.p++; // '.'
        callee = { kind: 'prop', object: callee, name: this.tok.value, ...this.pos() };
        this.p++;
      }
      const { args, named } = this.argumentList(false);
      return { kind: 'call', callee, args, named, command: true, line: callee.line, column: callee.column };
    }
    const tok = this.tok;
    const next = this.peek();
    const startsArg =
      next.line === tok.line &&
      (next.type === 'ident' || next.type === 'string' || next.type === 'gstring' || next.type === 'regex' || next.type === 'number' || this.is('!', next)) &&
      !(next.type === 'ident' && (next.value === 'in' || next.value === 'instanceof' || next.value === 'as'));
    if (tok.type === 'ident' && !STATEMENT_KEYWORDS.has(tok.value) && startsArg) {
      this.p++;
      const callee: Expr = { kind: 'ident', name: tok.value, ...this.pos(tok) };
      const { args, named } = this.argumentList(false);
      return this.postfix({ kind: 'call', callee, args, named, command: true, ...this.pos(tok) }, false);
    }
    const expr = this.expression();
    // `path("out.tsv"), emit: tsv`: a call with parentheses whose argument list goes on after a comma
    if (expr.kind === 'call' && !expr.command && this.is(',') && this.tok.line === this.t[this.p - 1]!.line) {
      this.p++;
      const more = this.argumentList(false);
      return { ...expr, args: [...expr.args, ...more.args], named: [...expr.named, ...more.named], command: true };
    }
    return expr;
  }

  private startsCommandArg(tok: Token, next: Token): boolean {
    return (
      next.line === tok.line &&
      (next.type === 'string' || next.type === 'gstring' || next.type === 'number' || (next.type === 'ident' && !['in', 'instanceof', 'as'].includes(next.value)))
    );
  }

  /** The expression goes on past the line break when the next line starts with one of these operators. */
  private continuesOnNextLine(values: string[]): boolean {
    if (this.tok.type !== 'nl') return false;
    let k = this.p;
    while (this.t[k]!.type === 'nl') k++;
    const next = this.t[k]!;
    if (next.type === 'op' && values.includes(next.value)) {
      this.p = k;
      return true;
    }
    return false;
  }

  expression(inParens = false): Expr {
    const start = this.pos();
    const cond = this.binary(0, inParens);
    if (inParens) this.skipNl();
    else this.continuesOnNextLine(['?', '?:', '&&', '||']);
    if (this.is('?')) {
      this.p++;
      this.skipNl();
      const then = this.expression(inParens);
      this.skipNl();
      this.expect(':');
      this.skipNl();
      const otherwise = this.expression(inParens);
      return { kind: 'ternary', cond, then, otherwise, ...start };
    }
    if (this.is('?:')) {
      this.p++;
      this.skipNl();
      const otherwise = this.expression(inParens);
      return { kind: 'ternary', cond, then: null, otherwise, ...start };
    }
    if (inParens && ASSIGN.has(this.tok.value) && this.tok.type === 'op') {
      const op = this.t[this.p++]!.value;
      const value = this.expression(true);
      return { kind: 'assign', op, target: cond, value, ...start };
    }
    return cond;
  }

  private binary(minPrec: number, inParens: boolean): Expr {
    let left = this.unary(inParens);
    for (;;) {
      if (inParens) this.skipNl();
      else this.continuesOnNextLine(LINE_LEADING);
      if (this.is('!') && (this.is('in', this.peek()) || this.is('instanceof', this.peek())) && this.peek().line === this.tok.line) {
        if (BINARY.in! <= minPrec) return left;
        this.p++;
      }
      const op = this.tok.value;
      const prec = (this.tok.type === 'op' || ['in', 'instanceof', 'as'].includes(op)) ? BINARY[op] : undefined;
      if (prec === undefined || prec <= minPrec) return left;
      const opTok = this.t[this.p++]!;
      this.skipNl();
      if (op === 'as' || op === 'instanceof') {
        this.identName();
        while (this.is('.')) {
          this.p++;
          this.identName();
        }
        if (this.is('[') && this.is(']', this.peek())) this.p += 2;
        left = { kind: 'binary', op, left, right: { kind: 'literal', ...this.pos(opTok) }, ...this.pos(opTok) };
        continue;
      }
      const right = this.binary(op === '**' ? prec - 1 : prec, inParens);
      left = { kind: 'binary', op, left, right, ...this.pos(opTok) };
    }
  }

  private unary(inParens: boolean): Expr {
    const start = this.pos();
    if (this.tok.type === 'op' && ['!', '-', '+', '~', '++', '--', '*'].includes(this.tok.value)) {
      const op = this.t[this.p++]!.value;
      return { kind: 'unary', op, operand: this.unary(inParens), ...start };
    }
    if (this.is('new')) {
      this.p++;
      this.identName();
      while (this.is('.')) {
        this.p++;
        this.identName();
      }
      if (this.is('<')) this.skipGenerics();
      const { args, named } = this.is('(') ? this.argumentsInParens() : { args: [], named: [] };
      return this.postfix({ kind: 'call', callee: { kind: 'literal', ...start }, args, named, command: false, ...start }, inParens);
    }
    return this.postfix(this.primary(), inParens);
  }

  private primary(): Expr {
    const tok = this.tok;
    const start = this.pos();
    if (++this.depth > 400) this.fail('nesting too deep');
    try {
      switch (tok.type) {
        case 'number':
        case 'regex':
          this.p++;
          return { kind: 'literal', ...start };
        case 'string':
          this.p++;
          return { kind: 'literal', ...start, ...(tok.raw !== undefined ? { text: stringText(tok) } : {}) };
        case 'gstring':
          this.p++;
          return { kind: 'gstring', parts: tok.interpolations ?? [], text: stringText(tok), ...start };
        case 'ident':
          this.p++;
          return { kind: 'ident', name: tok.value, ...start };
        case 'op':
          if (tok.value === '(') {
            this.p++;
            this.skipNl();
            const e = this.expression(true);
            this.skipNl();
            this.expect(')');
            return e;
          }
          if (tok.value === '[') return this.listOrMap();
          if (tok.value === '{') return this.closure();
          break;
        default:
          break;
      }
      return this.fail(`unexpected ${this.describe(tok)}`, tok, tok.value === ')' || tok.value === '}' || tok.value === ']' ? 'unbalanced-brace' : 'syntax');
    } finally {
      this.depth--;
    }
  }

  private listOrMap(): Expr {
    const start = this.pos();
    this.p++;
    this.skipNl();
    if (this.is(':') && this.is(']', this.peek())) {
      this.p += 2;
      return { kind: 'map', entries: [], ...start };
    }
    const items: Expr[] = [];
    const entries: { key: Expr | null; name?: string; value: Expr }[] = [];
    while (!this.is(']')) {
      if (this.tok.type === 'eof') this.fail("missing ']'", this.tok, 'unbalanced-brace');
      if (this.is('*') && this.is(':', this.peek())) {
        this.p += 2;
        entries.push({ key: null, value: this.expression(true) });
      } else if ((this.tok.type === 'ident' || this.tok.type === 'string' || this.tok.type === 'number') && this.is(':', this.peek())) {
        const name = this.tok.value;
        this.p += 2;
        this.skipNl();
        entries.push({ key: null, name, value: this.expression(true) });
      } else {
        const e = this.expression(true);
        if (this.is(':')) {
          this.p++;
          this.skipNl();
          entries.push({ key: e, value: this.expression(true) });
        } else items.push(e);
      }
      this.skipNl();
      if (this.is(',')) this.p++;
      else if (!this.is(']')) this.fail(`expected ',' or ']' but found ${this.describe(this.tok)}`);
      this.skipNl();
    }
    this.p++;
    if (entries.length && items.length) this.fail('a list cannot mix map entries and values');
    return entries.length ? { kind: 'map', entries, ...start } : { kind: 'list', items, ...start };
  }

  private closure(): Expr {
    const start = this.pos();
    const open = this.t[this.p++]!;
    const params: { name: string; pos: Pos }[] = [];
    let hasArrow = false;
    const save = this.p;
    this.skipNl();
    // try `a, b ->` or `String a, b = 1 ->`
    const tryParams = (): boolean => {
      if (this.is('->')) return true;
      for (;;) {
        if (this.tok.type !== 'ident') return false;
        // a qualified type: `nextflow.script.types.VersionNumber version ->`
        while (this.tok.type === 'ident' && this.is('.', this.peek()) && this.peek(2).type === 'ident') this.p += 2;
        if (this.peek().type === 'ident') this.p++;
        params.push({ name: this.tok.value, pos: this.pos() });
        this.p++;
        if (this.is('=')) return false;
        if (this.is('->')) return true;
        if (!this.is(',')) return false;
        this.p++;
        this.skipNl();
      }
    };
    if (tryParams()) {
      this.p++;
      hasArrow = true;
    } else {
      params.length = 0;
      this.p = save;
    }
    const body = this.statementsUntilClose(open, true);
    return { kind: 'closure', params, body, hasArrow, ...start };
  }

  private argumentsInParens(): { args: Expr[]; named: { name: string; value: Expr; pos: Pos }[] } {
    this.expect('(');
    this.skipNl();
    const result = this.argumentList(true);
    this.skipNl();
    this.expect(')');
    return result;
  }

  /** Positional and named (`key: value`) arguments; in parens newlines are free, in command calls they end the list. */
  private argumentList(inParens: boolean): { args: Expr[]; named: { name: string; value: Expr; pos: Pos }[] } {
    const args: Expr[] = [];
    const named: { name: string; value: Expr; pos: Pos }[] = [];
    if (inParens && this.is(')')) return { args, named };
    for (;;) {
      if ((this.tok.type === 'ident' || this.tok.type === 'string') && this.is(':', this.peek())) {
        const pos = this.pos();
        const name = this.tok.value;
        this.p += 2;
        if (inParens) this.skipNl();
        named.push({ name, value: this.expression(inParens), pos });
      } else args.push(this.expression(inParens));
      if (inParens) this.skipNl();
      if (!this.is(',')) break;
      this.p++;
      this.skipNl();
      if (inParens && this.is(')')) break; // trailing comma
    }
    return { args, named };
  }

  private postfix(expr: Expr, inParens: boolean): Expr {
    let e = expr;
    for (;;) {
      const tok = this.tok;
      if (tok.type === 'nl') {
        // a method chain may continue on the next line with a leading '.'
        let k = this.p;
        while (this.t[k]!.type === 'nl') k++;
        const nxt = this.t[k]!;
        if (nxt.type === 'op' && ['.', '?.', '*.', '.&'].includes(nxt.value)) {
          this.p = k;
          continue;
        }
        if (inParens) {
          this.p = k;
          continue;
        }
        return e;
      }
      if (tok.type === 'op' && ['.', '?.', '*.', '.&', '.@'].includes(tok.value)) {
        this.p++;
        this.skipNl();
        const nameTok = this.tok;
        let name: string;
        if (nameTok.type === 'ident') name = nameTok.value;
        else if (nameTok.type === 'string' || nameTok.type === 'gstring') name = nameTok.value;
        else this.fail(`expected a property or method name after '${tok.value}'`);
        this.p++;
        e = { kind: 'prop', object: e, name: name!, ...this.pos(nameTok) };
        continue;
      }
      if (this.is('(') && tok.line === this.t[this.p - 1]!.line) {
        const { args, named } = this.argumentsInParens();
        e = { kind: 'call', callee: e, args, named, command: false, ...this.pos(tok) };
        continue;
      }
      if (this.is('{') && (e.kind === 'call' || e.kind === 'ident' || e.kind === 'prop') && tok.line === this.t[this.p - 1]!.line) {
        const closure = this.closure();
        if (e.kind === 'call' && !e.command) e = { ...e, args: [...e.args, closure] };
        else if (e.kind === 'call') e = { ...e, args: [...e.args, closure] };
        else e = { kind: 'call', callee: e, args: [closure], named: [], command: false, ...this.pos(tok) };
        continue;
      }
      if (this.is('[') && tok.line === this.t[this.p - 1]!.line) {
        this.p++;
        this.skipNl();
        const index: Expr[] = [];
        while (!this.is(']')) {
          index.push(this.expression(true));
          this.skipNl();
          if (this.is(',')) this.p++;
          else if (!this.is(']')) this.fail(`expected ']' but found ${this.describe(this.tok)}`, this.tok, 'unbalanced-brace');
          this.skipNl();
        }
        this.p++;
        e = { kind: 'index', object: e, index, ...this.pos(tok) };
        continue;
      }
      if (tok.type === 'op' && (tok.value === '++' || tok.value === '--') && tok.line === this.t[this.p - 1]!.line) {
        this.p++;
        e = { kind: 'unary', op: tok.value, operand: e, ...this.pos(tok) };
        continue;
      }
      return e;
    }
  }
}

export function parse(source: string): Script {
  return new Parser(source).parseScript();
}
