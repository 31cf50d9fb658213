import type { Expr, Stmt } from '../ast';

/** Visits every expression under the statements, parents before children. */
export function walkStmts(stmts: readonly Stmt[], visit: (e: Expr) => void): void {
  for (const st of stmts) walkStmt(st, visit);
}

function walkStmt(st: Stmt, visit: (e: Expr) => void): void {
  switch (st.kind) {
    case 'expr':
      walkExpr(st.expr, visit);
      return;
    case 'def':
      if (st.value) walkExpr(st.value, visit);
      return;
    case 'if':
      walkExpr(st.cond, visit);
      walkStmts(st.then, visit);
      if (st.otherwise) walkStmts(st.otherwise, visit);
      return;
    case 'loop':
      for (const h of st.head) walkExpr(h, visit);
      walkStmts(st.body, visit);
      return;
    case 'return':
    case 'throw':
      if (st.value) walkExpr(st.value, visit);
      return;
    case 'assert':
      walkExpr(st.cond, visit);
      if (st.message) walkExpr(st.message, visit);
      return;
    case 'try':
      walkStmts(st.body, visit);
      for (const c of st.catches) walkStmts(c.body, visit);
      if (st.finally) walkStmts(st.finally, visit);
      return;
    case 'block':
      walkStmts(st.body, visit);
      return;
    case 'label':
      return;
  }
}

export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'list':
      for (const i of e.items) walkExpr(i, visit);
      return;
    case 'map':
      for (const en of e.entries) {
        if (en.key) walkExpr(en.key, visit);
        walkExpr(en.value, visit);
      }
      return;
    case 'call':
      walkExpr(e.callee, visit);
      for (const a of e.args) walkExpr(a, visit);
      for (const n of e.named) walkExpr(n.value, visit);
      return;
    case 'prop':
      walkExpr(e.object, visit);
      return;
    case 'index':
      walkExpr(e.object, visit);
      for (const i of e.index) walkExpr(i, visit);
      return;
    case 'closure':
      walkStmts(e.body, visit);
      return;
    case 'unary':
      walkExpr(e.operand, visit);
      return;
    case 'binary':
      walkExpr(e.left, visit);
      walkExpr(e.right, visit);
      return;
    case 'ternary':
      walkExpr(e.cond, visit);
      if (e.then) walkExpr(e.then, visit);
      walkExpr(e.otherwise, visit);
      return;
    case 'assign':
      walkExpr(e.target, visit);
      walkExpr(e.value, visit);
      return;
    default:
      return;
  }
}
