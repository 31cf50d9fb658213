import type { StringText } from '../ast';
import type { ScriptBody } from './model';
import { type ShellCommand, type Word, programIndex, shellCommands } from './shell';

/** A file the script names as something it writes: a redirection target, `-o X`, `O=X`, `mv a X`, ... */
export interface WrittenFile {
  word: Word;
  how: string;
  /** index of the command that writes it */
  command: number;
}

const cache = new WeakMap<StringText, ShellCommand[]>();

/** The simple commands of every command string of a script section (parsed once per string). */
export function commandsOf(script: ScriptBody, unconditionalOnly = false): ShellCommand[] {
  return script.commands.flatMap((c) => {
    if (unconditionalOnly && script.conditional.has(c)) return [];
    let cmds = cache.get(c);
    if (!cmds) {
      cmds = shellCommands(c);
      cache.set(c, cmds);
    }
    return cmds;
  });
}

/** `-o`, `--output`, `--outFileNamePrefix`, `-out`, `--output-vcf`: options whose value is an output path. */
function isOutputOption(name: string): boolean {
  const n = name.replace(/^-+/, '').toLowerCase().replace(/[-_]/g, '');
  return n === 'o' || n.startsWith('out') || n.endsWith('out') || n.endsWith('output');
}

/** The files a script names as outputs, from its redirections and the usual output arguments. */
export function writtenFiles(cmds: ShellCommand[]): WrittenFile[] {
  const out: WrittenFile[] = [];
  for (const [index, cmd] of cmds.entries()) {
    const push = (word: Word, how: string) => out.push({ word, how, command: index });
    for (const r of cmd.redirects) if (r.op.includes('>')) push(r.target, `${r.op} redirection`);
    const k = programIndex(cmd);
    const program = cmd.words[k]?.text ?? '';
    const args = cmd.words.slice(k + 1);
    for (let i = 0; i < args.length; i++) {
      const w = args[i]!;
      const eq = /^(-{1,2}[A-Za-z][\w-]*)=(.+)$/.exec(w.text);
      if (eq && isOutputOption(eq[1]!)) push({ ...w, text: eq[2]! }, eq[1]!);
      else if (/^-{1,2}[A-Za-z][\w-]*$/.test(w.text) && isOutputOption(w.text) && args[i + 1] && !args[i + 1]!.text.startsWith('-')) push(args[i + 1]!, w.text);
      const picard = /^(O|OUTPUT|OUT)=(.+)$/.exec(w.text);
      if (picard) push({ ...w, text: picard[2]! }, `${picard[1]}=`);
    }
    const positional = args.filter((a) => !a.text.startsWith('-'));
    if ((program === 'mv' || program === 'cp' || program === 'ln') && positional.length >= 2) push(positional[positional.length - 1]!, program);
    if (program === 'touch' || program === 'tee' || program === 'mkdir') for (const a of positional) push(a, program);
    if ((program === 'gzip' || program === 'bgzip' || program === 'pigz') && !args.some((a) => /^-[a-z]*[cd]/.test(a.text)))
      for (const a of positional) push({ ...a, text: `${a.text}.gz` }, program);
  }
  return out;
}
