import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLI, REPO, runCli, tempDir } from '../../support/serve';

/** Starts `build`, SIGKILLs it once it reports the pipeline's write phase (build rows being written). */
function buildAndKill(dbPath: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, 'build', '--scale', '0.03', '--db', dbPath, '--out', out], { cwd: REPO });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/^(write|export)/m.test(stderr) && p.exitCode === null) p.kill('SIGKILL');
    });
    p.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`build ended before the kill (code ${code}): ${stderr}`))));
  });
}

describe('a build killed with SIGKILL', () => {
  it('is marked error at the next open of the store, its partial rows removed, the export folder untouched; the next build cleans up after it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    const out = path.join(dir, 'dataset');
    await buildAndKill(db, out);
    const mid = new Database(db, { readonly: true });
    const killed = mid.prepare("SELECT id FROM builds WHERE status = 'running'").pluck().get() as string;
    mid.close();
    expect(killed).toMatch(/^[0-9a-f-]{36}$/);
    expect(fs.existsSync(out)).toBe(false);

    // any process opening the store (here `parse --log`) finds the build's owner gone
    const parse = await runCli(['parse', '--log', '--db', db], { input: 'rna-seq of mouse liver\n' });
    expect(parse.code, parse.stderr).toBe(0);
    const after = new Database(db, { readonly: true });
    const row = after.prepare('SELECT status, quality_report FROM builds WHERE id = ?').get(killed) as { status: string; quality_report: string };
    expect(row.status).toBe('error');
    expect(JSON.parse(row.quality_report).error).toMatch(/^interrupted: the build's process stopped before it finished \(process \d+ on .*\); its partial rows were removed/);
    expect(after.prepare('SELECT COUNT(*) FROM build_items WHERE build_id = ?').pluck().get(killed)).toBe(0);
    after.close();
    expect(fs.readdirSync(dir).filter((f) => f.includes('.biotrain-')).length).toBeLessThanOrEqual(1);

    // the next build into the same folder removes whatever staging folder the killed one left
    const again = await runCli(['build', '--scale', '0.03', '--db', db, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.biotrain-'))).toEqual([]);
    expect(fs.existsSync(path.join(out, 'metadata', 'manifest.json'))).toBe(true);
  });
});
