import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, REPO, tempDir } from '../../support/serve';

/** Whether anything accepts a TCP connection on 127.0.0.1:port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

// bin/biotrain.mjs re-executes itself under node_modules' Node 22 when the node on PATH is older, through
// bin/reexec.mjs. Here a real launcher process runs the real `serve` through it and is sent SIGTERM.
describe('the launcher re-executing the CLI under another node', () => {
  it('passes SIGTERM on to the real server and ends as it ended: nothing is left listening', async () => {
    const db = path.join(tempDir(), 'store.sqlite');
    const script = `import { runWith } from ${JSON.stringify(path.join(REPO, 'bin', 'reexec.mjs'))};
runWith(process.execPath, [${JSON.stringify(CLI)}, 'serve', '--db', ${JSON.stringify(db)}]);`;
    const launcher = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => launcher.on('exit', (code, signal) => resolve({ code, signal })));
    const info = await new Promise<{ url: string; port: number; token: string }>((resolve, reject) => {
      let buf = '';
      launcher.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
      });
      launcher.on('exit', (code) => reject(new Error(`launcher exited early (${code})`)));
    });
    const res = await fetch(`${info.url}api/app.info`, { method: 'POST', headers: { authorization: `Bearer ${info.token}` }, body: '{}' });
    expect(res.status).toBe(200);
    expect(await listening(info.port)).toBe(true);

    launcher.kill('SIGTERM');
    const end = await exited;
    // the server closes on SIGTERM and exits 0; the launcher exits with its code
    expect(end).toEqual({ code: 0, signal: null });
    expect(await listening(info.port)).toBe(false);
  });
});

// A clone whose sources changed after `npm run build` runs an older CLI than its sources: the launcher says so.
describe('the launcher on a build older than its sources', () => {
  const fakeRoot = (srcNewer: boolean) => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'bin'));
    for (const f of ['biotrain.mjs', 'reexec.mjs']) fs.copyFileSync(path.join(REPO, 'bin', f), path.join(root, 'bin', f));
    fs.mkdirSync(path.join(root, 'out', 'main'), { recursive: true });
    fs.writeFileSync(path.join(root, 'out', 'main', 'cli.js'), 'console.log("cli ran");\n');
    fs.mkdirSync(path.join(root, 'src-main', 'knowledge'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src-main', 'knowledge', 'load.ts'), 'export {};\n');
    const built = new Date('2026-01-01T10:00:00Z');
    const src = new Date(srcNewer ? '2026-01-01T11:00:00Z' : '2026-01-01T09:00:00Z');
    fs.utimesSync(path.join(root, 'out', 'main', 'cli.js'), built, built);
    fs.utimesSync(path.join(root, 'src-main', 'knowledge', 'load.ts'), src, src);
    return root;
  };
  const run = (root: string) => spawnSync(process.execPath, [path.join(root, 'bin', 'biotrain.mjs')], { encoding: 'utf8' });

  it('warns on stderr, naming the newer source file and the command to run, and still runs the CLI', () => {
    const r = run(fakeRoot(true));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('cli ran\n');
    expect(r.stderr).toBe(
      `biotrain: warning: out/main/cli.js is older than src-main/knowledge/load.ts: the CLI runs the last build, not these sources; run \`npm run build\`.\n`,
    );
  });

  it('says nothing when the build is newer than every source', () => {
    const r = run(fakeRoot(false));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('cli ran\n');
    expect(r.stderr).toBe('');
  });
});
