import readline from 'node:readline';
import type { Command } from 'commander';
import { parseIntent } from '../../intent-parser';
import { loadKnowledge } from '../../knowledge/load';

/** Longest query line accepted; longer lines get an error object instead of an intent. */
export const MAX_QUERY_CHARS = 100_000;

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse queries with the offline rule parser: one query per stdin line -> one JSON intent per stdout line')
    .argument('[query...]', 'a query given as arguments instead of stdin')
    .action(async (words: string[]) => {
      const kb = loadKnowledge();
      const emit = (line: string, lineNo: number) => {
        const query = line.trim();
        if (!query) return;
        const out =
          query.length > MAX_QUERY_CHARS
            ? { line: lineNo, error: `query is ${query.length} characters; the limit is ${MAX_QUERY_CHARS}` }
            : parseIntent(query, kb);
        process.stdout.write(`${JSON.stringify(out)}\n`);
      };
      if (words.length > 0) {
        emit(words.join(' '), 1);
        return;
      }
      const rl = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let n = 0;
      for await (const line of rl) emit(line, ++n);
    });
}
