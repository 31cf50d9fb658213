import { expect, it } from 'vitest';
import type { Intent } from '../../src-preload/schemas/intent';
import { parseIntent } from '../../src-main/intent-parser';
import { loadKnowledge } from '../../src-main/knowledge/load';

const kb = loadKnowledge();

/** The parse of one request with the shared knowledge base. */
export const parse = (q: string): Intent => parseIntent(q, kb);

const FIELDS = {
  kind: (i: Intent) => i.request_kind,
  type: (i: Intent) => i.analysis_type,
  organism: (i: Intent) => i.organism?.id ?? null,
} as const;

/** One it.each table of the unseen-classes tests: each request parses to the value given for one field. */
export function parsesEach(field: keyof typeof FIELDS, cases: readonly (readonly [string, string | null])[]): void {
  it.each(cases)('%s -> %s', (q, want) => {
    expect(FIELDS[field](parse(q))).toBe(want);
  });
}
