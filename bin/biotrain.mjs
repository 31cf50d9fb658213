#!/usr/bin/env node
// Launcher: runs the built CLI on Node >= 22 (better-sqlite3's Node-API build needs it). When the node on
// PATH is older, re-executes with the Node 22 that npm installed into node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'main', 'cli.js');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const node22 = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!fs.existsSync(node22)) {
    console.error(`biotrain needs Node >= 22 (found ${process.version}); run \`npm ci\` in ${root} to install it.`);
    process.exit(1);
  }
  const { runWith } = await import('./reexec.mjs');
  runWith(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)]);
} else {
  if (!fs.existsSync(cli)) {
    console.error(`biotrain is not built: run \`npm run build\` in ${root} first.`);
    process.exit(1);
  }
  warnIfStale();
  await import(pathToFileURL(cli).href);
}

/** A clone whose sources changed after `npm run build` runs the older build: say so (packaged copies ship no sources). */
function warnIfStale() {
  const built = fs.statSync(cli).mtimeMs;
  const newer = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        const found = newer(p);
        if (found) return found;
      } else if (/\.tsx?$/.test(e.name) && fs.statSync(p).mtimeMs > built) return p;
    }
    return null;
  };
  const found = newer(path.join(root, 'src-main')) ?? newer(path.join(root, 'src-preload'));
  if (found)
    console.error(
      `biotrain: warning: ${path.relative(root, cli)} is older than ${path.relative(root, found)}: the CLI runs the last build, not these sources; run \`npm run build\`.`,
    );
}
