import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntentSchema } from '../../../src-preload/schemas/intent';
import { MAX_QUERY_CHARS } from '../../../src-main/cli/commands/parse';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();

/** parseIntent must not throw, and its answer must be a schema-valid intent naming only catalog entries. */
function checkQuery(q: string): void {
  const intent = parseIntent(q, kb);
  const valid = IntentSchema.safeParse(intent);
  expect(valid.success, valid.success ? '' : JSON.stringify(valid.error.issues)).toBe(true);
  expect(Number.isFinite(intent.confidence)).toBe(true);
  expect(intent.analysis_type === 'unknown' || kb.analysisTypeById.has(intent.analysis_type)).toBe(true);
  for (const t of intent.requested_tools) expect(kb.toolById.has(t)).toBe(true);
  if (intent.organism) expect(kb.organismById.has(intent.organism.id)).toBe(true);
}

// words the parser reacts to, so random queries reach its deeper paths (organisms, tools, comparisons ...)
const domainWords = [
  ...kb.tools.flatMap((t) => [t.id, t.name, ...t.aliases]),
  ...kb.organisms.map((o) => o.id),
  ...kb.analysisTypes.map((a) => a.id.replace(/_/g, ' ')),
  ...kb.goldenQueries.flatMap((g) => g.query.split(/\s+/)),
  'vs',
  'versus',
  'compared to',
  'paired-end',
  'single-end',
  'stranded',
  'no docker',
  'low memory',
  'GRCh38',
  'mm10',
  'not',
  'without',
  "don't use",
];
const junk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\u0000', '\uFFFD', '\uD800', '\u200B', '\u202E', '🧬', '𝔯𝔫𝔞', 'ß', 'İ', 'ﬁ', '\r\n', '\t', '  ', '()', '[', '\\', '$', '%s', '{{x}}'),
);
const mixedQuery = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...domainWords), weight: 3 }, { arbitrary: junk, weight: 1 }), { maxLength: 40 }).map((ws) => ws.join(' '));

describe('parseIntent on arbitrary input (property)', () => {
  it('never throws and returns a valid intent for arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 })), checkQuery),
      { numRuns: 500 },
    );
  });

  it('never throws and returns a valid intent for domain words mixed with junk', () => {
    fc.assert(fc.property(mixedQuery, checkQuery), { numRuns: 500 });
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(mixedQuery, (q) => {
        expect(parseIntent(q, kb)).toEqual(parseIntent(q, kb));
      }),
      { numRuns: 100 },
    );
  });

  it('handles very long inputs (up to the CLI limit) quickly', () => {
    fc.assert(
      fc.property(mixedQuery, fc.integer({ min: 1_000, max: MAX_QUERY_CHARS }), (q, len) => {
        const long = (q || 'x').repeat(Math.ceil(len / Math.max(1, q.length))).slice(0, len);
        const t0 = performance.now();
        checkQuery(long);
        expect(performance.now() - t0).toBeLessThan(5_000);
      }),
      { numRuns: 15 },
    );
    for (const q of ['a'.repeat(MAX_QUERY_CHARS), '🧬'.repeat(MAX_QUERY_CHARS / 2), 'rna seq '.repeat(MAX_QUERY_CHARS / 8), ' '.repeat(MAX_QUERY_CHARS), '\uD800'.repeat(1000)])
      checkQuery(q);
  });
});
