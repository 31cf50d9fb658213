import type { Expr } from '../../ast';
import type { Diagnostic } from '../../diagnostics';
import { workflowsOf } from '../callables';
import { type DataflowRule, diag } from '../context';
import type { Declaration } from '../model';
import { declShape, describeShape, recordAssignment, type Shape, type ShapeEnv, shapeOf } from '../shapes';
import { startOf, walkExpr } from '../walk';

/**
 * `input-shape-mismatch`: a process call passes a channel whose items do not have the shape the process's
 * input takes: a tuple of another size, a bare file or a collected list where `tuple val(meta), path(x)` is
 * declared, a tuple where `path x` is declared, or a value where the tuple has a file. Shapes are followed
 * through `NAME.out.x` (across included files), channel factories, variables, `.map { a, b -> [...] }`,
 * `.collect()` and operators that keep the items; anything else is not judged. Call arity is the
 * `call-arity` rule's.
 */
export const inputShapes: DataflowRule = {
  ids: ['input-shape-mismatch'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const { file: f, workflow: w, callees } of workflowsOf(ctx)) {
        const env: ShapeEnv = { callees, vars: new Map() };
        for (const st of w.body) {
          const exprs = st.kind === 'expr' ? [st.expr] : st.kind === 'def' && st.value ? [st.value] : [];
          for (const root of exprs)
            walkExpr(root, (e: Expr) => {
              if (e.kind !== 'call' || e.callee.kind !== 'ident') return;
              const callee = callees.get(e.callee.name);
              if (callee?.kind !== 'process') return;
              const inputs = callee.process.inputs;
              e.args.forEach((arg, i) => {
                const input = inputs[i];
                if (!input) return;
                const problem = mismatch(declShape(input), shapeOf(arg, env));
                if (problem) out.push(diag(f.file, startOf(arg), 'input-shape-mismatch', `${callee.process.name} input ${i + 1} (${describeInput(input)}) ${problem}`));
              });
            });
          recordAssignment(st, env.vars);
        }
      }
    return out;
  },
};

function describeInput(d: Declaration): string {
  if (d.qualifier !== 'tuple') return `${d.qualifier} ${d.elements[0]?.name ?? d.elements[0]?.pattern?.raw ?? ''}`.trim();
  return `tuple ${d.elements.map((e) => `${e.qualifier}(${e.name ?? e.pattern?.raw ?? ''})`).join(', ')}`;
}

function mismatch(input: Shape, arg: Shape): string | null {
  if (!input || !arg) return null;
  if (input.kind === 'tuple') {
    if (arg.kind !== 'tuple') return `takes a tuple of ${input.items.length} but is given ${describeShape(arg)}`;
    if (arg.items.length !== input.items.length) return `takes a tuple of ${input.items.length} but is given ${describeShape(arg)}`;
    const bad = input.items.findIndex((it, k) => it === 'path' && arg.items[k] === 'val');
    if (bad >= 0) return `takes a file at tuple position ${bad + 1} but is given a value there (${describeShape(arg)})`;
    return null;
  }
  if (input.kind === 'path' && arg.kind === 'tuple' && arg.items.includes('val')) return `takes files but is given ${describeShape(arg)}: drop the meta map (e.g. .map { meta, f -> f })`;
  return null;
}
