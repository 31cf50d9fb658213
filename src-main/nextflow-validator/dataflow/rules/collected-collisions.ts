import type { Expr } from '../../ast';
import type { Diagnostic } from '../../diagnostics';
import { type Callee, workflowsOf } from '../callables';
import { type DataflowRule, diag } from '../context';
import { fixedOutputNames } from '../facts';
import type { Declaration, ProcessModel } from '../model';
import { expandBraces, patternRegex } from '../patterns';
import { startOf, walkExpr } from '../walk';
import { commandsOf, writtenFiles } from '../written-files';

const COLLECT = new Set(['collect', 'toList', 'toSortedList']);
/** Operators between `NAME.out.x` and `.collect()` that keep each item's files as they are. */
const PASS = new Set(['map', 'filter', 'flatten', 'flatMap', 'unique', 'distinct', 'view', 'dump', 'transpose', 'ifEmpty']);
const HAS_UNKNOWN = /[*?[]|\$\{|\$[A-Za-z_]|!\{/;

/**
 * `collected-name-collision`: the outputs of a per-sample process (one with a `tuple val(meta), ...` input)
 * are collected (`.collect()`, `.toList()`) into one task although every sample's file has the same name:
 * Nextflow stages them side by side and stops with an input file name collision. A name is the same for all
 * samples when the output pattern is a fixed name (`counts.txt`), when the only file of that pattern the
 * script writes has a fixed name (`-o counts.txt`), or when the tool's default name is fixed and the option
 * that changes it is absent (STAR's `Aligned.sortedByCoord.out.bam` without `--outFileNamePrefix`; facts in
 * resources/knowledge/nextflow_dataflow.yaml). A receiving input that renames its files (`stageAs: 'x?/name'`,
 * `path 'in*'` patterns) avoids the collision and is not reported.
 */
export const collectedCollisions: DataflowRule = {
  ids: ['collected-name-collision'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const { file: f, workflow: w, callees } of workflowsOf(ctx))
        for (const st of w.body) {
          const root = st.kind === 'expr' ? st.expr : st.kind === 'def' ? st.value : null;
          if (!root) continue;
          walkExpr(root, (e: Expr) => {
            if (e.kind !== 'call' || e.callee.kind !== 'ident') return;
            const consumer = callees.get(e.callee.name);
            if (consumer?.kind !== 'process') return;
            e.args.forEach((arg, i) => {
              const input = consumer.process.inputs[i];
              if (!input || renamesFiles(input)) return;
              const source = collectedSource(arg, callees);
              if (!source) return;
              const fixed = fixedName(source.process, source.emit);
              if (fixed)
                out.push(
                  diag(
                    f.file,
                    startOf(arg),
                    'collected-name-collision',
                    `${consumer.process.name} input ${i + 1} collects ${source.process.name}.out.${source.emit} of every sample, but each sample's file is named '${fixed}': the staged names collide; name the output after the sample (e.g. \${prefix}.${fixed}) or stage with stageAs: 'in?/*'`,
                  ),
                );
            });
          });
        }
    return out;
  },
};

/** `path x, stageAs: 'dir?/name'` or a `path` pattern with a wildcard: Nextflow gives each staged file its own name or folder. */
function renamesFiles(d: Declaration): boolean {
  return d.elements.some((el) => {
    const p = el.stageAs ?? el.pattern;
    return p !== null && /[*?]/.test(p.raw);
  });
}

/** `NAME.out.x[.map{...}...].collect()` where NAME runs once per sample: the process and emit, else null. */
function collectedSource(arg: Expr, callees: Map<string, Callee>): { process: ProcessModel; emit: string } | null {
  if (arg.kind !== 'call' || arg.callee.kind !== 'prop' || !COLLECT.has(arg.callee.name)) return null;
  let e: Expr = arg.callee.object;
  while (e.kind === 'call' && e.callee.kind === 'prop' && PASS.has(e.callee.name)) e = e.callee.object;
  if (e.kind !== 'prop' || e.object.kind !== 'prop' || e.object.name !== 'out' || e.object.object.kind !== 'ident') return null;
  const callee = callees.get(e.object.object.name);
  if (callee?.kind !== 'process') return null;
  const perSample = callee.process.inputs.some((d) => d.qualifier === 'tuple' && d.elements.some((el) => el.qualifier === 'val'));
  return perSample ? { process: callee.process, emit: e.name } : null;
}

/** The one fixed file name every task of the process gives this emit's files, or null. */
function fixedName(p: ProcessModel, emit: string): string | null {
  const d = p.outputs.find((o) => o.emit === emit);
  const files = d?.elements.filter((el) => (el.qualifier === 'path' || el.qualifier === 'file') && el.pattern) ?? [];
  if (files.length !== 1) return null;
  const pattern = files[0]!.pattern!.raw;
  if (!HAS_UNKNOWN.test(pattern) && !pattern.includes('{')) return pattern;
  const script = p.script;
  if (!script || script.template) return null;
  const res = expandBraces(pattern).map(patternRegex);
  const cmds = commandsOf(script);
  const matching = writtenFiles(cmds)
    .map((w) => w.word.text)
    .filter((t) => res.some((re) => re.test(t)));
  if (matching.length > 0) return matching.every((t) => !HAS_UNKNOWN.test(t)) && new Set(matching).size === 1 ? matching[0]! : null;
  // a tool's own fixed default name, when the option that changes it is absent
  for (const fact of fixedOutputNames())
    for (const cmd of cmds) {
      const words = cmd.words.map((w) => w.text);
      if (words[0] !== fact.program || fact.unless_options.some((o) => words.some((w) => w === o || w.startsWith(`${o}=`)))) continue;
      const name = fact.names.find((n) => res.some((re) => re.test(n.name)) && (!n.when_word || words.includes(n.when_word)));
      if (name) return name.name;
    }
  return null;
}
