import type { Interpolation } from './lexer';

export interface Pos {
  line: number;
  column: number;
}

/** A quoted string as written: `raw` is the source between the quotes; it starts at `line`/`column`. */
export interface StringText {
  raw: string;
  line: number;
  column: number;
}

export type Expr =
  | ({ kind: 'ident'; name: string } & Pos)
  /** `text`: for quoted strings, the source between the quotes (see StringText) */
  | ({ kind: 'literal'; text?: StringText } & Pos)
  | ({ kind: 'gstring'; parts: Interpolation[]; text: StringText } & Pos)
  | ({ kind: 'list'; items: Expr[] } & Pos)
  /** `name`: a plain key (`id: x`, `'id': x`), which `key` leaves null */
  | ({ kind: 'map'; entries: { key: Expr | null; name?: string; value: Expr }[] } & Pos)
  | ({ kind: 'call'; callee: Expr; args: Expr[]; named: { name: string; value: Expr; pos: Pos }[]; command: boolean } & Pos)
  | ({ kind: 'prop'; object: Expr; name: string } & Pos)
  | ({ kind: 'index'; object: Expr; index: Expr[] } & Pos)
  | ({ kind: 'closure'; params: { name: string; pos: Pos }[]; body: Stmt[]; hasArrow: boolean } & Pos)
  | ({ kind: 'unary'; op: string; operand: Expr } & Pos)
  | ({ kind: 'binary'; op: string; left: Expr; right: Expr } & Pos)
  | ({ kind: 'ternary'; cond: Expr; then: Expr | null; otherwise: Expr } & Pos)
  | ({ kind: 'assign'; op: string; target: Expr; value: Expr } & Pos);

export type Stmt =
  | ({ kind: 'expr'; expr: Expr } & Pos)
  /** `assign`: `(a, b) = ...` without def assigns, declaring only names not yet in scope */
  | ({ kind: 'def'; names: { name: string; pos: Pos }[]; value: Expr | null; assign?: boolean } & Pos)
  | ({ kind: 'if'; cond: Expr; then: Stmt[]; otherwise: Stmt[] | null } & Pos)
  | ({ kind: 'loop'; keyword: 'for' | 'while'; varName: string | null; head: Expr[]; body: Stmt[] } & Pos)
  | ({ kind: 'return' | 'throw'; value: Expr | null } & Pos)
  | ({ kind: 'assert'; cond: Expr; message: Expr | null } & Pos)
  | ({ kind: 'try'; body: Stmt[]; catches: { name: string; body: Stmt[] }[]; finally: Stmt[] | null } & Pos)
  | ({ kind: 'block'; body: Stmt[] } & Pos)
  | ({ kind: 'label'; name: string } & Pos);

export interface Section {
  label: string;
  pos: Pos;
  body: Stmt[];
}

export type Decl =
  /** `legacyParams`: a DSL1-era `addParams(...)` / `params(...)` after the path, which strict syntax rejects */
  | ({ kind: 'include'; names: { name: string; alias: string; pos: Pos }[]; path: string; legacyParams: ({ name: string } & Pos) | null } & Pos)
  | ({ kind: 'process'; name: string; sections: Section[] } & Pos)
  | ({ kind: 'workflow'; name: string | null; sections: Section[] } & Pos)
  | ({ kind: 'function'; name: string; params: { name: string; pos: Pos }[]; body: Stmt[] } & Pos)
  | ({ kind: 'block'; name: string; body: Stmt[] } & Pos)
  | ({ kind: 'statement'; stmt: Stmt; allowed: boolean } & Pos);

export interface Script {
  decls: Decl[];
}
