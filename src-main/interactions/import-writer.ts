// Writes prepared import rows to SQLite. Runs in the import writer worker as well as in-process, so it
// imports only leaf modules, with explicit .ts extensions: the worker is loaded by Node without the bundler.
import type Database from 'better-sqlite3';
import type { ExampleInsertRow } from '../store/examples-repo';
import { INSERT_EXAMPLE_SQL, INSERT_INTERACTION_SQL, NEXT_EXAMPLE_SEQ_SQL } from '../store/insert-sql.ts';
import type { InteractionRow } from './repo';

/** One good line, ready for SQL: its interaction row and, when it teaches something, its example row. */
export interface ImportRow {
  interaction: InteractionRow;
  /** seq is assigned when written */
  example: ExampleInsertRow | null;
}

export interface ImportBatchResult {
  imported: number;
  duplicates: number;
  examples: number;
}

interface Statements {
  interaction: Database.Statement;
  example: Database.Statement;
  nextSeq: Database.Statement;
}

const statements = new WeakMap<Database.Database, Statements>();

function statementsOf(db: Database.Database): Statements {
  let s = statements.get(db);
  if (!s) {
    s = { interaction: db.prepare(INSERT_INTERACTION_SQL), example: db.prepare(INSERT_EXAMPLE_SQL), nextSeq: db.prepare(NEXT_EXAMPLE_SEQ_SQL) };
    statements.set(db, s);
  }
  return s;
}

/**
 * Writes one batch in one transaction. A line already logged (same content hash or id) is a duplicate and
 * adds nothing; a new one adds its example, if any, unless an example with that id already exists.
 */
export function writeImportBatch(db: Database.Database, rows: readonly ImportRow[]): ImportBatchResult {
  const stmts = statementsOf(db);
  return db.transaction(() => {
    const result: ImportBatchResult = { imported: 0, duplicates: 0, examples: 0 };
    let seq = (stmts.nextSeq.get() as { next: number }).next;
    for (const row of rows) {
      if (stmts.interaction.run(row.interaction).changes === 0) {
        result.duplicates++;
        continue;
      }
      result.imported++;
      if (row.example && stmts.example.run({ ...row.example, seq }).changes > 0) {
        seq++;
        result.examples++;
      }
    }
    return result;
  }).immediate();
}
