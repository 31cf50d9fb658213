// Rule intent parser throughput over the golden queries (plus lowercase and typo'd copies), after a warm-up.
import { parseIntent } from '../src-main/intent-parser';
import { loadKnowledge } from '../src-main/knowledge/load';

const N = Number(process.env.N ?? 100_000);
const kb = loadKnowledge();
const base = kb.goldenQueries.map((g) => g.query);
const queries = [...base, ...base.map((q) => q.toLowerCase()), ...base.map((q) => q.replace(/(\w)(\w)(\w*)$/, '$2$1$3'))];

for (let i = 0; i < 2_000; i++) parseIntent(queries[i % queries.length]!, kb);
let sink = 0;
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < N; i++) sink += parseIntent(queries[i % queries.length]!, kb).confidence;
const seconds = (performance.now() - t0) / 1000;
const used = process.cpuUsage(c0);
// CPU seconds of this (single-threaded) process: on a machine shared with other work the wall figure falls, this does not
const cpuSeconds = (used.user + used.system) / 1e6;
const perSecond = Math.round(N / seconds);
const perCpuSecond = Math.round(N / cpuSeconds);
console.log(`intent parser: ${N} queries in ${seconds.toFixed(2)} s = ${perSecond} queries/s; ${cpuSeconds.toFixed(2)} CPU s = ${perCpuSecond} queries per CPU second (checksum ${sink.toFixed(1)})`);
console.log(JSON.stringify({ bench: 'intent-parse', name: 'intent-parse', queries: N, seconds: Number(seconds.toFixed(3)), queries_per_second: perSecond, cpu_seconds: Number(cpuSeconds.toFixed(3)), queries_per_cpu_second: perCpuSecond }));
