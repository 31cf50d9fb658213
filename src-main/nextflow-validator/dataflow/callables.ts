import type { DataflowContext } from './context';
import type { FileModel, ProcessModel, WorkflowModel } from './model';

export type Callee = { kind: 'process'; process: ProcessModel } | { kind: 'workflow'; workflow: WorkflowModel };

/**
 * The processes and named workflows a file can call, by the name it calls them: its own declarations and
 * what it includes (resolved among the project's files; a name whose file is not in the project is absent).
 */
export function calleesOf(ctx: DataflowContext, file: FileModel): Map<string, Callee> {
  const out = new Map<string, Callee>();
  const add = (name: string, from: FileModel, original: string) => {
    const p = from.processes.find((x) => x.name === original);
    if (p) {
      out.set(name, { kind: 'process', process: p });
      return;
    }
    const w = from.workflows.find((x) => x.name === original);
    if (w) out.set(name, { kind: 'workflow', workflow: w });
  };
  for (const inc of file.includes) {
    const target = ctx.resolveInclude(file.file, inc.path);
    if (target) add(inc.alias, target, inc.name);
  }
  for (const p of file.processes) add(p.name, file, p.name);
  for (const w of file.workflows) if (w.name) add(w.name, file, w.name);
  return out;
}

/** The emit names a callee's `.out` offers. */
export function emitNames(callee: Callee): string[] {
  if (callee.kind === 'workflow') return callee.workflow.emits.map((e) => e.name);
  return callee.process.outputs.flatMap((o) => (o.emit ? [o.emit] : []));
}

/** How many output channels a callee has (`.out` is itself the channel when there is one). */
export function outputCount(callee: Callee): number {
  return callee.kind === 'workflow' ? callee.workflow.emits.length : callee.process.outputs.length;
}

/** Every workflow of the project with the callees of its file, for the rules that read workflows. */
export function workflowsOf(ctx: DataflowContext): { file: FileModel; workflow: WorkflowModel; callees: Map<string, Callee> }[] {
  return ctx.files.filter((f) => f.workflows.length > 0).flatMap((f) => {
    const callees = calleesOf(ctx, f);
    return f.workflows.map((workflow) => ({ file: f, workflow, callees }));
  });
}
