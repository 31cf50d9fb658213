import type { Expr, Pos } from '../../ast';
import type { Diagnostic } from '../../diagnostics';
import { type DataflowRule, diag } from '../context';
import { walkStmts } from '../walk';

/**
 * `params-in-script`: `params.x` read inside a process's script: (or shell:) section. A file named by a
 * parameter is never staged into the task directory (the command sees a path string that may not exist
 * on the node), and a value read there bypasses the process's inputs and the cache key. Files come in as
 * `path` inputs, values as `val` inputs or `task.ext.args`.
 */
export const paramsInScript: DataflowRule = {
  ids: ['params-in-script'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const f of ctx.files)
      for (const p of f.processes) {
        if (!p.script) continue;
        const seen = new Set<string>();
        const report = (name: string, pos: Pos) => {
          const key = `${pos.line}:${pos.column}:${name}`;
          if (seen.has(key)) return;
          seen.add(key);
          out.push(
            diag(
              f.file,
              pos,
              'params-in-script',
              `process ${p.name} reads params.${name} in its ${p.script!.label}: block; pass it in as an input (path for a file, so it is staged; val for a value) or through task.ext.args`,
              // a value read from params runs (nf-core modules do it); a file is never staged. Which it is cannot be
              // told from the script, so lint-nf warns; the dataset gate (checkWorkflow) counts it as an error.
              'warning',
            ),
          );
        };
        walkStmts(p.script.body, (e: Expr) => {
          if (e.kind === 'prop' && e.object.kind === 'ident' && e.object.name === 'params') report(e.name, e.object);
          if (e.kind === 'gstring')
            for (const part of e.parts) for (const m of part.code.matchAll(/(?<![\w.])params\s*\.\s*([A-Za-z_]\w*)/g)) report(m[1]!, part);
        });
      }
    return out;
  },
};
