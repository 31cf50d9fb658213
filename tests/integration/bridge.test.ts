import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../../src-main/app/compose';
import type { AppContext } from '../../src-main/app/context';
import { type Bridge, startBridge } from '../../src-main/bridge/server';
import { tempDir } from '../support/serve';

function rawRequest(port: number, opts: http.RequestOptions, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, ...opts }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('loopback bridge', () => {
  let ctx: AppContext;
  let bridge: Bridge;
  beforeAll(async () => {
    ctx = openAppContext({ dbPath: path.join(tempDir(), 'b.sqlite') });
    bridge = await startBridge({ ctx, token: 'secret-token-123' });
  });
  afterAll(async () => {
    await bridge.close();
    ctx.close();
  });

  it('binds to 127.0.0.1 only', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`);
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const none = await rawRequest(bridge.port, { method: 'POST', path: '/api/app.info' }, '{}');
    expect(none.status).toBe(401);
    const wrong = await rawRequest(bridge.port, { method: 'POST', path: '/api/app.info', headers: { authorization: 'Bearer nope' } }, '{}');
    expect(wrong.status).toBe(401);
  });

  it('answers a valid call and validates payloads with zod', async () => {
    const auth = { authorization: 'Bearer secret-token-123' };
    const ok = await rawRequest(bridge.port, { method: 'POST', path: '/api/app.info', headers: auth }, '{}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result.schemaVersion).toBe(SCHEMA_VERSION);
    const bad = await rawRequest(bridge.port, { method: 'POST', path: '/api/examples.list', headers: auth }, '{"filter":{},"offset":-1,"limit":10}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/^invalid request for examples.list: offset: /) });
    const unknown = await rawRequest(bridge.port, { method: 'POST', path: '/api/nope', headers: auth }, '{}');
    expect(unknown.status).toBe(404);
    // the same envelope Electron IPC returns (tests/unit/security/preload-sandbox.test.ts)
    expect(JSON.parse(unknown.body)).toEqual({ ok: false, status: 404, error: "unknown channel 'nope'" });
    const notJson = await rawRequest(bridge.port, { method: 'POST', path: '/api/app.info', headers: auth }, '{oops');
    expect(notJson.status).toBe(400);
  });

  it('is not reachable from a non-loopback address of this machine', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!external) return; // no network interface besides loopback: nothing else to connect from
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const req = http.request({ host: external, port: bridge.port, method: 'POST', path: '/api/app.info' }, () => resolve(new Error('connected') as NodeJS.ErrnoException));
      req.on('error', resolve);
      req.end('{}');
    });
    expect(err.code).toBe('ECONNREFUSED');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await rawRequest(bridge.port, { method: 'POST', path: '/api/app.info', headers: { host: 'evil.example:80', authorization: 'Bearer secret-token-123' } }, '{}');
    expect(r.status).toBe(403);
  });

  it('never stores the LLM key in SQLite', async () => {
    const auth = { authorization: 'Bearer secret-token-123', 'content-type': 'application/json' };
    const body = JSON.stringify({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', concurrency: 2, timeoutMs: 5000, apiKey: 'sk-test-SECRET-9999' });
    const r = await rawRequest(bridge.port, { method: 'POST', path: '/api/settings.setLlm', headers: auth }, body);
    expect(r.status).toBe(200);
    const rows = ctx.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    expect(rows).toEqual([{ key: 'llm', value: JSON.stringify({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', concurrency: 2, timeoutMs: 5000 }) }]);
    const got = await rawRequest(bridge.port, { method: 'POST', path: '/api/settings.get', headers: auth }, '{}');
    expect(JSON.parse(got.body).result.llm.apiKeySet).toBe(true);
    expect(got.body).not.toContain('SECRET');
  });
});
