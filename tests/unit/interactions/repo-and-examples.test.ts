import { createHash } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewInteraction } from '../../../src-preload/schemas/interaction';
import { parseIntent } from '../../../src-main/intent-parser';
import { parseFeedbackLine } from '../../../src-main/interactions/import-feedback';
import { completeInteraction, InteractionsRepo, interactionContentHash } from '../../../src-main/interactions/repo';
import { canonicalJson } from '../../../src-main/util/canonical-json';
import { interactionToExample, syncInteractionExamples } from '../../../src-main/interactions/to-example';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { selectTools } from '../../../src-main/tool-selector';
import { openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { tempDir } from '../../support/serve';

const kb = loadKnowledge();
const QUERY = 'RNA-seq differential expression in human liver, tumor vs normal, paired-end';
const intent = parseIntent(QUERY, kb);
const tools = selectTools(intent, kb);

const logged = (over: Partial<NewInteraction> = {}): NewInteraction => ({
  session_id: 's1',
  timestamp: '2026-02-01T10:00:00.000Z',
  query: QUERY,
  intent,
  tools,
  workflow: null,
  feedback: null,
  modifications: null,
  execution_success: null,
  origin: 'playground',
  ...over,
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ __proto__: null, 'é': [undefined, 'x\n'], A: true } as unknown)).toBe('{"A":true,"é":[null,"x\\n"]}');
  });

  it('equals a plain recursive writer on arbitrary JSON values, integer-like and __proto__ keys and toJSON objects included', () => {
    // oracle: keys in JavaScript's order for a freshly built object (index keys numerically, then sorted)
    const reference = (v: unknown): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
      if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : reference(x))).join(',')}]`;
      const o = v as Record<string, unknown>;
      const index = (k: string) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort((a, b) => (index(a) && index(b) ? Number(a) - Number(b) : index(a) ? -1 : index(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(',')}}`;
    };
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '9', '01', '__proto__', 'constructor', 'toString', '4294967295', '4294967294'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(JSON.parse(JSON.stringify(v) ?? 'null')));
      }),
      { numRuns: 2000 },
    );
    const withDate = { b: new Date(0), a: [{ y: 1, x: 2 }] };
    expect(canonicalJson(withDate)).toBe('{"a":[{"x":2,"y":1}],"b":"1970-01-01T00:00:00.000Z"}');
  });

  it('content hash = sha256 of the canonical JSON of the logged fields, independent of key order', () => {
    const i = logged({ feedback: 'modify', modifications: { tools: tools.slice(0, 1) }, execution_success: false, workflow: { files: { 'b.nf': '', 'a.nf': 'x' } } });
    const { origin: _o, ...content } = i;
    const expected = createHash('sha256').update(canonicalJson(content)).digest('hex');
    expect(interactionContentHash(i)).toBe(expected);
    const reordered = Object.fromEntries(Object.entries(i).reverse()) as NewInteraction;
    const shuffledIntent = Object.fromEntries(Object.entries(intent).reverse()) as typeof intent;
    expect(completeInteraction({ ...reordered, intent: shuffledIntent }).content_hash).toBe(expected);
    expect(completeInteraction({ ...i, origin: 'cli' }).content_hash).toBe(expected);
  });
});

describe('InteractionsRepo', () => {
  const open = () => openStore(path.join(tempDir(), 'ix.sqlite'));

  it('logs idempotently by content hash and round-trips every field', () => {
    const db = open();
    const repo = new InteractionsRepo(db);
    const first = repo.log(logged());
    expect(first.inserted).toBe(true);
    expect(first.interaction.quality_score).toBe(intent.confidence > 0.8 ? 0.7 : 0.5);
    expect(repo.log(logged()).inserted).toBe(false);
    expect(repo.log(logged({ timestamp: '2026-02-01T10:00:01.000Z' })).inserted).toBe(true);
    expect(repo.count()).toBe(2);
    expect(repo.get(first.interaction.id)).toEqual(first.interaction);
    db.close();
  });

  it('updates the row on feedback (hash and score recomputed) and counts stats', () => {
    const db = open();
    const repo = new InteractionsRepo(db);
    const { interaction } = repo.log(logged());
    const accepted = repo.setFeedback(interaction.id, { feedback: 'accept', executionSuccess: true })!;
    expect(accepted.id).toBe(interaction.id);
    expect(accepted.content_hash).not.toBe(interaction.content_hash);
    expect(accepted.quality_score).toBe(intent.confidence > 0.8 ? 1 : 0.8);
    expect(repo.count()).toBe(1);
    expect(repo.get(interaction.id)).toEqual(accepted);
    expect(repo.stats()).toEqual({ total: 1, withFeedback: 1, accepted: 1, modified: 0, rejected: 0 });
    const modified = repo.setFeedback(interaction.id, { feedback: 'accept', modifications: { tools: tools.slice(0, 2) } })!;
    expect(modified.execution_success).toBe(true);
    expect(repo.stats()).toEqual({ total: 1, withFeedback: 1, accepted: 0, modified: 1, rejected: 0 });
    expect(repo.setFeedback('nope', { feedback: 'reject' })).toBeUndefined();
    expect(repo.list({ feedback: 'accept' }, 0, 10)).toHaveLength(1);
    expect(repo.list({ feedback: 'none' }, 0, 10)).toHaveLength(0);
    db.close();
  });

  it('pages by keyset in insertion order', () => {
    const db = open();
    const repo = new InteractionsRepo(db);
    repo.logMany(Array.from({ length: 25 }, (_, k) => logged({ query: `${QUERY} #${k}` })));
    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const p = repo.page({}, after, 10);
      if (p.items.length === 0) break;
      seen.push(...p.items.map((i) => i.query));
      after = p.lastRowid;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, k) => `${QUERY} #${k}`));
    expect(repo.list({}, 0, 3, true).map((i) => i.query)).toEqual([`${QUERY} #24`, `${QUERY} #23`, `${QUERY} #22`]);
    db.close();
  });
});

describe('interactionToExample', () => {
  const repoless = (over: Partial<NewInteraction>) => {
    const db = openStore(':memory:');
    const i = new InteractionsRepo(db).log(logged(over)).interaction;
    db.close();
    return i;
  };

  it('makes no example without accept / modify feedback', () => {
    expect(interactionToExample(repoless({}), kb)).toBeNull();
    expect(interactionToExample(repoless({ feedback: 'reject' }), kb)).toBeNull();
  });

  it('auto-validates an accepted, unmodified interaction with the logged output', () => {
    const i = repoless({ feedback: 'accept', origin: 'import' });
    const ex = interactionToExample(i, kb)!;
    expect(ex).toMatchObject({
      id: `ix-${i.id}`,
      kind: 'interaction',
      source: 'import',
      group_id: 'ix-session-s1',
      status: 'auto_validated',
      analysis_type: intent.analysis_type,
      input: QUERY,
      output: { intent, tools },
      quality_score: i.quality_score,
      created_at: i.timestamp,
    });
    expect(ex.category).toBe(kb.goldenQueries.find((g) => g.expected_intent.analysis_type === intent.analysis_type)?.category ?? ex.category);
  });

  it('uses the modification as target and needs review', () => {
    const changed = { ...intent, analysis_type: 'scrna_seq', confidence: 1 };
    const i = repoless({ feedback: 'modify', modifications: { intent: changed, tools: tools.slice(0, 1) } });
    const ex = interactionToExample(i, kb)!;
    expect(ex.source).toBe('interaction');
    expect(ex.status).toBe('needs_review');
    expect(ex.output).toEqual({ intent: changed, tools: tools.slice(0, 1) });
    expect(ex.analysis_type).toBe('scrna_seq');
    expect(ex.parsed_intent).toEqual(intent);
    expect(ex.intent_diff!.mismatches).toBeGreaterThan(0);
  });

  it('syncs examples: create, update on change, retire on reject', () => {
    const db = openStore(path.join(tempDir(), 'ex.sqlite'));
    const repo = new InteractionsRepo(db);
    const examples = new ExamplesRepo(db);
    const { interaction } = repo.log(logged());
    const accepted = repo.setFeedback(interaction.id, { feedback: 'accept' })!;
    expect(syncInteractionExamples(db, [accepted], kb)).toEqual({ created: 1, updated: 0, retired: 0 });
    expect(examples.get(`ix-${interaction.id}`)!.status).toBe('auto_validated');
    const modified = repo.setFeedback(interaction.id, { feedback: 'modify', modifications: { tools: tools.slice(0, 1) } })!;
    expect(syncInteractionExamples(db, [modified], kb)).toEqual({ created: 0, updated: 1, retired: 0 });
    const ex = examples.get(`ix-${interaction.id}`)!;
    expect(ex.status).toBe('needs_review');
    expect(ex.output.tools).toEqual(tools.slice(0, 1));
    const rejected = repo.setFeedback(interaction.id, { feedback: 'reject', modifications: null })!;
    expect(syncInteractionExamples(db, [rejected], kb)).toEqual({ created: 0, updated: 0, retired: 1 });
    expect(examples.get(`ix-${interaction.id}`)!.status).toBe('rejected');
    expect(examples.count({ kind: 'interaction' })).toBe(1);
    db.close();
  });
});

describe('parseFeedbackLine', () => {
  it('never throws on arbitrary text or JSON values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.json(), fc.anything().map((v) => JSON.stringify(v) ?? '')), (line) => {
        const r = parseFeedbackLine(line);
        if (r !== null && !r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts near-valid objects with arbitrary extra and optional fields without throwing', () => {
    const line = fc.record(
      {
        session_id: fc.string(),
        timestamp: fc.oneof(fc.constant('2026-01-01T00:00:00Z'), fc.string()),
        query: fc.string(),
        feedback: fc.oneof(fc.constantFrom('accept', 'reject', 'modify', null), fc.string()),
        modifications: fc.oneof(fc.constant(null), fc.object()),
        execution_success: fc.oneof(fc.boolean(), fc.constant(null), fc.integer()),
        intent: fc.oneof(fc.constant(intent), fc.constant(null), fc.object()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(line, (obj) => {
        const r = parseFeedbackLine(JSON.stringify(obj));
        expect(r).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
