// Imports a 100,000-line feedback JSONL file (typical ~1.2 KB lines: query, parsed intent, tools with short
// rationales, a third with feedback) into a fresh store and prints wall and CPU time (both threads). Target: < 5 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFeedback } from '../src-main/interactions/import-feedback';
import { loadKnowledge } from '../src-main/knowledge/load';
import { openStore } from '../src-main/store/db';
import { writeTypicalFeedbackFile } from '../tests/support/feedback-file';

const kb = loadKnowledge();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-bench-import-'));
const file = path.join(dir, 'feedback.jsonl');
writeTypicalFeedbackFile(file, 100_000, kb);
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
