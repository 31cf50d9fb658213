import type { Command } from 'commander';
import { nearDuplicateClusters } from '../../pipeline/clusters';
import { addDbOption, fail, openContext } from '../common';

export function registerClusters(program: Command): void {
  addDbOption(
    program
      .command('clusters')
      .description("list a build's near-duplicate clusters (MinHash LSH) with their members, largest first")
      .option('--build <id>', 'build id or unique prefix (default: the latest build)')
      .option('--limit <n>', 'how many clusters', '20')
      .option('--json', 'print as JSON'),
  ).action((opts: { db: string; build?: string; limit: string; json?: boolean }) => {
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a positive integer, got '${opts.limit}'`, 2);
    const ctx = openContext(opts.db);
    try {
      const builds = ctx.db
        .prepare(opts.build ? 'SELECT id FROM builds WHERE id LIKE ? ORDER BY created_at DESC' : 'SELECT id FROM builds ORDER BY created_at DESC LIMIT 1')
        .pluck()
        .all(...(opts.build ? [`${opts.build}%`] : [])) as string[];
      if (builds.length === 0) fail(opts.build ? `no build matches '${opts.build}'` : 'no build yet: run `biotrain build` first');
      if (builds.length > 1) fail(`'${opts.build}' matches ${builds.length} builds; give more of the id`, 2);
      const result = nearDuplicateClusters(ctx.db, builds[0]!, limit);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ build: builds[0], ...result }, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `build ${builds[0]}: ${result.total} near-duplicate clusters (clusters are transitive; no directly similar pair spans two splits)\n`,
      );
      for (const c of result.clusters) {
        process.stdout.write(`\ncluster ${c.cluster}: ${c.size} members, kept in ${c.splits.join(', ') || 'no split'}\n`);
        for (const m of c.members)
          process.stdout.write(`  ${(m.split ?? `excluded: ${m.excluded}`).padEnd(36)} ${m.id.padEnd(34)} ${m.input.replace(/\s+/g, ' ')}\n`);
      }
    } finally {
      ctx.close();
    }
  });
}
