import path from 'node:path';
import type { Diagnostic } from '../../diagnostics';
import { type DataflowContext, type DataflowRule, diag, projectPath } from '../context';
import type { ProcessModel } from '../model';
import { patternRegex } from '../patterns';
import { programIndex, type ShellCommand } from '../shell';
import { commandsOf, writtenFiles } from '../written-files';

/** Interpreters that run a script file given as their first operand. */
const INTERPRETERS = new Set(['Rscript', 'python', 'python2', 'python3', 'perl', 'bash', 'sh', 'zsh', 'ruby', 'julia', 'node', 'groovy']);
/** Interpreter options that take the code inline (`python -c`, `Rscript -e`) or run a module (`python -m`). */
const INLINE_OPTIONS = new Set(['-c', '-e', '-E', '-m', '--eval', '-', '-s']);
/** Interpreter options that take a value of their own. */
const VALUED_OPTIONS = new Set(['-W', '-X', '-O', '-I', '--default-packages']);

/**
 * `script-not-shipped`: a command runs a script file (`Rscript x.R`, `python x.py`, `perl x.pl`, `bash x.sh`)
 * that neither ships with the project nor is staged or written by the task. Nextflow runs the command in the
 * task directory: a relative file there exists only if it is an input or written earlier in the script;
 * `bin/` scripts are on PATH and are called by their own name (with a shebang), not through the interpreter;
 * `${projectDir}/bin/x` and `${moduleDir}/...` must exist in the project; `template 'x'` must exist in a
 * `templates/` folder beside the module or at the project root.
 * `bin-script-shebang`: a `bin/` script called by name has no `#!` line, so it cannot be executed.
 */
export const scriptShipped: DataflowRule = {
  ids: ['script-not-shipped', 'bin-script-shebang'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const f of ctx.files) for (const p of f.processes) out.push(...checkProcess(ctx, p));
    return out;
  },
};

function stagedNames(p: ProcessModel): { patterns: RegExp[] } {
  const patterns: RegExp[] = [];
  for (const d of p.inputs)
    for (const el of d.elements) {
      const pattern = el.stageAs ?? el.pattern;
      if (pattern && (el.qualifier === 'path' || el.qualifier === 'file')) patterns.push(patternRegex(pattern.raw));
    }
  return { patterns };
}

/** The operand an interpreter runs, or null when the code is inline (`-e`, `-c`, heredoc, stdin). */
function scriptOperand(cmd: ShellCommand, k: number): { text: string; line: number; column: number } | null {
  if (cmd.heredoc !== null || cmd.redirects.some((r) => r.op === '<' || r.op === '<<<')) return null;
  for (let i = k + 1; i < cmd.words.length; i++) {
    const w = cmd.words[i]!;
    // `-c`, `-e`, and bundles such as perl's `-pe` / `-lane`: the code is the next word
    if (INLINE_OPTIONS.has(w.text) || /^-[A-Za-z]*[ce][A-Za-z]*$/.test(w.text)) return null;
    if (VALUED_OPTIONS.has(w.text)) {
      i++;
      continue;
    }
    if (w.text.startsWith('-')) continue;
    return w;
  }
  return null;
}

function checkProcess(ctx: DataflowContext, p: ProcessModel): Diagnostic[] {
  const script = p.script;
  if (!script) return [];
  const out: Diagnostic[] = [];
  const moduleDir = path.posix.dirname(p.file);
  const shipped = (file: string) => ctx.project.exists(file);
  if (script.template?.name) {
    const name = script.template.name;
    const candidates = [projectPath(moduleDir, 'templates', name), projectPath(ctx.project.root, 'templates', name)];
    if (!/[$]/.test(name) && candidates.every((c) => shipped(c) === false))
      out.push(diag(p.file, script.template, 'script-not-shipped', `process ${p.name} uses template '${name}', which is not in ${candidates.join(' or ')}`));
  }
  const cmds = commandsOf(script);
  const staged = stagedNames(p);
  const written = new Set(writtenFiles(cmds).map((w) => w.word.text));
  // words of the commands run so far: a folder an earlier command was given (`configManta.py --runDir manta`)
  const earlier = new Set<string>();
  for (const cmd of cmds) {
    const k = programIndex(cmd);
    const program = cmd.words[k];
    const before = new Set(earlier);
    for (const w of cmd.words) earlier.add(w.text.replace(/\/+$/, ''));
    if (!program) continue;
    const base = path.posix.basename(program.text);
    if (INTERPRETERS.has(base)) {
      const operand = scriptOperand(cmd, k);
      if (!operand) continue;
      const dir = operand.text.includes('/') ? operand.text.split('/')[0]! : null;
      if (dir && before.has(dir)) continue; // made by an earlier command
      const problem = operandProblem(ctx, operand.text, staged, written, moduleDir);
      if (problem) out.push(diag(p.file, operand, 'script-not-shipped', `process ${p.name}: '${base} ${operand.text}' ${problem}`));
    } else if (/^[\w.+-]+$/.test(program.text)) {
      // a bin/ script called by its own name must be executable: it needs a shebang line
      const bin = projectPath(ctx.project.root, 'bin', program.text);
      if (shipped(bin)) {
        const text = ctx.project.read(bin);
        if (text !== undefined && !text.startsWith('#!'))
          out.push(diag(p.file, program, 'bin-script-shebang', `process ${p.name} runs bin/${program.text}, which has no '#!' line: Nextflow puts bin/ on PATH, so the script must start with a shebang (e.g. #!/usr/bin/env Rscript)`));
      }
    }
  }
  return out;
}

/** Why an interpreter's script operand will not be there when the task runs, or null when it will. */
function operandProblem(ctx: DataflowContext, operand: string, staged: { patterns: RegExp[] }, written: Set<string>, moduleDir: string): string | null {
  const dirRef = /^\$\{?(projectDir|baseDir|moduleDir|workflow\.projectDir)\}?\/(.+)$/.exec(operand);
  if (dirRef) {
    const rel = dirRef[2]!;
    if (/[$*]/.test(rel)) return null;
    const file = dirRef[1] === 'moduleDir' ? projectPath(moduleDir, rel) : projectPath(ctx.project.root, rel);
    return ctx.project.exists(file) === false ? `runs ${file}, which the project does not ship` : null;
  }
  // an input variable (`${script}`), a shell variable or any other computed operand: staged or not knowable
  if (/[$`]/.test(operand)) return null;
  if (operand.startsWith('/') || operand.startsWith('~')) return null;
  if (written.has(operand) || staged.patterns.some((re) => re.test(operand))) return null;
  const bin = projectPath(ctx.project.root, 'bin', path.posix.basename(operand));
  if (ctx.project.exists(bin))
    return `runs '${operand}' from the task directory, where it is not staged; bin/${path.posix.basename(operand)} is on PATH: call it by its name (with a '#!' line) instead of through the interpreter`;
  return `runs '${operand}' from the task directory, but no input stages it and the script does not write it; ship it as bin/${path.posix.basename(operand)} (called by name), as a template, or inline the code`;
}
