import type { Pos, StringText } from '../ast';

/** One shell word of a process script, as written (Nextflow `${...}` interpolations kept verbatim). */
export interface Word extends Pos {
  text: string;
}

export interface Redirect {
  op: string;
  target: Word;
}

/** A simple command: its words (program first), its redirections, and the heredoc fed to it, if any. */
export interface ShellCommand {
  words: Word[];
  redirects: Redirect[];
  heredoc: string | null;
}

/** Maps offsets in a string's source text to file line and column. */
function positioner(text: StringText): (offset: number) => Pos {
  const starts = [0];
  for (let i = 0; i < text.raw.length; i++) if (text.raw[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: text.line + lo, column: lo === 0 ? text.column + offset : offset - starts[lo]! + 1 };
  };
}

/** End offset (exclusive) of a balanced group starting at `open` (e.g. '{' of `${`). */
function balanced(raw: string, openAt: number, open: string, close: string): number {
  let depth = 0;
  for (let i = openAt; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === open) depth++;
    else if (ch === close && --depth === 0) return i + 1;
  }
  return raw.length;
}

const BREAKS = ['&&', '||', '|&', '|', ';', '&'];
const REDIRECTS = ['&>>', '&>', '>>', '>|', '>', '<<<', '<'];

/**
 * Splits the source text of a process script into simple commands, the way a reader sees the shell
 * script Nextflow will run: words (quotes removed, Nextflow interpolations kept), redirections, heredoc
 * bodies (not read as commands), comments dropped, `\` line continuations joined. `$(...)` and `\$(...)`
 * substitutions stay inside their word. A conservative reading, not a full shell parser.
 */
export function shellCommands(text: StringText): ShellCommand[] {
  const raw = text.raw;
  const at = positioner(text);
  const commands: ShellCommand[] = [];
  let cmd: ShellCommand = { words: [], redirects: [], heredoc: null };
  let word = '';
  let wordStart = -1;
  let pendingRedirect: string | null = null;
  const heredocs: { delim: string; strip: boolean; cmd: ShellCommand }[] = [];

  const endWord = () => {
    if (wordStart < 0) return;
    const w: Word = { text: word, ...at(wordStart) };
    if (pendingRedirect) {
      if (pendingRedirect === '<<' || pendingRedirect === '<<-') heredocs.push({ delim: word, strip: pendingRedirect === '<<-', cmd });
      else cmd.redirects.push({ op: pendingRedirect, target: w });
      pendingRedirect = null;
    } else cmd.words.push(w);
    word = '';
    wordStart = -1;
  };
  const endCommand = () => {
    endWord();
    if (cmd.words.length || cmd.redirects.length || heredocs.some((h) => h.cmd === cmd)) commands.push(cmd);
    cmd = { words: [], redirects: [], heredoc: null };
  };
  const append = (s: string, start: number) => {
    if (wordStart < 0) wordStart = start;
    word += s;
  };

  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '\n') {
      endCommand();
      i++;
      // heredoc bodies start on the next line and run to their delimiter line
      while (heredocs.length) {
        const h = heredocs.shift()!;
        const bodyStart = i;
        let found = false;
        while (i < raw.length) {
          const eol = raw.indexOf('\n', i);
          const lineEnd = eol < 0 ? raw.length : eol;
          const line = raw.slice(i, lineEnd);
          const next = eol < 0 ? raw.length : eol + 1;
          if ((h.strip ? line.replace(/^\t+/, '') : line).trim() === h.delim) {
            h.cmd.heredoc = raw.slice(bodyStart, i);
            i = next;
            found = true;
            break;
          }
          i = next;
        }
        if (!found) h.cmd.heredoc = raw.slice(bodyStart);
      }
      continue;
    }
    if (ch === '\\') {
      const next = raw[i + 1];
      // `\` or `\\` before a newline: a line continuation (Groovy's and the shell's)
      if (next === '\n') {
        endWord();
        i += 2;
        continue;
      }
      if (next === '\\' && raw[i + 2] === '\n') {
        endWord();
        i += 3;
        continue;
      }
      if (next === '$' && raw[i + 2] === '(') {
        const end = balanced(raw, i + 2, '(', ')');
        append(raw.slice(i, end), i);
        i = end;
        continue;
      }
      // `\$` is the shell's own variable: kept escaped, so it is not read as a Nextflow interpolation
      append(next === '$' ? '\\$' : (next ?? ''), i);
      i += 2;
      continue;
    }
    if (ch === '$' && raw[i + 1] === '{') {
      const end = balanced(raw, i + 1, '{', '}');
      append(raw.slice(i, end), i);
      i = end;
      continue;
    }
    if (ch === '$' && raw[i + 1] === '(') {
      const end = balanced(raw, i + 1, '(', ')');
      append(raw.slice(i, end), i);
      i = end;
      continue;
    }
    if (ch === "'" || ch === '"') {
      if (wordStart < 0) wordStart = i;
      let j = i + 1;
      while (j < raw.length && raw[j] !== ch) {
        if (raw[j] === '\\') j++;
        else if (raw[j] === '$' && raw[j + 1] === '{') j = balanced(raw, j + 1, '{', '}') - 1;
        j++;
      }
      word += raw.slice(i + 1, j);
      i = j + 1;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
      i++;
      continue;
    }
    if (ch === '#' && wordStart < 0) {
      while (i < raw.length && raw[i] !== '\n') i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === '{' || ch === '}') {
      if (wordStart < 0 && (ch === '(' || ch === ')' || raw[i + 1] === ' ' || raw[i + 1] === '\n' || i + 1 === raw.length)) {
        endCommand();
        i++;
        continue;
      }
      append(ch, i);
      i++;
      continue;
    }
    const redirect = REDIRECTS.find((r) => raw.startsWith(r, i));
    if (redirect) {
      // `2>` / `1>>`: a file descriptor number before the operator belongs to it
      if (/^[0-9]$/.test(word) && wordStart === i - 1) {
        word = '';
        wordStart = -1;
      } else endWord();
      let op = redirect;
      let k = i + redirect.length;
      if (op === '<' && raw[k] === '<' && raw[k + 1] !== '<') {
        op = raw[k + 1] === '-' ? '<<-' : '<<';
        k += op.length - 1;
      }
      if (raw[k] === '&') {
        // `2>&1`: duplicates a descriptor, names no file
        k++;
        while (k < raw.length && /[0-9-]/.test(raw[k]!)) k++;
        i = k;
        continue;
      }
      pendingRedirect = op;
      i = k;
      continue;
    }
    const brk = BREAKS.find((b) => raw.startsWith(b, i));
    if (brk) {
      endCommand();
      i += brk.length;
      continue;
    }
    append(ch, i);
    i++;
  }
  endCommand();
  return commands;
}

/** The program a command runs: its first word after `VAR=value` assignments and wrappers like `time`. */
export function programIndex(cmd: ShellCommand): number {
  let k = 0;
  while (k < cmd.words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd.words[k]!.text) || ['time', 'exec', 'env', 'nohup', 'command', 'xargs'].includes(cmd.words[k]!.text))) k++;
  return k;
}
