import { describe, expect, it } from 'vitest';
import { findArtefacts } from '../../../src-main/generators/artefacts';
import { knownNames } from '../../../src-main/generators/query-quality';
import { planVariations, variationSeed } from '../../../src-main/generators/variations';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { diffIntents } from '../../../src-main/review/intent-diff';
import { asStated } from '../../../src-main/task-contract/stated-analysis';

/** The detailed requests written as labelled lists and the casual ones with a chat fact read back as their ground truth. */
describe('labelled-list detailed requests and casual chat facts', () => {
  const kb = loadKnowledge();
  const names = knownNames(kb);
  it('round-trip to their ground truth and hold no detector artefact (seeds 7 and 42, every base intent)', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const seed of [7, 42])
      for (const spec of planVariations(kb, 6000)) {
        if (spec.style !== 'detailed' && spec.style !== 'casual') continue;
        const s = variationSeed(kb, seed, spec);
        const labelled = s.style === 'detailed' && /^(- )?(Analysis|Task|Request|Goal|Analysis needed|What we need|Request details|Project notes|Summary of what we have|The details|Our setup|Key facts|Project summary|Notes):/.test(s.input);
        if (!labelled && s.style === 'detailed') continue;
        checked++;
        const diff = diffIntents(s.groundTruth!, asStated(parseIntent(s.input, kb), s.input, kb));
        const artefacts = findArtefacts(s.input, names);
        if (diff.mismatches > 0 || artefacts.length > 0)
          problems.push(`${s.id}: ${diff.fields.filter((f) => f.status !== 'same').map((f) => f.field).join(', ')} ${artefacts.map((a) => a.match).join(', ')}: ${s.input}`);
      }
    expect(checked).toBeGreaterThan(2000);
    // a typed wording may still miss now and then (it goes to review); these frames should not add misses
    expect(problems.length, problems.slice(0, 10).join('\n')).toBeLessThanOrEqual(2);
  }, 120_000);
});
