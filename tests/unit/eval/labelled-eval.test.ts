import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationOf, formatReliabilityDiagram } from '../../../src-main/eval/calibration';
import { evaluateLabelled, formatLabelledEval } from '../../../src-main/eval/intent-eval';
import { loadLabelledRequests } from '../../../src-main/eval/labelled-requests';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import type { Intent } from '../../../src-preload/schemas/intent';

const kb = loadKnowledge();

function file(lines: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-labelled-'));
  const f = path.join(dir, 'requests.jsonl');
  fs.writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
}

describe('calibrationOf', () => {
  it('bins by confidence and weighs each bin by its size', () => {
    const c = calibrationOf([
      { confidence: 0.95, right: true },
      { confidence: 0.95, right: true },
      { confidence: 0.95, right: false },
      { confidence: 0.15, right: false },
    ]);
    expect(c.bins).toHaveLength(10);
    expect(c.bins[9]!.n).toBe(3);
    expect(c.bins[9]!.meanConfidence).toBeCloseTo(0.95, 10);
    expect(c.bins[9]!.accuracy).toBeCloseTo(2 / 3, 10);
    expect(c.bins[1]).toMatchObject({ n: 1, accuracy: 0 });
    // (3/4)|2/3 - 0.95| + (1/4)|0 - 0.15|
    expect(c.ece).toBeCloseTo(0.75 * (0.95 - 2 / 3) + 0.25 * 0.15, 6);
    expect(c.wrong).toBe(2);
    expect(c.wrongBelowHalf).toBe(0.5);
  });

  it('puts a confidence of exactly 1 in the last bin and draws one line per bin', () => {
    const c = calibrationOf([{ confidence: 1, right: true }]);
    expect(c.bins[9]!.n).toBe(1);
    expect(c.ece).toBe(0);
    const lines = formatReliabilityDiagram(c);
    expect(lines).toHaveLength(12);
    expect(lines[10]).toMatch(/^0\.9-1\.0\s+1\s+100\.0%\s+100\.0%\s+#+\|$/);
    expect(lines[11]).toMatch(/^ECE \(10 bins\) 0\.000/);
  });
});

describe('loadLabelledRequests', () => {
  it('reports each bad line with its number and reason, and keeps the good ones', () => {
    const f = file([
      JSON.stringify({ id: 'a', query: 'RNA-seq DE for mouse liver', expected: { analysis_type: 'rna_seq_de', organism: 'mouse' } }),
      '',
      '{not json',
      JSON.stringify({ id: 'b', query: 'x', expected: { request_kind: 'chit_chat' } }),
      JSON.stringify({ id: 'a', query: 'dup', expected: { request_kind: 'workflow' } }),
      JSON.stringify({ id: 'c', query: 'no labels', expected: {} }),
      JSON.stringify({ id: 'd', query: 'golden spelling', expected_intent: { analysis_type: 'hic', confidence: 1 }, split: 'heldout' }),
    ]);
    const { requests, errors } = loadLabelledRequests(f);
    expect(requests.map((r) => r.id)).toEqual(['a', 'd']);
    expect(requests[1]).toMatchObject({ split: 'heldout', expected: { analysis_type: 'hic' } });
    expect(requests[0]!.split).toBe('tune');
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(errors[0]!.reason).toMatch(/^not JSON/);
    expect(errors[1]!.reason).toMatch(/^expected\.request_kind:/);
    expect(errors[2]!.reason).toBe('id: duplicate a');
    expect(errors[3]!.reason).toBe('expected: no labelled field');
  });
});

describe('evaluateLabelled', () => {
  const intent = (over: Partial<Intent>): Intent => ({
    request_kind: 'workflow',
    analysis_type: 'rna_seq_de',
    organism: { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm39' },
    tissue: null,
    cell_type: null,
    data_type: 'rna_seq',
    read_layout: 'unknown',
    strandedness: 'unknown',
    comparison: null,
    requested_tools: [],
    constraints: [],
    missing_information: [],
    confidence: 0.9,
    ...over,
  });
  const answers: Record<string, Intent> = {
    q1: intent({}),
    q2: intent({ analysis_type: 'scrna_seq', confidence: 0.3 }),
    q3: intent({ request_kind: 'explanation', organism: null, comparison: { groups: ['Treated', 'control'], description: '' } }),
  };
  const f = file([
    JSON.stringify({ id: '1', query: 'q1', voice: 'terse', expected: { analysis_type: 'rna_seq_de', organism: 'mouse', request_kind: 'workflow' } }),
    JSON.stringify({ id: '2', query: 'q2', voice: 'terse', split: 'heldout', expected: { analysis_type: 'rna_seq_de', requested_tools: [] } }),
    JSON.stringify({ id: '3', query: 'q3', voice: 'question', expected: { request_kind: 'troubleshooting', organism: null, comparison: ['control', 'treated'] } }),
  ]);
  const r = evaluateLabelled(loadLabelledRequests(f).requests, kb, (q) => answers[q]!);

  it('scores only the fields each line labels', () => {
    expect(r.n).toBe(3);
    expect(r.perField.analysis_type).toEqual({ n: 2, correct: 1, accuracy: 0.5 });
    expect(r.perField.organism).toEqual({ n: 2, correct: 2, accuracy: 1 });
    expect(r.perField.request_kind).toEqual({ n: 2, correct: 1, accuracy: 0.5 });
    expect(r.perField.comparison).toEqual({ n: 1, correct: 1, accuracy: 1 });
    expect(r.perField.requested_tools).toEqual({ n: 1, correct: 1, accuracy: 1 });
    expect(r.perField.tissue).toBeUndefined();
  });

  it('splits tune and held-out, counts kind confusions and lists every miss with its confidence', () => {
    expect(r.splits.tune!.n).toBe(2);
    expect(r.splits.heldout!.analysisType).toEqual({ n: 1, correct: 0, accuracy: 0 });
    expect(r.overall.intentRight).toEqual({ n: 3, correct: 1, accuracy: 1 / 3 });
    expect(r.kindConfusion).toEqual({ workflow: { workflow: 1 }, troubleshooting: { explanation: 1 } });
    expect(r.byVoice.terse).toEqual({ n: 2, correct: 1, accuracy: 0.5 });
    expect(r.confusions).toEqual([
      { id: '2', split: 'heldout', query: 'q2', field: 'analysis_type', expected: 'rna_seq_de', actual: 'scrna_seq', confidence: 0.3 },
      { id: '3', split: 'tune', query: 'q3', field: 'request_kind', expected: 'troubleshooting', actual: 'explanation', confidence: 0.9 },
    ]);
    // right: q1 at 0.9; wrong: q2 at 0.3 and q3 at 0.9
    expect(r.overall.reliability.ece).toBeCloseTo((2 / 3) * Math.abs(0.5 - 0.9) + (1 / 3) * 0.3, 10);
  });

  it('prints the figures, the kind confusion, the reliability diagrams and the confusion list', () => {
    const text = formatLabelledEval(r, 'requests.jsonl');
    expect(text).toContain('intent parser on 3 labelled requests from requests.jsonl');
    expect(text).toMatch(/heldout\s+1\s+0\.0% \(0\/1\)/);
    expect(text).toContain('troubleshooting explanation 1');
    expect(text).toContain('reliability diagram, held-out requests:');
    expect(text).toContain('3 [tune] request_kind: expected troubleshooting, got explanation at 0.90  (q3)');
  });
});
