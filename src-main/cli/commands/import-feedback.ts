import fs from 'node:fs';
import type { Command } from 'commander';
import { importFeedback } from '../../interactions/import-feedback';
import { loadKnowledge } from '../../knowledge/load';
import { addDbOption, fail, openContext, stderrProgress } from '../common';

/** Bad lines printed in the text summary; --json carries every one kept. */
const SHOWN_ERRORS = 20;

export function registerImportFeedback(program: Command): void {
  addDbOption(
    program
      .command('import-feedback')
      .description('import logged interactions with user feedback from a JSONL file (one interaction per line); exit 1 if any line is bad')
      .argument('<file>', 'JSONL file: {session_id, timestamp, query, intent?, tools?, workflow?, feedback?, modifications?, execution_success?}')
      .option('--json', 'print the summary as JSON'),
  ).action(async (file: string, opts: { db: string; json?: boolean }) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      fail(`${file}: no such file`);
    }
    if (!stat.isFile()) fail(`${file}: not a file`);
    const ctx = openContext(opts.db);
    try {
      const progress = stderrProgress('import-feedback');
      const summary = await importFeedback(ctx.db, file, {
        kb: loadKnowledge(),
        onProgress: opts.json ? undefined : (done, total) => progress(done, total, 'bytes'),
      });
      if (opts.json) process.stdout.write(`${JSON.stringify({ file, ...summary }, null, 2)}\n`);
      else {
        process.stdout.write(
          `${file}: ${summary.lines} lines, ${summary.imported} imported, ${summary.duplicates} duplicates, ` +
            `${summary.errorCount} bad, ${summary.examples} examples created\n`,
        );
        for (const e of summary.errors.slice(0, SHOWN_ERRORS)) process.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
        if (summary.errorCount > SHOWN_ERRORS) process.stderr.write(`... and ${summary.errorCount - SHOWN_ERRORS} more bad lines\n`);
      }
      process.exitCode = summary.errorCount > 0 ? 1 : 0;
    } finally {
      ctx.close();
    }
  });
}
