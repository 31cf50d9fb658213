import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { NewInteraction } from '../../../src-preload/schemas/interaction';
import type { AppContext } from '../../app/context';
import { parseIntent } from '../../intent-parser';
import { readLines } from '../../interactions/line-reader';
import { interactionsRepo } from '../../interactions/repo';
import { loadKnowledge } from '../../knowledge/load';
import { selectTools } from '../../tool-selector';
import { addDbOption, openContext } from '../common';

/** Longest query line accepted; longer lines get an error object instead of an intent. */
export const MAX_QUERY_CHARS = 100_000;

/** Longest stdin line read: MAX_QUERY_CHARS characters of up to 4 UTF-8 bytes each. A longer one is skipped unread. */
export const MAX_LINE_BYTES = 4 * MAX_QUERY_CHARS;

/** Logged interactions are written in transactions of this many. */
const LOG_BATCH = 1000;

export function registerParse(program: Command): void {
  addDbOption(
    program
      .command('parse')
      .description('parse queries with the offline rule parser: one query per stdin line -> one JSON line per stdin line (the intent, or {line, error})')
      .argument('[query...]', 'a query given as arguments instead of stdin')
      .option('--log', 'record each parsed query as an interaction (origin cli, tools selected, no feedback) in the store')
      .option('--session <id>', 'session id for --log (default: a random uuid)'),
  ).action(async (words: string[], opts: { db: string; log?: boolean; session?: string }) => {
    const kb = loadKnowledge();
    const ctx: AppContext | null = opts.log ? openContext(opts.db) : null;
    const session = opts.session ?? randomUUID();
    let pending: NewInteraction[] = [];
    let logged = 0;
    const flush = () => {
      if (!ctx || pending.length === 0) return;
      logged += interactionsRepo(ctx.db).logMany(pending).inserted.length;
      pending = [];
    };
    const emit = (line: string, lineNo: number) => {
      const query = line.trim();
      // an output line for every input line, so output line N answers input line N
      if (!query) {
        process.stdout.write(`${JSON.stringify({ line: lineNo, error: 'blank line: no query' })}\n`);
        return;
      }
      if (query.length > MAX_QUERY_CHARS) {
        const error = `query is ${query.length} characters; the limit is ${MAX_QUERY_CHARS}`;
        process.stdout.write(`${JSON.stringify({ line: lineNo, error })}\n`);
        return;
      }
      const intent = parseIntent(query, kb);
      process.stdout.write(`${JSON.stringify(intent)}\n`);
      if (!ctx) return;
      pending.push({
        session_id: session,
        timestamp: new Date().toISOString(),
        query,
        intent,
        tools: selectTools(intent, kb, query),
        workflow: null,
        feedback: null,
        modifications: null,
        execution_success: null,
        origin: 'cli',
      });
      if (pending.length >= LOG_BATCH) flush();
    };
    try {
      if (words.length > 0) emit(words.join(' '), 1);
      else {
        // lines as bytes: one past what a string can hold is skipped unread, invalid UTF-8 is reported, not replaced
        for await (const line of readLines(process.stdin, MAX_LINE_BYTES)) {
          if ('text' in line) emit(line.text, line.n);
          else process.stdout.write(`${JSON.stringify({ line: line.n, error: line.error })}\n`);
        }
      }
      flush();
      if (ctx) process.stderr.write(`logged ${logged} interaction(s) in session ${session}\n`);
    } finally {
      ctx?.close();
    }
  });
}
