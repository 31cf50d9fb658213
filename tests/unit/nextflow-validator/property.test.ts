import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LintResult, lintSource } from '../../../src-main/nextflow-validator/index';

const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/nextflow/nf-core-rnaseq');
const fixtures = fs
  .readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.nf'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8') }));
const fixtureLines = fixtures.flatMap((f) => f.text.split('\n'));

/** lintSource must not throw and must return a well-formed result whose counts match its diagnostics. */
function assertWellFormed(source: string, resolveTo?: string): LintResult {
  const result = lintSource(source, 'main.nf', resolveTo === undefined ? undefined : () => resolveTo);
  expect(Array.isArray(result.diagnostics)).toBe(true);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  expect(result.errorCount).toBe(errors);
  expect(result.warningCount).toBe(warnings);
  expect(errors + warnings).toBe(result.diagnostics.length);
  for (const d of result.diagnostics) {
    expect(d.file).toBe('main.nf');
    expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
    expect(typeof d.rule === 'string' && d.rule.length > 0).toBe(true);
    expect(typeof d.message === 'string' && d.message.length > 0).toBe(true);
  }
  // internal-error means the linter itself failed: never acceptable, whatever the input
  expect(result.diagnostics.filter((d) => d.rule === 'internal-error')).toEqual([]);
  return result;
}

/** Characters that drive the lexer's modes: quotes, $, braces, slashes, backslashes, newlines. */
const NEXTFLOW_CHARS = [...'{}()[]"\'$/\\*\n :,.=-<>!?|&~#@;`0aZ_'];
const nextflowish = fc.array(
  fc.oneof(
    fc.constantFrom(...NEXTFLOW_CHARS),
    fc.constantFrom('process ', 'workflow ', 'include ', 'input:', 'output:', 'script:', 'take:', 'main:', 'emit:', '"""', "'''", '${', '$/', '/$', '/*', '*/', '//', 'def ', '->', 'tuple val(meta), path(x)'),
  ),
  { maxLength: 200 },
);

describe('lintSource robustness (property-based)', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        assertWellFormed(s);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on Nextflow-flavoured token soup', () => {
    fc.assert(
      fc.property(nextflowish, (parts) => {
        assertWellFormed(parts.join(''));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random truncations of every fixture', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.double({ min: 0, max: 1, noNaN: true }), ({ text }, frac) => {
        assertWellFormed(text.slice(0, Math.floor(text.length * frac)));
      }),
      { numRuns: 150 },
    );
    // and every fixture cut at a few fixed points, so each file is covered whatever the seed
    for (const { text } of fixtures) for (const frac of [0.1, 0.37, 0.5, 0.81, 0.99]) assertWellFormed(text.slice(0, Math.floor(text.length * frac)));
  });

  it('never throws on random splices of fixture lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fixtureLines), { minLength: 1, maxLength: 60 }), (lines) => {
        assertWellFormed(lines.join('\n'));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws when a fixture has a random span deleted or duplicated, with includes resolving to junk', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.nat(),
        fc.nat({ max: 400 }),
        fc.boolean(),
        fc.string({ maxLength: 40 }),
        ({ text }, at, len, dup, junk) => {
          const i = at % (text.length + 1);
          const span = text.slice(i, i + len);
          assertWellFormed(dup ? text.slice(0, i) + span + span + text.slice(i + len) : text.slice(0, i) + text.slice(i + len), junk);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports deep nesting as an error instead of overflowing the stack', () => {
    for (const open of ['(', '[', '{']) {
      const close = { '(': ')', '[': ']', '{': '}' }[open]!;
      const r = assertWellFormed(`workflow {\n    x = ${open.repeat(5000)}1${close.repeat(5000)}\n}\n`);
      expect(r.errorCount).toBeGreaterThan(0);
    }
  });
});
