import { describe, expect, it } from 'vitest';
import { STYLES } from '../../../src-main/generators/variations';
import { baseIntents } from '../../../src-main/generators/intent-variants';
import { Rng } from '../../../src-main/generators/rng';
import { unknownVariationTexts } from '../../../src-main/generators/unknown-frames';
import { defaultGenerateDeps } from '../../../src-main/generators/default-deps';

// the round trip's own reading of a request (the rule parser, as the task contract reads it)
const deps = defaultGenerateDeps();
const kb = deps.kb;
const offTopic = baseIntents(kb).filter((b) => b.request !== undefined);

describe('variations of the requests outside the supported analyses (off_topic in compatibility.yaml)', () => {
  it('state the intent of the golden query they descend from: every wording in every non-noisy style reads back as it in the round trip', () => {
    expect(offTopic).toHaveLength(29);
    const misread: string[] = [];
    for (const b of offTopic)
      for (const style of STYLES.filter((s) => s !== 'edge_case'))
        for (const text of unknownVariationTexts(b.request!, style, Rng.of('test', b.id, style))) {
          const fields = deps.diff(b.intent, deps.parse(text)).fields.filter((f) => f.status !== 'same');
          if (fields.length > 0) misread.push(`${b.golden.id} ${style} "${text}": ${fields.map((f) => `${f.field} ${JSON.stringify(f.expected)} read as ${JSON.stringify(f.actual)}`).join('; ')}`);
        }
    expect(misread).toEqual([]);
  });
});
