import type { Diagnostic } from '../../diagnostics';
import { type DataflowRule, diag, projectPath } from '../context';

/** `errorStrategy` that retries (a closure returning 'retry' on some exit codes, or 'retry' itself). */
const RETRIES = /^\s*(?:process\s*\.\s*)?errorStrategy\s*=.*'retry'/m;
/** `maxRetries = N`: Nextflow's default is 1, so only an explicit 0 turns retries off. */
const NO_RETRIES = /^\s*(?:process\s*\.\s*)?maxRetries\s*=\s*0\s*$/m;
/** A memory or time setting of a process scope or selector: `memory = 36.GB`, `time = { 8.h * task.attempt }`. */
const RESOURCE = /^(\s*(?:process\s*\.\s*)?)(memory|time)\s*=\s*(.+?)\s*$/;

/**
 * `retry-without-scaling`: the project's nextflow.config retries failed tasks (exit 137 when the kernel's OOM
 * killer stops a task, 143 when the scheduler ends one at its time limit), but a `memory` or `time` setting
 * does not grow with `task.attempt`, so the retry gets the same resources and fails the same way. nf-core's
 * base.config scales them (`memory = { 36.GB * task.attempt }`), capped by `resourceLimits` (Nextflow 24.04+).
 */
export const retryScaling: DataflowRule = {
  ids: ['retry-without-scaling'],
  check(ctx) {
    const file = projectPath(ctx.project.root, 'nextflow.config');
    const text = ctx.project.read(file);
    if (text === undefined || !RETRIES.test(text) || NO_RETRIES.test(text)) return [];
    const out: Diagnostic[] = [];
    text.split('\n').forEach((line, i) => {
      const m = RESOURCE.exec(line);
      if (!m || /task\s*\.\s*attempt/.test(m[3]!)) return;
      out.push(
        diag(
          file,
          { line: i + 1, column: m[1]!.length + 1 },
          'retry-without-scaling',
          `${m[2]} = ${m[3]} does not grow with task.attempt, so a task retried after running out of ${m[2] === 'memory' ? 'memory (exit 137)' : 'time (exit 143)'} gets the same ${m[2]} and fails again; write it as a closure, e.g. ${m[2]} = { ${m[3]!.replace(/^\{\s*|\s*\}$/g, '')} * task.attempt }, capped with resourceLimits`,
        ),
      );
    });
    return out;
  },
};
