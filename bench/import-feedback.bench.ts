// Imports a 100,000-line feedback JSONL file (typical ~1.2 KB lines: query, parsed intent, tools with short
// rationales, a third with feedback) into a fresh store and prints wall and CPU time (both threads). Target: < 5 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFeedback } from '../src-main/interactions/import-feedback';
import { parseIntent } from '../src-main/intent-parser';
import { loadKnowledge } from '../src-main/knowledge/load';
import { openStore } from '../src-main/store/db';
import { selectTools } from '../src-main/tool-selector';

const kb = loadKnowledge();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-bench-import-'));
const QUERY = 'RNA-seq differential expression in human liver, tumor vs normal, paired-end';
const intent = parseIntent(QUERY, kb);
const tools = selectTools(intent, kb).map((t) => ({ tool: t.tool, rationale: t.rationale.split(':')[0]! }));
const file = path.join(dir, 'feedback.jsonl');
const lines: string[] = [];
for (let k = 0; k < 100_000; k++) {
  const m = k % 20;
  const feedback = m < 5 ? 'accept' : m < 7 ? 'modify' : m < 9 ? 'reject' : null;
  lines.push(
    JSON.stringify({
      session_id: `sess-${Math.floor(k / 50)}`,
      timestamp: new Date(Date.UTC(2026, 0, 1) + k * 1000).toISOString(),
      query: `${QUERY} (sample ${k})`,
      intent,
      tools,
      feedback,
      modifications: feedback === 'modify' ? { tools: tools.slice(1) } : null,
      execution_success: feedback ? k % 3 === 0 : null,
    }),
  );
}
fs.writeFileSync(file, `${lines.join('\n')}\n`);
const db = openStore(path.join(dir, 'store.sqlite'));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = await importFeedback(db, file, { kb });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
db.close();
const mb = fs.statSync(file).size / 1e6;
console.log(`import-feedback: ${r.imported} lines (${mb.toFixed(0)} MB), ${r.examples} examples, in ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (target < 5 s)`);
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ bench: 'import-feedback', name: 'import-feedback', lines: r.imported, mb: Number(mb.toFixed(1)), seconds: Number(seconds.toFixed(2)), cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)) }));
