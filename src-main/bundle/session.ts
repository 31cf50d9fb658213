import type { Bundle, DecisionsFile } from './format';

/**
 * One reviewer's session on one bundle. The items live in a private reviewer SQLite store (next to the
 * decisions file, or in a temp dir when that folder is not writable) so the ordinary review channels
 * work unchanged; every decision/undo also rewrites the decisions file atomically.
 */
export interface ReviewSession {
  bundle: Bundle;
  bundlePath: string;
  reviewer: string;
  decisionsPath: string;
  dbPath: string;
  /** the decisions file content as of now (latest not-undone decision per item) */
  decisions(): DecisionsFile;
  /** rewrites the decisions file (temp + rename) and returns what it wrote */
  writeDecisions(): DecisionsFile;
}
