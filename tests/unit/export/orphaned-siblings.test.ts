import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshSibling, sweepOrphanedSiblings } from '../../../src-main/export/replace-dir';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function parentWithOut(): { parent: string; out: string } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-orphans-'));
  made.push(parent);
  return { parent, out: path.join(parent, 'dataset') };
}

/** The pid of a process that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

function folder(dir: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('sweepOrphanedSiblings: what killed exports leave next to the output folder', () => {
  it("removes a staging folder whose process is gone and says so; keeps this process's own", () => {
    const { parent, out } = parentWithOut();
    const pid = deadPid();
    const orphan = folder(path.join(parent, `.dataset.biotrain-export-${pid}-1733000000000-Ab12Cd`), { 'train/a.jsonl': '{}\n' });
    const live = freshSibling(out, 'export');
    expect(path.basename(live).startsWith(`.dataset.biotrain-export-${process.pid}-`)).toBe(true);

    expect(sweepOrphanedSiblings(out)).toEqual([`removed ${orphan}, left by an export whose process (${pid}) stopped before it finished`]);
    expect(fs.readdirSync(parent)).toEqual([path.basename(live)]);
  });

  it('treats a reused pid (this process, another start time) as gone', () => {
    const { parent, out } = parentWithOut();
    const orphan = folder(path.join(parent, `.dataset.biotrain-export-${process.pid}-1000-Zz99Yy`), { 'x.jsonl': '' });
    expect(sweepOrphanedSiblings(out)).toEqual([`removed ${orphan}, left by an export whose process (${process.pid}) stopped before it finished`]);
    expect(fs.existsSync(orphan)).toBe(false);
  });

  it('moves back a previous export that a swap killed midway had moved aside (the output folder is absent)', () => {
    const { parent, out } = parentWithOut();
    const trash = folder(path.join(parent, `.dataset.biotrain-previous-${deadPid()}-1733000000000-Qq11Ww`), { 'previous/manifest.json': '{"m":1}' });
    expect(sweepOrphanedSiblings(out)).toEqual([
      `restored the previous export into ${out} from ${trash}, left by an export that was killed while swapping folders`,
    ]);
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe('{"m":1}');
    expect(fs.readdirSync(parent)).toEqual(['dataset']);
  });

  it('removes the aside copy once the new export is in place, and leaves other folders and other outputs alone', () => {
    const { parent, out } = parentWithOut();
    folder(out, { 'manifest.json': '{"new":1}' });
    const pid = deadPid();
    const trash = folder(path.join(parent, `.dataset.biotrain-previous-${pid}-1733000000000-Ee33Rr`), { 'previous/manifest.json': '{"old":1}' });
    folder(path.join(parent, `.other.biotrain-export-${pid}-1733000000000-Tt44Yy`), { 'a.jsonl': '' });
    folder(path.join(parent, '.dataset.biotrain-export-notapid'), { 'a.jsonl': '' });
    expect(sweepOrphanedSiblings(out)).toEqual([`removed ${trash}, left by an export whose process (${pid}) stopped before it finished`]);
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe('{"new":1}');
    expect(fs.readdirSync(parent).sort()).toEqual(['.dataset.biotrain-export-notapid', `.other.biotrain-export-${pid}-1733000000000-Tt44Yy`, 'dataset']);
  });
});
