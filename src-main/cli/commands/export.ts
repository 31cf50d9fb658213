import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SplitConfigSchema } from '../../../src-preload/schemas/build';
import { ExportSettingsSchema } from '../../app/settings';
import { checkExport, type ExportCheck, formatProblem } from '../../export/check-export';
import { runExport } from '../../export/run-export';
import { loadKnowledge } from '../../knowledge/load';
import type { Db } from '../../store/db';
import { addDbOption, fail, openContext, stderrProgress } from '../common';

interface BuildRow {
  id: string;
  status: string;
  seed: number;
  config: string;
  quality_report: string | null;
  created_at: string;
}

export function registerExport(program: Command): void {
  addDbOption(
    program
      .command('export')
      .description('re-export a recorded build from the store (every format) and verify it, or only verify an export folder')
      .option('--out <dir>', 'folder to write the export to (replaced as a whole once complete)')
      .option('--build <id>', 'build to export (id or unique id prefix); default: the latest passed build')
      .option('--check <dir>', 'only verify an existing export folder; exit 1 on any problem')
      .option('--license <id>', "the dataset licence for the card and dataset_info.json (a Hub licence id, e.g. apache-2.0, cc-by-4.0); kept as a setting of the store ('unknown' until chosen)"),
  ).action(async (opts: { db: string; out?: string; build?: string; check?: string; license?: string }) => {
    if (opts.check !== undefined) {
      if (opts.out !== undefined || opts.build !== undefined || opts.license !== undefined)
        fail('--check verifies a folder; it does not take --out, --build or --license', 2);
      const dir = path.resolve(opts.check);
      const result = await checkExport(dir);
      report(dir, result);
      if (!result.ok) fail(`${result.problems.length} problem(s) in ${dir}`);
      return;
    }
    if (opts.out === undefined) fail('give --out <dir> to export, or --check <dir> to verify an export', 2);
    const dbPath = path.resolve(opts.db);
    if (!fs.existsSync(dbPath)) fail(`no Biotrain store at ${dbPath} (--db)`);
    const outDir = path.resolve(opts.out);
    const license = opts.license === undefined ? null : ExportSettingsSchema.shape.license.safeParse(opts.license);
    if (license && !license.success) fail(`--license ${opts.license}: ${license.error.issues[0]?.message}`, 2);
    const ctx = openContext(dbPath);
    if (license?.success) ctx.settings.set('export', { ...ctx.settings.exportSettings(), license: license.data });
    let build: BuildRow;
    let counts: { train: number; val: number; test: number };
    try {
      build = findBuild(ctx.db, opts.build);
      if (build.status === 'failed') process.stderr.write(`biotrain: note: build ${build.id} failed its quality gates; exporting it as recorded\n`);
      const splitConfig = SplitConfigSchema.parse(JSON.parse(build.config));
      const qualityReport: unknown = build.quality_report ? JSON.parse(build.quality_report) : null;
      const progress = stderrProgress('export'.padEnd(24));
      const manifest = await runExport(ctx.db, loadKnowledge(), { buildId: build.id, outDir, splitConfig, qualityReport }, (p) =>
        p.phase === 'cleanup' ? process.stderr.write(`biotrain: note: ${p.message}\n`) : progress(p.done, p.total),
      );
      counts = manifest.counts;
    } finally {
      ctx.close();
    }
    process.stdout.write(
      `exported build ${build.id} (${build.status}, seed ${build.seed}, ${build.created_at}) to ${outDir}\n` +
        `  train ${counts.train}, val ${counts.val}, test ${counts.test}\n`,
    );
    const result = await checkExport(outDir);
    report(outDir, result);
    if (!result.ok) fail(`the export in ${outDir} has ${result.problems.length} problem(s)`);
  });
}

function report(dir: string, result: ExportCheck): void {
  if (result.ok) {
    const files = Object.keys(result.rows).length;
    process.stdout.write(
      `check: ok — ${dir}: train ${result.counts.train}, val ${result.counts.val}, test ${result.counts.test} rows; ${files} data files verified\n`,
    );
  } else {
    process.stdout.write(`check: ${result.problems.length} problem(s) in ${dir}\n`);
    for (const p of result.problems) process.stdout.write(`  ${formatProblem(p)}\n`);
  }
}

function findBuild(db: Db, id: string | undefined): BuildRow {
  const cols = 'id, status, seed, config, quality_report, created_at';
  if (id === undefined) {
    const row = db
      .prepare(`SELECT ${cols} FROM builds WHERE kind = 'build' AND status = 'passed' ORDER BY created_at DESC, rowid DESC LIMIT 1`)
      .get() as BuildRow | undefined;
    if (!row) fail('the store has no passed build: run `biotrain build` first, or name a build with --build');
    return row;
  }
  const rows = db.prepare(`SELECT ${cols} FROM builds WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 3`).all(id, `${id.replace(/[\\%_]/g, '\\$&')}%`) as BuildRow[];
  const exact = rows.find((r) => r.id === id);
  const row = exact ?? (rows.length === 1 ? rows[0] : undefined);
  if (!row) fail(rows.length === 0 ? `no build ${id} in the store` : `--build ${id} matches several builds (${rows.map((r) => r.id).join(', ')}…)`);
  if (row.status !== 'passed' && row.status !== 'failed') fail(`build ${row.id} has status ${row.status}: only completed builds can be exported`);
  return row;
}
