import path from 'node:path';
import type { Command } from 'commander';
import type { AppContext } from '../../app/context';
import { createBundle, DEFAULT_BUNDLE_FILTER, parseBundleFilter } from '../../bundle/create';
import { BundleError } from '../../bundle/format';
import { type MergeReport, mergeDecisions } from '../../bundle/merge';
import { addDbOption, fail, openContext } from '../common';
import { formatTable } from '../format-table';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const kappaText = (k: number | null): string => (k === null ? 'n/a' : (Math.round(k * 1000) / 1000 + 0).toFixed(3));
const SHOWN_CONFLICTS = 30;

export function formatMergeReport(r: MergeReport): string {
  const out: string[] = [];
  out.push(
    formatTable(
      ['decisions file', 'reviewer', 'bundle', 'purpose', 'decisions'],
      r.files.map((f) => [path.basename(f.file), f.reviewer, f.bundle_id.slice(0, 8), f.purpose, f.decisions]),
    ),
  );
  out.push('');
  if (r.pairs.length) {
    out.push(
      formatTable(
        ['reviewer pair', 'shared', 'action agreement', "Cohen's kappa", 'both edited'],
        r.pairs.map((p) => [`${p.a} / ${p.b}`, p.shared, pct(p.actionAgreement), kappaText(p.kappa), p.bothEdited]),
      ),
    );
    out.push('');
  } else out.push('one reviewer: no agreement statistics', '');
  if (r.fields.length) {
    out.push(
      formatTable(
        ['edited field', 'compared', 'agreed', 'agreement'],
        r.fields.map((f) => [f.field, f.compared, f.agreed, pct(f.compared ? f.agreed / f.compared : null)]),
      ),
    );
    out.push('');
  }
  out.push(
    formatTable(
      ['items decided', 'applied (agreed)', 'already applied', 'conflicts', 'below min reviewers', 'missing'],
      [[r.items, r.applied, r.alreadyApplied, r.conflicts.length, r.belowMinReviewers, r.missing.length]],
    ),
  );
  if (r.conflicts.length) {
    out.push('', `conflicts (set to needs_review):`);
    out.push(
      formatTable(
        ['item', 'decisions', 'input'],
        r.conflicts
          .slice(0, SHOWN_CONFLICTS)
          .map((c) => [c.id, c.decisions.map((d) => `${d.reviewer}=${d.action}`).join(' '), c.input.replace(/\s+/g, ' ').slice(0, 60)]),
      ),
    );
    if (r.conflicts.length > SHOWN_CONFLICTS) out.push(`... and ${r.conflicts.length - SHOWN_CONFLICTS} more (use --json for all)`);
  }
  if (r.conflictsBundle) out.push('', `adjudication bundle: ${r.conflictsBundle.file} (${r.conflictsBundle.items} items, bundle ${r.conflictsBundle.bundle_id})`);
  return `${out.join('\n')}\n`;
}

/** Runs a bundle command on the store: a refused bundle or decisions file is a one-line error and exit code 1. */
function withStore(dbPath: string, run: (ctx: AppContext) => void): void {
  const ctx = openContext(dbPath);
  try {
    run(ctx);
  } catch (err) {
    if (!(err instanceof BundleError)) throw err;
    process.stderr.write(`biotrain: ${err.message}\n`);
    process.exitCode = 1;
  } finally {
    ctx.close();
  }
}

function positiveInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) fail(`${name} must be a positive integer, got '${v}'`, 2);
  return n;
}

export function registerBundle(program: Command): void {
  const bundle = program.command('bundle').description('review bundles (.btbundle) for outside reviewers: create, then merge their decisions');

  addDbOption(
    bundle
      .command('create')
      .description('write the selected examples, with the review guidelines, to a .btbundle file (recorded in the store for merge)')
      .requiredOption('--out <file>', 'bundle file to write, e.g. review-1.btbundle')
      .option('--filter <spec>', "'all' or key=value[,key=value] with keys status, kind, analysis_type, split", DEFAULT_BUNDLE_FILTER)
      .option('--limit <n>', 'at most this many items (in store order)')
      .option('--gzip', 'gzip-compress the bundle')
      .option('--force', 'replace the --out file if it exists (never the store)')
      .option('--created-by <name>', 'creator recorded in the manifest (default: the OS user)')
      .option('--guidelines <file>', 'review guidelines markdown (default: resources/review-guidelines.md)')
      .option('--json', 'print the manifest as JSON'),
  ).action((opts: { db: string; out: string; filter: string; limit?: string; gzip?: boolean; force?: boolean; createdBy?: string; guidelines?: string; json?: boolean }) => {
    const limit = opts.limit === undefined ? undefined : positiveInt(opts.limit, '--limit');
    let filter: ReturnType<typeof parseBundleFilter>;
    try {
      filter = parseBundleFilter(opts.filter);
    } catch (err) {
      fail((err as Error).message, 2);
    }
    withStore(opts.db, (ctx) => {
      const b = createBundle(ctx, { out: opts.out, force: opts.force, filter, limit, gzip: opts.gzip, createdBy: opts.createdBy, guidelinesFile: opts.guidelines });
      if (opts.json) process.stdout.write(`${JSON.stringify({ file: path.resolve(opts.out), manifest: b.manifest }, null, 2)}\n`);
      else {
        process.stdout.write(
          `${opts.out}: bundle ${b.manifest.bundle_id}, ${b.manifest.item_count} items (filter ${opts.filter}), items sha256 ${b.manifest.items_sha256.slice(0, 16)}…\n` +
            `Send it to reviewers; each runs \`biotrain serve --review ${path.basename(opts.out)} --reviewer NAME\` (or the app with --review) ` +
            `and returns ${path.basename(opts.out)}.NAME.decisions.json for \`biotrain bundle merge\`.\n`,
        );
      }
    });
  });

  addDbOption(
    bundle
      .command('merge')
      .description('merge reviewers\' decisions files: agreed items are applied, conflicts are set to needs_review and listed')
      .argument('<decisions...>', '<bundle>.<reviewer>.decisions.json files')
      .option('--conflicts-out <file>', 'write the conflicting items as an adjudication bundle')
      .option('--min-reviewers <n>', 'apply an item only when at least this many reviewers decided it', '1')
      .option('--gzip', 'gzip-compress the adjudication bundle')
      .option('--force', 'replace the --conflicts-out file if it exists (never the store)')
      .option('--json', 'print the merge report as JSON'),
  ).action((files: string[], opts: { db: string; conflictsOut?: string; minReviewers: string; gzip?: boolean; force?: boolean; json?: boolean }) => {
    const minReviewers = positiveInt(opts.minReviewers, '--min-reviewers');
    withStore(opts.db, (ctx) => {
      const report = mergeDecisions(ctx, files, { minReviewers, conflictsOut: opts.conflictsOut, force: opts.force, gzip: opts.gzip });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatMergeReport(report));
    });
  });
}
