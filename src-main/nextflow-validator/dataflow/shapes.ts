import type { Expr, Stmt } from '../ast';
import { type Callee, emitNames } from './callables';
import type { Declaration } from './model';

/** One value of a tuple: a file (staged), or any other value (a meta map, a string, a number). */
export type Item = 'path' | 'val' | 'unknown';

/**
 * What a channel (or value) carries, as far as the workflow's text shows: tuples of known items, single
 * files, collected lists, plain values; null when not known (take: inputs, most operators).
 */
export type Shape = { kind: 'tuple'; items: Item[] } | { kind: 'path' } | { kind: 'list' } | { kind: 'value' } | null;

const KEEP = new Set(['filter', 'unique', 'distinct', 'first', 'last', 'view', 'dump', 'ifEmpty', 'take', 'randomSample', 'buffer', 'until', 'tap', 'set', 'concat', 'mix']);
const COLLECT = new Set(['collect', 'toList', 'toSortedList']);

function itemOf(qualifier: string): Item {
  return qualifier === 'path' || qualifier === 'file' ? 'path' : qualifier === 'val' || qualifier === 'env' || qualifier === 'eval' ? 'val' : 'unknown';
}

/** The shape a declared input takes or a declared output emits. */
export function declShape(d: Declaration): Shape {
  if (d.qualifier === 'tuple') return { kind: 'tuple', items: d.elements.map((e) => itemOf(e.qualifier)) };
  if (d.qualifier === 'path' || d.qualifier === 'file') return { kind: 'path' };
  return null;
}

/** The output declaration behind `NAME.out.x` (or `NAME.out` with one output). */
function outputOf(callee: Callee, emit: string | null): Shape {
  if (callee.kind !== 'process') return null;
  const outs = callee.process.outputs;
  const d = emit === null ? (outs.length === 1 ? outs[0] : undefined) : outs.find((o) => o.emit === emit);
  return d ? declShape(d) : null;
}

export interface ShapeEnv {
  callees: Map<string, Callee>;
  /** channel variables assigned earlier in the workflow: the last assignment of each name */
  vars: Map<string, Expr>;
}

/** Records the channel variable a workflow statement assigns (`x = ...`, `def x = ...`) in `vars`. */
export function recordAssignment(st: Stmt, vars: Map<string, Expr>): void {
  if (st.kind === 'def' && st.value && st.names.length === 1) vars.set(st.names[0]!.name, st.value);
  else if (st.kind === 'expr' && st.expr.kind === 'assign' && st.expr.target.kind === 'ident' && st.expr.op === '=') vars.set(st.expr.target.name, st.expr.value);
}

function lastExpr(body: Stmt[]): Expr | null {
  const st = body.at(-1);
  if (!st) return null;
  if (st.kind === 'expr') return st.expr;
  if (st.kind === 'return') return st.value;
  return null;
}

/** What a `.map { a, b -> ... }` closure returns, given the shape of what it receives. */
function mapped(closure: Expr, input: Shape): Shape {
  if (closure.kind !== 'closure') return null;
  const params = closure.params.map((p) => p.name);
  const result = lastExpr(closure.body);
  if (!result) return null;
  const itemOfExpr = (e: Expr): Item => {
    if (e.kind === 'map') return 'val';
    if (e.kind === 'ident') {
      const i = params.indexOf(e.name);
      if (i >= 0 && input?.kind === 'tuple' && params.length === input.items.length) return input.items[i]!;
      if (i === 0 && params.length === 1 && input?.kind === 'path') return 'path';
      return 'unknown';
    }
    if (e.kind === 'call' && e.callee.kind === 'ident' && (e.callee.name === 'file' || e.callee.name === 'files')) return 'path';
    if (e.kind === 'literal' || e.kind === 'gstring') return 'val';
    return 'unknown';
  };
  if (result.kind === 'list') return { kind: 'tuple', items: result.items.map(itemOfExpr) };
  const single = itemOfExpr(result);
  if (single === 'path') return { kind: 'path' };
  if (result.kind === 'ident' && params.includes(result.name) && input?.kind === 'tuple' && params.length === 1) return input;
  return null;
}

/** The shape of a channel expression passed to a process. */
export function shapeOf(e: Expr, env: ShapeEnv, depth = 0): Shape {
  if (depth > 12) return null;
  switch (e.kind) {
    case 'ident': {
      const v = env.vars.get(e.name);
      return v && v !== e ? shapeOf(v, { ...env, vars: withoutVar(env.vars, e.name) }, depth + 1) : null;
    }
    case 'prop': {
      // NAME.out.x and NAME.out
      if (e.object.kind === 'prop' && e.object.name === 'out' && e.object.object.kind === 'ident') {
        const callee = env.callees.get(e.object.object.name);
        return callee && emitNames(callee).includes(e.name) ? outputOf(callee, e.name) : null;
      }
      if (e.name === 'out' && e.object.kind === 'ident') {
        const callee = env.callees.get(e.object.name);
        return callee ? outputOf(callee, null) : null;
      }
      return null;
    }
    case 'call': {
      if (e.callee.kind === 'ident' && (e.callee.name === 'file' || e.callee.name === 'files')) return { kind: 'path' };
      if (e.callee.kind !== 'prop') return null;
      const method = e.callee.name;
      const target = e.callee.object;
      if (target.kind === 'ident' && (target.name === 'channel' || target.name === 'Channel')) {
        if (method === 'fromFilePairs') return { kind: 'tuple', items: ['val', 'path'] };
        if (method === 'fromPath') return { kind: 'path' };
        if (method === 'value' || method === 'of') {
          const first = e.args[0];
          if (e.args.length === 1 && first?.kind === 'list') return { kind: 'tuple', items: first.items.map((i) => (i.kind === 'map' ? 'val' : i.kind === 'call' && i.callee.kind === 'ident' && i.callee.name === 'file' ? 'path' : 'unknown')) };
        }
        return null;
      }
      const inner = shapeOf(target, env, depth + 1);
      // collect() flattens tuples into one list ([meta, f] of a single sample still fits a tuple input)
      if (COLLECT.has(method)) return inner?.kind === 'path' || inner?.kind === 'list' ? { kind: 'list' } : null;
      if (KEEP.has(method)) return inner;
      if (method === 'map' && e.args.length === 1) return mapped(e.args[0]!, inner);
      return null;
    }
    default:
      return null;
  }
}

function withoutVar(vars: Map<string, Expr>, name: string): Map<string, Expr> {
  const copy = new Map(vars);
  copy.delete(name);
  return copy;
}

export function describeShape(s: NonNullable<Shape>): string {
  if (s.kind === 'tuple') return `a tuple of ${s.items.length} (${s.items.map((i) => (i === 'unknown' ? '?' : i)).join(', ')})`;
  if (s.kind === 'path') return 'single files (path)';
  if (s.kind === 'list') return 'a collected list';
  return 'a plain value';
}
