import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { AppContext } from '../../app/context';
import { startBridge } from '../../bridge/server';
import { BundleError } from '../../bundle/format';
import { openReviewContext, sessionOf } from '../../bundle/reviewer';
import { addDbOption, fail, openContext } from '../common';
import { rendererDir } from '../../app/paths';

export function registerServe(program: Command): void {
  addDbOption(
    program
      .command('serve')
      .description('serve the app in a browser: loopback HTTP bridge on 127.0.0.1 with a per-run token')
      .option('--port <n>', 'port (0 = any free port)', '0')
      .option('--token <t>', 'use this token instead of a random one (tests)')
      .option('--no-open-hint', 'do not print the browser hint')
      .option('--review <bundle>', 'reviewer mode: review the items of this .btbundle (the --db store is not used)')
      .option('--reviewer <name>', 'reviewer name recorded with every decision (review mode; default: the OS user)')
      .option('--decisions <file>', 'decisions file (review mode; default <bundle>.<reviewer>.decisions.json)'),
  ).action(async (opts: { db: string; port: string; token?: string; review?: string; reviewer?: string; decisions?: string }) => {
    const staticDir = rendererDir();
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) fail(`the renderer is not built (${staticDir}); run \`npm run build\``);
    let ctx: AppContext;
    if (opts.review) {
      try {
        ctx = openReviewContext({ bundlePath: opts.review, reviewer: opts.reviewer, decisionsPath: opts.decisions });
      } catch (err) {
        if (err instanceof BundleError) fail(err.message);
        throw err;
      }
      const s = sessionOf(ctx)!;
      process.stderr.write(`Reviewing ${s.bundle.manifest.item_count} items of bundle ${s.bundle.manifest.bundle_id} as ${s.reviewer}; decisions go to ${s.decisionsPath}\n`);
    } else {
      if (opts.reviewer || opts.decisions) fail('--reviewer and --decisions need --review <bundle>', 2);
      ctx = openContext(opts.db, 'studio');
    }
    const bridge = await startBridge({ ctx, port: Number(opts.port), staticDir, token: opts.token, log: (l) => process.stderr.write(`${l}\n`) });
    process.stdout.write(`${JSON.stringify({ url: bridge.url, port: bridge.port, token: bridge.token })}\n`);
    process.stderr.write(`Biotrain ${ctx.mode} mode on ${bridge.url}#token=${bridge.token}\nOpen that address in a browser. Ctrl+C stops.\n`);
    const stop = async () => {
      await bridge.close();
      ctx.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
