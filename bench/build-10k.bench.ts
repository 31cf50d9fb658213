// The whole headless build at plan scale (~10,000 examples): `./bin/biotrain.mjs build --db <tmp> --out <tmp>`
// as a child process; wall time and the child's peak RSS (`/usr/bin/time -v` when present, else polling
// VmHWM in /proc/<pid>/status), and the example counts of the build's metadata/quality_report.json.
// SCALE=0.1 for a quick run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!fs.existsSync(path.join(root, 'out', 'main', 'cli.js'))) {
  console.error('out/main/cli.js is missing: run `npm run build` first.');
  process.exit(1);
}
const scale = process.env.SCALE ?? '1';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-bench-build-'));
const dbPath = path.join(dir, 'build.sqlite');
const outDir = path.join(dir, 'training');
const cliArgs = [path.join(root, 'bin', 'biotrain.mjs'), 'build', '--db', dbPath, '--out', outDir, '--scale', scale];
const TIME = '/usr/bin/time';
const useTime = fs.existsSync(TIME);

/** VmHWM (peak RSS) of a process in kB, or 0 when it has gone. */
function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const t0 = performance.now();
const child = useTime
  ? spawn(TIME, ['-v', process.execPath, ...cliArgs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  : spawn(process.execPath, cliArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let stdout = '';
let stderr = '';
child.stdout.on('data', (d: Buffer) => (stdout += d));
child.stderr.on('data', (d: Buffer) => (stderr += d));
// polling fallback: with /usr/bin/time the node process is a grandchild, so poll only without it
let polledKb = 0;
const poll = useTime ? null : setInterval(() => (polledKb = Math.max(polledKb, vmHwmKb(child.pid!))), 100);
const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
if (poll) clearInterval(poll);
const seconds = (performance.now() - t0) / 1000;

const timeKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
const peakRssMb = Math.round((useTime ? timeKb : polledKb) / 1024);
const reportFile = path.join(outDir, 'metadata', 'quality_report.json');
if (!fs.existsSync(reportFile)) {
  console.error(stderr.split('\n').slice(-30).join('\n'));
  console.error(`build exited ${code} without ${reportFile}`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
  passed: boolean;
  counts: { total: number; kept: number; splits: Record<string, number> };
};
const { total, kept, splits } = report.counts;
console.log(stdout.trim());
console.log(
  `build (scale ${scale}): exit ${code}, ${seconds.toFixed(1)} s wall, peak RSS ${peakRssMb} MB (${useTime ? '/usr/bin/time -v' : 'VmHWM polling'}); ` +
    `${total} examples, ${kept} kept (train ${splits.train}, val ${splits.val}, test ${splits.test}), gates ${report.passed ? 'passed' : 'failed'}`,
);
console.log(
  JSON.stringify({
    bench: 'build-10k',
    name: 'build-10k',
    scale: Number(scale),
    exitCode: code,
    seconds: Number(seconds.toFixed(2)),
    peakRssMb,
    examples: total,
    kept,
    splits,
    passed: report.passed,
  }),
);
fs.rmSync(dir, { recursive: true, force: true });
