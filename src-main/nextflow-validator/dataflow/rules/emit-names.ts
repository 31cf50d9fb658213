import type { Expr } from '../../ast';
import { CHANNEL_OPERATORS } from '../../builtins';
import type { Diagnostic } from '../../diagnostics';
import { emitNames, outputCount, workflowsOf } from '../callables';
import { type DataflowRule, diag } from '../context';
import { walkStmts } from '../walk';

/**
 * `unknown-emit`: `NAME.out.x` where NAME (a process or workflow of the file or included from a project file)
 * has no output or emit named x. With a single output, `.out` is that channel and `.out.map { }` etc. are
 * its operators.
 */
export const emitNamesRule: DataflowRule = {
  ids: ['unknown-emit'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const { file: f, workflow: w, callees } of workflowsOf(ctx))
        walkStmts(w.body, (e: Expr) => {
          if (e.kind !== 'prop' || e.object.kind !== 'prop' || e.object.name !== 'out' || e.object.object.kind !== 'ident') return;
          const name = e.object.object.name;
          const callee = callees.get(name);
          if (!callee) return;
          const emits = emitNames(callee);
          if (emits.includes(e.name)) return;
          if (outputCount(callee) === 1 && CHANNEL_OPERATORS.has(e.name)) return;
          const offered = emits.length ? `its emits are ${emits.join(', ')}` : `it declares no emit names (use ${name}.out[0] ...)`;
          out.push(diag(f.file, e, 'unknown-emit', `${name}.out.${e.name}: ${callee.kind} ${name} has no output named '${e.name}'; ${offered}`));
        });
    return out;
  },
};
