import { describe, expect, it } from 'vitest';
import { errorSeed, planErrors } from '../../../src-main/generators/error-diagnosis';
import { processNameOf } from '../../../src-main/knowledge/error-situations';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();

describe('error-diagnosis examples', () => {
  const seeds = planErrors(kb, 500).map((s) => ({ spec: s, seed: errorSeed(kb, 42, s) }));

  it('cover at least 40 distinct situations across at least 21 patterns', () => {
    const situations = new Set(seeds.map((s) => s.spec.situation.id));
    const patterns = new Set(seeds.map((s) => s.spec.situation.pattern));
    expect(situations.size).toBeGreaterThanOrEqual(40);
    expect(patterns.size).toBeGreaterThanOrEqual(21);
    expect(new Set(seeds.map((s) => s.seed.output.diagnosis)).size).toBeGreaterThanOrEqual(200);
  });

  it('log, exit status and process agree with the diagnosis, and the answer names the sample', () => {
    for (const { spec, seed } of seeds) {
      const s = spec.situation;
      const pattern = kb.errorPatterns.find((p) => p.id === s.pattern)!;
      const process = processNameOf(s.process_tool ?? pattern.tool);
      const names = new Set([...seed.input.matchAll(/process > '?([A-Z0-9_]+)|Process `([A-Z0-9_]+)/g)].map((m) => m[1] ?? m[2]));
      expect([...names], seed.id).toEqual([process]);
      const exits = [...seed.input.matchAll(/exit status \((\d+)\)/g)].map((m) => Number(m[1]));
      expect(exits, seed.id).toEqual(s.exit_status === null ? [] : [s.exit_status]);
      if (exits.includes(137)) expect(s.pattern, seed.id).toBe('oom_killed_137');
      expect(new RegExp(pattern.symptom_regex, 'im').test(seed.input), seed.id).toBe(true);
      expect(seed.output.diagnosis, seed.id).toContain(`**${process}**`);
      const sample = /\(([A-Za-z0-9_]+)\)/.exec(seed.input.split('\n').find((l) => l.includes(process)) ?? '')?.[1];
      if (s.per_sample && sample) expect(seed.output.diagnosis, seed.id).toContain(sample);
    }
  });
});
