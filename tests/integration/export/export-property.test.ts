import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExport, formatProblem } from '../../../src-main/export/check-export';
import { runExport } from '../../../src-main/export/run-export';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { scrubPii } from '../../../src-main/pipeline/pii';
import { openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { DEFAULT_SPLIT_CONFIG } from '../../../src-preload/schemas/build';
import { tempDir } from '../../support/serve';

const kb = loadKnowledge();
// text that has broken exporters before: markup, quotes, backslashes, control characters, emoji, RTL, huge runs
const nasty = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
  fc.constantFrom('<script>alert(1)</script>', '"\\u0000"', '```nextflow\n}\n```', '\u202e gnp.exe', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧬🧪', 'a'.repeat(5000), '\r\n\t\\'),
);

describe('exporters never throw and always write loadable, valid files (property)', () => {
  it('random example text round-trips through every format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(nasty, nasty, fc.constantFrom('train', 'val', 'test')), { minLength: 3, maxLength: 12 }), async (rows) => {
        const dir = tempDir('biotrain-export-prop-');
        const db = openStore(path.join(dir, 'x.sqlite'));
        try {
          const examples = rows.map(([input, explanation], i) =>
            makeExample({ id: `p${i}`, kind: 'education', groupId: `g${i}`, baseId: null, engine: 'test', category: kb.categories[0]!.id, analysisType: kb.analysisTypes[0]!.id, difficulty: 2, input, output: { explanation } }),
          );
          new ExamplesRepo(db).insertMany(examples.map((e) => ({ ...e, status: 'accepted' as const })));
          db.prepare("INSERT INTO builds (id, kind, status, seed, config, created_at) VALUES ('b', 'build', 'passed', 1, '{}', 'now')").run();
          const ins = db.prepare('INSERT INTO build_items (build_id, example_id, split, ord, tools) VALUES (?, ?, ?, ?, ?)');
          for (const [i, [, , split]] of rows.entries()) ins.run('b', `p${i}`, split, String(i).padStart(4, '0'), '');
          const out = path.join(dir, 'out');
          const blank = rows.findIndex(([input, explanation]) => scrubPii(input).text.trim() === '' || scrubPii(explanation).text.trim() === '');
          if (blank >= 0) {
            // a blank turn is refused with the example named, and nothing is left behind
            await expect(runExport(db, kb, { buildId: 'b', outDir: out, splitConfig: DEFAULT_SPLIT_CONFIG, qualityReport: {} })).rejects.toThrow(/^example p\d+: its (user|assistant) message is empty/);
            expect(fs.existsSync(out)).toBe(false);
            expect(fs.existsSync(`${out}.partial`)).toBe(false);
            return;
          }
          const manifest = await runExport(db, kb, { buildId: 'b', outDir: out, splitConfig: DEFAULT_SPLIT_CONFIG, qualityReport: {} });
          const check = await checkExport(out);
          expect(check.problems.map(formatProblem)).toEqual([]);
          const train = rows.filter(([, , s]) => s === 'train');
          expect(manifest.counts.train).toBe(train.length);
          const lines = fs.readFileSync(path.join(out, 'processed/train.jsonl'), 'utf8').split('\n').filter(Boolean);
          const users = lines.map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages[1]!.content);
          expect(users.sort()).toEqual(train.map(([input]) => scrubPii(input).text).sort());
        } finally {
          db.close();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 12 },
    );
  });
});
