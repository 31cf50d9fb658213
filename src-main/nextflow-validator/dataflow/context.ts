import path from 'node:path';
import type { Pos } from '../ast';
import type { Diagnostic, Severity } from '../diagnostics';
import type { FileModel } from './model';

/** What the dataflow rules can see of a project besides its parsed .nf files. */
export interface ProjectFiles {
  /**
   * Is this file (a path as the .nf files are named, posix separators) part of the project?
   * null when the project's other files are not known (a lone .nf file): rules then skip checks of them.
   */
  exists(file: string): boolean | null;
  /** The text of a project file, when it can be read. */
  read(file: string): string | undefined;
  /** The project's root directory, as the .nf files are named ('' for the current one). */
  root: string;
}

export interface DataflowContext {
  files: FileModel[];
  project: ProjectFiles;
  /** the parsed file an include of `from` names, when it is part of the project */
  resolveInclude(from: string, includePath: string): FileModel | null;
}

export interface DataflowRule {
  /** the rule ids this module reports */
  ids: readonly string[];
  check(ctx: DataflowContext): Diagnostic[];
}

export function diag(file: string, pos: Pos, rule: string, message: string, severity: Severity = 'error'): Diagnostic {
  return { file, line: pos.line, column: pos.column, severity, rule, message };
}

/** `a/b` joined as project paths are written ('' root = relative). */
export function projectPath(...parts: string[]): string {
  return path.posix.join(...parts.filter((p) => p !== ''));
}
