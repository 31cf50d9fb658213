import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEN_SETS } from '../../../src-main/eval/confidence-fit';
import { loadLabelledRequests } from '../../../src-main/eval/labelled-requests';
import { loadKnowledge } from '../../../src-main/knowledge/load';

// Every labelled set in resources/eval is a separate measurement: a request (or id) shared between two sets, or with
// a golden query, would let a set the parser was changed for score a set it was not. The unseen set stays out of the
// confidence fit.
const REPO = path.resolve(__dirname, '../../..');
const DIR = path.join(REPO, 'resources/eval');
const UNSEEN = 'user-requests-heldout6.jsonl';
const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
const sets = files.map((f) => ({ file: f, ...loadLabelledRequests(path.join(DIR, f)) }));
const fold = (q: string) => q.trim().toLowerCase();

describe('the labelled sets of resources/eval', () => {
  it('are all there, and every line of each loads as a labelled request', () => {
    expect(files).toEqual(expect.arrayContaining([...SEEN_SETS, UNSEEN]));
    for (const s of sets) {
      expect(s.errors, s.file).toEqual([]);
      expect(s.requests.length, s.file).toBeGreaterThan(0);
    }
  });

  it('share no request text (trimmed, case-folded) and no id between two sets or with a golden query', () => {
    const golden = loadKnowledge().goldenQueries;
    const byText = new Map<string, string[]>();
    const byId = new Map<string, string[]>();
    const note = (m: Map<string, string[]>, key: string, where: string) => m.set(key, [...(m.get(key) ?? []), where]);
    for (const g of golden) {
      note(byText, fold(g.query), `golden_queries.yaml:${g.id}`);
      note(byId, g.id, 'golden_queries.yaml');
    }
    for (const s of sets)
      for (const r of s.requests) {
        note(byText, fold(r.query), `${s.file}:${r.id}`);
        note(byId, r.id, s.file);
      }
    const shared = (m: Map<string, string[]>) => [...m].filter(([, where]) => new Set(where.map((w) => w.split(':')[0])).size > 1);
    expect(shared(byText)).toEqual([]);
    expect(shared(byId)).toEqual([]);
  });

  it('label a host-associated community as the schema says: no organism (the host is sample context, IntentSchema.tissue)', () => {
    // only the seen sets are read for this: the unseen set's labels stay unread
    const host = new Set(loadKnowledge().analysisTypes.filter((t) => t.organism_role === 'host').map((t) => t.id));
    const labelled = sets.filter((s) => (SEEN_SETS as readonly string[]).includes(s.file)).flatMap((s) => s.requests.map((r) => ({ file: s.file, ...r })));
    const hosts = labelled.filter((r) => host.has(r.expected.analysis_type ?? ''));
    expect(hosts.length).toBeGreaterThan(100);
    expect(hosts.filter((r) => r.expected.organism != null).map((r) => `${r.file}:${r.id}`)).toEqual([]);
  });

  it('keep the unseen set out of the seen sets the confidence is fitted on', () => {
    expect(SEEN_SETS as readonly string[]).not.toContain(UNSEEN);
  });
});
