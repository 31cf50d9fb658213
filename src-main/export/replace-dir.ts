import fs from 'node:fs';
import path from 'node:path';
import { ManifestSchema } from './manifest';
import { filesBelow } from '../util/files-below';
import { HF_CACHE_FILE } from './formats/hf';
import { PATHS } from './layout';
import { currentOwner, ownerAlive } from '../jobs/owner';

export class ExportError extends Error {}

/** The files an earlier export wrote (its manifest is Biotrain's marker), or null when `dir` holds none. */
function exportedFiles(dir: string): Set<string> | null {
  try {
    const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, PATHS.manifest), 'utf8')));
    return new Set([PATHS.manifest, ...manifest.files.map((f) => f.path)]);
  } catch {
    return null;
  }
}

const isInside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * An export replaces `outDir` as a whole, so it must be absent, an empty folder, or an earlier export that
 * holds nothing but the files its manifest lists. A file, a folder of other data, a folder holding the store or
 * an export the user added files to is refused (naming what would be lost), never deleted.
 */
export function assertReplaceable(outDir: string, storePath: string | null): void {
  const store = storePath ? path.resolve(storePath) : null;
  if (store && (store === outDir || isInside(store, outDir)))
    throw new ExportError(`refusing to export to ${outDir}: it holds the Biotrain store ${store}. Choose another folder (--out).`);
  if (!fs.existsSync(outDir)) return;
  if (!fs.statSync(outDir).isDirectory()) throw new ExportError(`cannot export to ${outDir}: it is a file, not a folder. Choose a folder (--out).`);
  const entries = filesBelow(outDir);
  if (entries.length === 0) return;
  const ours = exportedFiles(outDir);
  if (!ours)
    throw new ExportError(
      `refusing to replace ${outDir}: it is not empty and holds no Biotrain export (${PATHS.manifest}). Choose a new or empty folder (--out).`,
    );
  // the cache-*.arrow files datasets writes next to a loaded split are its own, rebuilt on demand
  const foreign = entries.filter((e) => !ours.has(e) && !HF_CACHE_FILE.test(e));
  if (foreign.length > 0)
    throw new ExportError(
      `refusing to replace ${outDir}: it holds ${foreign.length} file(s) the export did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}). Move them away or choose another folder (--out).`,
    );
}

type SiblingPurpose = 'export' | 'previous';

const siblingPrefix = (outDir: string, purpose: SiblingPurpose): string => `.${path.basename(outDir)}.biotrain-${purpose}-`;

/**
 * A fresh, empty sibling folder of `outDir` for one export's files (a unique name: nothing else is touched).
 * Its name carries the owning process (pid and start time), so a later export can tell a folder left by a
 * killed process from one a running export is still writing.
 */
export function freshSibling(outDir: string, purpose: SiblingPurpose): string {
  const owner = currentOwner();
  return fs.mkdtempSync(path.join(path.dirname(outDir), `${siblingPrefix(outDir, purpose)}${owner.pid}-${Date.parse(owner.startedAt)}-`));
}

/**
 * Removes the sibling folders that exports of `outDir` killed before they finished left behind (their
 * process is gone). A killed swap that had moved the previous export aside but not yet moved the new one in
 * leaves `outDir` absent: that previous export is moved back instead of removed. Returns what was done, one
 * sentence per folder.
 */
export function sweepOrphanedSiblings(outDir: string): string[] {
  const parent = path.dirname(outDir);
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return [];
  }
  const done: string[] = [];
  for (const purpose of ['previous', 'export'] as const) {
    const prefix = siblingPrefix(outDir, purpose);
    for (const name of names) {
      const owner = name.startsWith(prefix) ? /^(\d+)-(\d+)-/.exec(name.slice(prefix.length)) : null;
      if (!owner) continue;
      const startedAt = new Date(Number(owner[2])).toISOString();
      if (ownerAlive({ pid: Number(owner[1]), host: currentOwner().host, startedAt }, null)) continue;
      const dir = path.join(parent, name);
      const previous = path.join(dir, 'previous');
      if (purpose === 'previous' && !fs.existsSync(outDir) && fs.existsSync(previous)) {
        fs.renameSync(previous, outDir);
        done.push(`restored the previous export into ${outDir} from ${dir}, left by an export that was killed while swapping folders`);
      } else done.push(`removed ${dir}, left by an export whose process (${owner[1]}) stopped before it finished`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return done;
}

/**
 * Moves the finished export `work` into place. The folder is checked again (it may have changed while the
 * export ran); a previous export is moved into a fresh sibling and removed only once the new one is in place,
 * and restored if the move fails.
 */
export function swapIn(work: string, outDir: string, storePath: string | null): void {
  assertReplaceable(outDir, storePath);
  // absent or empty: rename replaces an empty folder in one step
  if (!fs.existsSync(outDir) || fs.readdirSync(outDir).length === 0) {
    fs.renameSync(work, outDir);
    return;
  }
  const trash = freshSibling(outDir, 'previous');
  const previous = path.join(trash, 'previous');
  fs.renameSync(outDir, previous);
  try {
    fs.renameSync(work, outDir);
  } catch (e) {
    fs.renameSync(previous, outDir);
    fs.rmSync(trash, { recursive: true, force: true });
    throw new ExportError(`cannot move the export into ${outDir}: ${(e as Error).message}`);
  }
  fs.rmSync(trash, { recursive: true, force: true });
}
