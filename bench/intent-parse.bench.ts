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
for (let i = 0; i < N; i++) sink += parseIntent(queries[i % queries.length]!, kb).confidence;
const seconds = (performance.now() - t0) / 1000;
const perSecond = Math.round(N / seconds);
console.log(`intent parser: ${N} queries in ${seconds.toFixed(2)} s = ${perSecond} queries/s (checksum ${sink.toFixed(1)})`);
console.log(JSON.stringify({ bench: 'intent-parse', name: 'intent-parse', queries: N, seconds: Number(seconds.toFixed(3)), queries_per_second: perSecond }));
