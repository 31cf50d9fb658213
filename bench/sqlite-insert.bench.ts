// SQLite insert throughput of the examples repository (prepared statement, one transaction per batch).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Example } from '../src-preload/schemas/example';
import { makeExample } from '../src-main/generators/example-factory';
import { openStore } from '../src-main/store/db';
import { ExamplesRepo } from '../src-main/store/examples-repo';

const N = Number(process.env.N ?? 200_000);
const BATCH = 5_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-bench-'));
const db = openStore(path.join(dir, 'bench.sqlite'));
const repo = new ExamplesRepo(db);
const make = (i: number): Example =>
  makeExample({
    id: `bench-${i}`,
    kind: 'education',
    groupId: `g-${i % 1000}`,
    baseId: null,
    engine: 'bench',
    category: 'rna_seq',
    analysisType: 'rna_seq_de',
    difficulty: 1 + (i % 3),
    input: `What does tool number ${i} do in an RNA-seq pipeline?`,
    output: { explanation: `Tool ${i} aligns reads to a reference genome and reports alignment statistics.` },
  });
const t0 = performance.now();
for (let start = 0; start < N; start += BATCH) {
  const batch: Example[] = [];
  for (let i = start; i < Math.min(N, start + BATCH); i++) batch.push(make(i));
  repo.insertMany(batch);
}
const secs = (performance.now() - t0) / 1000;
const rowsPerSec = Math.round(N / secs);
console.log(`inserted ${N} examples in ${secs.toFixed(2)} s: ${rowsPerSec} rows/s`);
console.log(JSON.stringify({ bench: 'sqlite-insert', rows: N, seconds: Number(secs.toFixed(3)), rowsPerSec }));
db.close();
fs.rmSync(dir, { recursive: true, force: true });
