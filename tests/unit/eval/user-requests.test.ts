import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossValidate, firstParseRows, labelledFitRows, seenRequests } from '../../../src-main/eval/confidence-fit';
import { evaluateLabelled } from '../../../src-main/eval/intent-eval';
import { CONFIDENCE_L2 } from '../../../src-main/intent-parser/confidence';
import { loadLabelledRequests } from '../../../src-main/eval/labelled-requests';
import { makeExample } from '../../../src-main/generators/example-factory';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { REQUEST_KINDS } from '../../../src-preload/schemas/intent';

// The hand-written labelled requests: an evaluation set kept apart from the golden queries and the generators.
// user-requests.jsonl has shaped the parser's rules and its confidence fit (every line is 'tune');
// user-requests-heldout.jsonl never enters the confidence fit; its misses were read for the multilingual and evidence
// change of issue 18 (README), so it has been seen: a fresh unseen set measures the parser honestly.
const REPO = path.resolve(__dirname, '../../..');
const SET = path.join(REPO, 'resources/eval/user-requests.jsonl');
const HELDOUT = path.join(REPO, 'resources/eval/user-requests-heldout.jsonl');
const kb = loadKnowledge();
const { requests, errors } = loadLabelledRequests(SET);
const heldout = loadLabelledRequests(HELDOUT);
const squash = (q: string) => q.toLowerCase().replace(/\s+/g, ' ').trim();

describe('the labelled user requests', () => {
  it('has at least 300 valid requests in the voices users write in, every request kind', () => {
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(300);
    const voices = new Set(requests.map((r) => r.voice));
    for (const v of ['terse', 'verbose', 'misspelled', 'error_or_log', 'pasted_files', 'question', 'mixed_assays', 'clinical', 'non_english_keyboard'])
      expect(voices.has(v), v).toBe(true);
    expect(new Set(requests.map((r) => r.expected.request_kind))).toEqual(new Set(REQUEST_KINDS));
    expect(requests.every((r) => r.expected.request_kind !== undefined)).toBe(true);
    expect(requests.every((r) => r.split === 'tune')).toBe(true);
    expect(requests.filter((r) => /[^\u0000-\u007f]/.test(r.query)).length).toBeGreaterThanOrEqual(20);
  });

  it('has a held-out set of at least 100 further requests in the same voices, every kind, none shared with the tune set', () => {
    expect(heldout.errors).toEqual([]);
    expect(heldout.requests.length).toBeGreaterThanOrEqual(100);
    expect(heldout.requests.every((r) => r.split === 'heldout' && r.expected.request_kind !== undefined)).toBe(true);
    expect(new Set(heldout.requests.map((r) => r.expected.request_kind))).toEqual(new Set(REQUEST_KINDS));
    expect(new Set(heldout.requests.map((r) => r.voice)).size).toBeGreaterThanOrEqual(12);
    const tune = new Set(requests.map((r) => squash(r.query)));
    expect(heldout.requests.filter((r) => tune.has(squash(r.query))).map((r) => r.id)).toEqual([]);
    const ids = new Set(requests.map((r) => r.id));
    expect(heldout.requests.filter((r) => ids.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('shares no request with the golden queries', () => {
    const golden = new Set(kb.goldenQueries.map((g) => squash(g.query)));
    expect([...requests, ...heldout.requests].filter((r) => golden.has(squash(r.query))).map((r) => r.id)).toEqual([]);
  });

  it('is never read by the generators or the build: no code outside the eval module names it', () => {
    // comments may cite the set (the confidence model says what it was fitted on); code may not open it
    const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    const names: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|mjs|js)$/.test(e.name) && /user-requests|resources\/eval|['"]eval\//.test(code(fs.readFileSync(p, 'utf8')))) names.push(path.relative(REPO, p));
      }
    };
    walk(path.join(REPO, 'src-main'));
    expect(names.filter((n) => !n.startsWith('src-main/eval/'))).toEqual([]);
  });

  it('does not turn up among the generated examples of any kind', () => {
    const mine = new Set([...requests, ...heldout.requests].map((r) => squash(r.query)));
    for (const kind of ['query_variation', 'tool_selection', 'workflow', 'education', 'error_diagnosis'] as const) {
      const plan = planTemplateItems(kb, kind, 400, 7);
      const hits = plan.specs.map((_, i) => squash(makeExample(plan.render(i)).input)).filter((q) => mine.has(q));
      expect(hits, kind).toEqual([]);
    }
  });

  it('is parsed at >= 95% analysis type and request kind, with calibrated confidence (ECE <= 0.05 over 10 bins) that is low on misses', () => {
    const r = evaluateLabelled(requests, kb);
    expect(r.overall.analysisType.n).toBeGreaterThanOrEqual(550);
    expect(r.overall.analysisType.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.overall.requestKind.accuracy).toBeGreaterThanOrEqual(0.95);
    const c = r.overall.reliability;
    expect(c.ece).toBeLessThanOrEqual(0.05);
    // the few misses left in a set the parser was tuned on are its blind spots (4 here): how low the confidence is on
    // misses is judged out of fold on every seen set (below), not on those
    expect(c.meanConfidenceWrong).toBeLessThan(c.meanConfidenceRight);
  });

  it('out of fold on every seen set, the confidence is lower on misses by a fifth and a quarter of them fall below 0.5', () => {
    // fitted as the shipped model is: with the first parses of the once-unseen sets (scored apart)
    const dir = path.join(REPO, 'resources/eval');
    const rows = [...labelledFitRows(seenRequests(dir), kb), ...firstParseRows(dir)];
    const c = crossValidate(rows, CONFIDENCE_L2).bySource.labelled;
    expect(c.wrong).toBeGreaterThanOrEqual(5);
    expect(c.ece).toBeLessThanOrEqual(0.05);
    expect(c.meanConfidenceWrong).toBeLessThan(c.meanConfidenceRight - 0.2);
    expect(c.wrongBelowHalf).toBeGreaterThanOrEqual(0.25);
  }, 120_000);
});
