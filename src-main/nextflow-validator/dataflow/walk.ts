import type { Expr, Pos, Stmt } from '../ast';

type Node = { stmts: readonly Stmt[] } | { expr: Expr };

/** Visits every expression under the statements, parents before children (iteratively: long chains are fine). */
export function walkStmts(stmts: readonly Stmt[], visit: (e: Expr) => void): void {
  walk([{ stmts }], visit);
}

export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  walk([{ expr: e }], visit);
}

function walk(stack: Node[], visit: (e: Expr) => void): void {
  const pushExprs = (es: readonly (Expr | null | undefined)[]) => {
    for (let i = es.length - 1; i >= 0; i--) if (es[i]) stack.push({ expr: es[i]! });
  };
  while (stack.length) {
    const node = stack.pop()!;
    if ('stmts' in node) {
      for (let i = node.stmts.length - 1; i >= 0; i--) pushStmt(node.stmts[i]!, stack, pushExprs);
      continue;
    }
    const e = node.expr;
    visit(e);
    switch (e.kind) {
      case 'list':
        pushExprs(e.items);
        break;
      case 'map':
        pushExprs(e.entries.flatMap((en) => [en.key, en.value]));
        break;
      case 'call':
        pushExprs([e.callee, ...e.args, ...e.named.map((n) => n.value)]);
        break;
      case 'prop':
        pushExprs([e.object]);
        break;
      case 'index':
        pushExprs([e.object, ...e.index]);
        break;
      case 'closure':
        stack.push({ stmts: e.body });
        break;
      case 'unary':
        pushExprs([e.operand]);
        break;
      case 'binary':
        pushExprs([e.left, e.right]);
        break;
      case 'ternary':
        pushExprs([e.cond, e.then, e.otherwise]);
        break;
      case 'assign':
        pushExprs([e.target, e.value]);
        break;
      default:
        break;
    }
  }
}

/** Pushes a statement's parts so that they are visited in source order. */
function pushStmt(st: Stmt, stack: Node[], pushExprs: (es: readonly (Expr | null | undefined)[]) => void): void {
  switch (st.kind) {
    case 'expr':
      pushExprs([st.expr]);
      return;
    case 'def':
      pushExprs([st.value]);
      return;
    case 'if':
      if (st.otherwise) stack.push({ stmts: st.otherwise });
      stack.push({ stmts: st.then });
      pushExprs([st.cond]);
      return;
    case 'loop':
      stack.push({ stmts: st.body });
      pushExprs(st.head);
      return;
    case 'return':
    case 'throw':
      pushExprs([st.value]);
      return;
    case 'assert':
      pushExprs([st.cond, st.message]);
      return;
    case 'try':
      if (st.finally) stack.push({ stmts: st.finally });
      for (let i = st.catches.length - 1; i >= 0; i--) stack.push({ stmts: st.catches[i]!.body });
      stack.push({ stmts: st.body });
      return;
    case 'block':
      stack.push({ stmts: st.body });
      return;
    case 'label':
      return;
  }
}

/** Where an expression starts in the source: its leftmost part (`a.b(c)` starts at `a`). */
export function startOf(e: Expr): Pos {
  let x: Expr = e;
  for (;;) {
    if (x.kind === 'call' && x.callee.kind !== 'literal') x = x.callee;
    else if (x.kind === 'prop' || x.kind === 'index') x = x.object;
    else if (x.kind === 'binary') x = x.left;
    else if (x.kind === 'ternary') x = x.cond;
    else return { line: x.line, column: x.column };
  }
}
