import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './diagnostics';

export interface CollectedFiles {
  /** regular files to lint, in a stable order */
  files: string[];
  /** paths that do not exist (errors) and paths skipped with a reason (warnings) */
  diagnostics: Diagnostic[];
}

const SKIPPED_DIRS = new Set(['node_modules', 'work']);

function note(file: string, severity: Diagnostic['severity'], rule: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity, rule, message };
}

/** What a path is after following links; 'missing' for a dangling link, 'loop' for a link cycle. */
function kindOf(p: string): 'file' | 'dir' | 'other' | 'missing' | 'loop' {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? 'loop' : 'missing';
  }
}

/**
 * The files to lint for the given paths. A path named on the command line is linted whatever its extension; a
 * directory contributes its `*.nf` files, recursively (not node_modules, work or dot folders). Dangling links,
 * link cycles, directories reached twice through links, and FIFOs, sockets or devices are skipped with a warning,
 * so that a FIFO never blocks the run and a link loop never recurses.
 */
export function collectNextflowFiles(paths: string[]): CollectedFiles {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seenDirs = new Set<string>();
  const skip = (p: string, kind: 'other' | 'missing' | 'loop') => {
    if (kind === 'missing') diagnostics.push(note(p, 'warning', 'dangling-link', `skipped: '${p}' is a link to a path that does not exist`));
    else if (kind === 'loop') diagnostics.push(note(p, 'warning', 'symlink-loop', `skipped: '${p}' is a symbolic link loop`));
    else diagnostics.push(note(p, 'warning', 'not-a-regular-file', `skipped: '${p}' is not a regular file (FIFO, socket or device)`));
  };
  const stack: string[] = [];
  for (const p of paths) {
    let isLink = false;
    try {
      isLink = fs.lstatSync(p).isSymbolicLink();
    } catch {
      diagnostics.push(note(p, 'error', 'file-not-found', `no such file or directory: ${p}`));
      continue;
    }
    const kind = kindOf(p);
    if (kind === 'file') files.push(p);
    else if (kind === 'dir') stack.push(p);
    else if (isLink || kind === 'other') skip(p, kind);
  }
  // depth-first, entries sorted, without recursion (deep trees and link cycles cannot exhaust the stack)
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      skip(dir, 'loop');
      continue;
    }
    if (seenDirs.has(real)) {
      diagnostics.push(note(dir, 'warning', 'symlink-loop', `skipped: '${dir}' leads to a folder already linted (${real})`));
      continue;
    }
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      diagnostics.push(note(dir, 'warning', 'unreadable', `skipped: cannot read '${dir}': ${(err as Error).message}`));
      continue;
    }
    const sub: string[] = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
      const p = path.join(dir, e.name);
      const kind = e.isSymbolicLink() ? kindOf(p) : e.isFile() ? 'file' : e.isDirectory() ? 'dir' : 'other';
      if (kind === 'dir') sub.push(p);
      else if (kind === 'loop') skip(p, kind);
      else if (!e.name.endsWith('.nf')) continue;
      else if (kind === 'file') files.push(p);
      else skip(p, kind);
    }
    for (let k = sub.length - 1; k >= 0; k--) stack.push(sub[k]!);
  }
  return { files, diagnostics };
}
