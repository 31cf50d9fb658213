// Query-variation quality at a fixed seed, as the build measures it: per style distinct-2/3, top-12 opener
// share and detector artefacts, the round-trip mismatches of the non-noisy styles, and one sample query per
// 250 for reading. COUNT and SEED override the defaults (5,000 at seed 42, the default build).
import { makeExample } from '../src-main/generators/example-factory';
import { knownNames, queryQuality } from '../src-main/generators/query-quality';
import { planTemplateItems } from '../src-main/generators/template-engine';
import { parseIntent } from '../src-main/intent-parser';
import { loadKnowledge } from '../src-main/knowledge/load';
import { diffIntents } from '../src-main/review/intent-diff';

const COUNT = Number(process.env.COUNT ?? 5000);
const SEED = Number(process.env.SEED ?? 42);
const kb = loadKnowledge();
const plan = planTemplateItems(kb, 'query_variation', COUNT, SEED);
const rows = plan.specs.map((_, i) => makeExample(plan.render(i)));
const q = queryQuality(rows, knownNames(kb));
for (const [style, v] of Object.entries(q.styles)) {
  console.log(`${style}: n=${v.count} distinct-2 ${v.distinct2} distinct-3 ${v.distinct3} top-12 openers ${v.top12OpenerShare} artefacts ${v.artefacts} ${JSON.stringify(v.artefactsByKind)}`);
  for (const e of v.artefactExamples.slice(0, 5)) console.log(`  ${e}`);
}
console.log('overall', q.overall, 'misses', q.misses);
const clean = rows.filter((e) => e.style !== 'edge_case');
const bad = clean.filter((e) => diffIntents(e.output.intent!, parseIntent(e.input, kb)).mismatches > 0);
console.log(`round-trip mismatches ${bad.length} / ${clean.length}`);
for (const e of bad.slice(0, 12)) {
  const fields = diffIntents(e.output.intent!, parseIntent(e.input, kb)).fields.filter((f) => f.status !== 'same');
  console.log(`  ${e.input} ${JSON.stringify(fields.map((f) => [f.field, f.expected, f.actual]))}`);
}
for (const e of rows.filter((_, i) => i % 250 === 7)) console.log(`SAMPLE ${e.style} | ${e.input}`);
console.log(JSON.stringify({ bench: 'query-quality', seed: SEED, mismatches: bad.length, ...q.overall, misses: q.misses.length }));
