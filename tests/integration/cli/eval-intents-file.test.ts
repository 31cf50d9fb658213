import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, removeTempDirs, runCli, tempDir } from '../../support/serve';

afterAll(removeTempDirs);

describe('biotrain eval-intents --file', () => {
  it('scores the shipped labelled requests: >= 95% analysis type and request kind, ECE and a reliability diagram', async () => {
    const set = path.join(REPO, 'resources/eval/user-requests.jsonl');
    const human = await runCli(['eval-intents', '--file', set]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^intent parser on \d{3} labelled requests from /);
    expect(human.stdout).toContain('request kind confusion (expected -> parsed: count):');
    expect(human.stdout).toMatch(/reliability diagram, all requests[^\n]*\nconfidence +n +mean conf +accuracy/);
    expect(human.stdout).toMatch(/\ntune +\d{3} /);
    expect(human.stdout).toMatch(/ECE \(10 bins\) 0\.0[0-4]\d; mean confidence right 0\.\d\d, wrong 0\.\d\d; \d+ wrong, [\d.]+% of them below 0\.5/);
    // the held-out set is scored as it is, whatever its figures (no accuracy bar)
    const heldout = path.join(REPO, 'resources/eval/user-requests-heldout.jsonl');
    const json = await runCli(['eval-intents', '--file', heldout, '--json', '--split', 'heldout', '--min-accuracy', '0']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as { n: number; splits: Record<string, unknown>; overall: { reliability: { n: number; bins: unknown[] } } };
    expect(Object.keys(r.splits)).toEqual(['heldout']);
    expect(r.overall.reliability.bins).toHaveLength(10);
    expect(r.overall.reliability.n).toBe(r.n);
    expect(r.n).toBeGreaterThanOrEqual(100);
  });

  it('--fit-confidence prints the confidence models refitted on the tune requests and generated variations: those the parser ships', async () => {
    const { CONFIDENCE_L2, CONFIDENCE_MODEL } = await import('../../../src-main/intent-parser/confidence');
    const r = await runCli(['eval-intents', '--file', path.join(REPO, 'resources/eval/user-requests.jsonl'), '--fit-confidence']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(CONFIDENCE_MODEL);
    // fitted with generated variations too, the regularisation chosen by cross-validation: the one shipped
    expect(r.stderr).toMatch(/and 2000 generated variations \(seed 7\)/);
    expect(r.stderr).toMatch(new RegExp(`l2 ${CONFIDENCE_L2} \\(chosen\\): 5-fold out-of-fold ECE labelled 0\\.0[0-4]\\d \\(\\d+ wrong, \\d+% below 0\\.5\\), generated 0\\.0[0-4]\\d`));
    expect(r.stderr).not.toContain('now chooses');
    // a file that is not a seen set is refused: the unseen set must never be fitted on
    const unseen = path.join(tempDir(), 'mine.jsonl');
    fs.writeFileSync(unseen, `${JSON.stringify({ id: 'a', query: 'ChIP-seq peaks for H3K4me3 in mouse', expected: { request_kind: 'workflow', analysis_type: 'chip_seq', organism: 'mouse' } })}\n`);
    const only = await runCli(['eval-intents', '--file', unseen, '--fit-confidence']);
    expect(only.code).toBe(1);
    expect(only.stderr).toContain(`${unseen} is not one of the seen sets the confidence is fitted on (user-requests.jsonl, user-requests-heldout.jsonl, user-requests-heldout2.jsonl, user-requests-heldout3.jsonl, user-requests-heldout4.jsonl, user-requests-heldout5.jsonl)`);
  });

  it('names bad lines as FILE:LINE and exits 1 under the accuracy bar or on bad lines', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'mine.jsonl');
    fs.writeFileSync(
      f,
      [
        JSON.stringify({ id: 'a', query: 'ChIP-seq peaks for H3K4me3 in mouse', expected: { request_kind: 'workflow', analysis_type: 'chip_seq', organism: 'mouse' } }),
        JSON.stringify({ id: 'b', query: 'what is a TAD?', expected: { request_kind: 'explanation', analysis_type: 'atac_seq' } }),
        '{"id": "c"',
      ].join('\n'),
    );
    const r = await runCli(['eval-intents', '--file', f, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:3: not JSON`);
    expect(r.stderr).toContain('analysis_type accuracy 0.500 is below 0.95');
    const out = JSON.parse(r.stdout) as { n: number; perField: Record<string, { n: number; correct: number }> };
    expect(out.n).toBe(2);
    expect(out.perField.analysis_type).toMatchObject({ n: 2, correct: 1 });
    expect(out.perField.request_kind).toMatchObject({ n: 2, correct: 2 });
    const missing = await runCli(['eval-intents', '--file', path.join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl/);
  });
});
