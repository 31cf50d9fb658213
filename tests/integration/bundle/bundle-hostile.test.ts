import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_FILE_BYTES, MAX_JSON_DEPTH, readBundle } from '../../../src-main/bundle/format';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { educationExample } from '../../support/examples';
import { runCli, tempDir } from '../../support/serve';

const kb = loadKnowledge();

// Bundles and decisions files come from outside reviewers: whatever they hold, the reader refuses it with a
// message naming the file, in bounded memory, and applies nothing.
describe('hostile bundles and decisions files', () => {
  const dir = tempDir('biotrain-bundle-hostile-');
  const store = path.join(dir, 'store.sqlite');
  const bundleFile = path.join(dir, 'r.btbundle');
  let manifest: { bundle_id: string; items_sha256: string };

  beforeAll(async () => {
    const db = openStore(store);
    new ExamplesRepo(db).insertMany([0, 1, 2].map((i) => educationExample(kb, 'e', i, `Explain step ${i}`, `Step ${i} counts reads.`)));
    db.close();
    const r = await runCli(['bundle', 'create', '--db', store, '--out', bundleFile, '--filter', 'all']);
    expect(r.code, r.stderr).toBe(0);
    manifest = readBundle(bundleFile).manifest;
  });

  const decisionsFile = (name: string, decisions: unknown[]) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, JSON.stringify({ format_version: 1, bundle_id: manifest.bundle_id, items_sha256: manifest.items_sha256, reviewer: 'alice', decisions }));
    return f;
  };
  const reviewEvents = () => {
    const db = openStore(store);
    const n = db.prepare('SELECT COUNT(*) FROM review_events').pluck().get();
    db.close();
    return n;
  };
  const merge = (file: string) => runCli(['bundle', 'merge', file, '--db', store]);

  it('a gzip bomb is refused once it decompresses past the limit, naming the file', async () => {
    // gzip members concatenate: 64 copies of 16 MiB of zeros decompress to 1 GiB from a 1 MB file
    const member = gzipSync(Buffer.alloc(16 << 20));
    const bomb = path.join(dir, 'bomb.decisions.json');
    fs.writeFileSync(bomb, Buffer.concat(Array.from({ length: 64 }, () => member)));
    const r = await merge(bomb);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`biotrain: ${bomb}: decompresses to more than ${MAX_JSON_FILE_BYTES} bytes; refusing it\n`);
    expect(reviewEvents()).toBe(0);
  });

  it('a file larger than the limit is refused before it is read', async () => {
    const big = path.join(dir, 'big.decisions.json');
    fs.writeFileSync(big, '{');
    fs.truncateSync(big, MAX_JSON_FILE_BYTES + 1); // sparse: no disk used
    const r = await merge(big);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`biotrain: ${big}: ${MAX_JSON_FILE_BYTES + 1} bytes, more than ${MAX_JSON_FILE_BYTES}; refusing it\n`);
  });

  it('deep nesting in a bundle or a decisions file is refused naming the file, not a stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as { items: unknown[] };
    const deepBundle = path.join(dir, 'deep.btbundle');
    fs.writeFileSync(deepBundle, JSON.stringify(bundle).replace('"items":[', `"items":[${deep},`));
    expect(() => readBundle(deepBundle)).toThrow(`${deepBundle}: JSON nested more than ${MAX_JSON_DEPTH} levels deep; refusing it`);
    const deepDecisions = path.join(dir, 'deep.decisions.json');
    fs.writeFileSync(deepDecisions, `{"bundle_id":"x","items_sha256":"y","reviewer":"alice","decisions":[{"example_id":"e0","action":"edit","output":${deep}}]}`);
    const r = await merge(deepDecisions);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`biotrain: ${deepDecisions}: JSON nested more than ${MAX_JSON_DEPTH} levels deep; refusing it\n`);
  });

  it("decided_at must be an ISO 8601 UTC time: 'yesterday-ish' is refused naming the file and the decision", async () => {
    const f = decisionsFile('vague.decisions.json', [{ example_id: 'e0', action: 'accept', decided_at: 'yesterday-ish' }]);
    const r = await merge(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`biotrain: ${f}: not a valid decisions file: decisions.0.decided_at: must be an ISO 8601 UTC time such as 2026-01-31T09:30:00.000Z\n`);
    expect(reviewEvents()).toBe(0);
  });

  it('two decisions for one item in one file are refused (a file holds the latest decision per item)', async () => {
    const f = decisionsFile('twice.decisions.json', [
      { example_id: 'e1', action: 'accept', decided_at: '2026-01-01T00:00:00.000Z' },
      { example_id: 'e0', action: 'accept', decided_at: '2026-01-01T00:00:01.000Z' },
      { example_id: 'e1', action: 'reject', decided_at: '2026-01-01T00:00:02.000Z' },
    ]);
    const r = await merge(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`biotrain: ${f}: refusing it: decisions 1 and 3 are both for item e1 (a decisions file holds one decision per item)\n`);
    expect(reviewEvents()).toBe(0);
  });

  it('a well-formed decisions file still merges', async () => {
    const f = decisionsFile('good.decisions.json', [{ example_id: 'e0', action: 'accept', decided_at: '2026-01-01T00:00:00.000Z' }]);
    const r = await merge(f);
    expect(r.code, r.stderr).toBe(0);
    expect(reviewEvents()).toBe(1);
  });
});
