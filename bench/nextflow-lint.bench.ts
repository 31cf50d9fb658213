// Nextflow linter throughput: ~1 MB of real nf-core module code (every fixture module, processes renamed so
// the copies do not collide) linted as one file, after a warm-up; plus every fixture file linted separately
// in a loop totalling >= 1 MB. The last line is the JSON figure for the single-file run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintSource } from '../src-main/nextflow-validator/index';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/nextflow/nf-core-rnaseq');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.nf'))
  .sort()
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
const modules = files.filter((f) => f.name.startsWith('modules_'));
const TARGET = Number(process.env.BYTES ?? 1024 * 1024);

const parts: string[] = [];
let bytes = 0;
for (let copy = 0; bytes < TARGET; copy++) {
  for (const m of modules) {
    const text = m.text.replace(/^process (\w+)/m, `process $1_${copy}`);
    parts.push(text);
    bytes += Buffer.byteLength(text) + 1;
    if (bytes >= TARGET) break;
  }
}
const big = parts.join('\n');
const mb = Buffer.byteLength(big) / (1024 * 1024);

const lint = () => lintSource(big, 'bench.nf');
const warm = lint();
if (warm.errorCount) {
  console.error(warm.diagnostics.filter((d) => d.severity === 'error').slice(0, 5));
  throw new Error(`benchmark input should lint clean, got ${warm.errorCount} errors`);
}
const runs = Number(process.env.RUNS ?? 5);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  lint();
  times.push((performance.now() - t0) / 1000);
}
const seconds = times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;

// steady state on the whole fixture corpus in one process: every fixture (modules, subworkflows, workflows)
// linted separately, after warm-up rounds, looped to >= 10 x TARGET; wall and CPU time (the VM is often shared)
const allBytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const loops = Math.ceil((10 * TARGET) / allBytes);
for (let i = 0; i < Math.ceil(loops / 4); i++) for (const f of files) lintSource(f.text, f.name);
const cpu0 = process.cpuUsage();
const t1 = performance.now();
let diagnostics = 0;
for (let i = 0; i < loops; i++) for (const f of files) diagnostics += lintSource(f.text, f.name).diagnostics.length;
const sepSeconds = (performance.now() - t1) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const sepMb = (allBytes * loops) / (1024 * 1024);

console.log(
  `nextflow lint: ${mb.toFixed(2)} MB (${parts.length} processes, one file) in ${seconds.toFixed(3)} s = ${(mb / seconds).toFixed(1)} MB/s (median of ${runs}); ` +
    `corpus steady state: ${files.length} fixture files x ${loops} = ${sepMb.toFixed(2)} MB in ${sepSeconds.toFixed(3)} s = ${(sepMb / sepSeconds).toFixed(1)} MB/s wall, ` +
    `${(sepMb / cpuSeconds).toFixed(1)} MB/s of CPU time (${diagnostics / loops} warnings per round)`,
);
console.log(
  JSON.stringify({
    bench: 'nextflow-lint',
    name: 'nextflow-lint',
    mb: Number(mb.toFixed(2)),
    seconds: Number(seconds.toFixed(3)),
    mbPerSecond: Number((mb / seconds).toFixed(2)),
    corpusMbPerSecond: Number((sepMb / sepSeconds).toFixed(2)),
    corpusCpuMbPerSecond: Number((sepMb / cpuSeconds).toFixed(2)),
  }),
);
