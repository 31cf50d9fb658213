import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../../../src-main/app/compose';
import type { AppContext } from '../../../src-main/app/context';
import { type Bridge, startBridge } from '../../../src-main/bridge/server';
import { importFeedback, MAX_LINE_BYTES } from '../../../src-main/interactions/import-feedback';
import { createLlmClient } from '../../../src-main/llm/client';
import { HttpUrlSchema } from '../../../src-preload/schemas/http-url';
import { SCHEMA_VERSION } from '../../../src-main/store/migrations';
import { startServe, tempDir } from '../../support/serve';

const TOKEN = 'import-hostile-token-0123456789';
const GOOD = JSON.stringify({ session_id: 's', timestamp: '2026-02-01T10:00:00Z', query: 'rna-seq of mouse liver', feedback: null });

describe('hostile files and settings through the bridge and the importer', () => {
  let dir: string;
  let ctx: AppContext;
  let bridge: Bridge;
  const call = async (channel: string, body: unknown) => {
    const res = await fetch(`${bridge.url}api/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  };
  beforeAll(async () => {
    dir = tempDir();
    ctx = openAppContext({ dbPath: path.join(dir, 'store.sqlite') });
    bridge = await startBridge({ ctx, token: TOKEN });
  });
  afterAll(async () => {
    await bridge.close();
    ctx.close();
  });

  it('a file that is not feedback JSONL is refused whole (400) and none of its content is echoed', async () => {
    const secret = path.join(dir, 'passwd');
    fs.writeFileSync(secret, 'root:x:0:0:SECRET-ROOT-LINE:/root:/bin/bash\n{"not":"first"}\n');
    const r = await call('interactions.import', { path: secret });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toBe(`${secret}: not a feedback JSONL file (it does not start with a JSON object); nothing was imported`);
    expect(r.text).not.toContain('SECRET');
    expect(ctx.db.prepare('SELECT COUNT(*) FROM interactions').pluck().get()).toBe(0);
  });

  it('the store itself, a folder and a FIFO are refused without reading them', async () => {
    const store = await call('interactions.import', { path: ctx.dbPath });
    expect(store.status).toBe(400);
    expect(JSON.parse(store.text).error).toBe(`${ctx.dbPath}: this is the Biotrain store, not a feedback file`);
    expect((await call('interactions.import', { path: dir })).status).toBe(400);
    const fifo = path.join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    const r = await call('interactions.import', { path: fifo });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toBe(`${fifo}: not a file`);
  });

  it('bad JSON lines are reported by position, never by quoting the line', async () => {
    const f = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(f, `${GOOD}\n{"api_key": "sk-LEAKED-1234", oops\n{"truncated": "sk-LEAKED-5678\n`);
    const r = await call('interactions.import', { path: f });
    expect(r.status).toBe(200);
    const summary = JSON.parse(r.text).result;
    expect(summary.errors).toEqual([
      { line: 2, reason: 'invalid JSON at character 31' },
      { line: 3, reason: 'invalid JSON: the line ends inside a value' },
    ]);
    expect(r.text).not.toContain('LEAKED');
  });

  it('a line over the limit is skipped without being held in memory, and the lines after it import', async () => {
    const f = path.join(dir, 'long.jsonl');
    const fd = fs.openSync(f, 'w');
    fs.writeSync(fd, `${GOOD}\n{"q": "`);
    const block = Buffer.alloc(1 << 20, 0x61);
    for (let i = 0; i <= MAX_LINE_BYTES >> 20; i++) fs.writeSync(fd, block);
    fs.writeSync(fd, `"}\n${GOOD.replace('"s"', '"s2"')}\n`);
    fs.closeSync(fd);
    const heap0 = process.memoryUsage().heapUsed;
    const r = await importFeedback(ctx.db, f);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(MAX_LINE_BYTES);
    expect(r.lines).toBe(3);
    expect(r.errors).toEqual([{ line: 2, reason: `line is longer than ${MAX_LINE_BYTES} bytes (${7 + (1 + (MAX_LINE_BYTES >> 20)) * (1 << 20) + 2}); skipped` }]);
    expect(r.imported + r.duplicates).toBe(2);
  });

  it('a line longer than V8 can hold as a string, imported through `serve`: a clear error for that line, and serve keeps answering', async () => {
    const f = path.join(dir, 'beyond-v8.jsonl');
    const head = `${GOOD}\n{"query": "`;
    const beyond = 600 * 1024 * 1024; // V8's longest string is 2^29 - 24 characters (about 512 M)
    const fd = fs.openSync(f, 'w');
    fs.writeSync(fd, head);
    fs.ftruncateSync(fd, head.length + beyond); // sparse: the zeros take no disk
    fs.writeSync(fd, `"}\n${GOOD.replace('"s"', '"s2"')}\n`, head.length + beyond);
    fs.closeSync(fd);
    const served = await startServe();
    try {
      const r = await served.api<{ lines: number; errors: { line: number; reason: string }[]; imported: number }>('interactions.import', { path: f });
      expect(r.lines).toBe(3);
      expect(r.errors).toEqual([{ line: 2, reason: `line is longer than ${MAX_LINE_BYTES} bytes (${head.length - GOOD.length - 1 + beyond + 2}); skipped` }]);
      expect(r.imported).toBe(2);
      expect((await served.api<{ schemaVersion: number }>('app.info')).schemaVersion).toBe(SCHEMA_VERSION);
    } finally {
      await served.stop();
    }
  });

  it('invalid UTF-8 is reported, not silently replaced', async () => {
    const f = path.join(dir, 'latin1.jsonl');
    fs.writeFileSync(f, Buffer.concat([Buffer.from(`${GOOD}\n{"query": "caf`), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    const r = await importFeedback(ctx.db, f);
    expect(r.errors).toEqual([{ line: 2, reason: 'line is not valid UTF-8 text' }]);
  });

  it('the LLM base URL is only ever http(s): settings refuse file:, javascript: and the like (400), and so does the client', async () => {
    const llm = { model: 'm', concurrency: 1, timeoutMs: 5000 };
    for (const baseURL of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,x', 'ftp://127.0.0.1/v1', 'http://', '127.0.0.1:8000']) {
      const r = await call('settings.setLlm', { ...llm, baseURL });
      expect(r.status, baseURL).toBe(400);
      expect(JSON.parse(r.text).error).toContain('baseURL: must be an http:// or https:// URL');
      expect(() => createLlmClient({ ...llm, baseURL, maxRetries: 0 })).toThrow(`LLM settings: baseURL: must be an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1 (got baseURL '${baseURL}')`);
    }
    for (const ok of ['http://127.0.0.1:8000/v1', 'https://api.openai.com/v1']) expect(HttpUrlSchema.parse(ok)).toBe(ok);
    expect((await call('settings.setLlm', { ...llm, baseURL: 'http://127.0.0.1:8000/v1' })).status).toBe(200);
  });
});
