// Runs every bench script in bench/ (*.bench.ts via tsx, *.bench.mjs via node), each printing figures and
// one final JSON line `{"bench": name, ...figures}`; collects those lines into bench/results.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(dir, '..');
const only = process.argv[2];
const scripts = fs
  .readdirSync(dir)
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => !only || f.includes(only))
  .sort();
// the project's Node (devDependency `node`, >= 22 as better-sqlite3 needs), also when this file is run by an older one
const projectNode = path.join(root, 'node_modules/node/bin/node');
const node = fs.existsSync(projectNode) ? projectNode : process.execPath;
const results = {};
for (const script of scripts) {
  const file = path.join(dir, script);
  const cmd = script.endsWith('.ts') ? [node, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), file]] : [node, [file]];
  process.stderr.write(`\n== ${script}\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd[0], cmd[1], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout);
  const last = r.stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  results[script] = { exitCode: r.status, seconds: (Date.now() - t0) / 1000, ...(last ? JSON.parse(last) : {}) };
}
fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write(`\nwrote bench/results.json (${scripts.length} benches)\n`);
