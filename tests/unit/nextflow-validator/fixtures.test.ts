import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics, includeCandidates, lintPaths, lintProject, lintSource } from '../../../src-main/nextflow-validator/index';
import { tempDir } from '../../support/serve';

const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/nextflow/nf-core-rnaseq');
const fixtureNames = fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.nf')).sort();

/**
 * The fixtures are stored flat (original path with '/' replaced by '_'); this maps a flat name back to the
 * path it had in nf-core/rnaseq, so `include` statements between fixture files resolve as they do upstream.
 */
function originalPath(flat: string): string {
  if (flat === 'main.nf') return 'main.nf';
  const stem = flat.replace(/_main\.nf$/, '');
  const module = /^modules_nf-core_(.+)$/.exec(stem);
  // nf-core module dirs are tool or tool/subtool; no tool name in this set contains '_'
  if (module) return `modules/nf-core/${module[1]!.replace('_', '/')}/main.nf`;
  const sub = /^subworkflows_(local|nf-core)_(.+)$/.exec(stem);
  if (sub) return `subworkflows/${sub[1]}/${sub[2]}/main.nf`;
  const wf = /^workflows_(.+)$/.exec(stem);
  if (wf) return `workflows/${wf[1]}/main.nf`;
  throw new Error(`unexpected fixture name ${flat}`);
}

const tree: Record<string, string> = {};
for (const f of fixtureNames) tree[originalPath(f)] = fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8');

/** Include paths (as written) in `file` whose target is one of the fixture files. */
function resolvableIncludes(file: string): string[] {
  const out: string[] = [];
  for (const m of tree[file]!.matchAll(/^include\s*\{[^}]*\}\s*from\s*'([^']+)'/gm)) {
    if (includeCandidates(file, m[1]!).some((c) => tree[c] !== undefined)) out.push(m[1]!);
  }
  return out;
}

/** include-not-found is expected only for modules that were not copied into the fixture set. */
function unexpectedErrors(result: ReturnType<typeof lintProject>, treeRoot = '') {
  return result.diagnostics.filter((d) => {
    if (d.severity !== 'error') return false;
    if (d.rule !== 'include-not-found') return true;
    const m = /cannot find the module '([^']+)'/.exec(d.message);
    const from = path.relative(treeRoot, d.file).split(path.sep).join('/');
    return !m || includeCandidates(treeRoot ? from : d.file, m[1]!).some((c) => tree[c] !== undefined);
  });
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

describe('nf-core/rnaseq fixtures', () => {
  it('holds the expected 30 real files', () => {
    expect(fixtureNames).toHaveLength(30);
    expect(Object.keys(tree)).toHaveLength(30);
  });

  it.each(fixtureNames)('%s lints with zero errors on its own', (name) => {
    const result = lintSource(fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8'), name);
    expect(result.errorCount, formatDiagnostics(result)).toBe(0);
    expect(result.errorCount + result.warningCount).toBe(result.diagnostics.length);
  });

  it('lintPaths on the fixture directory reports no error but unresolvable includes', () => {
    const result = lintPaths([FIXTURE_DIR]);
    // flat names cannot satisfy any relative include, so only include-not-found may appear
    const other = result.diagnostics.filter((d) => d.severity === 'error' && d.rule !== 'include-not-found');
    expect(other, formatDiagnostics(result)).toEqual([]);
    // ...and they do appear: the flat copy is why the rebuilt tree below is the zero-error check with includes
    expect(result.diagnostics.some((d) => d.rule === 'include-not-found')).toBe(true);
  });

  it('the rebuilt upstream tree lints with zero errors, resolving includes between fixture files', () => {
    // the tree resolves real includes: main.nf -> workflows/rnaseq, subworkflows -> modules, ...
    const resolved = Object.keys(tree).reduce((n, f) => n + resolvableIncludes(f).length, 0);
    expect(resolved).toBeGreaterThanOrEqual(10);
    const result = lintProject(tree, 'main.nf');
    expect(unexpectedErrors(result), formatDiagnostics(result)).toEqual([]);
  });

  it('lintPaths on the rebuilt tree on disk agrees (includes resolve on disk)', () => {
    const root = tempDir('biotrain-nf-fixtures-');
    temps.push(root);
    for (const [rel, text] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    const result = lintPaths([root]);
    expect(unexpectedErrors(result, root), formatDiagnostics(result)).toEqual([]);
    // a resolved include is checked: renaming an imported name in the tree is caught
    fs.writeFileSync(path.join(root, 'main.nf'), tree['main.nf']!.replace('include { RNASEQ ', 'include { RNASEQX '));
    expect(lintPaths([path.join(root, 'main.nf')]).diagnostics.map((d) => d.rule)).toContain('include-name-not-found');
  });
});
